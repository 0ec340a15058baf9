//! The result CSV: every original row plus `result` (OK/NG), `codes` and `messages` columns, the way
//! IWpro's own result file looks, written in the input's encoding so that Excel opens it as is.
//!
//! Cells that start with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so that opening the file in
//! a spreadsheet cannot run a formula (CSV injection); the report flags such cells in the input.

use std::sync::Arc;

use crate::check::{CheckOptions, Context, Engine, RecordInfo, RecordRole, Sink};
use crate::decode::{Lang, TextEncoding};
use crate::error::Error;
use crate::plan::Baseline;
use crate::profile::Profile;
use crate::report::{render, truncate_value, Finding, Severity};

/// A generated result CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultCsv {
    /// The bytes of the file.
    pub bytes: Vec<u8>,
    /// The encoding they are in (the input's, or UTF-8 with BOM when the input's cannot hold the
    /// messages or cannot be written, such as UTF-16).
    pub encoding: TextEncoding,
}

/// Findings listed per row; more are counted (`+N more`): a cell of a million malformed bytes
/// would otherwise hold a million findings and write a million messages into one cell.
const MAX_ROW_FINDINGS: usize = 100;

struct Writer {
    lang: Lang,
    delimiter: u8,
    text: String,
    row_findings: Vec<Finding>,
    /// Findings of the current row beyond [`MAX_ROW_FINDINGS`].
    row_more: u64,
    /// Whether the current row has an error (kept or not).
    row_error: bool,
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
        let mut first = true;
        for cell in cells.iter().map(String::as_str).chain(extra) {
            if !first {
                self.text.push(delimiter);
            }
            first = false;
            push_cell(&mut self.text, cell, self.delimiter);
        }
        self.text.push_str("\r\n");
    }
}

impl Sink for Writer {
    fn finding(&mut self, finding: Finding) {
        if finding.place.row.is_some() {
            self.row_error |= finding.severity == Severity::Error;
            if self.row_findings.len() < MAX_ROW_FINDINGS {
                self.row_findings.push(finding);
            } else {
                self.row_more += 1;
            }
        }
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        self.delimiter = record.delimiter;
        let findings = std::mem::take(&mut self.row_findings);
        let more = std::mem::take(&mut self.row_more);
        let has_error = std::mem::take(&mut self.row_error);
        match record.role {
            RecordRole::Preamble => self.row(record.fields, ["", "", ""]),
            RecordRole::Header => {
                let labels = match self.lang {
                    Lang::En => ["result", "codes", "messages"],
                    Lang::Ja => ["結果", "コード", "メッセージ"],
                };
                self.row(record.fields, labels);
            }
            RecordRole::Data | RecordRole::Blank => {
                let ok = !has_error;
                let mut codes: Vec<&str> =
                    findings.iter().map(|f| f.kind.code().as_str()).collect();
                let mut messages: Vec<String> = findings
                    .iter()
                    .map(|f| {
                        // Shortened as the report's: a stray quote can make a 1 MiB header
                        // label, which every message of every row would repeat.
                        let column = f.place.column.as_deref().map(truncate_value);
                        let message = render(&f.kind, self.lang, column.as_deref()).message;
                        match column {
                            Some(c) => format!("{c}: {message}"),
                            None => message,
                        }
                    })
                    .collect();
                let more_text = match self.lang {
                    Lang::En => format!("+{more} more"),
                    Lang::Ja => format!("ほか {more} 件"),
                };
                if more > 0 {
                    codes.push(&more_text);
                    messages.push(more_text.clone());
                }
                self.row(
                    record.fields,
                    [
                        if ok { "OK" } else { "NG" },
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
    let writer = Writer {
        lang: options.lang,
        delimiter: b',',
        text: String::new(),
        row_findings: Vec::new(),
        row_more: 0,
        row_error: false,
    };
    let options = options.for_whole(input.len());
    let mut engine = Engine::with_context(profile, options, writer, context)?;
    engine.push(input);
    let (writer, _, _, detected) = engine.finish();
    let encoding = detected.encoding.unwrap_or(TextEncoding::Utf8);
    Ok(encode(writer.text, encoding))
}

fn encode(text: String, encoding: TextEncoding) -> ResultCsv {
    let utf8_with_bom = |text: String| {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(text.as_bytes());
        ResultCsv {
            bytes,
            encoding: TextEncoding::Utf8,
        }
    };
    if !encoding.is_ascii_compatible() || encoding == TextEncoding::Utf8 {
        return utf8_with_bom(text);
    }
    let (bytes, _, unmappable) = encoding.encoding_rs().encode(&text);
    if unmappable {
        return utf8_with_bom(text);
    }
    ResultCsv {
        bytes: bytes.into_owned(),
        encoding,
    }
}
