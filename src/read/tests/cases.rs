//! Exact fields, offsets, lines and problems for hand-written inputs.

use super::*;

// ---------------------------------------------------------------------
// Plain files
// ---------------------------------------------------------------------

#[test]
fn simple_crlf() {
    let out = run(cfg(), b"a,b\r\nc,d\r\n");
    assert_eq!(fields(&out), [["a", "b"], ["c", "d"]]);
    let r = &out.recs;
    assert_eq!(r[0].position, pos(0, 1, 1));
    assert_eq!(r[0].offsets, [0, 2]);
    assert_eq!(r[0].end_offset, 5);
    assert_eq!(r[0].terminator, Some(LineEnding::Crlf));
    assert_eq!(r[0].lines, 1);
    assert_eq!(r[0].quoted, [false, false]);
    assert!(r[0].problems.is_empty());
    assert!(!r[0].blank);
    assert_eq!(r[1].position, pos(5, 2, 2));
    assert_eq!(r[1].offsets, [5, 7]);
    assert_eq!(r[1].end_offset, 10);
    assert_eq!(r[1].terminator, Some(LineEnding::Crlf));
    assert_eq!(out.stats.crlf, 2);
    assert_eq!(out.stats.lf + out.stats.cr, 0);
    assert_eq!(out.stats.first_crlf, Some((3, 1)));
    assert_eq!(out.stats.first_lf, None);
    assert_eq!(out.stats.total(), 2);
    assert_eq!(out.stats.styles(), 1);
    assert_eq!((out.offset, out.line, out.records), (10, 3, 2));
}

#[test]
fn simple_lf_without_trailing_newline() {
    let out = run(cfg(), b"a,b\nc,d");
    assert_eq!(fields(&out), [["a", "b"], ["c", "d"]]);
    assert_eq!(out.recs[0].terminator, Some(LineEnding::Lf));
    assert_eq!(out.recs[0].end_offset, 4);
    assert_eq!(out.recs[1].position, pos(4, 2, 2));
    assert_eq!(out.recs[1].offsets, [4, 6]);
    assert_eq!(out.recs[1].terminator, None);
    assert_eq!(out.recs[1].end_offset, 7);
    assert_eq!(out.recs[1].lines, 1);
    assert_eq!(out.stats.lf, 1);
    assert_eq!(out.stats.first_lf, Some((3, 1)));
    assert_eq!((out.offset, out.line, out.records), (7, 2, 2));
}

#[test]
fn simple_cr() {
    let mut tok = Tokenizer::new(cfg());
    let mut recs = Vec::new();
    tok.feed(b"a,b\rc,d\r", &mut |r| recs.push(Snap::of(r)));
    // The final CR might be the start of a CRLF: not emitted yet.
    assert_eq!(recs.len(), 1);
    assert_eq!(tok.records(), 1);
    assert_eq!(tok.line(), 3);
    tok.finish(&mut |r| recs.push(Snap::of(r)));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].strs(), ["a", "b"]);
    assert_eq!(recs[0].terminator, Some(LineEnding::Cr));
    assert_eq!(recs[0].end_offset, 4);
    assert_eq!(recs[1].strs(), ["c", "d"]);
    assert_eq!(recs[1].position, pos(4, 2, 2));
    assert_eq!(recs[1].terminator, Some(LineEnding::Cr));
    assert_eq!(recs[1].end_offset, 8);
    let st = tok.line_endings();
    assert_eq!((st.cr, st.lf, st.crlf), (2, 0, 0));
    assert_eq!(st.first_cr, Some((3, 1)));
}

#[test]
fn mixed_line_endings_stats() {
    let out = run(cfg(), b"a\r\nb\nc\rd\r\n");
    assert_eq!(fields(&out), [["a"], ["b"], ["c"], ["d"]]);
    let st = out.stats;
    assert_eq!((st.crlf, st.lf, st.cr), (2, 1, 1));
    assert_eq!(st.first_crlf, Some((1, 1)));
    assert_eq!(st.first_lf, Some((4, 2)));
    assert_eq!(st.first_cr, Some((6, 3)));
    assert_eq!(st.styles(), 3);
    let lines: Vec<u64> = out.recs.iter().map(|r| r.position.line).collect();
    assert_eq!(lines, [1, 2, 3, 4]);
}

#[test]
fn crlf_split_across_feeds() {
    let mut tok = Tokenizer::new(cfg());
    let mut recs = Vec::new();
    tok.feed(b"a\r", &mut |r| recs.push(Snap::of(r)));
    assert!(recs.is_empty());
    tok.feed(b"\nb", &mut |r| recs.push(Snap::of(r)));
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].terminator, Some(LineEnding::Crlf));
    assert_eq!(recs[0].end_offset, 3);
    tok.finish(&mut |r| recs.push(Snap::of(r)));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1].position, pos(3, 2, 2));
    assert_eq!(recs[1].terminator, None);
    assert_eq!(tok.line_endings().crlf, 1);
    assert_eq!(tok.line_endings().cr, 0);
}

#[test]
fn lone_cr_at_end_of_input() {
    let out = run(cfg(), b"a\r");
    assert_eq!(fields(&out), [["a"]]);
    assert_eq!(out.recs[0].terminator, Some(LineEnding::Cr));
    assert_eq!(out.recs[0].end_offset, 2);
    assert_eq!(out.recs[0].lines, 1);
    assert_eq!(out.stats.cr, 1);
}

#[test]
fn empty_input() {
    let out = run(cfg(), b"");
    assert!(out.recs.is_empty());
    assert_eq!((out.offset, out.line, out.records), (0, 1, 0));
    assert_eq!(out.stats, LineEndingStats::default());
}

// ---------------------------------------------------------------------
// Quoting
// ---------------------------------------------------------------------

#[test]
fn quoted_fields() {
    let input = b"\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\"p\nq\"\r\nz\r\n";
    let out = run(cfg(), input);
    assert_eq!(
        fields(&out),
        vec![vec!["a,b", "say \"hi\"", "x\r\ny", "p\nq"], vec!["z"]]
    );
    let r = &out.recs[0];
    assert_eq!(r.quoted, [true; 4]);
    assert_eq!(r.offsets, [0, 6, 19, 26]);
    assert_eq!(r.lines, 3);
    assert_eq!(r.end_offset, 33);
    assert_eq!(r.terminator, Some(LineEnding::Crlf));
    assert!(r.problems.is_empty());
    assert_eq!(out.recs[1].position, pos(33, 4, 2));
    assert_eq!(out.recs[1].quoted, [false]);
    // Newlines inside quotes are not terminators.
    assert_eq!((out.stats.crlf, out.stats.lf), (2, 0));
    assert_eq!(out.stats.first_crlf, Some((31, 3)));
    assert_eq!(out.line, 5);
}

#[test]
fn lone_cr_inside_quotes_counts_a_line() {
    let out = run(cfg(), b"\"a\rb\"\nc\n");
    assert_eq!(fields(&out), [["a\rb"], ["c"]]);
    assert_eq!(out.recs[0].lines, 2);
    assert_eq!(out.recs[1].position, pos(6, 3, 2));
    assert_eq!(out.stats.lf, 2);
    assert_eq!(out.stats.cr, 0);
}

#[test]
fn empty_quoted_field_is_not_blank() {
    let out = run(cfg(), b"\"\"\n");
    assert_eq!(fields(&out), [[""]]);
    assert_eq!(out.recs[0].quoted, [true]);
    assert!(!out.recs[0].blank);
    assert!(out.recs[0].problems.is_empty());
}

#[test]
fn stray_quote() {
    let out = run(cfg(), b"ab\"c,d\nx,y\"z\"\n");
    assert_eq!(fields(&out), [["ab\"c", "d"], ["x", "y\"z\""]]);
    assert_eq!(
        out.recs[0].problems,
        [QuoteProblem::StrayQuote {
            byte: 2,
            line: 1,
            field: 0
        }]
    );
    assert_eq!(out.recs[0].quoted, [false, false]);
    assert_eq!(
        out.recs[1].problems,
        [
            QuoteProblem::StrayQuote {
                byte: 10,
                line: 2,
                field: 1
            },
            QuoteProblem::StrayQuote {
                byte: 12,
                line: 2,
                field: 1
            },
        ]
    );
    assert_eq!(out.recs[1].total_problems, 2);
    let p = out.recs[1].problems[1];
    assert_eq!((p.byte(), p.line(), p.field()), (12, 2, 1));
}

#[test]
fn quote_after_leading_space_is_stray() {
    let out = run(cfg(), b"x, \"a\"\n");
    assert_eq!(fields(&out), [["x", " \"a\""]]);
    assert_eq!(out.recs[0].quoted, [false, false]);
    assert_eq!(
        out.recs[0].problems,
        [
            QuoteProblem::StrayQuote {
                byte: 3,
                line: 1,
                field: 1
            },
            QuoteProblem::StrayQuote {
                byte: 5,
                line: 1,
                field: 1
            },
        ]
    );
}

#[test]
fn text_after_closing_quote() {
    let out = run(cfg(), b"\"ab\"c,d\n\"ab\"c\"d\"\n");
    assert_eq!(fields(&out), vec![vec!["abc", "d"], vec!["abc\"d\""]]);
    assert_eq!(out.recs[0].quoted, [true, false]);
    assert_eq!(
        out.recs[0].problems,
        [QuoteProblem::TextAfterClosingQuote {
            byte: 4,
            line: 1,
            field: 0
        }]
    );
    assert_eq!(
        out.recs[1].problems,
        [
            QuoteProblem::TextAfterClosingQuote {
                byte: 12,
                line: 2,
                field: 0
            },
            QuoteProblem::StrayQuote {
                byte: 13,
                line: 2,
                field: 0
            },
            QuoteProblem::StrayQuote {
                byte: 15,
                line: 2,
                field: 0
            },
        ]
    );
}

#[test]
fn unclosed_quote_at_eof() {
    let out = run(cfg(), b"a,b\nc,\"x\ny");
    assert_eq!(fields(&out), vec![vec!["a", "b"], vec!["c", "x\ny"]]);
    let r = &out.recs[1];
    assert_eq!(r.position, pos(4, 2, 2));
    assert_eq!(r.offsets, [4, 6]);
    assert_eq!(r.quoted, [false, true]);
    assert_eq!(
        r.problems,
        [QuoteProblem::UnclosedQuote {
            byte: 6,
            line: 2,
            field: 1
        }]
    );
    assert_eq!(r.terminator, None);
    assert_eq!(r.lines, 2);
    assert_eq!(r.end_offset, 10);
    assert_eq!(out.stats.lf, 1);
}

#[test]
fn unclosed_quote_swallows_rest_of_file() {
    let out = run(cfg(), b"\"abc\r\nd,e\r\n");
    assert_eq!(out.recs.len(), 1);
    let r = &out.recs[0];
    assert_eq!(r.strs(), ["abc\r\nd,e\r\n"]);
    assert_eq!(
        r.problems,
        [QuoteProblem::UnclosedQuote {
            byte: 0,
            line: 1,
            field: 0
        }]
    );
    assert_eq!(r.lines, 3);
    assert_eq!(out.stats.total(), 0);
}

// ---------------------------------------------------------------------
// Blank lines, empty fields
// ---------------------------------------------------------------------

#[test]
fn blank_lines_middle_and_end() {
    let out = run(cfg(), b"a\n\nb\n\n");
    assert_eq!(fields(&out), [["a"], [""], ["b"], [""]]);
    let blank: Vec<bool> = out.recs.iter().map(|r| r.blank).collect();
    assert_eq!(blank, [false, true, false, true]);
    assert_eq!(out.recs[1].position, pos(2, 2, 2));
    assert_eq!(out.recs[1].offsets, [2]);
    assert_eq!(out.recs[1].quoted, [false]);
    assert_eq!(out.recs[1].end_offset, 3);
    assert_eq!(out.recs[3].position, pos(5, 4, 4));
    assert_eq!(out.stats.lf, 4);
}

#[test]
fn only_crlf_crlf_gives_two_blank_records() {
    let out = run(cfg(), b"\r\n\r\n");
    assert_eq!(out.recs.len(), 2);
    for (k, r) in out.recs.iter().enumerate() {
        assert!(r.blank);
        assert_eq!(r.strs(), [""]);
        assert_eq!(r.terminator, Some(LineEnding::Crlf));
        assert_eq!(r.position, pos(2 * k as u64, k as u64 + 1, k as u64 + 1));
        assert_eq!(r.total_fields, 1);
    }
}

#[test]
fn commas_only_row() {
    let out = run(cfg(), b",,\n");
    assert_eq!(fields(&out), [["", "", ""]]);
    assert_eq!(out.recs[0].offsets, [0, 1, 2]);
    assert!(!out.recs[0].blank);
    assert_eq!(out.recs[0].total_fields, 3);
}

#[test]
fn trailing_delimiter_at_eof() {
    let out = run(cfg(), b"a,");
    assert_eq!(fields(&out), [["a", ""]]);
    assert_eq!(out.recs[0].offsets, [0, 2]);
    assert_eq!(out.recs[0].end_offset, 2);
    assert_eq!(out.recs[0].terminator, None);
}

// ---------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------

#[test]
fn tab_and_semicolon_delimiters() {
    let tab = TokenizerConfig {
        delimiter: b'\t',
        ..cfg()
    };
    let out = run(tab, b"a,b\t\"c\td\"\te;f\n");
    assert_eq!(fields(&out), [["a,b", "c\td", "e;f"]]);
    assert_eq!(out.recs[0].offsets, [0, 4, 10]);
    let semi = TokenizerConfig {
        delimiter: b';',
        ..cfg()
    };
    let out = run(semi, b"a,b;\"c;d\";e\tf\r\n");
    assert_eq!(fields(&out), [["a,b", "c;d", "e\tf"]]);
    assert_eq!(out.recs[0].offsets, [0, 4, 10]);
    assert_eq!(out.recs[0].quoted, [false, true, false]);
}

#[test]
fn start_offset_after_bom() {
    let c = TokenizerConfig {
        start_offset: 3,
        ..cfg()
    };
    let out = run(c, b"a,\"b\nc\"x\nd");
    assert_eq!(fields(&out), vec![vec!["a", "b\ncx"], vec!["d"]]);
    assert_eq!(out.recs[0].position, pos(3, 1, 1));
    assert_eq!(out.recs[0].offsets, [3, 5]);
    assert_eq!(
        out.recs[0].problems,
        [QuoteProblem::TextAfterClosingQuote {
            byte: 10,
            line: 2,
            field: 1
        }]
    );
    assert_eq!(out.recs[0].end_offset, 12);
    assert_eq!(out.recs[1].position, pos(12, 3, 2));
    assert_eq!(out.stats.first_lf, Some((11, 2)));
    assert_eq!(out.offset, 13);
}

#[test]
fn utf16_transcoded_offsets() {
    let c = TokenizerConfig {
        start_offset: 2, // after a UTF-16 BOM
        offset_mode: OffsetMode::Utf16Transcoded,
        ..cfg()
    };
    // é = C3 A9 (2 in UTF-16), 😀 = F0 9F 98 80 (4 in UTF-16).
    let out = run(c, "é,😀x\"\nb".as_bytes());
    assert_eq!(fields(&out), vec![vec!["é", "😀x\""], vec!["b"]]);
    let r = &out.recs[0];
    assert_eq!(r.position, pos(2, 1, 1));
    assert_eq!(r.offsets, [2, 6]);
    assert_eq!(
        r.problems,
        [QuoteProblem::StrayQuote {
            byte: 12,
            line: 1,
            field: 1
        }]
    );
    assert_eq!(r.end_offset, 16);
    assert!(r.non_ascii);
    assert_eq!(out.stats.first_lf, Some((14, 1)));
    assert_eq!(out.recs[1].position, pos(16, 2, 2));
    assert_eq!(out.recs[1].end_offset, 18);
    assert_eq!(out.offset, 18);
    // Same input in UTF-8 mode counts bytes.
    let out8 = run(cfg(), "é,😀x\"\nb".as_bytes());
    assert_eq!(out8.recs[0].offsets, [0, 3]);
    assert_eq!(out8.recs[1].position.byte, 10);
}

#[test]
fn max_record_bytes_truncates_the_row_not_each_field() {
    let c = TokenizerConfig {
        max_field_bytes: 3,
        max_record_bytes: 5,
        ..cfg()
    };
    let out = run(c, b"ab,cd,ef,gh\nabcdef,x\n");
    assert_eq!(
        fields(&out),
        vec![vec!["ab", "cd", "e", ""], vec!["abc", "x"]]
    );
    assert!(out.recs[0].record_truncated);
    assert_eq!(out.recs[0].truncated, Vec::<usize>::new());
    assert_eq!(out.recs[0].total_fields, 4);
    assert_eq!(out.recs[0].offsets, [0, 3, 6, 9]);
    // The field bound cut the second row's first field; the record bound cut nothing.
    assert!(!out.recs[1].record_truncated);
    assert_eq!(out.recs[1].truncated, [0]);
}

#[test]
fn max_field_bytes_truncates() {
    let c = TokenizerConfig {
        max_field_bytes: 3,
        ..cfg()
    };
    let out = run(c, b"abcdef,ab,\"ab\"\"cd\",abc\nxyzw\n");
    assert_eq!(
        fields(&out),
        vec![vec!["abc", "ab", "ab\"", "abc"], vec!["xyz"]]
    );
    assert_eq!(out.recs[0].truncated, [0, 2]);
    assert_eq!(out.recs[0].offsets, [0, 7, 10, 19]);
    assert_eq!(out.recs[0].end_offset, 23);
    assert_eq!(out.recs[1].truncated, [0]);
    let zero = TokenizerConfig {
        max_field_bytes: 0,
        ..cfg()
    };
    let out = run(zero, b"a,,\"\"\n");
    assert_eq!(fields(&out), [["", "", ""]]);
    assert_eq!(out.recs[0].truncated, [0]);
}

#[test]
fn max_fields_limits_storage() {
    let c = TokenizerConfig {
        max_fields: 2,
        ..cfg()
    };
    let out = run(c, b"a,b,c,d\"\ne\n");
    let r = &out.recs[0];
    assert_eq!(r.strs(), ["a", "b"]);
    assert_eq!(r.offsets, [0, 2]);
    assert_eq!(r.total_fields, 4);
    assert_eq!(r.end_offset, 9);
    // Problems in dropped fields are still reported, with their real index.
    assert_eq!(
        r.problems,
        [QuoteProblem::StrayQuote {
            byte: 7,
            line: 1,
            field: 3
        }]
    );
    assert_eq!(out.recs[1].strs(), ["e"]);
    assert_eq!(out.recs[1].total_fields, 1);
    // max_fields 0 behaves as 1.
    let z = TokenizerConfig {
        max_fields: 0,
        ..cfg()
    };
    let out = run(z, b"a,b\n");
    assert_eq!(fields(&out), [["a"]]);
    assert_eq!(out.recs[0].total_fields, 2);
}

#[test]
fn problems_are_capped_per_record() {
    let input = vec![b'"'; 1 + 2 * MAX_PROBLEMS_PER_RECORD + 10];
    let mut line = b"x".to_vec();
    line.extend_from_slice(&input);
    line.extend_from_slice(b"\nok\n");
    let out = run(cfg(), &line);
    assert_eq!(out.recs[0].problems.len(), MAX_PROBLEMS_PER_RECORD);
    assert_eq!(out.recs[0].total_problems, input.len());
    assert_eq!(out.recs[1].strs(), ["ok"]);
    assert_eq!(out.recs[1].total_problems, 0);
}

#[test]
fn has_non_ascii() {
    let out = run(cfg(), "a,é\nb\n\"日本\"\n".as_bytes());
    let flags: Vec<bool> = out.recs.iter().map(|r| r.non_ascii).collect();
    assert_eq!(flags, [true, false, true]);
    // Non-ASCII only in the truncated-away part does not count.
    let c = TokenizerConfig {
        max_field_bytes: 1,
        ..cfg()
    };
    let out = run(c, "aé\n".as_bytes());
    assert!(!out.recs[0].non_ascii);
}

#[test]
fn the_split_tells_which_records_may_have_control_characters() {
    let flags = |cfg: TokenizerConfig, input: &str| {
        let mut tok = Tokenizer::new(cfg);
        let mut flags = Vec::new();
        tok.feed(input.as_bytes(), &mut |r| flags.push(r.may_have_controls()));
        tok.finish(&mut |r| flags.push(r.may_have_controls()));
        flags
    };
    // DEL, a C1 control (NEL), a tab in a comma-separated file; then records the state machine
    // reads, which the record scans itself: quoted ones, and a last one without a terminator.
    let input = "a,b\r\na\u{7F},b\r\n\u{85},b\r\na\tb,c\r\n\"a\",b\r\n\"a\u{1}\",b\r\nc,d";
    assert_eq!(
        flags(cfg(), input),
        [false, true, true, true, false, true, false]
    );
    // The delimiter is not content: tab-separated records without controls are clean.
    let tsv = TokenizerConfig {
        delimiter: b'\t',
        ..cfg()
    };
    assert_eq!(flags(tsv, "a\tb\r\n山田\t\u{0}\r\n"), [false, true]);
}

#[test]
fn buffers_are_reused() {
    let mut tok = Tokenizer::new(cfg());
    let data = b"a@example.com,Yamada,Taro,ja,,NCS001\r\n".repeat(100);
    tok.feed(&data, &mut |_| {});
    let caps = (
        tok.record.buf.capacity(),
        tok.record.spans.capacity(),
        tok.record.problems.capacity(),
    );
    tok.feed(&data, &mut |_| {});
    assert_eq!(
        caps,
        (
            tok.record.buf.capacity(),
            tok.record.spans.capacity(),
            tok.record.problems.capacity()
        )
    );
    assert_eq!(tok.records(), 200);
}
