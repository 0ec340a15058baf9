//! The result CSV: every original row plus `result` (OK/NG), `codes` and `messages` columns, the way
//! IWpro's own result file looks, written in the input's encoding so that Excel opens it as is.
//!
//! A row is NG when it has an error, or, for a data row, when the file has an error about the
//! header, a line before it or the whole file (a missing required column, a stray BOM, a file
//! name, encoding or line endings the system refuses, too many rows): the system rejects the
//! whole file, so a row marked OK would mislead an administrator who filters on NG. Such a row
//! lists its own codes and messages first (in a narrow Excel column its own problem is what
//! shows), then those errors' codes and where each is (`row 1 (header): ...`, `file: ...`;
//! `1 行目（ヘッダー）：...`, `ファイル：...`), at most [`file_errors::MAX_FILE_MESSAGES`] of
//! them. Warnings and infos about the header change no row. Blank rows are not users: these
//! errors do not change them (a blank row before the header is `NG` for its own `blank-row`).
//!
//! The engine tells some things only later than the row they concern: errors found at the end
//! (the row count, the line endings), Canon's `CharSet:UTF8` marker from the first row that shows
//! UTF-8, a blank row's `blank-row` at the next user, `trailing-blank-lines` and
//! `digits-truncated` (decided per column) at the end. So the check runs twice: a first pass
//! (`foresight`) learns them, and every row is written with all of its findings (at most
//! [`foresight::MAX_LATE_FINDINGS`] late ones in the whole file).
//!
//! Cells that start with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so that opening the file in
//! a spreadsheet cannot run a formula (CSV injection); the report flags such cells in the input.
//!
//! Its size is bounded: a row names each code once and lists at most [`MAX_ROW_MESSAGES`]
//! distinct messages (a repeated one with its count), and the messages of the whole file stop at a
//! budget that grows with the input (a garbage file of 3 million two-byte rows, six findings each,
//! made a result 70 times its size: out of memory in wasm); the header's and the file's messages
//! repeated on each row count against it too. Rows after the budget keep their result and codes.
//! Short rows are padded to the header's width while the padding stays within the input's size (a
//! header of 4,096 labels and 70,000 empty lines would otherwise pad 287 MB out of 90 KB).

mod file_errors;
mod foresight;

use std::sync::Arc;

use file_errors::FileErrors;
use foresight::Foresight;

use crate::check::{CheckOptions, Context, Engine, RecordInfo, RecordRole, Sink};
use crate::decode::{Lang, TextEncoding};
use crate::error::Error;
use crate::plan::Baseline;
use crate::profile::Profile;
use crate::report::{render, truncate_value, Code, Finding, Severity};

/// A generated result CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResultCsv {
    /// The bytes of the file.
    pub bytes: Vec<u8>,
    /// The encoding they are in (the input's, or UTF-8 with BOM when the input's cannot hold the
    /// messages or cannot be written, such as UTF-16).
    pub encoding: TextEncoding,
}

/// Distinct messages listed per row; the rest are counted (`+N more`).
const MAX_ROW_MESSAGES: usize = 10;

/// Bytes of messages the whole file may hold: this plus [`MESSAGE_BUDGET_PER_INPUT_BYTE`] per
/// byte of input. A file with a 100-byte message on every row stays well inside it.
const MESSAGE_BUDGET_BASE: usize = 32 << 20;

/// See [`MESSAGE_BUDGET_BASE`].
const MESSAGE_BUDGET_PER_INPUT_BYTE: usize = 2;

/// The UTF-8 byte order mark, written first so that Excel reads UTF-8 (dropped for other
/// encodings).
const BOM: char = '\u{FEFF}';

struct Writer {
    lang: Lang,
    delimiter: u8,
    text: String,
    /// The header's cell count: shorter rows are padded so that the result columns line up.
    width: usize,
    /// Empty cells the rest of the file may still add as padding.
    padding_budget: usize,
    /// The current row's findings.
    row: RowFindings,
    /// What the first pass learnt: the header's and the file's errors, and the findings the
    /// engine makes about a row only after the row (a blank row's, a column's cut numbers).
    foresight: Foresight,
    /// The row of the last record read: a finding about it or an earlier row comes again from
    /// the foresight.
    last_row: Option<u64>,
    /// Bytes of messages the rest of the file may still hold.
    budget: usize,
    /// Whether the budget ran out (the row where it did says so).
    budget_spent: bool,
    /// The header's row, once written: findings about it or a row before it are the file's
    /// (`file_errors`), and their messages say where they are.
    header_row: Option<u64>,
    /// Errors about the header, the lines before it or the whole file (from the first pass),
    /// which every data row repeats.
    file_errors: FileErrors,
}

/// What the file's message budget says to a message.
enum Budget {
    /// It is listed.
    Fits,
    /// The budget ran out before: it is only counted.
    Spent,
    /// It runs out now: the note saying so is listed in its place, and it is counted.
    RunsOut,
}

/// A row's findings as the result CSV shows them.
#[derive(Default)]
struct RowFindings {
    /// Codes, each once, in the order found.
    codes: Vec<Code>,
    /// The first distinct messages, each with how often the row has it.
    messages: Vec<(String, u64)>,
    /// Findings not in `messages`.
    more: u64,
    /// Whether the row has an error (listed or not).
    error: bool,
}

fn needs_quotes(value: &str, delimiter: u8) -> bool {
    value
        .bytes()
        .any(|b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r')
}

fn push_cell(out: &mut String, value: &str, delimiter: u8) {
    let dangerous = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if dangerous {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if needs_quotes(&value, delimiter) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&value);
    }
}

impl Writer {
    fn row(&mut self, cells: &[String], extra: [&str; 3]) {
        let delimiter = char::from(self.delimiter);
        let mut padding = self.width.saturating_sub(cells.len());
        match self.padding_budget.checked_sub(padding) {
            Some(left) => self.padding_budget = left,
            None => padding = 0,
        }
        let mut first = true;
        let padded = cells
            .iter()
            .map(String::as_str)
            .chain(std::iter::repeat("").take(padding));
        for cell in padded.chain(extra) {
            if !first {
                self.text.push(delimiter);
            }
            first = false;
            push_cell(&mut self.text, cell, self.delimiter);
        }
        self.text.push_str("\r\n");
    }

    /// Adds `finding` to `row`: its code, and its message or a count when the row or the file
    /// has enough.
    fn add_finding(&mut self, row: &mut RowFindings, finding: &Finding) {
        row.error |= finding.severity == Severity::Error;
        let code = finding.kind.code();
        if !row.codes.contains(&code) {
            row.codes.push(code);
        }
        if self.budget_spent {
            row.more += 1;
            return;
        }
        // Shortened as the report's: a stray quote can make a 1 MiB header label, which every
        // message of every row would repeat.
        let column = finding.place.column.as_deref().map(truncate_value);
        let message = render(&finding.kind, self.lang, column.as_deref()).message;
        let message = match column {
            Some(c) => format!("{c}: {message}"),
            None => message,
        };
        if let Some((_, count)) = row.messages.iter_mut().find(|(m, _)| *m == message) {
            *count += 1;
            return;
        }
        // The header's and the file's errors follow on a data row: room is kept for them.
        if row.messages.len() + self.file_errors.listed() >= MAX_ROW_MESSAGES {
            row.more += 1;
            return;
        }
        match self.charge(message.len()) {
            Budget::Fits => row.messages.push((message, 1)),
            Budget::Spent => row.more += 1,
            Budget::RunsOut => {
                row.messages.push((budget_note(self.lang).to_string(), 1));
                row.more += 1;
            }
        }
    }

    /// Takes `len` bytes of the file's message budget, if it still has them.
    fn charge(&mut self, len: usize) -> Budget {
        if self.budget_spent {
            return Budget::Spent;
        }
        match self.budget.checked_sub(len) {
            Some(left) => {
                self.budget = left;
                Budget::Fits
            }
            None => {
                self.budget_spent = true;
                Budget::RunsOut
            }
        }
    }

    /// Writes a data or blank row with its findings (a data row also with the header's and the
    /// file's errors).
    fn write_row(&mut self, fields: &[String], mut found: RowFindings, data: bool) {
        if data && self.file_errors.any() {
            found.error = true;
            self.add_file_errors(&mut found.codes, &mut found.messages, &mut found.more);
        }
        let lang = self.lang;
        let mut messages: Vec<String> = found
            .messages
            .into_iter()
            .map(|(message, count)| counted(message, count, lang))
            .collect();
        let codes: Vec<&str> = found.codes.iter().map(|c| c.as_str()).collect();
        if found.more > 0 && !messages.is_empty() {
            messages.push(more_note(found.more, lang));
        }
        self.row(
            fields,
            [
                if found.error { "NG" } else { "OK" },
                &codes.join("|"),
                &messages.join(" / "),
            ],
        );
    }

    /// Adds the header's and the file's errors to a data row's codes and messages, after the
    /// row's own: the system rejects the whole file.
    fn add_file_errors(
        &mut self,
        codes: &mut Vec<Code>,
        messages: &mut Vec<(String, u64)>,
        more: &mut u64,
    ) {
        // The row's own first: in a narrow Excel column its own problem is what shows.
        for code in &self.file_errors.codes {
            if !codes.contains(code) {
                codes.push(*code);
            }
        }
        let (listed, unlisted) = self.file_messages();
        messages.extend(listed);
        *more += unlisted;
        if messages.len() > MAX_ROW_MESSAGES {
            *more += messages
                .drain(MAX_ROW_MESSAGES..)
                .map(|(_, n)| n)
                .sum::<u64>();
        }
    }

    /// The header and file errors' messages for a data row, charged to the budget as the row's
    /// own, and how many of their findings the row does not list.
    fn file_messages(&mut self) -> (Vec<(String, u64)>, u64) {
        let mut listed = Vec::new();
        let mut unlisted = self.file_errors.more;
        let (header_row, lang) = (self.header_row, self.lang);
        let messages: Vec<(String, u64)> = self
            .file_errors
            .messages(header_row, lang)
            .map(|(m, count)| (m.to_string(), count))
            .collect();
        for (message, count) in messages {
            match self.charge(message.len()) {
                Budget::Fits => listed.push((message, count)),
                Budget::Spent => unlisted += count,
                Budget::RunsOut => {
                    listed.push((budget_note(lang).to_string(), 1));
                    unlisted += count;
                }
            }
        }
        (listed, unlisted)
    }
}

fn budget_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "messages stop here: with every message this file would be too large \
             (the codes go on; the check's report describes each finding)"
        }
        Lang::Ja => {
            "ここから先はメッセージを省きます。すべて書くとファイルが大きくなりすぎるためです\
             （コード列は続きます。各エラーの説明はチェック結果のレポートにあります）"
        }
    }
}

/// A message the row has `count` times, with the count.
fn counted(message: String, count: u64, lang: Lang) -> String {
    match (count, lang) {
        (1, _) => message,
        (_, Lang::En) => format!("{message} (×{count})"),
        (_, Lang::Ja) => format!("{message}（{count} 件）"),
    }
}

fn more_note(more: u64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("+{more} more"),
        Lang::Ja => format!("ほか {more} 件"),
    }
}

impl Sink for Writer {
    fn finding(&mut self, finding: Finding) {
        // The header's and the file's errors are known from the first pass, and so is a finding
        // about a row already read, with its row.
        let row = finding.place.row;
        let late = row.is_some() && row <= self.last_row;
        if foresight::about_file(row, self.header_row) || late {
            return;
        }
        let mut found = std::mem::take(&mut self.row);
        self.add_finding(&mut found, &finding);
        self.row = found;
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        self.delimiter = record.delimiter;
        self.last_row = Some(record.row);
        let mut found = std::mem::take(&mut self.row);
        for finding in self.foresight.take_late(record.row) {
            self.add_finding(&mut found, &finding);
        }
        let lang = self.lang;
        match record.role {
            RecordRole::Preamble => self.row(record.fields, ["", "", ""]),
            RecordRole::Header => {
                let labels = match lang {
                    Lang::En => ["result", "codes", "messages"],
                    Lang::Ja => ["結果", "コード", "メッセージ"],
                };
                self.width = record.fields.len();
                self.header_row = Some(record.row);
                self.row(record.fields, labels);
            }
            RecordRole::Data => self.write_row(record.fields, found, true),
            RecordRole::Blank => self.write_row(record.fields, found, false),
        }
    }

    fn wants_fields(&self) -> bool {
        true
    }
}

/// Checks `input` and writes the result CSV: every row of the input as it was, plus `result`
/// (`OK`/`NG`), `codes` and `messages` columns, in the input's encoding when it can hold the
/// messages (else UTF-8 with a BOM, as for UTF-8 input).
///
/// ```
/// use csv_preflight::{builtin, result_csv, CheckOptions, TextEncoding};
///
/// let profile = builtin("fujifilm-iwpro/add-users")?;
/// let csv = "mail_address,family_name,given_name,language,group,option,company_name,\
///            department_name,job_title_name,device_user_id,iccard_number\r\n\
///            taro@example.com,山田,太郎,JA,,,,,,,\r\n\
///            hanako@example.com,佐藤,花子,ja,,,,,,,\r\n";
/// let out = result_csv(csv.as_bytes(), &profile, CheckOptions::default())?;
///
/// assert_eq!(out.encoding, TextEncoding::Utf8);
/// let text = String::from_utf8(out.bytes).unwrap();
/// let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').split("\r\n").collect();
/// assert!(lines[0].ends_with(",iccard_number,result,codes,messages"));
/// assert_eq!(
///     lines[1],
///     r#"taro@example.com,山田,太郎,JA,,,,,,,,NG,not-in-list,"language: not an accepted value; expected ""ja"", ""en""""#
/// );
/// assert_eq!(lines[2], "hanako@example.com,佐藤,花子,ja,,,,,,,,OK,,");
/// # Ok::<(), csv_preflight::Error>(())
/// ```
pub fn result_csv(
    input: &[u8],
    profile: &Profile,
    options: CheckOptions,
) -> Result<ResultCsv, Error> {
    write(input, profile, options, Context::default())
}

/// Checks `input` against the system's current export (as
/// [`Checker::with_baseline`](crate::Checker::with_baseline)) and writes the result CSV: the rows
/// carry the findings that need the export too. Fails when the baseline was read for another
/// profile.
pub fn result_csv_with_baseline(
    input: &[u8],
    profile: &Profile,
    options: CheckOptions,
    baseline: Arc<Baseline>,
) -> Result<ResultCsv, Error> {
    let context = Context {
        baseline: Some(baseline),
        ..Context::default()
    };
    write(input, profile, options, context)
}

fn write(
    input: &[u8],
    profile: &Profile,
    options: CheckOptions,
    context: Context,
) -> Result<ResultCsv, Error> {
    let budget = input
        .len()
        .saturating_mul(MESSAGE_BUDGET_PER_INPUT_BYTE)
        .saturating_add(MESSAGE_BUDGET_BASE);
    let options = options.for_whole(input.len());
    let mut first = Engine::with_context(
        profile,
        options.clone(),
        Foresight::new(options.lang),
        context.clone(),
    )?;
    first.push(input);
    let (mut foresight, ..) = first.finish();
    let file_errors = std::mem::take(&mut foresight.file_errors);
    let mut text = String::new();
    text.push(BOM);
    let writer = Writer {
        lang: options.lang,
        delimiter: b',',
        text,
        width: 0,
        padding_budget: input.len(),
        row: RowFindings::default(),
        foresight,
        last_row: None,
        budget,
        budget_spent: false,
        header_row: None,
        file_errors,
    };
    let mut engine = Engine::with_context(profile, options, writer, context)?;
    engine.push(input);
    let (writer, _, _, detected) = engine.finish();
    let encoding = detected.encoding.unwrap_or(TextEncoding::Utf8);
    Ok(encode(writer.text, encoding))
}

/// `text` starts with the BOM: kept for UTF-8 (no copy), dropped for the input's own encoding.
fn encode(text: String, encoding: TextEncoding) -> ResultCsv {
    let utf8_with_bom = |text: String| ResultCsv {
        bytes: text.into_bytes(),
        encoding: TextEncoding::Utf8,
    };
    if !encoding.is_ascii_compatible() || encoding == TextEncoding::Utf8 {
        return utf8_with_bom(text);
    }
    let (bytes, _, unmappable) = encoding.encoding_rs().encode(&text[BOM.len_utf8()..]);
    if unmappable {
        return utf8_with_bom(text);
    }
    ResultCsv {
        bytes: bytes.into_owned(),
        encoding,
    }
}
