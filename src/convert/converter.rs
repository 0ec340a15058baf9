//! The streaming converter: push chunks, take the converted bytes as they come, finish with the
//! result. Memory stays bounded by the first 64 KiB, the records held back until the mapping is
//! decided (see [`pipeline`](super::pipeline)), the largest record, and the re-check's indexes.

use crate::check::{CheckOptions, Checker, Engine};
use crate::convert::file_name;
use crate::convert::options::{invalid, ConvertOptions};
use crate::convert::pipeline::{delimiter_of, Pipeline, Settings};
use crate::convert::result::{ConvertResult, ConvertStatus, FileFormat, Log};
use crate::convert::sink::ConvertSink;
use crate::convert::source::{reading_profile, recognise};
use crate::convert::transcode::Transcoder;
use crate::convert::Mapping;
use crate::decode::{sniff_bom, sniff_utf16, Bom, Lang};
use crate::error::Error;
use crate::profile::{builtin, Delimiter, LineEndingKind, Profile};

/// Bytes looked at before reading starts: the source profile, the BOM and the line ending are
/// decided from them (the same window as the checking engine's).
const WINDOW: usize = 64 * 1024;

/// What the source is.
#[derive(Debug, Clone)]
enum SourceChoice {
    Auto,
    Header,
    Profile(Box<Profile>),
}

enum Stage {
    /// Collecting the first bytes.
    Window {
        buf: Vec<u8>,
        source: SourceChoice,
        pipeline: Box<Pipeline>,
    },
    /// Reading.
    Running(Box<Engine<ConvertSink>>),
    /// Reading could not start.
    Failed(Error),
    /// Transient, while moving from one stage to the next.
    Moving,
}

/// Converts a file chunk by chunk.
///
/// ```
/// use csv_preflight::convert::{ConvertOptions, ConvertStatus, Converter};
/// use csv_preflight::builtin;
///
/// let target = builtin("fujifilm-iwpro/add-users").unwrap();
/// let options = ConvertOptions { date: Some("2026-11-21".into()), ..ConvertOptions::default() };
/// let mut converter = Converter::new(&target, options).unwrap();
/// let mut out = Vec::new();
/// for chunk in "メールアドレス,氏名,言語\r\ntaro@example.com,山田 太郎,日本語\r\n".as_bytes().chunks(7) {
///     converter.push(chunk);
///     out.extend(converter.take_output());
/// }
/// let result = converter.finish().unwrap();
/// out.extend(&result.bytes);
/// assert_eq!(result.status, ConvertStatus::Ready);
/// assert_eq!(result.file_name, "add-users_2026-11-21.csv");
/// assert!(String::from_utf8(out).unwrap().ends_with("taro@example.com,山田,太郎,ja,,,,,,,\r\n"));
/// ```
///
/// Bytes taken before [`Converter::finish`] are provisional: when the result's status is
/// [`ConvertStatus::Refused`] they must be thrown away.
pub struct Converter {
    stage: Stage,
    /// Decodes the source first when the user gave its encoding.
    transcoder: Option<Transcoder>,
}

fn line_ending(window: &[u8]) -> Option<LineEndingKind> {
    let utf16 = match sniff_bom(window.get(..3).unwrap_or(window)) {
        Some(Bom::Utf16Le | Bom::Utf16Be) => true,
        Some(Bom::Utf8) => false,
        None => sniff_utf16(window.get(..256).unwrap_or(window)).is_some(),
    };
    // In UTF-16 every ASCII character is a byte next to a zero byte: compare the non-zero bytes.
    let bytes: Vec<u8> = if utf16 {
        window.iter().copied().filter(|b| *b != 0).collect()
    } else {
        window.to_vec()
    };
    let at = bytes.iter().position(|b| *b == b'\n' || *b == b'\r')?;
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(LineEndingKind::Crlf),
        (Some(b'\r'), _) => Some(LineEndingKind::Cr),
        _ => Some(LineEndingKind::Lf),
    }
}

impl Converter {
    /// Prepares a conversion to `target`; the source is `options.from`. Fails when the options
    /// are inconsistent (unknown source profile, a mapping for another profile, a substitution of
    /// more than one character, UTF-16 output, bad parameters).
    pub fn new(target: &Profile, options: ConvertOptions) -> Result<Converter, Error> {
        let source = match options.from.as_str() {
            "" | "auto" => SourceChoice::Auto,
            "header" => SourceChoice::Header,
            id => SourceChoice::Profile(Box::new(builtin(id)?)),
        };
        Self::start(target, source, options)
    }

    /// Prepares a conversion from a file of the (custom) `source` profile.
    pub fn with_source(
        source: &Profile,
        target: &Profile,
        options: ConvertOptions,
    ) -> Result<Converter, Error> {
        Self::start(
            target,
            SourceChoice::Profile(Box::new(source.clone())),
            options,
        )
    }

    fn start(
        target: &Profile,
        source: SourceChoice,
        options: ConvertOptions,
    ) -> Result<Converter, Error> {
        let substitutions = options.substitution_table()?;
        let source_encoding = options.source_encoding;
        let date = options.checked_date()?;
        if let Some(e) = options.encoding.filter(|e| !e.is_ascii_compatible()) {
            return Err(invalid(format!(
                "conversion writes ASCII-compatible encodings only, not \"{}\"",
                e.label()
            )));
        }
        if let Some(e) = options.encoding {
            let accepted = &target.file.encodings;
            if !options.force && !accepted.is_empty() && !accepted.contains(&e) {
                let names: Vec<&str> = accepted.iter().map(|a| a.display_name()).collect();
                return Err(invalid(format!(
                    "\"{}\" does not take {}, only {}: the file would be refused (force the \
                     conversion to write it anyway)",
                    target.id,
                    e.display_name(),
                    names.join(", ")
                )));
            }
        }
        if options.bom == Some(true)
            && options
                .encoding
                .is_some_and(|e| e != crate::TextEncoding::Utf8)
        {
            return Err(invalid(
                "a byte order mark is written for UTF-8 only".to_string(),
            ));
        }
        if let Some(mapping) = &options.mapping {
            mapping.validate(target)?;
        }
        let file_name =
            target.file.file_name.is_some().then(|| {
                file_name::suggest(target, date, options.source_file_name.as_deref(), false)
            });
        let checker = Checker::new(
            target,
            CheckOptions {
                lang: options.lang,
                file_name,
                params: options.params.clone(),
                max_diagnostics: options.max_diagnostics,
                limits: options.limits,
                // The converted file's size is not known while it is written.
                file_size: None,
            },
        )?;
        let log = Log::new(
            options.lang,
            options.strict_shift_jis,
            options.max_changes,
            options.max_diagnostics,
            target
                .columns
                .iter()
                .filter(|c| c.secret)
                .map(|c| c.name.clone())
                .collect(),
        );
        let settings = Settings {
            target: target.clone(),
            source: None,
            options,
            substitutions,
            source_bom: None,
            source_line_ending: None,
        };
        Ok(Converter {
            transcoder: source_encoding.map(Transcoder::new),
            stage: Stage::Window {
                buf: Vec::new(),
                source,
                pipeline: Box::new(Pipeline::new(settings, log, checker)),
            },
        })
    }

    /// Feeds the next chunk of the source file (any size).
    pub fn push(&mut self, chunk: &[u8]) {
        match self.transcoder.as_mut() {
            Some(t) => {
                let utf8 = t.push(chunk, false);
                self.feed(&utf8);
            }
            None => self.feed(chunk),
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        match &mut self.stage {
            Stage::Window { buf, .. } => {
                buf.extend_from_slice(chunk);
                if buf.len() >= WINDOW {
                    self.run();
                }
            }
            Stage::Running(engine) => engine.push(chunk),
            Stage::Failed(_) | Stage::Moving => {}
        }
    }

    /// Starts reading: decides the source profile, the BOM and the line ending from the window.
    fn run(&mut self) {
        let Stage::Window {
            buf,
            source,
            mut pipeline,
        } = std::mem::replace(&mut self.stage, Stage::Moving)
        else {
            return;
        };
        let limits = pipeline.settings.options.limits;
        // The decisions read the window's bytes only, however many the chunks brought: the same
        // decisions for a whole buffer and a stream.
        let window = buf.get(..WINDOW).unwrap_or(&buf);
        let source = match source {
            SourceChoice::Auto => recognise(window, &pipeline.settings.target, limits),
            SourceChoice::Header => None,
            SourceChoice::Profile(p) => Some(*p),
        };
        let reading = match &source {
            Some(p) => reading_profile(&p.file.preamble, &p.file.delimiters),
            None => reading_profile(&[], &[]),
        };
        pipeline.settings.source = source;
        pipeline.settings.source_bom = sniff_bom(window.get(..3).unwrap_or(window));
        pipeline.settings.source_line_ending = line_ending(window);
        let options = CheckOptions {
            lang: pipeline.settings.options.lang,
            limits,
            max_diagnostics: pipeline.settings.options.max_diagnostics,
            ..CheckOptions::default()
        };
        match reading
            .and_then(|profile| Engine::new(&profile, options, ConvertSink::Pipeline(pipeline)))
        {
            Ok(mut engine) => {
                engine.push(&buf);
                self.stage = Stage::Running(Box::new(engine));
            }
            Err(e) => self.stage = Stage::Failed(e),
        }
    }

    /// Takes the converted bytes produced so far (provisional until [`Converter::finish`]).
    pub fn take_output(&mut self) -> Vec<u8> {
        match &mut self.stage {
            Stage::Running(engine) => engine
                .sink_mut()
                .pipeline_mut()
                .map(Pipeline::take_output)
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Ends the input: re-checks the output and returns the result with the bytes not yet taken.
    /// Fails only when reading could not start at all (the source profile cannot be read with).
    pub fn finish(mut self) -> Result<ConvertResult, Error> {
        let mut malformed = Vec::new();
        if let Some(mut t) = self.transcoder.take() {
            let tail = t.push(&[], true);
            self.feed(&tail);
            malformed = std::mem::take(&mut t.malformed);
            self.transcoder = Some(t);
        }
        if matches!(self.stage, Stage::Window { .. }) {
            self.run();
        }
        let engine = match std::mem::replace(&mut self.stage, Stage::Moving) {
            Stage::Running(engine) => engine,
            Stage::Failed(e) => return Err(e),
            _ => return Err(invalid("the conversion was already finished".to_string())),
        };
        let (sink, _, _, detected) = engine.finish();
        let Some(mut pipeline) = sink.pipeline() else {
            return Err(invalid("the conversion was already finished".to_string()));
        };
        if let Some(t) = &self.transcoder {
            pipeline.report_malformed(t.encoding(), malformed);
        }
        pipeline.finish_input();
        let bytes = pipeline.take_output();
        let Some(checker) = pipeline.checker.take() else {
            return Err(invalid("the conversion was already finished".to_string()));
        };
        let report = checker.finish();
        let (encoding, framing) = pipeline.output_format();
        let settings = &pipeline.settings;
        let options = &settings.options;
        let mut log = pipeline.log.clone();
        log.sort();
        log.summary.rows = pipeline.rows;
        let errors = log.summary.errors + report.summary.errors;
        let status = match (errors, options.force) {
            (0, _) => ConvertStatus::Ready,
            (_, true) => ConvertStatus::Forced,
            (_, false) => ConvertStatus::Refused,
        };
        let refusal =
            (errors > 0).then(|| refusal(&log, &report, options.lang, errors, options.force));
        let delimiter = delimiter_of(framing.delimiter);
        let file_name = file_name::suggest(
            &settings.target,
            options.checked_date().ok().flatten(),
            options.source_file_name.as_deref(),
            delimiter == Delimiter::Tab,
        );
        Ok(ConvertResult {
            bytes: if status == ConvertStatus::Refused {
                Vec::new()
            } else {
                bytes
            },
            status,
            refusal,
            file_name,
            source: FileFormat {
                profile: settings
                    .source
                    .as_ref()
                    .map_or_else(|| "header".to_string(), |p| p.id.clone()),
                encoding: pipeline.source_encoding,
                bom: detected.bom,
                delimiter: detected.delimiter,
                line_ending: detected.line_ending,
            },
            output: FileFormat {
                profile: settings.target.id.clone(),
                encoding: Some(encoding),
                bom: framing.bom.then_some(Bom::Utf8),
                delimiter: Some(delimiter),
                line_ending: Some(framing.line_ending),
            },
            mapping: pipeline.mapping.clone().unwrap_or_else(|| Mapping {
                format_version: crate::convert::mapping::MAPPING_FORMAT_VERSION,
                from: None,
                to: settings.target.id.clone(),
                columns: Vec::new(),
            }),
            changes: log.changes,
            changes_capped: log.changes_capped,
            diagnostics: log.diagnostics,
            diagnostics_capped: log.diagnostics_capped,
            summary: log.summary,
            report,
        })
    }
}

/// Why the file is not offered, in a sentence.
fn refusal(log: &Log, report: &crate::Report, lang: Lang, errors: u64, forced: bool) -> String {
    let mut codes: Vec<(String, u64)> = log
        .errors_by_code
        .iter()
        .map(|(code, n)| (code.as_str().to_string(), *n))
        .collect();
    let is_error = |d: &&crate::Diagnostic| d.severity == crate::Severity::Error;
    for d in report.diagnostics.iter().filter(is_error) {
        if !codes.iter().any(|(c, _)| c == d.code.as_str()) {
            // A code can be an error in one place and a warning in another (a required column's
            // missing label, an optional one's): the errors only, while every finding is listed.
            let n = match report.diagnostics_capped {
                false => report
                    .diagnostics
                    .iter()
                    .filter(is_error)
                    .filter(|e| e.code == d.code)
                    .count() as u64,
                true => report.summary.by_code.get(&d.code).copied().unwrap_or(1),
            };
            codes.push((d.code.as_str().to_string(), n));
        }
    }
    let list = codes
        .iter()
        .map(|(c, n)| format!("{c} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, forced) {
        (Lang::En, false) => format!(
            "the converted file still has {errors} error(s) ({list}), so it is not offered; fix them in the source file or the mapping, or force the conversion to get the file anyway"
        ),
        (Lang::En, true) => format!(
            "the converted file still has {errors} error(s) ({list}); it was written only because the conversion was forced"
        ),
        (Lang::Ja, false) => format!(
            "変換後のファイルにまだ {errors} 件のエラー（{list}）があるため、ファイルは出力しません。元のファイルかマッピングを直すか、強制して出力してください"
        ),
        (Lang::Ja, true) => format!(
            "変換後のファイルにまだ {errors} 件のエラー（{list}）があります。強制が指定されたため出力しました"
        ),
    }
}
