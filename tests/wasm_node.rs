//! The JavaScript bindings, run in Node.js by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target
//! wasm32-unknown-unknown --no-default-features --features wasm --test wasm_node`
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

mod wasm_shared;
