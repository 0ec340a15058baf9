//! Every finding renders in both languages, with the column and the value facts it carries.

use super::*;
use crate::decode::TextEncoding;
use crate::profile::{Delimiter, LineEndingKind, Text};
use crate::report::{EmailProblem, Expectation};

fn samples() -> Vec<Kind> {
    use Kind::*;
    let t = Text {
        en: "why".into(),
        ja: "理由".into(),
    };
    let t2 = t.clone();
    vec![
        EmptyFile,
        NotText {
            format: crate::rules::not_text::BinaryFormat::Zip,
        },
        BomRequired,
        BomForbidden,
        EncodingNotAccepted {
            detected: TextEncoding::ShiftJis,
            accepted: vec![TextEncoding::Utf8],
        },
        EncodingUnknown {
            guess: TextEncoding::Big5,
        },
        ScientificNotation,
        DigitsTruncated,
        MoreEncodingErrors {
            encoding: TextEncoding::ShiftJis,
            count: 3,
        },
        EncodingError {
            encoding: TextEncoding::Utf8,
            bytes: "0x82".into(),
        },
        DelimiterNotAccepted {
            detected: Delimiter::Tab,
            accepted: vec![Delimiter::Comma],
        },
        LineEndingNotAccepted {
            found: LineEndingKind::Lf,
            accepted: vec![LineEndingKind::Crlf],
        },
        MixedLineEndings {
            crlf: 1,
            lf: 2,
            cr: 0,
        },
        CrLineEndings { lines: 3 },
        FileNameMismatch {
            name: "u.csv".into(),
            example: "add-users_1.csv".into(),
        },
        ExtensionNotAccepted {
            name: "users.txt".into(),
            accepted: vec!["tsv".into(), "csv".into()],
        },
        DelimiterNotForExtension {
            detected: crate::profile::Delimiter::Comma,
            extension: "tsv".into(),
            expected: crate::profile::Delimiter::Tab,
        },
        InvalidPreamble {
            starts_with: "#Format".into(),
            description: t.clone(),
        },
        PreambleIsHeader {
            starts_with: "#Format".into(),
            description: t.clone(),
        },
        MissingHeader,
        MissingLabelPrefix {
            prefix: "#".into(),
            first: "email".into(),
        },
        HeaderIsData {
            example: "taro@example.com".into(),
        },
        MissingLabel,
        RecommendedLabelMissing,
        NoKnownLabel,
        ExtraLabel { suggestion: None },
        ExtraLabel {
            suggestion: Some("email".into()),
        },
        DuplicateLabel { first_index: 1 },
        BlankLabel { index: 12 },
        StrayBom {
            label: "uid".into(),
        },
        UntrimmedLabel {
            label: "email".into(),
        },
        ColumnOrder { expected_index: 2 },
        MissingHeaderMarker {
            marker: "CharSet:UTF8".into(),
            encoding: TextEncoding::Utf8,
        },
        HeaderMarkerMismatch {
            marker: "CharSet:UTF8".into(),
            declares: TextEncoding::Utf8,
            encoding: TextEncoding::ShiftJis,
        },
        NoDataRows,
        TooManyRows { max: 10, rows: 11 },
        RepeatedHeader { bom: false },
        RepeatedHeader { bom: true },
        BlankRow { tab: false },
        BlankRow { tab: true },
        TrailingBlankLines { count: 2 },
        ExtraCell {
            tab: true,
            expected: 3,
            found: 4,
        },
        MissingCell {
            expected: 3,
            found: 2,
        },
        StrayQuote,
        TextAfterQuote,
        UnclosedQuote,
        ControlCharacter { ch: '\0' },
        FormulaPrefix { first: '=' },
        FormulaPrefix { first: '\t' },
        FieldTooLong { limit: 10 },
        TooManyFields {
            limit: 10,
            found: 11,
        },
        RecordTooLong { limit: 10 },
        PatternInputTooLong { limit: 10 },
        MissingValue,
        MustBeEmpty,
        ValueNotNeeded,
        ValueIgnored,
        UntrimmedValue,
        OnlySpaces,
        TooLong {
            max: 3,
            actual: 4,
            bytes_in: None,
        },
        TooShort {
            min: 3,
            actual: 2,
            bytes_in: Some("UTF-8".into()),
        },
        InvalidCharacter {
            ch: 'Ａ',
            allowed: vec![crate::profile::CharClass::AsciiLetter],
            extra: "-".into(),
        },
        ForbiddenCharacter { ch: '@' },
        UnencodableCharacter {
            ch: '山',
            encoding: "ISO-8859-15".into(),
        },
        NotInList {
            allowed: vec!["ja".into()],
            suggestion: Some("ja".into()),
        },
        PatternMismatch {
            description: t.clone(),
        },
        InvalidEmail {
            problem: EmailProblem::FullWidth,
        },
        EmailDomainNotAllowed {
            domain: "x.com".into(),
            allowed: vec!["example.com".into()],
        },
        NotDigits {
            full_width: true,
            scientific: false,
        },
        NotDigits {
            full_width: false,
            scientific: true,
        },
        TooManyDigits { max: 7, actual: 8 },
        NotAnInteger,
        InvalidFlag {
            allowed: vec!["0".into(), "1".into()],
            full_width: false,
        },
        InvalidFlag {
            allowed: vec!["0".into(), "1".into()],
            full_width: true,
        },
        InvalidDate {
            formats: vec!["YYYYMMDD".into()],
            no_such_date: false,
        },
        InvalidDate {
            formats: vec!["YYYYMMDD".into()],
            no_such_date: true,
        },
        TooManyItems {
            max: 10,
            actual: 11,
        },
        DuplicateItem { item: "a".into() },
        EmptyItem,
        UniqueError {
            first_row: 2,
            columns: vec!["mail_address".into()],
        },
        RowConstraint {
            reason: t,
            expect: Expectation::Empty,
        },
        MissingBrackets,
        IndexLimitReached { limit: 5 },
        ForbiddenValue { reason: t2.clone() },
        MissingCharacterClass {
            class: crate::profile::CharClass::AsciiDigit,
        },
        RequiredForNew,
        BlankValueDefault {
            meaning: t2.clone(),
        },
        TooManyDistinctValues { max: 50_000 },
        ForeignKey {
            role: "groups".into(),
        },
        ReferenceUnchecked {
            role: "users".into(),
            columns: vec!["user-id".into()],
        },
        ReferenceOutsideFile {
            role: "users".into(),
            columns: vec!["user-id".into()],
            count: 2,
            examples: vec![("u2".into(), 3)],
            more_ids: false,
        },
        RoleAssumed {
            role: "groups".into(),
            alike: vec![
                ("users".into(), Some("user".into())),
                ("groups".into(), Some("group".into())),
            ],
        },
        DeleteMismatch {
            column: Some("tag".into()),
        },
        DeleteMismatch { column: None },
        BaselineMissing,
        ReadOnlyChanged { new_record: false },
        ReadOnlyChanged { new_record: true },
        KeyConflict {
            baseline_row: 4,
            reason: t2.clone(),
        },
        SeatLimitExceeded {
            limit: 10,
            counted: 11,
            after_import: true,
        },
        Item {
            item: "NCS009".into(),
            inner: Box::new(EmptyItem),
        },
    ]
}

#[test]
fn every_code_has_a_sample() {
    let samples = samples();
    for code in crate::report::Code::ALL {
        assert!(
            samples.iter().any(|k| k.code() == *code),
            "no sample for {code}"
        );
    }
}

#[test]
fn every_sample_renders_in_both_languages() {
    for kind in samples() {
        for lang in [Lang::En, Lang::Ja] {
            let r = render(&kind, lang, Some("mail_address"));
            assert!(!r.message.is_empty(), "{kind:?} {lang:?}");
            assert!(!r.message.ends_with('.'), "{kind:?}: no trailing period");
        }
        let en = render(&kind, Lang::En, Some("c")).message;
        let ja = render(&kind, Lang::Ja, Some("c")).message;
        assert_ne!(en, ja, "{kind:?} is not translated");
    }
}

#[test]
fn messages_quote_the_facts() {
    let k = Kind::UniqueError {
        first_row: 7,
        columns: vec!["mail_address".into()],
    };
    assert_eq!(
        render(&k, Lang::En, Some("mail_address")).message,
        "\"mail_address\" already appears in row 7"
    );
    assert_eq!(
        render(&k, Lang::Ja, Some("mail_address")).message,
        "「mail_address」は 7 行目と重複しています"
    );
    let k = Kind::EncodingNotAccepted {
        detected: TextEncoding::ShiftJis,
        accepted: vec![TextEncoding::Utf8],
    };
    assert_eq!(
        render(&k, Lang::En, None).message,
        "this file looks like Shift_JIS (CP932), which Excel writes in Japan; this system needs UTF-8"
    );
}

#[test]
fn one_allowed_value_is_not_a_choice_and_a_suggestion_names_width_too() {
    let one = Kind::InvalidFlag {
        allowed: vec!["1".into()],
        full_width: false,
    };
    let two = Kind::InvalidFlag {
        allowed: vec!["1".into(), "0".into()],
        full_width: false,
    };
    assert_eq!(
        render(&one, Lang::Ja, Some("c")).message,
        "「1」を入力してください"
    );
    assert_eq!(
        render(&two, Lang::Ja, Some("c")).message,
        "「1」、「0」のいずれかを入力してください"
    );
    assert_eq!(
        render(&two, Lang::En, Some("c")).help.as_deref(),
        Some("Enter one of the listed values exactly (TRUE/FALSE, Yes/No and check boxes are not read).")
    );
    let wide = Kind::InvalidFlag {
        allowed: vec!["1".into(), "0".into()],
        full_width: true,
    };
    assert_eq!(
        render(&wide, Lang::En, Some("c")).help.as_deref(),
        Some("It is typed in full-width characters: type it in half-width (turn the Japanese input mode off).")
    );
    assert_eq!(
        render(&wide, Lang::Ja, Some("c")).help.as_deref(),
        Some("全角で入力されています。半角で入力してください（日本語入力をオフにします）。")
    );
    let list = Kind::NotInList {
        allowed: vec!["ja".into(), "en".into()],
        suggestion: Some("ja".into()),
    };
    assert_eq!(
        render(&list, Lang::En, Some("language")).help.as_deref(),
        Some("Did you mean \"ja\"? Values must match exactly, in upper and lower case and in half-width characters.")
    );
    assert_eq!(
        render(&list, Lang::Ja, Some("language")).message,
        "使える値ではありません。「ja」、「en」のいずれかを入力してください"
    );
    let digits = Kind::TooManyDigits { max: 7, actual: 15 };
    assert!(render(&digits, Lang::Ja, Some("c"))
        .help
        .is_some_and(|h| h.starts_with("7 桁以内")));
}

#[test]
fn a_duplicate_pair_is_a_combination_not_a_user() {
    let pair = Kind::UniqueError {
        first_row: 2,
        columns: vec!["group-id".into(), "user-id".into()],
    };
    assert_eq!(
        render(&pair, Lang::En, None).help.as_deref(),
        Some("Each combination may appear only once; delete the duplicate row.")
    );
    assert_eq!(
        render(&pair, Lang::Ja, None).help.as_deref(),
        Some("同じ組み合わせは 1 回だけ書けます。重複した行を削除してください。")
    );
}

#[test]
fn columns_are_named_as_excel_names_them() {
    use super::excel_column;
    let names: Vec<String> = [1, 12, 26, 27, 52, 53, 702, 703, 16384]
        .into_iter()
        .map(excel_column)
        .collect();
    assert_eq!(names, ["A", "L", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    assert_eq!(excel_column(0), "");
}
