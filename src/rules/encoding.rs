//! What it checks: the file's encoding and byte order mark against the profile, and malformed
//! byte sequences inside cells.
//! Why: the most common failure of all. Japanese Excel saves "CSV" as Shift_JIS, systems that need
//! UTF-8 then show mojibake or reject the file; IWpro takes UTF-8 only.
//! Example: a Shift_JIS file for IWpro → `encoding-not-accepted`, "this file looks like Shift_JIS
//! (CP932), which Excel writes in Japan; this system needs UTF-8".

use crate::decode::{Bom, TextEncoding};
use crate::profile::BomPolicy;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::BomRequired,
    Code::BomForbidden,
    Code::EncodingNotAccepted,
    Code::EncodingUnknown,
    Code::EncodingError,
];

/// Checks the encoding and the BOM once the encoding is known.
pub(crate) fn check(
    encoding: TextEncoding,
    bom: Option<Bom>,
    accepted: &[TextEncoding],
    policy: BomPolicy,
    out: &mut Vec<Kind>,
) {
    if !accepted.iter().any(|a| a.includes(encoding)) {
        out.push(Kind::EncodingNotAccepted {
            detected: encoding,
            accepted: accepted.to_vec(),
        });
        return;
    }
    match (policy, bom) {
        (BomPolicy::Required, None) => out.push(Kind::BomRequired),
        (BomPolicy::Forbidden, Some(_)) => out.push(Kind::BomForbidden),
        _ => {}
    }
}

/// Formats malformed bytes for a message: `0x82 0xA0`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(8)
        .map(|b| format!("0x{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}
