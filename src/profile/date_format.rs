//! Date formats such as `YYYYMMDD` or `TYYYYMMDDhhmmssmmm`: parsing the format and matching values.

/// One piece of a date format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Millis,
    Literal(char),
}

impl Piece {
    fn digits(self) -> usize {
        match self {
            Piece::Year => 4,
            Piece::Millis => 3,
            Piece::Literal(_) => 0,
            _ => 2,
        }
    }
}

/// A parsed date format built from `YYYY MM DD hh mm ss mmm` and literal characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat {
    text: String,
    pieces: Vec<Piece>,
}

impl DateFormat {
    /// Parses a format; `None` when it has no date or time field at all.
    pub fn parse(format: &str) -> Option<DateFormat> {
        let mut pieces = Vec::new();
        let mut rest = format;
        while !rest.is_empty() {
            let (piece, len) = [
                ("YYYY", Piece::Year),
                ("mmm", Piece::Millis),
                ("MM", Piece::Month),
                ("DD", Piece::Day),
                ("hh", Piece::Hour),
                ("mm", Piece::Minute),
                ("ss", Piece::Second),
            ]
            .iter()
            .find(|(token, _)| rest.starts_with(token))
            .map(|(token, piece)| (*piece, token.len()))
            .unwrap_or_else(|| {
                let ch = rest.chars().next().unwrap_or(' ');
                (Piece::Literal(ch), ch.len_utf8())
            });
            pieces.push(piece);
            rest = rest.get(len..).unwrap_or("");
        }
        if pieces.iter().all(|p| matches!(p, Piece::Literal(_))) {
            return None;
        }
        Some(DateFormat {
            text: format.to_string(),
            pieces,
        })
    }

    /// The format as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `value` is a real date/time in this format (month 1–12, day within the month, ...).
    pub fn matches(&self, value: &str) -> bool {
        self.read(value) == Some(true)
    }

    /// Whether `value` has this format's shape (its digits and separators in their places) but
    /// names no real date or time (`20230229`, month 13): a typing mistake, not Excel's.
    pub fn names_no_date(&self, value: &str) -> bool {
        self.read(value) == Some(false)
    }

    /// `None`: not of this format's shape; `Some(real)`: of its shape, and whether the date and
    /// time exist.
    fn read(&self, value: &str) -> Option<bool> {
        let bytes = value.as_bytes();
        let mut pos = 0usize;
        let (mut year, mut month, mut day) = (2000u32, 1u32, 1u32);
        let mut real = true;
        for piece in &self.pieces {
            if let Piece::Literal(ch) = piece {
                let mut buf = [0u8; 4];
                let lit = ch.encode_utf8(&mut buf).as_bytes();
                if bytes.get(pos..pos + lit.len()) != Some(lit) {
                    return None;
                }
                pos += lit.len();
                continue;
            }
            let n = piece.digits();
            let digits = bytes.get(pos..pos + n)?;
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let v = digits
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
            pos += n;
            let ok = match piece {
                Piece::Year => {
                    year = v;
                    v >= 1
                }
                Piece::Month => {
                    month = v;
                    (1..=12).contains(&v)
                }
                Piece::Day => {
                    day = v;
                    v >= 1
                }
                Piece::Hour => v < 24,
                Piece::Minute | Piece::Second => v < 60,
                Piece::Millis | Piece::Literal(_) => true,
            };
            real &= ok;
        }
        if pos != bytes.len() {
            return None;
        }
        Some(real && (1..=12).contains(&month) && day <= days_in_month(year, month))
    }
}

/// Days in `month` (1–12) of `year` in the Gregorian calendar.
pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_of_the_right_shape_that_does_not_exist_is_told_apart() {
        let f = DateFormat::parse("YYYYMMDD").unwrap();
        assert!(f.matches("20240229"));
        assert!(f.names_no_date("20230229") && !f.matches("20230229"));
        assert!(f.names_no_date("20231301"));
        assert!(
            !f.names_no_date("2023/2/1")
                && !f.names_no_date("2023022")
                && !f.names_no_date("20240229")
        );
    }

    #[test]
    fn canon_formats() {
        let long = DateFormat::parse("TYYYYMMDDhhmmssmmm").unwrap();
        assert!(long.matches("T20240229235959123"));
        assert!(!long.matches("T20230229235959123"));
        assert!(!long.matches("20240229235959123"));
        let short = DateFormat::parse("YYYYMMDD").unwrap();
        assert!(short.matches("20251231"));
        assert!(!short.matches("2025/12/31"));
        assert!(!short.matches("20251301"));
        assert!(!short.matches("2025123"));
        assert!(!short.matches("２０２５１２３１"));
        let slashed = DateFormat::parse("YYYY/MM/DD").unwrap();
        assert!(slashed.matches("2025/01/05"));
        assert!(!slashed.matches("2025/1/5"));
        assert!(DateFormat::parse("abc").is_none());
    }
}
