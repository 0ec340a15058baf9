// The Node.js entry point: wasm-bindgen's `nodejs` build (CommonJS, next to this file) compiles and
// instantiates the WebAssembly module synchronously when it is loaded, so no init call is needed.
export * from "./csv_preflight.js";
