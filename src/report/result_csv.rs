//! The result CSV: every original row plus `result` (OK/NG), `codes` and `messages` columns, the way
//! IWpro's own result file looks, written in the input's encoding so that Excel opens it as is.
//!
//! A row is NG when it has an error, or when an error about the header, a line before it or the
//! whole file came before it (a missing required column, a stray BOM, a file name or encoding the
//! system refuses): the system rejects the whole file, so a row marked OK would mislead an
//! administrator who filters on NG. Such a row lists those codes first and starts its messages
//! with where each error is (`row 1 (header): ...`, `file: ...`; `1 行目（ヘッダー）: ...`,
//! `ファイル: ...`), at most [`file_errors::MAX_FILE_MESSAGES`] of them. Warnings and infos
//! about the header change no row. Blank rows are not users: these errors do not change them. A
//! row is written when it is read, so a finding that comes after it cannot change it: the row
//! count against the system's limit and the line endings are known at the end of the file,
//! Canon's `CharSet:UTF8` marker is known to be missing from the first row that shows UTF-8
//! (ASCII rows before it stay OK), and a blank row is known to be between users (`blank-row`)
//! only at the next row, which lists it.
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

use std::sync::Arc;

use file_errors::FileErrors;

use crate::check::{CheckOptions, Context, Engine, RecordInfo, RecordRole, Sink};
use crate::decode::{Lang, TextEncoding};
use crate::error::Error;
use crate::plan::Baseline;
use crate::profile::Profile;
use crate::report::{render, truncate_value, Code, Finding, Severity};

/// A generated result CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The current row's codes, each once, in the order found.
    row_codes: Vec<Code>,
    /// The current row's first distinct messages, each with how often the row has it.
    row_messages: Vec<(String, u64)>,
    /// The current row's findings not in `row_messages`.
    row_more: u64,
    /// Whether the current row has an error (listed or not).
    row_error: bool,
    /// Bytes of messages the rest of the file may still hold.
    budget: usize,
    /// Whether the budget ran out (the row where it did says so).
    budget_spent: bool,
    /// The header's row, once written: a finding about it that comes later (Canon's
    /// `CharSet:UTF8` marker, known to be missing only once a data row shows the encoding) is
    /// not the current row's.
    header_row: Option<u64>,
    /// Errors about the header, the lines before it or the whole file, which every later data
    /// row repeats.
    file_errors: FileErrors,
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

    /// The current row's message for `finding`, or a count when the row or the file has enough.
    fn add_message(&mut self, finding: &Finding) {
        if self.budget_spent {
            self.row_more += 1;
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
        if let Some((_, count)) = self.row_messages.iter_mut().find(|(m, _)| *m == message) {
            *count += 1;
            return;
        }
        // The header and file errors come first on a data row and take their share.
        if self.row_messages.len() + self.file_errors.listed() >= MAX_ROW_MESSAGES {
            self.row_more += 1;
            return;
        }
        match self.budget.checked_sub(message.len()) {
            Some(left) => {
                self.budget = left;
                self.row_messages.push((message, 1));
            }
            None => {
                self.budget_spent = true;
                self.row_messages
                    .push((budget_note(self.lang).to_string(), 1));
                self.row_more += 1;
            }
        }
    }

    /// Puts the header's and the file's errors first in a data row's codes and messages: the
    /// system rejects the whole file.
    fn add_file_errors(
        &mut self,
        codes: &mut Vec<Code>,
        messages: &mut Vec<(String, u64)>,
        more: &mut u64,
    ) {
        let mut file_codes = self.file_errors.codes.clone();
        codes.retain(|c| !file_codes.contains(c));
        file_codes.append(codes);
        *codes = file_codes;
        let (mut listed, unlisted) = self.file_messages();
        listed.append(messages);
        *messages = listed;
        *more += unlisted;
        if messages.len() > MAX_ROW_MESSAGES {
            // Only when a file error came after the row's own findings.
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
        for (message, count) in self.file_errors.messages(self.header_row, self.lang) {
            if self.budget_spent {
                unlisted += count;
                continue;
            }
            match self.budget.checked_sub(message.len()) {
                Some(left) => {
                    self.budget = left;
                    listed.push((message.to_string(), count));
                }
                None => {
                    self.budget_spent = true;
                    listed.push((budget_note(self.lang).to_string(), 1));
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
        // Until the header is written every finding is about it, a line before it or the file.
        let before_data = match (finding.place.row, self.header_row) {
            (Some(row), Some(header)) => row <= header,
            _ => true,
        };
        if before_data {
            if finding.severity == Severity::Error {
                self.file_errors.add(&finding, self.lang);
            }
            return;
        }
        self.row_error |= finding.severity == Severity::Error;
        let code = finding.kind.code();
        if !self.row_codes.contains(&code) {
            self.row_codes.push(code);
        }
        self.add_message(&finding);
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        self.delimiter = record.delimiter;
        let mut codes = std::mem::take(&mut self.row_codes);
        let mut messages = std::mem::take(&mut self.row_messages);
        let mut more = std::mem::take(&mut self.row_more);
        let mut has_error = std::mem::take(&mut self.row_error);
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
            RecordRole::Data | RecordRole::Blank => {
                if record.role == RecordRole::Data && self.file_errors.any() {
                    has_error = true;
                    self.add_file_errors(&mut codes, &mut messages, &mut more);
                }
                let mut messages: Vec<String> = messages
                    .into_iter()
                    .map(|(message, count)| counted(message, count, lang))
                    .collect();
                let codes: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                if more > 0 && !messages.is_empty() {
                    messages.push(more_note(more, lang));
                }
                self.row(
                    record.fields,
                    [
                        if has_error { "NG" } else { "OK" },
                        &codes.join("|"),
                        &messages.join(" / "),
                    ],
                );
            }
        }
    }

    fn wants_fields(&self) -> bool {
        true
    }
}

/// Checks `input` and writes the result CSV.
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
    let mut text = String::new();
    text.push(BOM);
    let writer = Writer {
        lang: options.lang,
        delimiter: b',',
        text,
        width: 0,
        padding_budget: input.len(),
        row_codes: Vec::new(),
        row_messages: Vec::new(),
        row_more: 0,
        row_error: false,
        budget,
        budget_spent: false,
        header_row: None,
        file_errors: FileErrors::default(),
    };
    let options = options.for_whole(input.len());
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
