//! Dates: reading the year-first forms Excel writes (`2025/1/5`, `2025-01-05 0:00`, `2025年1月5日`)
//! and the source formats a mapping names (`D/M/YYYY`), and writing a date in a target format
//! built from `YYYY MM DD hh mm ss mmm` (the tokens of the profile format's `dateFormats`).

use crate::profile::days_in_month;

/// A date with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DateTime {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millis: u32,
}

impl DateTime {
    fn valid(&self) -> bool {
        (1..=9999).contains(&self.year)
            && (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second < 60
            && self.millis < 1000
    }

    fn has_time(&self) -> bool {
        self.hour != 0 || self.minute != 0 || self.second != 0 || self.millis != 0
    }
}

/// One piece of a format: a field with its digit counts, or a literal character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Field {
        field: Field,
        min: usize,
        max: usize,
    },
    Literal(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Millis,
}

/// Tokens, longest first: fixed-width ones, then the one-or-two-digit ones of source formats.
const TOKENS: &[(&str, Field, usize, usize)] = &[
    ("YYYY", Field::Year, 4, 4),
    ("mmm", Field::Millis, 3, 3),
    ("MM", Field::Month, 2, 2),
    ("DD", Field::Day, 2, 2),
    ("hh", Field::Hour, 2, 2),
    ("mm", Field::Minute, 2, 2),
    ("ss", Field::Second, 2, 2),
    ("M", Field::Month, 1, 2),
    ("D", Field::Day, 1, 2),
    ("h", Field::Hour, 1, 2),
];

fn tokenize(format: &str, flexible: bool) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = format;
    while let Some(ch) = rest.chars().next() {
        let token = TOKENS
            .iter()
            .filter(|(_, _, min, max)| flexible || min == max)
            .find(|(t, ..)| rest.starts_with(t));
        match token {
            Some((t, field, min, max)) => {
                pieces.push(Piece::Field {
                    field: *field,
                    min: *min,
                    max: *max,
                });
                rest = rest.get(t.len()..).unwrap_or("");
            }
            None => {
                pieces.push(Piece::Literal(ch));
                rest = rest.get(ch.len_utf8()..).unwrap_or("");
            }
        }
    }
    pieces
}

fn has(pieces: &[Piece], wanted: Field) -> bool {
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Field { field, .. } if *field == wanted))
}

/// Reads `value` with `pieces`; `None` unless the whole value matches and is a real date.
fn read(pieces: &[Piece], value: &str) -> Option<DateTime> {
    let bytes = value.as_bytes();
    let mut pos = 0usize;
    let mut dt = DateTime {
        year: 2000,
        month: 1,
        day: 1,
        ..DateTime::default()
    };
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(ch) => {
                let mut buf = [0u8; 4];
                let lit = ch.encode_utf8(&mut buf).as_bytes();
                if bytes.get(pos..pos + lit.len()) != Some(lit) {
                    return None;
                }
                pos += lit.len();
            }
            Piece::Field { field, min, max } => {
                let available = bytes
                    .get(pos..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                // A flexible field next to another field cannot tell where it ends: take its
                // maximum only when the next piece is not a field.
                let next_is_field = matches!(pieces.get(i + 1), Some(Piece::Field { .. }));
                let n = if next_is_field {
                    *min
                } else {
                    available.min(*max)
                };
                if n < *min || n > available {
                    return None;
                }
                let digits = bytes.get(pos..pos + n)?;
                let v = digits
                    .iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
                pos += n;
                match field {
                    Field::Year => dt.year = v,
                    Field::Month => dt.month = v,
                    Field::Day => dt.day = v,
                    Field::Hour => dt.hour = v,
                    Field::Minute => dt.minute = v,
                    Field::Second => dt.second = v,
                    Field::Millis => dt.millis = v,
                }
            }
        }
    }
    (pos == bytes.len() && dt.valid()).then_some(dt)
}

/// A source date format of a mapping (`D/M/YYYY`, `YYYY.MM.DD`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceDateFormat {
    pieces: Vec<Piece>,
}

impl SourceDateFormat {
    /// Parses a format; `None` without a year, a month and a day.
    pub(crate) fn parse(format: &str) -> Option<SourceDateFormat> {
        let pieces = tokenize(format, true);
        (has(&pieces, Field::Year) && has(&pieces, Field::Month) && has(&pieces, Field::Day))
            .then_some(SourceDateFormat { pieces })
    }

    /// Reads a value in this format.
    pub(crate) fn read(&self, value: &str) -> Option<DateTime> {
        read(&self.pieces, value)
    }
}

/// The year-first forms Excel writes, with `/`, `-`, `.` or 年月日, and an optional time.
const EXCEL_FORMS: &[&str] = &[
    "YYYY/M/D",
    "YYYY-M-D",
    "YYYY.M.D",
    "YYYY年M月D日",
    "YYYY/M/D h:mm",
    "YYYY-M-D h:mm",
    "YYYY/M/D h:mm:ss",
    "YYYY-M-D h:mm:ss",
    "YYYY-M-DTh:mm:ss",
];

/// Reads a year-first date as Excel writes it.
pub(crate) fn read_excel_date(value: &str) -> Option<DateTime> {
    if value.len() < 8 || !value.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    EXCEL_FORMS
        .iter()
        .find_map(|f| read(&tokenize(f, true), value))
}

/// Writes `dt` in a target format; `None` when the format would drop a time of day the value has.
pub(crate) fn write(dt: &DateTime, format: &str) -> Option<String> {
    let pieces = tokenize(format, false);
    if dt.has_time() && !has(&pieces, Field::Hour) {
        return None;
    }
    let mut out = String::new();
    for piece in &pieces {
        match piece {
            Piece::Literal(ch) => out.push(*ch),
            Piece::Field { field, max, .. } => {
                let v = match field {
                    Field::Year => dt.year,
                    Field::Month => dt.month,
                    Field::Day => dt.day,
                    Field::Hour => dt.hour,
                    Field::Minute => dt.minute,
                    Field::Second => dt.second,
                    Field::Millis => dt.millis,
                };
                out.push_str(&format!("{v:0width$}", width = *max));
            }
        }
    }
    Some(out)
}

/// Writes `dt` in the best of a column's formats: the first that holds exactly what the value has
/// (a date-only format for a date, one with a time for a time), else the first that can hold it.
pub(crate) fn write_best(dt: &DateTime, formats: &[String]) -> Option<String> {
    let time_in = |f: &String| has(&tokenize(f, false), Field::Hour);
    formats
        .iter()
        .find(|f| time_in(f) == dt.has_time())
        .or_else(|| formats.iter().find(|f| !dt.has_time() || time_in(f)))
        .and_then(|f| write(dt, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_excel_writes() {
        let d = read_excel_date("2025/1/5").unwrap();
        assert_eq!((d.year, d.month, d.day), (2025, 1, 5));
        assert!(read_excel_date("2025/01/05 0:00").is_some());
        assert!(read_excel_date("2025年1月5日").is_some());
        assert!(read_excel_date("2025/2/30").is_none());
        assert!(read_excel_date("2025/1/5/").is_none());
        assert!(read_excel_date("20250105").is_none());
        assert!(read_excel_date("5/1/2025").is_none());
        let t = read_excel_date("2025-01-05 9:30").unwrap();
        assert_eq!((t.hour, t.minute), (9, 30));
    }

    #[test]
    fn writes_in_the_target_formats() {
        let d = read_excel_date("2025/1/5").unwrap();
        assert_eq!(write(&d, "YYYYMMDD").as_deref(), Some("20250105"));
        assert_eq!(write(&d, "TYYYYMMDD").as_deref(), Some("T20250105"));
        assert_eq!(write(&d, "YYYY/MM/DD").as_deref(), Some("2025/01/05"));
        let formats: Vec<String> = ["YYYYMMDDhhmmssmmm", "TYYYYMMDDhhmmssmmm", "YYYYMMDD"]
            .map(String::from)
            .to_vec();
        assert_eq!(write_best(&d, &formats).as_deref(), Some("20250105"));
        let t = read_excel_date("2025/1/5 9:30").unwrap();
        assert_eq!(
            write_best(&t, &formats).as_deref(),
            Some("20250105093000000")
        );
        assert_eq!(write_best(&t, &["YYYYMMDD".to_string()]), None);
    }

    #[test]
    fn source_formats_of_a_mapping() {
        let f = SourceDateFormat::parse("D/M/YYYY").unwrap();
        let d = f.read("5/1/2025").unwrap();
        assert_eq!((d.year, d.month, d.day), (2025, 1, 5));
        assert!(f.read("31/2/2025").is_none());
        let compact = SourceDateFormat::parse("YYYYMMDD").unwrap();
        assert_eq!(compact.read("20250105").map(|d| d.day), Some(5));
        assert!(SourceDateFormat::parse("hh:mm").is_none());
    }
}
