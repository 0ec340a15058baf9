//! The library's unit tests whose code differs in wasm (the SIMD byte scans, the chunk's UTF-8
//! check), run in wasm too by `cargo test --lib` for wasm32 (`scripts/test.sh`). Registered here
//! because `wasm_bindgen` appears only in the bindings.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::lanes::tests as lanes;
use crate::read::chunk_text_tests as chunk_text;

#[wasm_bindgen_test]
fn lanes_flag_exactly_the_bytes_asked_for() {
    lanes::flags_exactly_the_bytes_asked_for();
}

#[wasm_bindgen_test]
fn lanes_pad_short_input_and_split_long_input() {
    lanes::pads_short_input_and_splits_long_input();
}

#[wasm_bindgen_test]
fn chunk_text_leaves_out_characters_cut_at_either_end() {
    chunk_text::leaves_out_characters_cut_at_either_end();
}

#[wasm_bindgen_test]
fn chunk_text_refuses_chunks_that_are_not_utf8() {
    chunk_text::refuses_chunks_that_are_not_utf8();
}
