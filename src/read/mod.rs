//! Streaming, push-based RFC 4180 tokenizer that reports every quoting anomaly.
//!
//! Unlike permissive CSV readers, which silently "repair" stray quotes, this
//! tokenizer keeps going after a malformed field *and* records what was wrong
//! and where ([`QuoteProblem`]), with absolute byte offsets and 1-based
//! physical line numbers.
//!
//! * Input is pushed in chunks of any size with [`Tokenizer::feed`]; the result
//!   never depends on how the input was split.
//! * Records are handed to a callback as a borrowed [`Record`] whose buffers are
//!   reused, so the steady state allocates nothing.
//! * No input can make it panic, and it contains no `unsafe`.
//!
//! Field indexes are 0-based everywhere in this module; line and record
//! numbers are 1-based.

mod record;
mod tokenizer;

#[cfg(test)]
pub(crate) mod tests;

pub use record::*;
// For the wasm run of its unit tests (`bindings::unit_tests`).
#[cfg(all(test, feature = "wasm", target_arch = "wasm32"))]
pub(crate) use tokenizer::chunk_text_tests;
pub use tokenizer::Tokenizer;
