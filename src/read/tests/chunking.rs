//! Chunking invariance and agreement with the reference model on random inputs.

use super::*;

// ---------------------------------------------------------------------
// Chunking invariance and agreement with the reference model
// ---------------------------------------------------------------------

const TRICKY: &[&[u8]] = &[
    b"a,b\r\nc,d\r\n",
    b"a\r\n\r\nb\r\r\n\rc\n\n",
    b"\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\"p\nq\"\r\nz\r\n",
    b"ab\"c,\"d\"e\"f\",  \"g\"\r\n\"\"\r\n,,\r\n",
    b"x,\"multi\r\nline\rcell\n\",y\r\nlast",
    b"a,b\nc,\"unclosed\r\nstill, open\"\"",
    b"\"\"\"\",\"\"\"a\"\"\"\r\"\"\n\"\"\r",
    "é,😀\"x\r\n\"日本\r\n語\",ü\n\u{7f}\u{80}\r".as_bytes(),
    b"\r",
    b"\"",
    b"\"\r",
    b"a,",
    b",\r\n,",
];

fn configs() -> Vec<TokenizerConfig> {
    vec![
        cfg(),
        TokenizerConfig {
            start_offset: 3,
            offset_mode: OffsetMode::Utf16Transcoded,
            ..cfg()
        },
        TokenizerConfig {
            max_field_bytes: 2,
            max_fields: 2,
            ..cfg()
        },
        TokenizerConfig {
            delimiter: b';',
            max_field_bytes: 1,
            offset_mode: OffsetMode::Utf16Transcoded,
            ..cfg()
        },
        // The fast path with other delimiters, below and above the letters.
        TokenizerConfig {
            delimiter: b';',
            ..cfg()
        },
        TokenizerConfig {
            delimiter: b'\t',
            ..cfg()
        },
        TokenizerConfig {
            delimiter: b'|',
            quote: b'\'',
            ..cfg()
        },
    ]
}

#[test]
fn chunking_invariance_every_split_point() {
    for c in configs() {
        for &input in TRICKY {
            let whole = run(c, input);
            assert_eq!(
                whole,
                oracle(c, input),
                "oracle {:?}",
                String::from_utf8_lossy(input)
            );
            for k in 0..=input.len() {
                assert_eq!(whole, run_cuts(c, input, &[k]), "split at {k}");
            }
            let every: Vec<usize> = (1..input.len()).collect();
            assert_eq!(whole, run_cuts(c, input, &every), "byte by byte");
            // All pairs of split points.
            for a in 0..=input.len() {
                for b in a..=input.len() {
                    assert_eq!(whole, run_cuts(c, input, &[a, b]), "splits {a},{b}");
                }
            }
        }
    }
}

/// Small deterministic PRNG (xorshift64*), so tests need no extra crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_cuts(rng: &mut Rng, len: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = (0..rng.below(8)).map(|_| rng.below(len + 1)).collect();
    cuts.sort_unstable();
    cuts
}

#[test]
pub(crate) fn random_csv_like_inputs_match_reference_under_random_chunking() {
    const PIECES: &[&str] = &[
        "a", "bc", "é", "😀", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", ";", " ", "\t",
        "x\"y", "|", "'",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let cfgs = configs();
    for iter in 0..4000 {
        let mut input = Vec::new();
        for _ in 0..rng.below(40) {
            input.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
        }
        let c = cfgs[iter % cfgs.len()];
        let whole = run(c, &input);
        assert_eq!(
            whole,
            oracle(c, &input),
            "input {:?}",
            String::from_utf8_lossy(&input)
        );
        for _ in 0..4 {
            let cuts = random_cuts(&mut rng, input.len());
            assert_eq!(
                whole,
                run_cuts(c, &input, &cuts),
                "cuts {cuts:?} of {input:?}"
            );
        }
    }
}

#[test]
fn random_bytes_never_panic_and_match_reference() {
    let mut rng = Rng(42);
    for iter in 0..3000 {
        let len = rng.below(64);
        let input: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let c = TokenizerConfig {
            // Odd configurations too (delimiter == quote, CR as quote...).
            delimiter: [b',', b'"', b'\r', 0xFF][iter % 4],
            quote: [b'"', b'"', b'\n', b'"', 0x80][iter % 5],
            max_field_bytes: rng.below(5),
            max_fields: rng.below(4),
            max_record_bytes: if iter % 3 == 0 {
                rng.below(9)
            } else {
                usize::MAX
            },
            start_offset: if iter % 7 == 0 { u64::MAX - 3 } else { 0 },
            offset_mode: if iter % 2 == 0 {
                OffsetMode::Utf8
            } else {
                OffsetMode::Utf16Transcoded
            },
        };
        let whole = run(c, &input);
        let cuts = random_cuts(&mut rng, input.len());
        assert_eq!(whole, run_cuts(c, &input, &cuts));
        // The reference model assumes a sane configuration.
        let sane = c.delimiter != c.quote
            && ![c.delimiter, c.quote].contains(&b'\r')
            && ![c.delimiter, c.quote].contains(&b'\n')
            && c.start_offset == 0;
        if sane {
            assert_eq!(whole, oracle(c, &input), "input {input:?} cfg {c:?}");
        }
    }
}

/// Throughput check: `cargo test --release -- --ignored --nocapture bench_`.
#[test]
#[ignore = "benchmark; run in release mode"]
fn bench_simple_rows() {
    let row = b"a@example.com,Yamada,Taro,ja,,NCS001\r\n";
    let data = row.repeat(50_000_000 / row.len() + 1);
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let mut tok = Tokenizer::new(cfg());
        let mut n = 0usize;
        for chunk in data.chunks(64 * 1024) {
            tok.feed(chunk, &mut |r| n += r.len());
        }
        tok.finish(&mut |r| n += r.len());
        best = best.min(t.elapsed().as_secs_f64());
        assert_eq!(n, 6 * (50_000_000 / row.len() + 1));
    }
    println!(
        "read::Tokenizer: {:.0} MB/s",
        data.len() as f64 / 1e6 / best
    );
}
