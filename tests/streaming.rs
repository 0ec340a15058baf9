//! The same file split into chunks at every byte boundary gives the same report as the whole buffer.

mod common;

use csv_preflight::{builtin, check, CheckOptions};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for op in ["add-users", "invite-users", "update-users", "delete-users"] {
        let dir = common::fixtures().join(format!("fujifilm-iwpro-{op}"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            out.push((
                format!("fujifilm-iwpro/{op}"),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn two_chunks_split_at_every_byte_equal_the_whole_buffer() {
    for (id, bytes) in fixtures() {
        let profile = builtin(&id).unwrap();
        let whole = check(&bytes, &profile, CheckOptions::default()).unwrap();
        for split in 0..=bytes.len() {
            let mut checker =
                csv_preflight::Checker::new(&profile, CheckOptions::default()).unwrap();
            let (a, b) = bytes.split_at(split);
            checker.push(a);
            checker.push(b);
            assert_eq!(checker.finish(), whole, "{id}: split at {split}");
        }
    }
}

#[test]
fn small_chunk_sizes_equal_the_whole_buffer() {
    for (id, bytes) in fixtures() {
        let profile = builtin(&id).unwrap();
        let whole = check(&bytes, &profile, CheckOptions::default()).unwrap();
        for size in [1, 2, 3, 5, 7, 64, 4096] {
            let chunked = common::check_chunked(&bytes, &profile, CheckOptions::default(), size);
            assert_eq!(chunked, whole, "{id}: chunks of {size}");
        }
    }
}

#[test]
fn a_file_larger_than_the_sniff_window_streams_identically() {
    // 3,000 rows (> 64 KiB prelude, > 16 KiB evidence, > 4096 held-back records would need more),
    // Japanese names from row 1,500 on so the encoding decision happens mid-stream.
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let mut csv = String::from("mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n");
    for i in 0..3000 {
        let (family, given) = if i < 1500 {
            ("Yamada", "Taro")
        } else {
            ("山田", "太郎")
        };
        let lang = if i % 997 == 0 { "JA" } else { "ja" };
        csv.push_str(&format!(
            "user{i}@example.com,{family},{given},{lang},,NCS001,,,,,\r\n"
        ));
    }
    let bytes = encoding_rs::SHIFT_JIS.encode(&csv).0.into_owned();
    let whole = check(&bytes, &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        whole.detected.encoding,
        Some(csv_preflight::TextEncoding::ShiftJis)
    );
    assert_eq!(whole.summary.rows, 3000);
    assert_eq!(whole.summary.errors, 1 + 4); // encoding-not-accepted + four "JA"
    for size in [1, 13, 4096, 65_536, 70_000] {
        assert_eq!(
            common::check_chunked(&bytes, &profile, CheckOptions::default(), size),
            whole,
            "chunks of {size}"
        );
    }
}

#[test]
fn a_header_line_longer_than_the_sniff_window_is_decided_the_same_however_chunked() {
    // The delimiters come after the first 64 KiB, which hold no delimiter: the profile's own
    // (FLAT's tab) every time, never the comma a window reaching further would see.
    let mut bytes = "x".repeat(70_000).into_bytes();
    bytes.extend_from_slice(b",a,b,c\r\nv,1,2,3\r\n");
    let profile = builtin("flat/users-total").unwrap();
    let whole = check(&bytes, &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        whole.detected.delimiter,
        Some(csv_preflight::profile::Delimiter::Tab)
    );
    for chunk in [1, 1000, 65_535, 65_536, 65_537, 69_999] {
        let mut checker = csv_preflight::Checker::new(&profile, CheckOptions::default()).unwrap();
        for piece in bytes.chunks(chunk) {
            checker.push(piece);
        }
        assert_eq!(checker.finish(), whole, "chunks of {chunk}");
    }
}

#[test]
fn a_file_with_lone_cr_line_endings_takes_its_delimiter_from_its_header() {
    // Semicolons in the data rows outvoted the header's commas when the header line ran to the
    // end of the window (only LF ended a line).
    let row = "u0@example.com,Yamada;Jr;III;IV,Taro;M;N,ja\r";
    let cr = format!(
        "mail_address,family_name,given_name,language\r{}",
        row.repeat(3)
    );
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = check(cr.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        report.detected.delimiter,
        Some(csv_preflight::profile::Delimiter::Comma)
    );
    assert_eq!(report.detected.header.len(), 4);
}
