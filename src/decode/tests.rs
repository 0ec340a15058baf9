//! Identification, decoding and transcoding tests with exact assertions.

use std::borrow::Cow;

use super::identify::count_malformed;
use super::*;
use serde::de::IntoDeserializer;
use serde::Deserialize;

const JA: &str = "mail_address,last_name,first_name,last_name_kana,first_name_kana,phone,department,lang\r\n\
yamada@example.com,山田,太郎,ヤマダ,タロウ,０３－１２３４－５６７８,営業部,ja\r\n\
sato@example.com,佐藤,さくら,サトウ,サクラ,090-1234-5678,経理部①,ja\r\n\
takahashi@example.com,髙橋,一郎,タカハシ,イチロウ,０６－９８７６－５４３２,㈱テスト商事 総務課,ja\r\n\
suzuki@example.com,鈴木,花子,スズキ,ハナコ,045-111-2222,開発本部 第２グループ,ja\r\n";

/// Half-width katakana readings, as older Japanese systems export them.
const JA_HALF_WIDTH: &str = "mail_address,name,name_kana,lang\r\n\
yamada@example.com,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,ja\r\n\
sato@example.com,佐藤 さくら,ｻﾄｳ ｻｸﾗ,ja\r\n\
kobayashi@example.com,小林 健太,ｺﾊﾞﾔｼ ｹﾝﾀ,ja\r\n";

const KO: &str = "mail_address,name,address,lang\r\n\
kim.minsu@example.kr,김민수,서울특별시 강남구,ko\r\n\
lee.seoyeon@example.kr,이서연,부산광역시 해운대구,ko\r\n\
park.jihoon@example.kr,박지훈,인사팀 과장,ko\r\n\
choi.yuna@example.kr,최유나,영업본부,ko\r\n";

const ZH_HANT: &str = "mail_address,name,address,lang\r\n\
chan.taiman@example.hk,陳大文,香港九龍旺角,zh-hant\r\n\
lin.meiling@example.tw,林美玲,台北市信義區,zh-hant\r\n\
chang.chihming@example.tw,張志明,人力資源部經理,zh-hant\r\n\
wang.chienkuo@example.tw,王建國,高雄市前鎮區,zh-hant\r\n";

const ZH_HANS: &str = "mail_address,name,address,lang\r\n\
wang.xiaoming@example.cn,王小明,北京市海淀区,zh-hans\r\n\
li.hua@example.cn,李华,上海市浦东新区,zh-hans\r\n\
zhang.wei@example.cn,张伟,人力资源部经理,zh-hans\r\n\
liu.yang@example.cn,刘洋,广州市天河区,zh-hans\r\n";

use TextEncoding::*;

fn encode(text: &str, encoding: TextEncoding) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encoding_rs().encode(text);
    assert_eq!(used, encoding.encoding_rs());
    assert!(!unmappable, "{text:?} is not encodable in {encoding:?}");
    bytes.into_owned()
}

/// The non-ASCII fields of a simple (unquoted) CSV, joined with b'\n'.
fn evidence(csv: &[u8]) -> Vec<u8> {
    let fields: Vec<&[u8]> = csv
        .split(|&b| b == b'\n')
        .flat_map(|line| {
            line.strip_suffix(b"\r")
                .unwrap_or(line)
                .split(|&b| b == b',')
        })
        .filter(|field| !field.is_ascii())
        .collect();
    fields.join(&b'\n')
}

fn identify_sample(csv: &str, encoding: TextEncoding) -> Identification {
    identify(&evidence(&encode(csv, encoding)))
}

fn strict(encoding: TextEncoding, candidates: &[TextEncoding]) -> Identification {
    Identification {
        encoding,
        valid_utf8: false,
        strict_candidates: candidates.to_vec(),
        decodes_strictly: true,
    }
}

#[test]
fn identifies_japanese_shift_jis() {
    assert_eq!(
        identify_sample(JA, ShiftJis),
        strict(ShiftJis, &[ShiftJis, Gbk])
    );
}

#[test]
fn identifies_japanese_shift_jis_with_half_width_katakana() {
    assert_eq!(
        identify_sample(JA_HALF_WIDTH, ShiftJis),
        strict(ShiftJis, &[ShiftJis])
    );
}

#[test]
fn identifies_japanese_euc_jp() {
    assert_eq!(identify_sample(JA, EucJp), strict(EucJp, &[EucJp, Gbk]));
}

#[test]
fn identifies_korean_euc_kr() {
    // EUC-JP and GBK read Korean Hangul as level-1 kanji/hanzi, validly.
    assert_eq!(
        identify_sample(KO, EucKr),
        strict(EucKr, &[EucKr, EucJp, Gbk])
    );
}

#[test]
fn identifies_traditional_chinese_big5() {
    assert_eq!(identify_sample(ZH_HANT, Big5), strict(Big5, &[Big5, Gbk]));
}

#[test]
fn identifies_simplified_chinese_gbk() {
    // GB2312 level-1 hanzi in rows B0–CF read as JIS level-1 kanji.
    assert_eq!(identify_sample(ZH_HANS, Gbk), strict(Gbk, &[Gbk, EucJp]));
}

#[test]
fn identifies_short_evidence_as_documented() {
    let id = |text: &str, encoding| identify(&encode(text, encoding)).encoding;
    // Shift_JIS is unambiguous even for two kanji.
    assert_eq!(id("山田", ShiftJis), ShiftJis);
    // EUC-JP, EUC-KR, Big5 and GBK all read `山田` in EUC-JP as two
    // common characters (4 points each): the tie goes to EUC-JP.
    assert_eq!(id("山田", EucJp), EucJp);
    // Open Hangul syllable 수 gives EUC-KR the lead.
    assert_eq!(id("민수", EucKr), EucKr);
    // Two closed syllables tie with the Han readings: EUC-JP wins the tie.
    assert_eq!(id("김민", EucKr), EucJp);
    // Big5 trail bytes below A1 are invalid in EUC-JP and EUC-KR.
    assert_eq!(id("美玲", Big5), Big5);
    assert_eq!(id("陳大", Big5), Big5);
    // GB2312 rows B0–CF read as JIS level-1 kanji: ties go to EUC-JP.
    assert_eq!(id("李华", Gbk), EucJp);
    // 张 (D5C5) is level-1 in GB2312 but level-2 in JIS: GBK wins.
    assert_eq!(id("张伟", Gbk), Gbk);
    // Half-width katakana alone (bytes A1–DF) is read as EUC as well.
    assert_eq!(id("ﾔﾏﾀﾞ", ShiftJis), Gbk);
}

#[test]
fn identifies_valid_utf8() {
    let result = identify(&evidence(JA.as_bytes()));
    assert_eq!(result.encoding, Utf8);
    assert!(result.valid_utf8);
    assert!(result.decodes_strictly);
    assert_eq!(result.strict_candidates.first(), Some(&Utf8));
}

#[test]
fn ascii_or_empty_evidence_is_utf8_and_every_candidate_decodes() {
    for evidence in [&b""[..], b"plain ascii\nfields"] {
        let all = [Utf8, ShiftJis, EucJp, EucKr, Big5, Gbk];
        let result = identify(evidence);
        assert_eq!(
            result,
            Identification {
                encoding: Utf8,
                valid_utf8: true,
                strict_candidates: all.to_vec(),
                decodes_strictly: true,
            }
        );
    }
}

#[test]
fn identifies_utf8_with_one_corrupted_byte_by_fewest_errors() {
    let mut bytes = evidence(JA.as_bytes());
    // The last byte of 太 (E5 A4 AA) becomes FF: two malformed sequences
    // in UTF-8 (E5 A4, FF); FF is invalid in every legacy candidate too.
    let position = bytes
        .windows(3)
        .position(|w| w == "太".as_bytes())
        .expect("sample contains 太");
    bytes[position + 2] = 0xFF;
    let result = identify(&bytes);
    assert_eq!(
        result,
        Identification {
            encoding: Utf8,
            valid_utf8: false,
            strict_candidates: Vec::new(),
            decodes_strictly: false,
        }
    );
    assert_eq!(count_malformed(Utf8, &bytes), 2);
    for candidate in IDENTIFY_CANDIDATES {
        assert!(count_malformed(candidate, &bytes) > 2, "{candidate:?}");
    }
}

#[test]
fn nothing_decodes_ties_go_to_utf8_then_fixed_order() {
    // FF is one malformed sequence for every candidate.
    let result = identify(b"\xFF");
    assert_eq!(result.encoding, Utf8);
    assert!(!result.decodes_strictly);
    // Shift_JIS text with a stray FF: Shift_JIS has the fewest errors.
    let mut bytes = evidence(&encode(JA, ShiftJis));
    bytes.push(0xFF);
    let result = identify(&bytes);
    assert_eq!(result.encoding, ShiftJis);
    assert!(!result.decodes_strictly);
    assert!(result.strict_candidates.is_empty());
}

#[test]
fn evidence_cut_inside_a_character_is_not_an_error() {
    let sjis = evidence(&encode(JA, ShiftJis));
    let cut = sjis
        .iter()
        .rposition(|&b| b == 0x82)
        .expect("hiragana lead byte");
    assert_eq!(identify(&sjis[..=cut]).encoding, ShiftJis);
    assert!(identify(&sjis[..=cut]).decodes_strictly);
    let utf8 = "山田太郎".as_bytes();
    let result = identify(&utf8[..utf8.len() - 1]);
    assert!(result.valid_utf8);
    assert_eq!(result.encoding, Utf8);
}

#[test]
fn sniffs_boms() {
    assert_eq!(sniff_bom(b"\xEF\xBB\xBF"), Some(Bom::Utf8));
    assert_eq!(sniff_bom(b"\xFF\xFEm"), Some(Bom::Utf16Le));
    assert_eq!(sniff_bom(b"\xFE\xFF\x00"), Some(Bom::Utf16Be));
    assert_eq!(sniff_bom(b"\xEF\xBB"), None);
    assert_eq!(sniff_bom(b""), None);
    assert_eq!(sniff_bom(b"mai"), None);
    assert_eq!(Bom::Utf8.len(), 3);
    assert_eq!(Bom::Utf16Le.len(), 2);
    assert_eq!(Bom::Utf16Be.len(), 2);
    assert_eq!(Bom::Utf8.encoding(), Utf8);
    assert_eq!(Bom::Utf16Le.encoding(), Utf16Le);
    assert_eq!(Bom::Utf16Be.encoding(), Utf16Be);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn sniffs_utf16_without_bom() {
    let header = "mail_address,last_name,first_name,lang\r\nyamada@example.com,山田,太郎,ja\r\n";
    let le = utf16(header, false);
    let be = utf16(header, true);
    assert_eq!(sniff_utf16(&le[..le.len().min(256)]), Some(Utf16Le));
    assert_eq!(sniff_utf16(&be[..be.len().min(256)]), Some(Utf16Be));
    // An odd-length prefix is fine too.
    assert_eq!(sniff_utf16(&le[..9]), Some(Utf16Le));
    assert_eq!(sniff_utf16(header.as_bytes()), None);
    assert_eq!(sniff_utf16(&encode(JA, ShiftJis)[..256]), None);
    assert_eq!(sniff_utf16(&utf16("ab", false)[..3]), None);
    // UTF-32 has [0, 0] pairs.
    assert_eq!(sniff_utf16(b"m\0\0\0a\0\0\0i\0\0\0l\0\0\0"), None);
    // A lone low surrogate is not UTF-16.
    assert_eq!(
        sniff_utf16(b"m\0a\0i\0l\0_\0a\0d\0d\0r\0\x00\xDCe\0s\0s\0,\0n\0a\0m\0e\0"),
        None
    );
    // Mostly non-Latin UTF-16 is not detected (documented limitation).
    assert_eq!(sniff_utf16(&utf16("山田,太郎\r\n", false)), None);
}

#[test]
fn decodes_valid_utf8_borrowed() {
    let mut decoder = FieldDecoder::new(Utf8);
    assert_eq!(decoder.encoding(), Utf8);
    let field = "山田 太郎".as_bytes();
    let decoded = decoder.decode(field);
    assert!(matches!(decoded.text, Cow::Borrowed("山田 太郎")));
    assert!(decoded.malformed.is_empty());
    assert!(decoded.is_clean());
}

#[test]
fn decodes_utf8_reporting_every_malformed_sequence() {
    let mut decoder = FieldDecoder::new(Utf8);
    // FF at 2 (1 byte); E3 81 at 5 cut short by 'x' (2 bytes).
    let decoded = decoder.decode(b"ab\xFFcd\xE3\x81xyz");
    assert_eq!(decoded.text, "ab\u{FFFD}cd\u{FFFD}xyz");
    assert_eq!(
        decoded.malformed,
        &[
            Malformed { offset: 2, len: 1 },
            Malformed { offset: 5, len: 2 }
        ]
    );
    // An incomplete character at the end of a field is malformed.
    let decoded = decoder.decode(b"\xC3\xA9t\xC3\xA9\xE3\x81");
    assert_eq!(decoded.text, "été\u{FFFD}");
    assert_eq!(decoded.malformed, &[Malformed { offset: 5, len: 2 }]);
    // Buffers are reused: a clean field after a dirty one has no errors.
    assert!(decoder.decode(b"ok").malformed.is_empty());
}

#[test]
fn a_cut_field_leaves_out_the_character_cut_off_at_its_end() {
    let mut decoder = FieldDecoder::new(Utf8);
    let emoji = "a😀".as_bytes(); // 1 + 4 bytes
    for cut in 2..emoji.len() {
        let decoded = decoder.decode_cut(&emoji[..cut]);
        assert_eq!(
            (&*decoded.text, decoded.malformed),
            ("a", &[][..]),
            "cut at {cut}"
        );
    }
    assert_eq!(decoder.decode_cut(emoji).text, "a😀");
    // Bytes that no character starts with stay malformed: the file, not the cut, has them.
    let decoded = decoder.decode_cut(b"a\xF0\x28");
    assert_eq!(decoded.malformed, &[Malformed { offset: 1, len: 1 }]);
    let decoded = decoder.decode_cut(b"a\x80");
    assert_eq!(decoded.malformed, &[Malformed { offset: 1, len: 1 }]);
    // Shift_JIS: a lead byte without its trail byte.
    let mut decoder = FieldDecoder::new(ShiftJis);
    let decoded = decoder.decode_cut(b"\x8e\x52\x93");
    assert_eq!((&*decoded.text, decoded.malformed), ("山", &[][..]));
    assert_eq!(
        decoder.decode(b"\x8e\x52\x93").malformed,
        &[Malformed { offset: 2, len: 1 }]
    );
}

#[test]
fn utf16_fields_are_decoded_as_utf8() {
    for encoding in [Utf16Le, Utf16Be] {
        let mut decoder = FieldDecoder::new(encoding);
        assert_eq!(decoder.encoding(), encoding);
        let decoded = decoder.decode("佐藤".as_bytes());
        assert!(matches!(decoded.text, Cow::Borrowed("佐藤")));
    }
}

#[test]
fn decodes_shift_jis_reporting_an_invalid_trail_byte() {
    let mut decoder = FieldDecoder::new(ShiftJis);
    // 山 = 8E 52, then lead 81 followed by a space (invalid trail), 田 = 93 63.
    let decoded = decoder.decode(b"\x8E\x52\x81\x20\x93\x63");
    assert_eq!(decoded.text, "山\u{FFFD} 田");
    assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 1 }]);
    // Lead 81 with a non-ASCII invalid trail FF: both bytes are malformed.
    let decoded = decoder.decode(b"\x93\x63\x81\xFFab");
    assert_eq!(decoded.text, "田\u{FFFD}ab");
    assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 2 }]);
    // A lead byte at the very end of the field.
    let decoded = decoder.decode(b"ab\x8E");
    assert_eq!(decoded.text, "ab\u{FFFD}");
    assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 1 }]);
}

#[test]
fn decodes_legacy_fields() {
    let cases: [(&str, TextEncoding); 7] = [
        ("山田 太郎 ①㈱髙", ShiftJis),
        ("さくら", EucJp),
        ("김민수", EucKr),
        ("陳大文", Big5),
        ("张伟", Gbk),
        ("张伟", Gb18030),
        ("\u{1F600}", Gb18030),
    ];
    for (text, encoding) in cases {
        let bytes = encode(text, encoding);
        let mut decoder = FieldDecoder::new(encoding);
        let decoded = decoder.decode(&bytes);
        assert!(matches!(decoded.text, Cow::Owned(_)));
        assert_eq!(decoded.text, text);
        assert!(decoded.is_clean());
    }
}

#[test]
fn pure_ascii_legacy_fields_are_borrowed() {
    for encoding in ALL_ENCODINGS {
        let mut decoder = FieldDecoder::new(encoding);
        let decoded = decoder.decode(b"yamada@example.com");
        assert!(matches!(decoded.text, Cow::Borrowed("yamada@example.com")));
        assert!(decoded.malformed.is_empty());
    }
}

fn transcode_whole(
    encoding: TextEncoding,
    bytes: &[u8],
    start: u64,
) -> (Vec<u8>, Vec<(u64, usize)>) {
    let mut transcoder = Utf16Transcoder::new(encoding, start);
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    transcoder.push(bytes, true, &mut out, &mut errors);
    assert_eq!(transcoder.position(), start + bytes.len() as u64);
    (out, errors)
}

/// UTF-16 test data: ASCII, kanji, an emoji (surrogate pair), a lone high
/// surrogate, a lone low surrogate, and an odd trailing byte.
fn utf16_sample(big_endian: bool) -> Vec<u8> {
    let units: [u16; 9] = [
        0x61, 0x5C71, 0xD83D, 0xDE00, 0xD800, 0x62, 0xDC00, 0x63, 0xD83D,
    ];
    let mut bytes: Vec<u8> = units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect();
    bytes.push(0x41);
    bytes
}

#[test]
fn transcodes_utf16_with_absolute_error_offsets() {
    for (encoding, big_endian) in [(Utf16Le, false), (Utf16Be, true)] {
        let bytes = utf16_sample(big_endian);
        let (out, errors) = transcode_whole(encoding, &bytes, 2);
        assert_eq!(
            String::from_utf8(out).expect("valid UTF-8"),
            "a山\u{1F600}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}"
        );
        // Offsets include the 2-byte BOM: high surrogate at unit 4, low at
        // unit 6, trailing high at unit 8, odd byte at 2 + 18.
        assert_eq!(errors, vec![(10, 2), (14, 2), (18, 2), (20, 1)]);
    }
}

#[test]
fn transcodes_utf16_identically_at_every_chunking() {
    for (encoding, big_endian) in [(Utf16Le, false), (Utf16Be, true)] {
        let bytes = utf16_sample(big_endian);
        let whole = transcode_whole(encoding, &bytes, 2);
        // One byte at a time.
        let mut transcoder = Utf16Transcoder::new(encoding, 2);
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        for byte in &bytes {
            transcoder.push(std::slice::from_ref(byte), false, &mut out, &mut errors);
        }
        transcoder.push(&[], true, &mut out, &mut errors);
        assert_eq!((out, errors), whole);
        // Two chunks split at every boundary.
        for split in 0..=bytes.len() {
            let mut transcoder = Utf16Transcoder::new(encoding, 2);
            let (mut out, mut errors) = (Vec::new(), Vec::new());
            transcoder.push(&bytes[..split], false, &mut out, &mut errors);
            transcoder.push(&bytes[split..], true, &mut out, &mut errors);
            assert_eq!((out, errors), whole, "split at {split}");
        }
    }
}

#[test]
fn transcodes_lone_high_surrogate_and_odd_byte_at_eof() {
    let (out, errors) = transcode_whole(Utf16Le, b"a\0\x3D\xD8", 0);
    assert_eq!(out, "a\u{FFFD}".as_bytes());
    assert_eq!(errors, vec![(2, 2)]);
    let (out, errors) = transcode_whole(Utf16Be, b"\0a\0", 100);
    assert_eq!(out, "a\u{FFFD}".as_bytes());
    assert_eq!(errors, vec![(102, 1)]);
}

#[test]
fn names_and_descriptions_are_distinct_and_non_empty() {
    let mut seen = std::collections::HashSet::new();
    for encoding in ALL_ENCODINGS {
        for text in [
            encoding.display_name(),
            encoding.describe(Lang::En),
            encoding.describe(Lang::Ja),
        ] {
            assert!(!text.trim().is_empty());
            assert!(seen.insert(text), "duplicate: {text}");
        }
    }
    assert_eq!(seen.len(), ALL_ENCODINGS.len() * 3);
    assert_eq!(ShiftJis.display_name(), "Shift_JIS (CP932)");
    assert_eq!(Utf16Le.display_name(), "UTF-16 LE");
    assert_eq!(
        ShiftJis.describe(Lang::En),
        "Shift_JIS (CP932), which Excel writes in Japan"
    );
    assert_eq!(
        ShiftJis.describe(Lang::Ja),
        "Shift_JIS（CP932）— 日本語版 Excel が CSV 保存で使う文字コード"
    );
}

#[test]
fn labels_round_trip_and_aliases_parse() {
    let labels = [
        "utf-8",
        "utf-16le",
        "utf-16be",
        "shift_jis",
        "euc-jp",
        "euc-kr",
        "big5",
        "gbk",
        "gb18030",
    ];
    for (encoding, label) in ALL_ENCODINGS.into_iter().zip(labels) {
        assert_eq!(encoding.label(), label);
        assert_eq!(TextEncoding::from_label(label), Some(encoding));
        assert_eq!(
            TextEncoding::from_label(&label.to_uppercase()),
            Some(encoding)
        );
        let parsed: Result<TextEncoding, serde::de::value::Error> =
            TextEncoding::deserialize(label.into_deserializer());
        assert_eq!(parsed, Ok(encoding));
    }
    let aliases = [
        ("UTF8", Utf8),
        ("utf-16", Utf16Le),
        ("SJIS", ShiftJis),
        ("Shift-JIS", ShiftJis),
        ("cp932", ShiftJis),
        ("Windows-31J", ShiftJis),
        ("MS932", ShiftJis),
        ("eucjp", EucJp),
        ("EUCKR", EucKr),
        ("ks_c_5601-1987", EucKr),
        ("CP949", EucKr),
        ("korean", EucKr),
        ("Big5-HKSCS", Big5),
        ("GB2312", Gbk),
        ("cp936", Gbk),
        (" gb18030 ", Gb18030),
    ];
    for (alias, encoding) in aliases {
        assert_eq!(TextEncoding::from_label(alias), Some(encoding), "{alias}");
    }
    for bad in [
        "",
        "latin1",
        "shift",
        "utf-32",
        "windows-1252",
        &"x".repeat(100),
    ] {
        assert_eq!(TextEncoding::from_label(bad), None, "{bad}");
    }
    let lang: Result<Lang, serde::de::value::Error> = Lang::deserialize("ja".into_deserializer());
    assert_eq!(lang, Ok(Lang::Ja));
    let bom: Result<Bom, serde::de::value::Error> =
        Bom::deserialize("utf-16le".into_deserializer());
    assert_eq!(bom, Ok(Bom::Utf16Le));
}

#[test]
fn encoding_properties() {
    for encoding in ALL_ENCODINGS {
        assert!(encoding.includes(encoding));
        assert_eq!(
            encoding.is_ascii_compatible(),
            !matches!(encoding, Utf16Le | Utf16Be)
        );
    }
    assert!(Gb18030.includes(Gbk));
    assert!(!Gbk.includes(Gb18030));
    assert!(!Utf8.includes(ShiftJis));
    assert!(!ShiftJis.includes(EucJp));
    assert_eq!(Gbk.encoding_rs(), encoding_rs::GBK);
    assert_eq!(Gb18030.encoding_rs(), encoding_rs::GB18030);
    assert_eq!(ShiftJis.encoding_rs(), encoding_rs::SHIFT_JIS);
    assert_eq!(EucKr.encoding_rs(), encoding_rs::EUC_KR);
    assert_eq!(Big5.encoding_rs(), encoding_rs::BIG5);
}

/// Pseudo-random bytes (xorshift), biased towards the bytes that matter.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let b = (state >> 24) as u8;
            match state % 7 {
                0 => b'\n',
                1 => 0x8E,
                2 => 0xD8 | (b & 0x07),
                _ => b,
            }
        })
        .collect()
}

#[test]
fn arbitrary_bytes_never_panic_and_offsets_are_consistent() {
    let mut decoders: Vec<FieldDecoder> =
        ALL_ENCODINGS.into_iter().map(FieldDecoder::new).collect();
    for seed in 0..300u64 {
        let bytes = noise(seed, (seed as usize * 7) % 97);
        let result = identify(&bytes);
        assert_eq!(
            result.decodes_strictly,
            !result.strict_candidates.is_empty()
        );
        let _ = sniff_bom(&bytes);
        let _ = sniff_utf16(&bytes);
        for decoder in &mut decoders {
            let decoded = decoder.decode(&bytes);
            let mut previous_end = 0;
            for m in decoded.malformed {
                assert!(m.len >= 1 && m.offset >= previous_end && m.offset + m.len <= bytes.len());
                previous_end = m.offset + m.len;
            }
            let replacements = decoded.text.matches('\u{FFFD}').count();
            assert!(replacements >= decoded.malformed.len());
        }
        for encoding in [Utf16Le, Utf16Be] {
            let (out, errors) = transcode_whole(encoding, &bytes, 3);
            assert!(std::str::from_utf8(&out).is_ok());
            let end = 3 + bytes.len() as u64;
            let in_bounds =
                |&(offset, len): &(u64, usize)| offset >= 3 && offset + len as u64 <= end;
            assert!(errors.iter().all(in_bounds));
        }
    }
}

#[test]
fn damaged_utf8_stays_utf8() {
    let mut evidence = "山田\n太郎\n".as_bytes().to_vec();
    evidence.extend_from_slice(b"\x82\xa0");
    evidence.extend_from_slice("佐藤\n花子".as_bytes());
    let id = identify(&evidence);
    assert_eq!(id.encoding, TextEncoding::Utf8);
    assert!(!id.valid_utf8);
    assert!(!id.decodes_strictly);
    // Too little valid UTF-8 to be sure: the legacy reading wins.
    let sjis = encoding_rs::SHIFT_JIS.encode("山田太郎").0.into_owned();
    assert_eq!(identify(&sjis).encoding, TextEncoding::ShiftJis);
}
