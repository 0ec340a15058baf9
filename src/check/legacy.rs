//! Records in a legacy encoding (Shift_JIS, as Excel writes CSV in Japan; EUC-JP, GBK, Big5,
//! EUC-KR, GB18030). A record with non-ASCII bytes is checked through a copy whose fields are
//! decoded, one after another, into one string: the same cell loop as a UTF-8 record, with its
//! shortcuts, instead of one decoded string and every value check per cell (a Shift_JIS check
//! took twice as long per row as a UTF-8 one). A record with a malformed sequence is checked
//! field by field instead, which reports each sequence at its offset; so is any record when the
//! tests compare the two.
//!
//! The copy keeps the record's positions, so every offset reported is the file's. Control
//! characters are looked for in the decoded text: Shift_JIS byte 0x80 is U+0080, a C1 control,
//! which no scan of the raw bytes would flag.

use crate::check::engine::Core;
use crate::read::Record;

impl Core {
    /// Makes `copy` the record `record` with its fields decoded; returns it and its text, or
    /// `None` if a field has a malformed sequence.
    pub(super) fn decoded_copy<'a>(
        &self,
        record: &Record,
        copy: &'a mut Record,
    ) -> Option<(&'a Record, &'a str)> {
        let decoder = &self.decoder;
        if !copy.rewrite_from(record, |bytes, text| decoder.decode_into(bytes, text)) {
            return None;
        }
        let copy: &Record = copy;
        copy.utf8().map(|text| (copy, text))
    }
}

#[cfg(test)]
thread_local! {
    /// Off in the tests that compare decoding whole records with decoding field by field.
    static DECODE_WHOLE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Whether a legacy encoding's records are decoded whole: always, except in the tests that
/// compare that with the field-by-field path.
#[inline(always)]
pub(super) fn decode_whole() -> bool {
    #[cfg(test)]
    return DECODE_WHOLE.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
