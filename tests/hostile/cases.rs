//! The hostile inputs, generated (nothing large is committed). Shared by `tests/hostile.rs`, which
//! asserts the outcome of each, and `benches/hostile.rs`, which times them.
#![allow(dead_code)]

/// The IWpro add-users header (11 columns).
pub const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";
/// A valid IWpro add-users row.
pub const ROW: &str = "taro@example.com,Yamada,Taro,ja,,,,,,,\r\n";

/// The profile the CSV cases are checked against.
pub const PROFILE: &str = "fujifilm-iwpro/add-users";

fn with_header(rows: &[&[u8]]) -> Vec<u8> {
    let mut out = HEADER.as_bytes().to_vec();
    for row in rows {
        out.extend_from_slice(row);
    }
    out
}

/// A 10 MiB quoted value in `family_name` (a quote that is never closed where it should be).
pub fn ten_mb_field() -> Vec<u8> {
    let mut row = b"taro@example.com,\"".to_vec();
    row.resize(row.len() + (10 << 20), b'a');
    row.extend_from_slice(b"\",Taro,ja,,,,,,,\r\n");
    with_header(&[&row])
}

/// A data row of 100,000 fields.
pub fn hundred_thousand_columns() -> Vec<u8> {
    let mut row = b"taro@example.com,Yamada,Taro,ja".to_vec();
    for _ in 4..100_000 {
        row.extend_from_slice(b",x");
    }
    row.extend_from_slice(b"\r\n");
    with_header(&[&row])
}

/// 3,000 fields of 2 KiB each: every field is under the field limit (1 MiB) and the field count
/// under its limit (4,096), the row (6 MiB) over the record limit (4 MiB).
pub fn long_record() -> Vec<u8> {
    let mut row = b"taro@example.com,Yamada,Taro,ja,,,".to_vec();
    let cell = vec![b'x'; 2048];
    for i in 0..3_000 {
        if i > 0 {
            row.push(b',');
        }
        row.extend_from_slice(&cell);
    }
    row.extend_from_slice(b"\r\n");
    with_header(&[&row])
}

/// A quote before the header that is never closed: the whole file is one field.
pub fn unterminated_quote_at_start() -> Vec<u8> {
    let mut out = b"\"".to_vec();
    out.extend_from_slice(HEADER.as_bytes());
    out.extend_from_slice(ROW.as_bytes());
    out
}

/// 1 MiB of NUL bytes and nothing else.
pub fn nul_flood() -> Vec<u8> {
    vec![0; 1 << 20]
}

/// A header, then a row whose `family_name` is 100,000 NUL bytes.
pub fn nul_cell() -> Vec<u8> {
    let mut row = b"taro@example.com,".to_vec();
    row.resize(row.len() + 100_000, 0);
    row.extend_from_slice(b",Taro,ja,,,,,,,\r\n");
    with_header(&[&row])
}

/// A header, then a row whose `family_name` is `n` bytes of 0xFF (invalid in every encoding).
pub fn invalid_cell(n: usize) -> Vec<u8> {
    let mut row = b"taro@example.com,".to_vec();
    row.resize(row.len() + n, 0xFF);
    row.extend_from_slice(b",Taro,ja,,,,,,,\r\n");
    with_header(&[&row])
}

/// The short valid file whose bytes are replaced, one position at a time, by 0xFF.
pub fn short_file() -> Vec<u8> {
    with_header(&[ROW.as_bytes()])
}

/// `short_file` with the byte at `at` replaced by `bad`.
pub fn invalid_byte_at(at: usize, bad: u8) -> Vec<u8> {
    let mut out = short_file();
    if let Some(b) = out.get_mut(at) {
        *b = bad;
    }
    out
}

/// A UTF-8 byte order mark and nothing else.
pub fn bom_only() -> Vec<u8> {
    vec![0xEF, 0xBB, 0xBF]
}

/// No bytes at all.
pub fn empty() -> Vec<u8> {
    Vec::new()
}

/// The header and no data row.
pub fn header_only() -> Vec<u8> {
    HEADER.as_bytes().to_vec()
}

/// One valid row, then a million blank lines.
pub fn million_blank_lines() -> Vec<u8> {
    let mut out = with_header(&[ROW.as_bytes()]);
    out.resize(out.len() + 2_000_000, b'\n');
    for pair in out[HEADER.len() + ROW.len()..].chunks_exact_mut(2) {
        pair[0] = b'\r';
    }
    out
}

/// A million blank lines between the header and a valid row.
pub fn million_blank_rows() -> Vec<u8> {
    let mut out = HEADER.as_bytes().to_vec();
    for _ in 0..1_000_000 {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(ROW.as_bytes());
    out
}

/// Rows 2–11 in UTF-8 (Japanese names), then row 12 in Shift_JIS: UTF-8 dominates.
pub fn mixed_encodings_mostly_utf8() -> Vec<u8> {
    let mut utf8 = String::new();
    for i in 0..10 {
        utf8.push_str(&format!("u{i}@example.com,山田,太郎,ja,,,,,,,\r\n"));
    }
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("s@example.com,鈴木,一郎,ja,,,,,,,\r\n");
    with_header(&[utf8.as_bytes(), &sjis])
}

/// Rows 2–3 in UTF-8, rows 4–5 in Shift_JIS: as much of one as of the other.
pub fn mixed_encodings_balanced() -> Vec<u8> {
    let utf8 = "a@example.com,山田,太郎,ja,,,,,,,\r\nb@example.com,佐藤,花子,ja,,,,,,,\r\n";
    let sjis_text = "c@example.com,鈴木,一郎,ja,,,,,,,\r\nd@example.com,高橋,次郎,ja,,,,,,,\r\n";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(sjis_text);
    with_header(&[utf8.as_bytes(), &sjis])
}

/// A minimal custom profile: one column `id` with `pattern` (JSON-escaped by the caller).
pub fn profile_with_pattern(pattern: &str) -> String {
    serde_json::json!({
        "formatVersion": 1,
        "id": "custom/hostile",
        "system": "test",
        "title": {"en": "hostile", "ja": "hostile"},
        "file": {"encodings": ["utf-8"], "delimiters": ["comma"]},
        "columns": [{
            "name": "id",
            "value": "required",
            "check": {"pattern": {"regex": pattern, "description": {"en": "an ID", "ja": "ID"}}}
        }]
    })
    .to_string()
}

/// A custom profile of `n` columns `c0`, `c1`, ..., each with `pattern`.
pub fn profile_with_columns(n: usize, pattern: Option<&str>) -> String {
    let columns: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut c = serde_json::json!({"name": format!("c{i}")});
            if let Some(p) = pattern {
                c["check"] = serde_json::json!({"pattern": {"regex": p, "description": {"en": "x", "ja": "x"}}});
            }
            c
        })
        .collect();
    serde_json::json!({
        "formatVersion": 1,
        "id": "custom/wide",
        "system": "test",
        "title": {"en": "wide", "ja": "wide"},
        "file": {"encodings": ["utf-8"], "delimiters": ["comma"]},
        "columns": columns
    })
    .to_string()
}

/// `id` header, then one row of `len` times `a`.
pub fn id_row(len: usize) -> Vec<u8> {
    let mut out = b"id\r\n".to_vec();
    out.resize(out.len() + len, b'a');
    out.extend_from_slice(b"\r\n");
    out
}

/// Arrays nested `depth` deep at the top level.
pub fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A valid profile except that a parameter's default is nested `depth` arrays deep.
pub fn nested_in_a_parameter(depth: usize) -> String {
    let head = r#"{"formatVersion":1,"id":"custom/nested","system":"x","title":{"en":"x","ja":"x"},"parameters":[{"name":"p","type":"stringList","title":{"en":"x","ja":"x"},"default":"#;
    let tail =
        r#"}],"file":{"encodings":["utf-8"],"delimiters":["comma"]},"columns":[{"name":"id"}]}"#;
    format!("{head}{}{tail}", nested_arrays(depth))
}

/// A profile JSON over the size limit (2 MiB of description).
pub fn huge_profile() -> String {
    let mut p: serde_json::Value =
        serde_json::from_str(&profile_with_columns(1, None)).unwrap_or_default();
    p["description"] = serde_json::json!({"en": "x".repeat(2 << 20), "ja": "x"});
    p.to_string()
}
