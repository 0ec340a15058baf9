//! Tokenizer tests: exact fields, offsets, lines and problems; chunking invariance; random inputs.

use super::*;

/// Everything observable about one record, owned and comparable.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snap {
    fields: Vec<Vec<u8>>,
    offsets: Vec<u64>,
    quoted: Vec<bool>,
    position: Position,
    end_offset: u64,
    lines: u64,
    terminator: Option<LineEnding>,
    problems: Vec<QuoteProblem>,
    total_problems: usize,
    blank: bool,
    truncated: Vec<usize>,
    total_fields: usize,
    record_truncated: bool,
    non_ascii: bool,
}

impl Snap {
    fn of(r: &Record) -> Snap {
        assert!(!r.is_empty());
        assert_eq!(r.fields().count(), r.len());
        assert!(r.field(r.len()).is_none());
        assert!(r.field_offset(r.len()).is_none());
        assert!(!r.was_quoted(r.len()));
        // Whether a stored field has a byte that may belong to a control character, exactly,
        // whether the split or the record's own scan tells.
        let control = |&b: &u8| b < 0x20 || b == 0x7F || b == 0xC2;
        assert_eq!(
            r.may_have_controls(),
            r.fields().any(|f| f.iter().any(control))
        );
        Snap {
            fields: r.fields().map(<[u8]>::to_vec).collect(),
            offsets: (0..r.len()).map(|i| r.field_offset(i).unwrap()).collect(),
            quoted: (0..r.len()).map(|i| r.was_quoted(i)).collect(),
            position: r.position(),
            end_offset: r.end_offset(),
            lines: r.lines(),
            terminator: r.terminator(),
            problems: r.problems().to_vec(),
            total_problems: r.total_problems(),
            blank: r.is_blank_line(),
            truncated: r.truncated_fields().collect(),
            total_fields: r.total_fields(),
            record_truncated: r.record_truncated(),
            non_ascii: r.has_non_ascii(),
        }
    }

    fn strs(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect()
    }
}

/// Whole result of a run: records, stats, final offset/line/count.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Out {
    recs: Vec<Snap>,
    stats: LineEndingStats,
    offset: u64,
    line: u64,
    records: u64,
}

/// Runs the tokenizer, feeding `input` cut at the (ascending) `cuts`.
fn run_cuts(cfg: TokenizerConfig, input: &[u8], cuts: &[usize]) -> Out {
    let mut tok = Tokenizer::new(cfg);
    let mut recs = Vec::new();
    let mut cb = |r: &Record| recs.push(Snap::of(r));
    let mut prev = 0;
    for &c in cuts.iter().chain(std::iter::once(&input.len())) {
        tok.feed(&input[prev..c], &mut cb);
        tok.feed(&[], &mut cb);
        prev = c;
    }
    tok.finish(&mut cb);
    // finish is idempotent
    tok.finish(&mut cb);
    Out {
        recs,
        stats: *tok.line_endings(),
        offset: tok.offset(),
        line: tok.line(),
        records: tok.records(),
    }
}

fn run(cfg: TokenizerConfig, input: &[u8]) -> Out {
    run_cuts(cfg, input, &[])
}

fn cfg() -> TokenizerConfig {
    TokenizerConfig::default()
}

fn fields(out: &Out) -> Vec<Vec<String>> {
    out.recs.iter().map(Snap::strs).collect()
}

fn pos(byte: u64, line: u64, record: u64) -> Position {
    Position { byte, line, record }
}

mod cases;
pub(crate) mod chunking;
mod oracle;

use oracle::oracle;
