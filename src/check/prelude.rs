//! The first 64 KiB of the file decide the byte order mark, UTF-16 without BOM, and the delimiter.
//! The window has a fixed size so the decisions never depend on how the input was chunked.

use crate::check::engine::{Core, EncodingState};
use crate::check::Sink;
use crate::decode::{sniff_bom, sniff_utf16, TextEncoding, Utf16Transcoder};
use crate::profile::Delimiter;
use crate::read::{OffsetMode, Tokenizer, TokenizerConfig};
use crate::report::Place;
use crate::rules::{dialect, not_text};

/// Bytes collected before the first decisions.
pub(super) const SNIFF_WINDOW: usize = 64 * 1024;
/// Bytes the UTF-16 sniffer looks at.
const UTF16_SNIFF: usize = 256;

/// The bytes collected so far.
#[derive(Default)]
pub(super) struct Prelude {
    pub buf: Vec<u8>,
}

/// The header line of a window: line number `preamble` (0-based), without its terminator. Lines
/// end in CRLF, LF or a lone CR (old Mac files: without it, a CR-only file's "header" would be the
/// whole window, and delimiters in its data would outvote the header's).
fn header_line(text: &[u8], preamble: usize) -> &[u8] {
    let mut rest = text;
    for _ in 0..preamble {
        rest = match memchr::memchr2(b'\r', b'\n', rest) {
            Some(i) if rest.get(i..i + 2) == Some(b"\r\n") => rest.get(i + 2..),
            Some(i) => rest.get(i + 1..),
            None => None,
        }
        .unwrap_or_default();
    }
    let end = memchr::memchr2(b'\r', b'\n', rest).unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest)
}

impl Core {
    /// The delimiter of the file whose header line is `header`, its finding if it is not the
    /// expected one, and the file's type (see [`dialect`]).
    fn decide_delimiter(&mut self, header: &[u8]) -> Delimiter {
        let types = &self.profile.file_types;
        let named = self.options.file_name.as_deref();
        let by_name = named.and_then(|name| dialect::type_by_name(name, types));
        let (delimiter, finding) = match by_name.and_then(|i| types.get(i)) {
            Some(t) => {
                let delimiter = dialect::sniff_delimiter(header, &[t.delimiter]);
                (delimiter, dialect::check_type_delimiter(delimiter, t))
            }
            None => {
                let accepted = &self.profile.delimiters;
                let delimiter = dialect::sniff_delimiter(header, accepted);
                (delimiter, dialect::check_delimiter(delimiter, accepted))
            }
        };
        self.file_type = by_name.or_else(|| dialect::type_by_delimiter(delimiter, types));
        if let Some(kind) = finding {
            self.emit(kind, Place::default(), None, None);
        }
        delimiter
    }

    /// Makes the prelude decisions and starts the tokenizer with the window's bytes.
    pub(super) fn end_prelude(&mut self, sink: &mut dyn Sink) {
        let Some(prelude) = self.prelude.take() else {
            return;
        };
        let buf = prelude.buf;
        if let Some(kind) = not_text::check(&buf) {
            // Read as text it would only give mojibake findings: this one says it all, and no
            // tokenizer is started, so the rest of the file is counted and not read.
            self.not_text = true;
            self.emit(kind, Place::default(), None, None);
            return;
        }
        self.bom = sniff_bom(buf.get(..3).unwrap_or(&buf));
        let bom_len = self.bom.map_or(0, |b| b.len());
        let body = buf.get(bom_len..).unwrap_or(&[]);
        let utf16 = match self.bom.map(|b| b.encoding()) {
            Some(e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) => Some(e),
            Some(_) => None,
            None => sniff_utf16(buf.get(..UTF16_SNIFF).unwrap_or(&buf)),
        };
        let mut transcoded = Vec::new();
        if let Some(encoding) = utf16 {
            let mut transcoder = Utf16Transcoder::new(encoding, bom_len as u64);
            let mut errors = Vec::new();
            transcoder.push(body, false, &mut transcoded, &mut errors);
            self.utf16_errors.extend(errors);
            self.transcoder = Some(transcoder);
        }
        let text: &[u8] = if utf16.is_some() { &transcoded } else { body };
        let header = header_line(text, self.profile.preamble.len());
        let delimiter = self.decide_delimiter(header);
        self.delimiter = Some(delimiter);
        let limits = self.options.limits;
        self.tokenizer = Some(Tokenizer::new(TokenizerConfig {
            delimiter: delimiter.byte(),
            quote: b'"',
            max_field_bytes: limits.max_field_bytes,
            max_fields: limits.max_fields,
            max_record_bytes: limits.max_record_bytes,
            start_offset: bom_len as u64,
            offset_mode: if utf16.is_some() {
                OffsetMode::Utf16Transcoded
            } else {
                OffsetMode::Utf8
            },
        }));
        if let Some(encoding) = utf16.or(self.bom.map(|b| b.encoding())) {
            self.set_encoding(encoding);
            self.encoding_state = EncodingState::Known;
            self.flush(sink);
            sink.encoding_decided(encoding);
        }
        if utf16.is_some() {
            let transcoder = self.transcoder.take();
            self.feed(sink, &transcoded, false);
            self.transcoder = transcoder;
        } else {
            self.feed(sink, body, false);
        }
    }
}
