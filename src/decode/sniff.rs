//! Byte order marks and UTF-16 without a BOM, from the first bytes of a file.

use super::{Bom, TextEncoding};

/// Finds a byte order mark at the start of `prefix` (the first `min(len, 3)`
/// bytes of the file). A prefix too short to hold a whole BOM has none.
pub fn sniff_bom(prefix: &[u8]) -> Option<Bom> {
    if prefix.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(Bom::Utf8)
    } else if prefix.starts_with(&[0xFF, 0xFE]) {
        Some(Bom::Utf16Le)
    } else if prefix.starts_with(&[0xFE, 0xFF]) {
        Some(Bom::Utf16Be)
    } else {
        None
    }
}

/// Detects UTF-16 without a BOM from the first `min(len, 256)` bytes.
///
/// Rule: take the even-length part of the prefix (at least 4 bytes). It is
/// UTF-16 LE when at least 90% of its byte pairs are `[non-zero, 0]` (an
/// ASCII/Latin-1 character), UTF-16 BE for the mirror `[0, non-zero]`, and the
/// prefix is not plausibly anything else: no `[0, 0]` pair (that would be
/// UTF-32 or binary data) and, read as UTF-16, no unpaired surrogate (one cut
/// at the very end is allowed). ASCII-compatible text never contains NUL
/// bytes, so it never matches. UTF-16 whose first 256 bytes are mostly
/// non-Latin characters is not detected (Excel always writes a BOM).
pub fn sniff_utf16(prefix: &[u8]) -> Option<TextEncoding> {
    let prefix = prefix.get(..prefix.len().min(256)).unwrap_or(prefix);
    let even = prefix.get(..prefix.len() & !1).unwrap_or(&[]);
    let pairs = even.len() / 2;
    if pairs < 2 {
        return None;
    }
    let mut le = 0usize;
    let mut be = 0usize;
    for pair in even.chunks_exact(2) {
        match *pair {
            [0, 0] => return None,
            [_, 0] => le += 1,
            [0, _] => be += 1,
            _ => {}
        }
    }
    let candidate = if le * 10 >= pairs * 9 {
        TextEncoding::Utf16Le
    } else if be * 10 >= pairs * 9 {
        TextEncoding::Utf16Be
    } else {
        return None;
    };
    let big_endian = candidate == TextEncoding::Utf16Be;
    let mut units = even.chunks_exact(2).map(|pair| match *pair {
        [a, b] if big_endian => u16::from_be_bytes([a, b]),
        [a, b] => u16::from_le_bytes([a, b]),
        _ => 0,
    });
    while let Some(unit) = units.next() {
        match unit {
            0xD800..=0xDBFF => match units.next() {
                None | Some(0xDC00..=0xDFFF) => {}
                Some(_) => return None,
            },
            0xDC00..=0xDFFF => return None,
            _ => {}
        }
    }
    Some(candidate)
}
