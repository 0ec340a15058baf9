//! Packs the built-in profiles (src/profile/builtin/*.json, the source of truth) for embedding:
//! each file as compact JSON (the same value, keys in the same order), all of them joined and
//! LZ4-compressed; `src/profile/builtin.rs` unpacks them on first use. The pretty-printed files are
//! ~96 KB; packed they take a fraction of that in the binary and in the wasm module.
//!
//! Writes `$OUT_DIR/builtin_profiles.lz4` (the packed text, its length prepended) and
//! `$OUT_DIR/builtin_profiles.rs` (`FILES`: each file's name and byte range in the text).

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

const DIR: &str = "src/profile/builtin";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={DIR}");
    let mut names: Vec<String> = fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("{DIR}: {e}"))
        .map(|entry| entry.expect("directory entry").file_name())
        .map(|name| name.into_string().expect("UTF-8 file name"))
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();

    let mut text = String::new();
    let mut files = String::from(
        "/// (file name, start, end) of every built-in profile in the unpacked text.\n",
    );
    files.push_str("const FILES: &[(&str, usize, usize)] = &[\n");
    for name in &names {
        println!("cargo:rerun-if-changed={DIR}/{name}");
        let json = fs::read_to_string(Path::new(DIR).join(name))
            .unwrap_or_else(|e| panic!("{DIR}/{name}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{DIR}/{name}: {e}"));
        let start = text.len();
        text.push_str(&value.to_string());
        writeln!(files, "    ({name:?}, {start}, {}),", text.len()).expect("write to a String");
    }
    files.push_str("];\n");

    let packed = lz4_flex::block::compress_prepend_size(text.as_bytes());
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out).join("builtin_profiles.lz4"), packed).expect("write packed profiles");
    fs::write(Path::new(&out).join("builtin_profiles.rs"), files).expect("write profile table");
}
