//! Encoding identification, field decoding in every encoding, and UTF-16 transcoding: no panic,
//! malformed sequences inside the field and in order, and chunking never changes UTF-16 output.
#![no_main]

use csv_preflight::decode::{
    identify, sniff_bom, sniff_utf16, FieldDecoder, Utf16Transcoder, ALL_ENCODINGS,
};
use csv_preflight::TextEncoding;
use libfuzzer_sys::fuzz_target;

fn transcode(encoding: TextEncoding, chunks: &[&[u8]]) -> (Vec<u8>, Vec<(u64, usize)>) {
    let mut t = Utf16Transcoder::new(encoding, 0);
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for (i, chunk) in chunks.iter().enumerate() {
        t.push(chunk, i + 1 == chunks.len(), &mut out, &mut errors);
    }
    (out, errors)
}

fuzz_target!(|data: &[u8]| {
    let _ = sniff_bom(data);
    let _ = sniff_utf16(data);
    let id = identify(data);
    if id.valid_utf8 {
        assert_eq!(id.encoding, TextEncoding::Utf8);
    }

    for encoding in ALL_ENCODINGS {
        let mut decoder = FieldDecoder::new(encoding);
        let decoded = decoder.decode(data);
        let mut previous_end = 0;
        for m in decoded.malformed {
            assert!(m.len >= 1, "{encoding:?}: empty malformed sequence");
            assert!(
                m.offset >= previous_end,
                "{encoding:?}: malformed out of order"
            );
            assert!(
                m.offset + m.len <= data.len(),
                "{encoding:?}: malformed past the end"
            );
            previous_end = m.offset + m.len;
        }
        if encoding == TextEncoding::Utf8 {
            assert_eq!(
                decoded.malformed.is_empty(),
                std::str::from_utf8(data).is_ok()
            );
        }
    }

    for encoding in [TextEncoding::Utf16Le, TextEncoding::Utf16Be] {
        let whole = transcode(encoding, &[data]);
        assert!(
            std::str::from_utf8(&whole.0).is_ok(),
            "transcoder wrote invalid UTF-8"
        );
        let cut = data.first().map_or(0, |&b| usize::from(b)).min(data.len());
        let (a, b) = data.split_at(cut);
        let mid = b.len() / 2;
        let (b1, b2) = b.split_at(mid);
        assert_eq!(
            transcode(encoding, &[a, b1, b2]),
            whole,
            "{encoding:?} split at {cut}"
        );
        for &(offset, len) in &whole.1 {
            assert!(offset as usize + len <= data.len(), "error past the end");
        }
    }
});
