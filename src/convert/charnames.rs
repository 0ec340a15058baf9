//! Names of the characters that conversion reports, so that an administrator can find them: the
//! Unicode name where it can be derived (CJK ideographs, circled numbers, Roman numerals) or is
//! listed here (the common Windows-only symbols), and a plain alternative for the usual suspects.

/// Unicode names of the CP932 symbols administrators meet most (NEC row 13).
const NAMES: &[(char, &str)] = &[
    ('\u{3231}', "PARENTHESIZED IDEOGRAPH STOCK"),
    ('\u{3232}', "PARENTHESIZED IDEOGRAPH HAVE"),
    ('\u{3239}', "PARENTHESIZED IDEOGRAPH REPRESENT"),
    ('\u{32A4}', "CIRCLED IDEOGRAPH HIGH"),
    ('\u{32A5}', "CIRCLED IDEOGRAPH CENTRE"),
    ('\u{32A6}', "CIRCLED IDEOGRAPH LOW"),
    ('\u{32A7}', "CIRCLED IDEOGRAPH LEFT"),
    ('\u{32A8}', "CIRCLED IDEOGRAPH RIGHT"),
    ('\u{2116}', "NUMERO SIGN"),
    ('\u{2121}', "TELEPHONE SIGN"),
    ('\u{3349}', "SQUARE MIRI"),
    ('\u{3314}', "SQUARE KIRO"),
    ('\u{3322}', "SQUARE SENTI"),
    ('\u{334D}', "SQUARE MEETORU"),
    ('\u{3318}', "SQUARE GURAMU"),
    ('\u{3327}', "SQUARE TON"),
    ('\u{3303}', "SQUARE AARU"),
    ('\u{3336}', "SQUARE HEKUTAARU"),
    ('\u{3351}', "SQUARE RITTORU"),
    ('\u{3357}', "SQUARE WATTO"),
    ('\u{330D}', "SQUARE KARORII"),
    ('\u{3326}', "SQUARE DORU"),
    ('\u{3323}', "SQUARE SENTO"),
    ('\u{334B}', "SQUARE MEGA"),
    ('\u{337B}', "SQUARE ERA NAME HEISEI"),
    ('\u{337C}', "SQUARE ERA NAME SYOUWA"),
    ('\u{337D}', "SQUARE ERA NAME TAISYOU"),
    ('\u{337E}', "SQUARE ERA NAME MEIZI"),
    ('\u{33CD}', "SQUARE KK"),
    ('\u{301D}', "REVERSED DOUBLE PRIME QUOTATION MARK"),
    ('\u{301F}', "LOW DOUBLE PRIME QUOTATION MARK"),
    ('\u{FFE4}', "FULLWIDTH BROKEN BAR"),
    ('\u{FF07}', "FULLWIDTH APOSTROPHE"),
    ('\u{FF02}', "FULLWIDTH QUOTATION MARK"),
];

/// Plain alternatives for Windows-only characters (shown as a suggestion, never applied unless
/// the user puts them in the substitution table).
const ALTERNATIVES: &[(char, &str)] = &[
    ('\u{9AD9}', "高"),
    ('\u{FA11}', "崎"),
    ('\u{5FB7}', "徳"),
    ('\u{7028}', "瀬"),
    ('\u{6801}', "柳"),
    ('\u{FA12}', "晴"),
    ('\u{3231}', "(株)"),
    ('\u{3232}', "(有)"),
    ('\u{3239}', "(代)"),
    ('\u{2116}', "No."),
    ('\u{2121}', "TEL"),
    ('\u{337B}', "平成"),
    ('\u{337C}', "昭和"),
    ('\u{337D}', "大正"),
    ('\u{337E}', "明治"),
    ('\u{FFE4}', "|"),
    ('\u{FF07}', "'"),
    ('\u{FF02}', "\""),
];

const ROMAN: [&str; 12] = [
    "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN",
    "TWELVE",
];

/// The Unicode name of `ch`, where this module knows it.
pub(crate) fn unicode_name(ch: char) -> Option<String> {
    let cp = ch as u32;
    if let Some((_, name)) = NAMES.iter().find(|(c, _)| *c == ch) {
        return Some((*name).to_string());
    }
    match cp {
        0x2460..=0x2473 => Some(circled_name(cp - 0x2460 + 1)),
        0x2160..=0x216B => ROMAN
            .get((cp - 0x2160) as usize)
            .map(|n| format!("ROMAN NUMERAL {n}")),
        0x2170..=0x217B => ROMAN
            .get((cp - 0x2170) as usize)
            .map(|n| format!("SMALL ROMAN NUMERAL {n}")),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x3134F => {
            Some(format!("CJK UNIFIED IDEOGRAPH-{cp:04X}"))
        }
        0xF900..=0xFAFF => Some(format!("CJK COMPATIBILITY IDEOGRAPH-{cp:04X}")),
        0xAC00..=0xD7A3 => Some(hangul_name(cp - 0xAC00)),
        0xE000..=0xF8FF => Some("PRIVATE USE CHARACTER".to_string()),
        _ => None,
    }
}

/// `HANGUL SYLLABLE GIM`: the name is made of the syllable's jamo (Unicode chapter 3.12).
fn hangul_name(index: u32) -> String {
    const L: [&str; 19] = [
        "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
        "P", "H",
    ];
    const V: [&str; 21] = [
        "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
        "WE", "WI", "YU", "EU", "YI", "I",
    ];
    const T: [&str; 28] = [
        "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
        "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
    ];
    let part = |table: &[&'static str], i: u32| table.get(i as usize).copied().unwrap_or("");
    format!(
        "HANGUL SYLLABLE {}{}{}",
        part(&L, index / 588),
        part(&V, (index % 588) / 28),
        part(&T, index % 28)
    )
}

/// `CIRCLED DIGIT ONE` … `CIRCLED DIGIT NINE`, then `CIRCLED NUMBER TEN` … `TWENTY`.
fn circled_name(n: u32) -> String {
    const WORDS: [&str; 20] = [
        "ONE",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
        "ELEVEN",
        "TWELVE",
        "THIRTEEN",
        "FOURTEEN",
        "FIFTEEN",
        "SIXTEEN",
        "SEVENTEEN",
        "EIGHTEEN",
        "NINETEEN",
        "TWENTY",
    ];
    let word = WORDS.get(n.saturating_sub(1) as usize).unwrap_or(&"");
    if n < 10 {
        format!("CIRCLED DIGIT {word}")
    } else {
        format!("CIRCLED NUMBER {word}")
    }
}

/// A plain alternative for `ch`, if there is a usual one.
pub(crate) fn alternative(ch: char) -> Option<String> {
    let cp = ch as u32;
    if let Some((_, alt)) = ALTERNATIVES.iter().find(|(c, _)| *c == ch) {
        return Some((*alt).to_string());
    }
    match cp {
        0x2460..=0x2473 => Some(format!("({})", cp - 0x2460 + 1)),
        0x2160..=0x216B => Some(roman_ascii(cp - 0x2160 + 1).to_string()),
        0x2170..=0x217B => Some(roman_ascii(cp - 0x2170 + 1).to_ascii_lowercase()),
        _ => None,
    }
}

fn roman_ascii(n: u32) -> &'static str {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R.get(n.saturating_sub(1) as usize).copied().unwrap_or("")
}

/// `"①" (U+2460 CIRCLED DIGIT ONE)` — the character, its code point and its name if known.
pub(crate) fn describe(ch: char, japanese: bool) -> String {
    let code = format!("U+{:04X}", ch as u32);
    let tail = match unicode_name(ch) {
        Some(name) => format!("{code} {name}"),
        None => code,
    };
    if japanese {
        format!("「{ch}」（{tail}）")
    } else {
        format!("\"{ch}\" ({tail})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_usual_suspects() {
        assert_eq!(describe('①', false), "\"①\" (U+2460 CIRCLED DIGIT ONE)");
        assert_eq!(unicode_name('⑩').as_deref(), Some("CIRCLED NUMBER TEN"));
        assert_eq!(
            describe('㈱', true),
            "「㈱」（U+3231 PARENTHESIZED IDEOGRAPH STOCK）"
        );
        assert_eq!(
            unicode_name('髙').as_deref(),
            Some("CJK UNIFIED IDEOGRAPH-9AD9")
        );
        assert_eq!(unicode_name('Ⅲ').as_deref(), Some("ROMAN NUMERAL THREE"));
        assert_eq!(unicode_name('김').as_deref(), Some("HANGUL SYLLABLE GIM"));
        assert_eq!(unicode_name('울').as_deref(), Some("HANGUL SYLLABLE UL"));
        assert_eq!(unicode_name('가').as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(alternative('髙').as_deref(), Some("高"));
        assert_eq!(alternative('③').as_deref(), Some("(3)"));
        assert_eq!(alternative('ⅳ').as_deref(), Some("iv"));
        assert_eq!(describe('a', false), "\"a\" (U+0061)");
    }
}
