//! Errors about the header, the lines before it or the whole file: the system rejects the file
//! with them, so every data row written after one is `NG` and repeats its code and a short message
//! saying where it is (`row 1 (header): ...`, `file: ...`).

use crate::decode::Lang;
use crate::report::{render, truncate_value, Code, Finding};

/// Distinct header and file messages listed on each data row; the rest are counted (`+N more`).
pub(super) const MAX_FILE_MESSAGES: usize = 3;

/// The header and file errors seen so far.
#[derive(Default)]
pub(super) struct FileErrors {
    /// Their codes, each once, in the order found.
    pub codes: Vec<Code>,
    /// The first distinct ones: where (a row, or `None` for the file), the message, how often.
    found: Vec<(Option<u64>, String, u64)>,
    /// Findings not in `found`.
    pub more: u64,
    /// `found` as a row lists it (built again after a change).
    written: Option<Vec<String>>,
}

impl FileErrors {
    /// Whether there is any: then every data row is `NG`.
    pub fn any(&self) -> bool {
        !self.codes.is_empty()
    }

    /// Adds an error about the header, a line before it or the whole file.
    pub fn add(&mut self, finding: &Finding, lang: Lang) {
        let code = finding.kind.code();
        if !self.codes.contains(&code) {
            self.codes.push(code);
        }
        let row = finding.place.row;
        // Header messages name their column themselves ("required column \"email\" is missing"),
        // shortened as the report's (a stray quote can make a 1 MiB label).
        let column = finding.place.column.as_deref().map(truncate_value);
        let message = render(&finding.kind, lang, column.as_deref()).message;
        if let Some((.., count)) = self
            .found
            .iter_mut()
            .find(|(r, m, _)| *r == row && *m == message)
        {
            *count += 1;
        } else if self.found.len() < MAX_FILE_MESSAGES {
            self.found.push((row, message, 1));
        } else {
            self.more += 1;
            return;
        }
        self.written = None;
    }

    /// How many of the first distinct messages a data row lists.
    pub fn listed(&self) -> usize {
        self.found.len()
    }

    /// The messages as a data row lists them, each with where it is and how often it was found;
    /// `header_row` is the header's row (known by the time a data row is written). The text is
    /// built once per change, not per row.
    pub fn messages(
        &mut self,
        header_row: Option<u64>,
        lang: Lang,
    ) -> impl Iterator<Item = (&str, u64)> {
        let found = &self.found;
        let written = self.written.get_or_insert_with(|| {
            found
                .iter()
                .map(|(row, message, _)| placed(*row, header_row, message, lang))
                .collect()
        });
        written
            .iter()
            .map(String::as_str)
            .zip(found.iter().map(|(.., count)| *count))
    }
}

/// `message` prefixed by where it is: the header, another row before the data, or the file.
fn placed(row: Option<u64>, header_row: Option<u64>, message: &str, lang: Lang) -> String {
    match (row, lang) {
        (Some(r), Lang::En) if Some(r) == header_row => format!("row {r} (header): {message}"),
        (Some(r), Lang::Ja) if Some(r) == header_row => format!("{r} 行目（ヘッダー）：{message}"),
        (Some(r), Lang::En) => format!("row {r}: {message}"),
        (Some(r), Lang::Ja) => format!("{r} 行目：{message}"),
        (None, Lang::En) => format!("file: {message}"),
        (None, Lang::Ja) => format!("ファイル：{message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Kind, Place, Severity};

    fn error(kind: Kind, row: Option<u64>, column: &str) -> Finding {
        Finding {
            kind,
            severity: Severity::Error,
            place: Place {
                row,
                column: Some(column.into()),
                ..Place::default()
            },
            value: None,
        }
    }

    #[test]
    fn each_message_says_where_it_is() {
        let mut errors = FileErrors::default();
        errors.add(&error(Kind::BlankLabel { index: 5 }, Some(2), ""), Lang::En);
        errors.add(&error(Kind::MissingLabel, Some(3), "email"), Lang::En);
        errors.add(&error(Kind::MissingHeader, None, ""), Lang::En);
        let listed: Vec<(&str, u64)> = errors.messages(Some(3), Lang::En).collect();
        assert_eq!(
            listed,
            [
                ("row 2: column 5 (E in Excel) has no name in the header", 1),
                (
                    "row 3 (header): required column \"email\" is missing from the header",
                    1
                ),
                ("file: the file has no header row", 1),
            ]
        );
        assert_eq!(
            placed(Some(3), Some(3), "x", Lang::Ja),
            "3 行目（ヘッダー）：x"
        );
        assert_eq!(placed(Some(2), Some(3), "x", Lang::Ja), "2 行目：x");
        assert_eq!(placed(None, Some(3), "x", Lang::Ja), "ファイル：x");
    }

    #[test]
    fn a_repeated_message_is_counted_and_those_past_the_first_few_are_not_listed() {
        let mut errors = FileErrors::default();
        for _ in 0..2 {
            errors.add(&error(Kind::BlankLabel { index: 5 }, Some(1), ""), Lang::En);
        }
        for column in ["a", "b", "c", "d"] {
            errors.add(&error(Kind::MissingLabel, Some(1), column), Lang::En);
        }
        assert_eq!(errors.codes, [Code::BlankLabel, Code::MissingLabel]);
        let counts: Vec<u64> = errors.messages(Some(1), Lang::En).map(|m| m.1).collect();
        assert_eq!(counts, [2, 1, 1]);
        assert_eq!((errors.listed(), errors.more), (3, 2));
    }
}
