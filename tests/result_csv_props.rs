//! Properties of the result CSV (proptest), against the check's own report of the same file, for
//! realistic but hostile files of two built-in profiles (IWpro's add-users, learningBOX's users):
//! a header (as the template, or with a label missing, extra, duplicated, spaced, blank or
//! formula-like with a delimiter, a quote and a line break in it, or no header at all), data rows (valid, invalid, short, long, quoted cells with delimiters, line
//! breaks and quotes, cells that start like a formula), blank rows (`,,,,`, `"",""` and empty
//! lines) anywhere, before the header too, in runs of a few and of more than a thousand,
//! CRLF, LF, lone CR or a mix, a BOM or none, UTF-8 or Shift_JIS (which IWpro refuses), ASCII
//! rows before the first non-ASCII one or not, a file name (right or wrong) or none.
//!
//! 1. One result record per input record, in order, whose leading cells are the input's cells
//!    (formula-like cells with the `'` prefix; short rows after the header padded to its width
//!    while the padding budget, the input's size in bytes, lasts).
//! 2. The header's last three cells are the labels of the result columns, in the report's
//!    language.
//! 3. A data or blank row is `NG` exactly when the report has an error on it, or (data rows) the
//!    report has an error about the header, a line before it or the file, wherever the engine
//!    found it; its codes are the report's codes for the row, then those errors' codes, each
//!    once: see [`expected`].

mod common;

use std::collections::BTreeSet;

use csv_preflight::{builtin, check, result_csv, CheckOptions, Lang, Report, Severity};
use proptest::prelude::*;

/// The two profiles, with a header and a valid row for each.
#[derive(Debug, Clone, Copy)]
enum System {
    Iwpro,
    LearningBox,
}

impl System {
    fn id(self) -> &'static str {
        match self {
            System::Iwpro => "fujifilm-iwpro/add-users",
            System::LearningBox => "learningbox/users",
        }
    }

    fn labels(self) -> Vec<String> {
        let labels: &[&str] = match self {
            System::Iwpro => common::IWPRO_ADD_USERS_LABELS,
            System::LearningBox => &[
                "Login ID",
                "氏名",
                "Display name",
                "Department",
                "Email address",
                "Password",
            ],
        };
        labels.iter().map(|l| l.to_string()).collect()
    }

    /// A row the system accepts (`i` keeps the keys unique), in ASCII or with Japanese names
    /// (the encoding of a file without BOM is decided at its first non-ASCII row).
    fn valid(self, i: usize, ascii: bool) -> Vec<String> {
        let name = |ascii_name: &str, japanese: &str| match ascii {
            true => ascii_name.to_string(),
            false => japanese.to_string(),
        };
        let row: Vec<String> = match self {
            System::Iwpro => {
                let mut row = vec![
                    format!("user{i}@example.com"),
                    name("Yamada", "山田"),
                    name("Taro", "太郎"),
                    "ja".into(),
                ];
                row.resize(11, String::new());
                row
            }
            System::LearningBox => vec![
                format!("user{i:04}"),
                name("Yamada Taro", "山田 太郎"),
                "Taro Y".into(),
                name("Sales", "営業部"),
                format!("u{i}@example.com"),
                "Passw0rd".into(),
            ],
        };
        row
    }
}

/// Cells that make trouble: formula-like starts, delimiters, line breaks and quotes inside,
/// spaces, a tab, text in Japanese (every one of them in Shift_JIS too).
const HOSTILE: &[&str] = &[
    "",
    " ",
    "x",
    "=1+1",
    "+81 3 1234",
    "-5",
    "@home",
    "\tindent",
    "\rcarriage",
    "a,b",
    "two\r\nlines",
    "two\nlines",
    "say \"hi\"",
    "\"",
    "山田",
    "ｱｲｳ",
    "ja",
    "EN",
    "bad@",
    "a@b.c",
    "'quoted",
    " padded ",
    "日本語,カンマ",
    "=HYPERLINK(\"http://x\")",
];

/// How the header is written.
#[derive(Debug, Clone, Copy)]
enum HeaderShape {
    Template,
    Missing(usize),
    Extra,
    Duplicated(usize),
    Spaced(usize),
    Blank(usize),
    /// A label a spreadsheet would run, with a delimiter, a quote and a line break in it.
    Formula(usize),
    /// No header: the first row is a user.
    None,
}

fn header_shape() -> impl Strategy<Value = HeaderShape> {
    prop_oneof![
        4 => Just(HeaderShape::Template),
        1 => (0usize..16).prop_map(HeaderShape::Missing),
        1 => Just(HeaderShape::Extra),
        1 => (0usize..16).prop_map(HeaderShape::Duplicated),
        1 => (0usize..16).prop_map(HeaderShape::Spaced),
        1 => (0usize..16).prop_map(HeaderShape::Blank),
        1 => (0usize..16).prop_map(HeaderShape::Formula),
        1 => Just(HeaderShape::None),
    ]
}

/// A run of blank rows: how many, and whether they are empty lines or `,,,,` (with how many
/// delimiters; quoted: `"","",""`).
#[derive(Debug, Clone, Copy)]
struct BlankRun {
    count: usize,
    commas: usize,
    quoted: bool,
}

fn blank_run() -> impl Strategy<Value = BlankRun> {
    let count = prop_oneof![
        6 => 1usize..4,
        // Long runs: a finding for each row, made at the row after the run.
        1 => 1020usize..1030,
    ];
    (
        count,
        prop_oneof![Just(0usize), 1usize..12],
        prop::bool::weighted(0.2),
    )
        .prop_map(|(count, commas, quoted)| BlankRun {
            count,
            commas,
            quoted,
        })
}

/// A data row: valid, or with some cells replaced by hostile ones; its length changed by
/// `delta`; each cell quoted or not (always when it must be).
#[derive(Debug, Clone)]
struct RowSpec {
    valid: bool,
    ascii: bool,
    delta: i8,
    cells: Vec<(usize, bool)>,
    quote: Vec<bool>,
}

fn row_spec() -> impl Strategy<Value = RowSpec> {
    (
        (any::<bool>(), any::<bool>()),
        prop_oneof![4 => Just(0i8), 1 => -4i8..3],
        proptest::collection::vec((0..HOSTILE.len(), prop::bool::weighted(0.3)), 14),
        proptest::collection::vec(prop::bool::weighted(0.2), 14),
    )
        .prop_map(|((valid, ascii), delta, cells, quote)| RowSpec {
            valid,
            ascii,
            delta,
            cells,
            quote,
        })
}

#[derive(Debug, Clone)]
enum Item {
    Data(RowSpec),
    Blank(BlankRun),
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        3 => row_spec().prop_map(Item::Data),
        1 => blank_run().prop_map(Item::Blank),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    system: System,
    lang: Lang,
    bom: bool,
    shift_jis: bool,
    /// 0: CRLF, 1: LF, 2: each record's own (by `mixed`: CRLF, LF or a lone CR).
    endings: u8,
    mixed: Vec<u8>,
    final_terminator: bool,
    file_name: Option<&'static str>,
    before: Vec<BlankRun>,
    header: HeaderShape,
    body: Vec<Item>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just(System::Iwpro), Just(System::LearningBox)],
        prop_oneof![Just(Lang::En), Just(Lang::Ja)],
        (any::<bool>(), prop::bool::weighted(0.25)),
        (0u8..3, proptest::collection::vec(0u8..3, 16), any::<bool>()),
        prop_oneof![
            3 => Just(None),
            1 => Just(Some("add-users_2026-11.csv")),
            1 => Just(Some("users.csv")),
            1 => Just(Some("users.txt")),
        ],
        prop_oneof![3 => Just(vec![]), 1 => proptest::collection::vec(blank_run(), 1..3)],
        header_shape(),
        proptest::collection::vec(item(), 0..10),
    )
        .prop_map(
            |(
                system,
                lang,
                (bom, shift_jis),
                (endings, mixed, final_terminator),
                file_name,
                before,
                header,
                body,
            )| Case {
                system,
                lang,
                bom: bom && !shift_jis,
                shift_jis,
                endings,
                mixed,
                final_terminator,
                file_name,
                before,
                header,
                body,
            },
        )
}

/// A file built from a case: its bytes and its records (decoded cells) in order.
struct File {
    bytes: Vec<u8>,
    records: Vec<Vec<String>>,
}

fn header(system: System, shape: HeaderShape) -> Option<Vec<String>> {
    let mut labels = system.labels();
    let n = labels.len();
    match shape {
        HeaderShape::Template => {}
        HeaderShape::Missing(i) => {
            labels.remove(i % n);
        }
        HeaderShape::Extra => labels.push("extra_column".into()),
        HeaderShape::Duplicated(i) => {
            let label = labels[i % n].clone();
            labels.push(label);
        }
        HeaderShape::Spaced(i) => labels[i % n] = format!(" {} ", labels[i % n]),
        HeaderShape::Blank(i) => labels[i % n] = String::new(),
        HeaderShape::Formula(i) => labels[i % n] = "=x,\"y\"\r\nz".into(),
        HeaderShape::None => return None,
    }
    Some(labels)
}

fn data_row(system: System, spec: &RowSpec, i: usize) -> Vec<String> {
    let mut row = system.valid(i, spec.ascii);
    let len = (row.len() as i64 + i64::from(spec.delta)).max(1) as usize;
    row.resize(len, String::new());
    if !spec.valid {
        for (cell, (hostile, replace)) in row.iter_mut().zip(&spec.cells) {
            if *replace {
                *cell = HOSTILE[*hostile].to_string();
            }
        }
    }
    // A row of only empty cells would be a blank row, not a user.
    if row.iter().all(String::is_empty) {
        row[0] = "x".into();
    }
    row
}

fn write_cell(out: &mut String, cell: &str, quote: bool) {
    let must = cell.contains([',', '"', '\r', '\n']);
    if must || quote {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn build(case: &Case) -> File {
    let mut records: Vec<(Vec<String>, Vec<bool>)> = Vec::new();
    let blank = |run: &BlankRun, records: &mut Vec<(Vec<String>, Vec<bool>)>| {
        for _ in 0..run.count {
            records.push((
                vec![String::new(); run.commas + 1],
                vec![run.quoted; run.commas + 1],
            ));
        }
    };
    for run in &case.before {
        blank(run, &mut records);
    }
    if let Some(labels) = header(case.system, case.header) {
        let n = labels.len();
        records.push((labels, vec![false; n]));
    }
    for (i, item) in case.body.iter().enumerate() {
        match item {
            Item::Data(spec) => {
                let row = data_row(case.system, spec, i);
                let quote = (0..row.len())
                    .map(|c| spec.quote.get(c).copied().unwrap_or(false))
                    .collect();
                records.push((row, quote));
            }
            Item::Blank(run) => blank(run, &mut records),
        }
    }
    let empty_line = |(cells, quote): &(Vec<String>, Vec<bool>)| {
        cells.len() == 1 && cells[0].is_empty() && !quote[0]
    };
    let mut endings: Vec<usize> = (0..records.len())
        .map(|i| match case.endings {
            0 | 1 => usize::from(case.endings),
            _ => usize::from(case.mixed[i % case.mixed.len()]),
        })
        .collect();
    // A lone CR and the LF of an empty line after it are one CRLF: the empty line would be gone.
    for i in 1..records.len() {
        if endings[i - 1] == 2 && endings[i] == 1 && empty_line(&records[i]) {
            endings[i - 1] = 0;
        }
    }
    let mut text = String::new();
    let count = records.len();
    for (i, record) in records.iter().enumerate() {
        let (cells, quote) = record;
        for (c, cell) in cells.iter().enumerate() {
            if c > 0 {
                text.push(',');
            }
            write_cell(&mut text, cell, quote[c]);
        }
        // An empty line last needs its terminator, or it is no record.
        if i + 1 < count || case.final_terminator || empty_line(record) {
            text.push_str(["\r\n", "\n", "\r"][endings[i]]);
        }
    }
    let mut bytes = Vec::new();
    if case.bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    if case.shift_jis {
        let (encoded, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!unmappable);
        bytes.extend_from_slice(&encoded);
    } else {
        bytes.extend_from_slice(text.as_bytes());
    }
    File {
        bytes,
        records: records.into_iter().map(|(cells, _)| cells).collect(),
    }
}

/// What the result CSV should say about a data or blank row.
#[derive(Debug, PartialEq)]
struct Expected {
    ng: bool,
    codes: BTreeSet<String>,
    /// The row's own codes, which come first.
    own: BTreeSet<String>,
}

/// The expectation for every record (`None` for the header), from the report (rows are records:
/// row `i + 1` is record `i`, there being no preamble in these profiles). The result CSV knows
/// from its first pass what the engine tells late (the file's errors found at the end, a blank
/// row's finding at the next row), so:
/// - a row has exactly its own findings, whenever the engine made them;
/// - every error about the header, a blank row before it or the whole file reaches every data
///   row (the system rejects the file), after the row's own codes;
/// - blank rows never get the file's or the header's errors (they are not users).
fn expected(file: &File, report: &Report) -> Vec<Option<Expected>> {
    let blank: Vec<bool> = file
        .records
        .iter()
        .map(|r| r.iter().all(String::is_empty))
        .collect();
    let header = blank.iter().position(|b| !b);
    let about_file = |row: Option<u64>| match row {
        Some(r) => header.map_or(true, |h| (r as usize) <= h + 1),
        None => true,
    };
    let file_errors: BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && about_file(d.row))
        .map(|d| d.code.as_str().to_string())
        .collect();
    (0..file.records.len())
        .map(|i| {
            if Some(i) == header {
                return None;
            }
            let row = (i + 1) as u64;
            let mut e = Expected {
                ng: false,
                codes: BTreeSet::new(),
                own: BTreeSet::new(),
            };
            for d in report.diagnostics.iter().filter(|d| d.row == Some(row)) {
                e.ng |= d.severity == Severity::Error;
                e.own.insert(d.code.as_str().to_string());
            }
            e.codes.extend(e.own.iter().cloned());
            if !blank[i] && !file_errors.is_empty() {
                e.ng = true;
                e.codes.extend(file_errors.iter().cloned());
            }
            Some(e)
        })
        .collect()
}

/// The cells as the result CSV writes them: a leading `'` before what a spreadsheet would run.
fn neutralised(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn options(case: &Case) -> CheckOptions {
    CheckOptions {
        lang: case.lang,
        file_name: case.file_name.map(str::to_string),
        // Every finding kept: the expectation is read from the report.
        max_diagnostics: usize::MAX,
        ..CheckOptions::default()
    }
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let file = build(case);
    let profile = builtin(case.system.id()).unwrap();
    let report = check(&file.bytes, &profile, options(case)).unwrap();
    prop_assert!(!report.diagnostics_capped);
    let out = result_csv(&file.bytes, &profile, options(case)).unwrap();
    let (text, _, bad) = out.encoding.encoding_rs().decode(&out.bytes);
    prop_assert!(!bad);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let records: Vec<Vec<String>> = common::csv_records(text);

    // 1. One record per input record, in order, with the input's cells first.
    prop_assert_eq!(records.len(), file.records.len());
    let header = file
        .records
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()));
    let width = header.map_or(0, |h| file.records[h].len());
    let mut padding_budget = file.bytes.len();
    for (i, (input, output)) in file.records.iter().zip(&records).enumerate() {
        let mut cells: Vec<String> = input.iter().map(|c| neutralised(c)).collect();
        // Rows after the header are padded to its width while the budget lasts.
        if header.is_some_and(|h| i > h) {
            let padding = width.saturating_sub(cells.len());
            if let Some(left) = padding_budget.checked_sub(padding) {
                padding_budget = left;
                cells.resize(width.max(cells.len()), String::new());
            }
        }
        prop_assert_eq!(
            output.len(),
            cells.len() + 3,
            "record {}: {:?}",
            i + 1,
            output
        );
        prop_assert_eq!(&output[..cells.len()], &cells[..], "record {}", i + 1);
    }

    // 2. The header's result columns.
    if let Some(h) = header {
        let labels = match case.lang {
            Lang::En => ["result", "codes", "messages"],
            Lang::Ja => ["結果", "コード", "メッセージ"],
        };
        prop_assert_eq!(&records[h][records[h].len() - 3..], &labels[..]);
    }

    // 3. Each data and blank row's result and codes.
    for (i, e) in expected(&file, &report).into_iter().enumerate() {
        let Some(e) = e else { continue };
        let [.., result, codes, messages] = &records[i][..] else {
            unreachable!()
        };
        let listed: Vec<&str> = codes.split('|').filter(|c| !c.is_empty()).collect();
        let set: BTreeSet<String> = listed.iter().map(|c| c.to_string()).collect();
        prop_assert_eq!(
            set.len(),
            listed.len(),
            "row {}: a code twice: {}",
            i + 1,
            codes
        );
        prop_assert_eq!(
            (result.as_str(), &set),
            (if e.ng { "NG" } else { "OK" }, &e.codes),
            "row {}: {:?}\nreport: {:#?}",
            i + 1,
            records[i],
            report
                .diagnostics
                .iter()
                .map(|d| (d.row, d.code.as_str(), d.severity))
                .collect::<Vec<_>>()
        );
        // The row's own codes first, then the header's and the file's.
        let head: BTreeSet<String> = listed[..e.own.len()]
            .iter()
            .map(|c| c.to_string())
            .collect();
        prop_assert_eq!(&head, &e.own, "row {}: {}", i + 1, codes);
        // A message for every row with a finding, none for the others (the budget is far away).
        prop_assert_eq!(messages.is_empty(), listed.is_empty(), "row {}", i + 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_result_csv_is_the_input_plus_the_report_s_verdict_per_row(case in case()) {
        run(&case)?;
    }
}
