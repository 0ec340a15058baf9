//! A reference model: a simple whole-input parser written independently of the tokenizer.

use super::*;

// ---------------------------------------------------------------------
// Reference model: a simple whole-input parser written independently.
// ---------------------------------------------------------------------

pub(super) fn weight(mode: OffsetMode, b: u8) -> u64 {
    match mode {
        OffsetMode::Utf8 => 1,
        OffsetMode::Utf16Transcoded => match b {
            0x80..=0xBF => 0,
            0xF0..=0xF7 => 4,
            _ => 2,
        },
    }
}

pub(super) fn oracle(cfg: TokenizerConfig, s: &[u8]) -> Out {
    let n = s.len();
    // offs[i]: absolute offset of byte i; lines[i]: line of byte i.
    let mut offs = vec![cfg.start_offset; n + 1];
    let mut lines = vec![1u64; n + 1];
    for i in 0..n {
        offs[i + 1] = offs[i] + weight(cfg.offset_mode, s[i]);
        let brk = s[i] == b'\r' || (s[i] == b'\n' && (i == 0 || s[i - 1] != b'\r'));
        lines[i + 1] = lines[i] + u64::from(brk);
    }
    let (d, q) = (cfg.delimiter, cfg.quote);
    let is_term = |c: u8| c == b'\r' || c == b'\n';
    let mut recs = Vec::new();
    let mut stats = LineEndingStats::default();
    let mut i = 0;
    while i < n {
        let start = i;
        // (content, offset, quoted)
        let mut flds: Vec<(Vec<u8>, u64, bool)> = Vec::new();
        let mut probs = Vec::new();
        let term;
        loop {
            let fidx = flds.len();
            let fstart = i;
            let mut content = Vec::new();
            let quoted = i < n && s[i] == q;
            let mut unquoted_scan = !quoted;
            if quoted {
                i += 1;
                loop {
                    if i >= n {
                        probs.push(QuoteProblem::UnclosedQuote {
                            byte: offs[fstart],
                            line: lines[fstart],
                            field: fidx,
                        });
                        break;
                    }
                    if s[i] == q {
                        if i + 1 < n && s[i + 1] == q {
                            content.push(q);
                            i += 2;
                            continue;
                        }
                        i += 1;
                        if i < n && s[i] != d && !is_term(s[i]) {
                            probs.push(QuoteProblem::TextAfterClosingQuote {
                                byte: offs[i],
                                line: lines[i],
                                field: fidx,
                            });
                            unquoted_scan = true;
                        }
                        break;
                    }
                    content.push(s[i]);
                    i += 1;
                }
            }
            if unquoted_scan {
                while i < n && s[i] != d && !is_term(s[i]) {
                    if s[i] == q {
                        probs.push(QuoteProblem::StrayQuote {
                            byte: offs[i],
                            line: lines[i],
                            field: fidx,
                        });
                    }
                    content.push(s[i]);
                    i += 1;
                }
            }
            flds.push((content, offs[fstart], quoted));
            if i >= n {
                term = None;
                break;
            }
            if s[i] == d {
                i += 1;
                continue;
            }
            let t = i;
            let kind = if s[i] == b'\n' {
                i += 1;
                LineEnding::Lf
            } else if i + 1 < n && s[i + 1] == b'\n' {
                i += 2;
                LineEnding::Crlf
            } else {
                i += 1;
                LineEnding::Cr
            };
            stats.record(kind, offs[t], lines[t]);
            term = Some(kind);
            break;
        }
        let blank = is_term(s[start]);
        let stored: Vec<_> = flds.iter().take(cfg.max_fields.max(1)).collect();
        let mut budget = cfg.max_record_bytes;
        let mut record_truncated = false;
        let fields: Vec<Vec<u8>> = stored
            .iter()
            .map(|f| {
                let keep = f.0.len().min(cfg.max_field_bytes);
                let take = keep.min(budget);
                record_truncated |= take < keep;
                budget -= take;
                f.0[..take].to_vec()
            })
            .collect();
        let non_ascii = fields.iter().any(|f| f.iter().any(|&b| b >= 0x80));
        let line_span = lines[i] - lines[start];
        recs.push(Snap {
            offsets: stored.iter().map(|f| f.1).collect(),
            quoted: stored.iter().map(|f| f.2).collect(),
            truncated: stored
                .iter()
                .enumerate()
                .filter(|(_, f)| f.0.len() > cfg.max_field_bytes)
                .map(|(k, _)| k)
                .collect(),
            fields,
            position: pos(offs[start], lines[start], recs.len() as u64 + 1),
            end_offset: offs[i],
            lines: if term.is_some() {
                line_span
            } else {
                line_span + 1
            },
            terminator: term,
            total_problems: probs.len(),
            problems: probs.into_iter().take(MAX_PROBLEMS_PER_RECORD).collect(),
            blank,
            total_fields: flds.len(),
            record_truncated,
            non_ascii,
        });
    }
    Out {
        records: recs.len() as u64,
        recs,
        stats,
        offset: offs[n],
        line: lines[n],
    }
}
