//! The library's unit tests whose code differs in wasm (the SIMD byte scans and their users: the
//! tokenizer's split, the e-mail fast path, the ASCII test; the chunk's UTF-8 check; the key
//! hash, whose lengths are 32-bit there), run in wasm too by
//! `cargo test --lib` for wasm32 (`scripts/test.sh`). Registered here because `wasm_bindgen`
//! appears only in the bindings.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::hash::tests as key_hash;
use crate::lanes::tests as lanes;
use crate::read::chunk_text_tests as chunk_text;
use crate::read::tests::chunking;
use crate::rules::email::plain_tests as email;

#[wasm_bindgen_test]
fn lanes_flag_exactly_the_bytes_asked_for() {
    lanes::flags_exactly_the_bytes_asked_for();
}

#[wasm_bindgen_test]
fn lanes_pad_short_input_and_split_long_input() {
    lanes::pads_short_input_and_splits_long_input();
}

#[wasm_bindgen_test]
fn lanes_word_version_agrees() {
    lanes::the_word_version_agrees();
}

#[wasm_bindgen_test]
fn lanes_from_a_position_skip_the_lanes_before_it() {
    lanes::blocks_from_a_position_skip_the_lanes_before_it();
}

#[wasm_bindgen_test]
fn lanes_tell_ascii_apart() {
    lanes::tells_ascii_apart();
}

#[wasm_bindgen_test]
fn lanes_suspect_exactly_the_texts_with_a_control_byte() {
    lanes::suspects_exactly_the_texts_with_a_suspicious_byte();
}

#[wasm_bindgen_test]
fn key_hash_folds_case_and_separates_keys_one_byte_apart() {
    key_hash::folding_gives_the_hash_of_the_lower_cased_key();
    key_hash::keys_one_byte_apart_never_collide();
}

#[wasm_bindgen_test]
fn tokenizer_matches_its_reference_under_random_chunking() {
    chunking::random_csv_like_inputs_match_reference_under_random_chunking();
}

#[wasm_bindgen_test]
fn email_fast_path_accepts_only_what_the_full_rule_accepts() {
    email::accepts_only_what_the_full_rule_accepts();
    email::agrees_with_the_full_rule_on_longer_values();
}

#[wasm_bindgen_test]
fn chunk_text_leaves_out_characters_cut_at_either_end() {
    chunk_text::leaves_out_characters_cut_at_either_end();
}

#[wasm_bindgen_test]
fn chunk_text_refuses_chunks_that_are_not_utf8() {
    chunk_text::refuses_chunks_that_are_not_utf8();
}
