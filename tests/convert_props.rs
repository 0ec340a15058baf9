//! Properties of conversion (proptest):
//! - decode(encode(text)) == text for every text the target encoding can hold, and exactly the
//!   characters it cannot hold are reported;
//! - converting an already converted file changes nothing;
//! - the output always re-checks clean, or the conversion refuses (and offers no bytes), whatever
//!   the input and however it is chunked.

use std::path::Path;

use csv_preflight::convert::{convert, ConvertCode, ConvertOptions, ConvertStatus, Converter};
use csv_preflight::{builtin, check, CheckOptions, Profile, Severity, TextEncoding};
use proptest::prelude::*;

fn people() -> Profile {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/convert/people.profile.json");
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn options() -> ConvertOptions {
    ConvertOptions {
        date: Some("2026-11-21".into()),
        force: true,
        ..ConvertOptions::default()
    }
}

/// Characters from every script the encodings cover, and some none of them do.
const POOL: &[char] = &[
    'a', 'Z', '0', ' ', ',', '"', '\'', '#', '@', '-', 'é', 'ß', '€', 'ア', 'ｱ', 'あ', '山', '田',
    '髙', '﨑', '①', '㈱', '김', '민', '张', '华', '東', '華', '😀', 'Ω', 'Ж', '\u{3000}', 'Ａ',
    '１', '～', '〜', '—', '¥', '\\', '∑',
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(POOL), 0..12)
        .prop_map(|chars| chars.into_iter().collect())
}

fn quoted(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

const LEGACY: [TextEncoding; 6] = [
    TextEncoding::ShiftJis,
    TextEncoding::EucJp,
    TextEncoding::EucKr,
    TextEncoding::Big5,
    TextEncoding::Gbk,
    TextEncoding::Gb18030,
];

fn run(source: &Profile, input: &[u8], target: &Profile, o: ConvertOptions) -> Vec<u8> {
    let mut c = Converter::with_source(source, target, o).unwrap();
    c.push(input);
    let mut out = c.take_output();
    out.extend(c.finish().unwrap().bytes);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn decode_of_encode_is_the_text_where_the_encoding_holds_it(
        name in text(),
        city in text(),
        enc in proptest::sample::select(&LEGACY[..]),
    ) {
        let p = people();
        let csv = format!("id,name,city,email\r\n1,{},{},a@example.com\r\n", quoted(&name), quoted(&city));
        // The reference: the same file written by conversion in UTF-8 (repairs applied once).
        let reference = run(&p, csv.as_bytes(), &p, ConvertOptions { bom: Some(false), ..options() });
        let mut c = Converter::with_source(&p, &p, ConvertOptions { encoding: Some(enc), ..options() }).unwrap();
        c.push(&reference);
        let mut encoded = c.take_output();
        let result = c.finish().unwrap();
        encoded.extend(&result.bytes);
        // Exactly the characters encoding_rs cannot encode are reported.
        let text = String::from_utf8(reference.clone()).unwrap();
        let expected = text
            .chars()
            .filter(|ch| {
                // Not encodable, or not read back as itself (¥ → 5C → \ in Shift_JIS).
                let one = ch.to_string();
                let (bytes, _, unmappable) = enc.encoding_rs().encode(&one);
                let (back, _, _) = enc.encoding_rs().decode(&bytes);
                unmappable || back != one
            })
            .count();
        let reported = result
            .diagnostics
            .iter()
            .filter(|d| d.code == ConvertCode::UnrepresentableCharacter)
            .count();
        prop_assert_eq!(reported, expected);
        for d in result.diagnostics.iter().filter(|d| d.code == ConvertCode::UnrepresentableCharacter) {
            prop_assert_eq!(encoded.get(d.byte.unwrap_or(u64::MAX) as usize), Some(&b'?'));
        }
        if expected == 0 {
            let back = run(
                &p,
                &encoded,
                &p,
                ConvertOptions {
                    source_encoding: Some(enc),
                    encoding: Some(TextEncoding::Utf8),
                    bom: Some(false),
                    ..options()
                },
            );
            prop_assert_eq!(back, reference);
        }
    }

    #[test]
    fn converting_a_converted_file_changes_nothing(
        rows in proptest::collection::vec((text(), text(), 0usize..6, 0usize..4), 1..6),
        target in proptest::sample::select(vec![
            "fujifilm-iwpro/add-users", "canon/users", "celf/users", "learningbox/users",
            "flat/users-total", "flat/users-differential",
        ]),
        labels in proptest::sample::select(vec![
            "氏名,メールアドレス,言語,部署",
            "name,mail_address,language,department",
            "Full Name,E-mail,Lang,Dept",
        ]),
    ) {
        let target = builtin(target).unwrap();
        let languages = ["ja", "JA", "日本語", "English", "en", "ＥＮ"];
        let mut csv = format!("{labels}\r\n");
        for (i, (name, dept, lang, mail)) in rows.iter().enumerate() {
            let mail = match mail {
                0 => format!("u{i}@example.com"),
                1 => format!(" u{i}@example.com "),
                2 => format!("ｕ{i}＠example.com"),
                _ => format!("U{i}@Example.com"),
            };
            csv.push_str(&format!(
                "{},{},{},{}\r\n",
                quoted(name),
                quoted(&mail),
                languages[*lang],
                quoted(dept)
            ));
        }
        let first = convert(csv.as_bytes(), &target, options()).unwrap();
        prop_assert!(!first.bytes.is_empty());
        let second = convert(&first.bytes, &target, options()).unwrap();
        prop_assert_eq!(&second.source.profile, &target.id);
        prop_assert_eq!(second.changes.clone(), vec![]);
        prop_assert_eq!(second.bytes, first.bytes);
    }

    #[test]
    fn the_output_re_checks_clean_or_the_conversion_refuses(
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        cells in proptest::collection::vec(text(), 0..12),
        target in proptest::sample::select(vec![
            "fujifilm-iwpro/add-users", "canon/users", "celf/users", "learningbox/users",
            "flat/users-differential",
        ]),
        chunk in 1usize..40,
        use_cells in any::<bool>(),
    ) {
        let target = builtin(target).unwrap();
        let input = if use_cells {
            let mut csv = String::from("mail_address,family_name,given_name,language\r\n");
            for row in cells.chunks(4) {
                let row: Vec<String> = row.iter().map(|c| quoted(c)).collect();
                csv.push_str(&row.join(","));
                csv.push_str("\r\n");
            }
            csv.into_bytes()
        } else {
            bytes
        };
        let o = ConvertOptions { force: false, ..options() };
        let whole = convert(&input, &target, o.clone()).unwrap();
        let errors = whole.summary.errors + whole.report.summary.errors;
        match whole.status {
            ConvertStatus::Ready => {
                prop_assert_eq!(errors, 0);
                prop_assert!(whole.refusal.is_none());
                let report = check(
                    &whole.bytes,
                    &target,
                    CheckOptions { file_name: Some(whole.file_name.clone()), ..CheckOptions::default() },
                )
                .unwrap();
                prop_assert!(report.valid, "{:?}", report.diagnostics);
                prop_assert!(whole.diagnostics.iter().all(|d| d.severity != Severity::Error));
            }
            ConvertStatus::Refused => {
                prop_assert!(errors > 0);
                prop_assert!(whole.bytes.is_empty());
                prop_assert!(whole.refusal.is_some());
            }
            ConvertStatus::Forced => prop_assert!(false, "not forced"),
        }
        // Chunked: the same result.
        let mut c = Converter::new(&target, o).unwrap();
        let mut out = Vec::new();
        for piece in input.chunks(chunk) {
            c.push(piece);
            out.extend(c.take_output());
        }
        let chunked = c.finish().unwrap();
        out.extend(&chunked.bytes);
        prop_assert_eq!(chunked.status, whole.status);
        if whole.status == ConvertStatus::Ready {
            prop_assert_eq!(out, whole.bytes);
        }
        prop_assert_eq!(chunked.changes, whole.changes);
        prop_assert_eq!(chunked.diagnostics, whole.diagnostics);
    }
}
