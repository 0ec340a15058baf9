//! Packs the built-in profiles (src/profile/builtin/*.json, the source of truth) for embedding:
//! each file without the whitespace between its tokens, all of them joined and compressed with a
//! small LZ77 scheme that `src/profile/builtin.rs` unpacks on first use. The pretty-printed files
//! are ~96 KB; packed they take a fraction of that in the binary and in the wasm module.
//!
//! Writes `$OUT_DIR/builtin_profiles.lz` (the packed text) and `$OUT_DIR/builtin_profiles.rs`
//! (`PACKED_LEN`, the unpacked length, and `FILES`, each file's name and byte range in the text).

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
        let start = text.len();
        minify(&json, &mut text);
        writeln!(files, "    ({name:?}, {start}, {}),", text.len()).unwrap();
    }
    files.push_str("];\n");
    writeln!(
        files,
        "/// Length of the unpacked text.\nconst UNPACKED_LEN: usize = {};",
        text.len()
    )
    .unwrap();

    let packed = pack(text.as_bytes());
    assert_eq!(
        unpack(&packed),
        text.as_bytes(),
        "the packed profiles unpack to the text"
    );
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out).join("builtin_profiles.lz"), &packed).expect("write packed profiles");
    fs::write(Path::new(&out).join("builtin_profiles.rs"), files).expect("write profile table");
}

/// Appends `json` to `out` without the whitespace outside strings (the same JSON value, compact).
fn minify(json: &str, out: &mut String) {
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
}

/// Shortest match worth a sequence, and the farthest back a match may start.
const MIN_MATCH: usize = 4;
const WINDOW: usize = u16::MAX as usize;
/// Candidates tried per position (the input is small: a deep search is cheap).
const CHAIN: usize = 1024;

/// LZ77 in the LZ4 block layout: sequences of a token (literal count in the high nibble, match
/// length minus 4 in the low one, 15 meaning "more in 255-continued bytes"), the literals, a
/// 2-byte little-endian distance; the last sequence has literals only. Greedy with one step of
/// lazy matching.
fn pack(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut head = vec![usize::MAX; 1 << 16];
    let mut prev = vec![usize::MAX; input.len()];
    let hash = |i: usize| -> usize {
        let v = u32::from_le_bytes([input[i], input[i + 1], input[i + 2], input[i + 3]]);
        (v.wrapping_mul(2_654_435_761) >> 16) as usize
    };
    let mut inserted = 0;
    let mut insert_to = |upto: usize, head: &mut Vec<usize>, prev: &mut Vec<usize>| {
        while inserted < upto && inserted + MIN_MATCH <= input.len() {
            let h = hash(inserted);
            prev[inserted] = head[h];
            head[h] = inserted;
            inserted += 1;
        }
    };
    let best = |i: usize, head: &Vec<usize>, prev: &Vec<usize>| -> (usize, usize) {
        let (mut len, mut dist) = (0, 0);
        if i + MIN_MATCH > input.len() {
            return (0, 0);
        }
        let mut candidate = head[hash(i)];
        let mut tries = 0;
        while candidate != usize::MAX && i - candidate <= WINDOW && tries < CHAIN {
            let l = input[candidate..]
                .iter()
                .zip(&input[i..])
                .take_while(|(a, b)| a == b)
                .count();
            if l > len {
                (len, dist) = (l, i - candidate);
            }
            candidate = prev[candidate];
            tries += 1;
        }
        if len >= MIN_MATCH {
            (len, dist)
        } else {
            (0, 0)
        }
    };
    let mut literal_start = 0;
    let mut i = 0;
    while i < input.len() {
        insert_to(i, &mut head, &mut prev);
        let (len, dist) = best(i, &head, &prev);
        if len == 0 {
            i += 1;
            continue;
        }
        insert_to(i + 1, &mut head, &mut prev);
        let (next_len, _) = best(i + 1, &head, &prev);
        if next_len > len + 1 {
            i += 1;
            continue;
        }
        sequence(&mut out, &input[literal_start..i], Some((len, dist)));
        i += len;
        literal_start = i;
    }
    sequence(&mut out, &input[literal_start..], None);
    out
}

fn sequence(out: &mut Vec<u8>, literals: &[u8], matched: Option<(usize, usize)>) {
    let extra = matched.map_or(0, |(len, _)| len - MIN_MATCH);
    out.push(((literals.len().min(15) as u8) << 4) | extra.min(15) as u8);
    if literals.len() >= 15 {
        length(out, literals.len() - 15);
    }
    out.extend_from_slice(literals);
    if let Some((_, dist)) = matched {
        out.extend_from_slice(&(dist as u16).to_le_bytes());
        if extra >= 15 {
            length(out, extra - 15);
        }
    }
}

fn length(out: &mut Vec<u8>, mut n: usize) {
    while n >= 255 {
        out.push(255);
        n -= 255;
    }
    out.push(n as u8);
}

/// The same unpacking as `src/profile/builtin.rs`, to check the packing here.
fn unpack(packed: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    let read_length = |i: &mut usize, mut n: usize| loop {
        let b = packed[*i];
        *i += 1;
        n += usize::from(b);
        if b != 255 {
            return n;
        }
    };
    while i < packed.len() {
        let token = packed[i];
        i += 1;
        let mut literals = usize::from(token >> 4);
        if literals == 15 {
            literals = read_length(&mut i, literals);
        }
        out.extend_from_slice(&packed[i..i + literals]);
        i += literals;
        if i == packed.len() {
            break;
        }
        let dist = usize::from(u16::from_le_bytes([packed[i], packed[i + 1]]));
        i += 2;
        let mut len = usize::from(token & 15);
        if len == 15 {
            len = read_length(&mut i, len);
        }
        let start = out.len() - dist;
        for k in start..start + len + MIN_MATCH {
            out.push(out[k]);
        }
    }
    out
}
