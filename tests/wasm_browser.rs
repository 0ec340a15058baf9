//! The JavaScript bindings, run in headless Chromium (chromedriver on PATH, options in
//! webdriver.json) by wasm-bindgen-test-runner: the same tests as `wasm_node`, run with
//! `--test wasm_browser`.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_shared;
