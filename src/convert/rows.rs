//! One data row: the source fields in, the converted values out, every change and finding logged.
//!
//! For each column of the converted file, in this order: take the value from the source
//! (unwrapping Canon brackets of the source), handle masked placeholders, remove stray BOMs, trim,
//! the mapping's value table, the mapping's date reformat, half-width, letter case, Excel dates,
//! the mapping's default and zero padding, then look for Excel damage and add the target's
//! brackets. A number Excel may have cut to 15 digits is noted before the default and the
//! padding (they add what Excel never saw) and reported at the end of the file.

use crate::convert::codes::ChangeReason;
use crate::convert::damage::{self, CutNumber, CutNumbers};
use crate::convert::dates::write;
use crate::convert::layout::{Layout, OutColumn, Producer, SourceField};
use crate::convert::mapping::SplitPart;
use crate::convert::messages::Issue;
use crate::convert::options::Repairs;
use crate::convert::repairs::{
    excel_date, half_width, letter_case, needs_brackets, strip_bom, trim, zero_pad,
};
use crate::convert::result::{At, Log};
use crate::profile::DateFormat;
use crate::report::truncate_value;
use crate::rules::whitespace::is_space;

/// A part of `value`; the flag says whether a separator was found.
fn split(value: &str, separator: Option<&str>, part: SplitPart) -> (String, bool) {
    let (head, tail, found) = match separator {
        Some(sep) if !sep.is_empty() => {
            let cut = match part {
                SplitPart::First | SplitPart::Rest => value.split_once(sep),
                SplitPart::Last | SplitPart::AllButLast => value.rsplit_once(sep),
            };
            match cut {
                Some((h, t)) => (h.to_string(), t.to_string(), true),
                None => (value.to_string(), String::new(), false),
            }
        }
        _ => {
            let v = value.trim_matches(is_space);
            let at = match part {
                SplitPart::First | SplitPart::Rest => v.find(is_space),
                SplitPart::Last | SplitPart::AllButLast => v.rfind(is_space),
            };
            match at {
                Some(i) => {
                    let (h, t) = v.split_at_checked(i).unwrap_or((v, ""));
                    (
                        h.trim_end_matches(is_space).to_string(),
                        t.trim_start_matches(is_space).to_string(),
                        true,
                    )
                }
                None => (v.to_string(), String::new(), false),
            }
        }
    };
    match (part, found) {
        (SplitPart::First, _) | (SplitPart::AllButLast, true) => (head, found),
        (SplitPart::Rest, _) | (SplitPart::Last, true) => (tail, found),
        (SplitPart::Last, false) => (head, false),
        (SplitPart::AllButLast, false) => (String::new(), false),
    }
}

/// Where a cell is; the column's names are filled in only when something is logged.
struct Here<'a> {
    at: &'a mut At,
    column: &'a OutColumn,
}

impl Here<'_> {
    fn at(&mut self) -> &At {
        if self.at.column.is_none() {
            self.at.column = Some(self.column.target.name.clone());
            self.at.source_column = self.column.source_label.clone();
        }
        self.at
    }
}

/// A value on its way through the steps.
struct Cell<'a> {
    value: String,
    here: Here<'a>,
}

impl Cell<'_> {
    fn apply(&mut self, log: &mut Log, reason: ChangeReason, new: Option<String>) {
        if let Some(new) = new {
            log.change(self.here.at(), reason, &self.value, &new);
            self.value = new;
        }
    }
}

/// Where a row is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowPlace {
    pub row: u64,
    pub output_row: u64,
}

/// The source fields after the source-side steps: Canon brackets unwrapped, masks recognised.
struct Source<'a> {
    fields: &'a [String],
    bracketed: Vec<bool>,
    masked: Vec<bool>,
    unwrapped: Vec<Option<String>>,
    /// Per field: what the source profile says about it.
    info: &'a [SourceField],
}

impl Source<'_> {
    fn field(&self, i: usize) -> &str {
        match self.unwrapped.get(i) {
            Some(Some(inner)) => inner,
            _ => self.fields.get(i).map_or("", String::as_str),
        }
    }
}

/// Converts one data row into the values of the converted file; the values that look cut to 15
/// digits go to `cut`, per column of the converted file.
pub(crate) fn convert_row(
    layout: &Layout,
    fields: &[String],
    place: &RowPlace,
    repairs: &Repairs,
    log: &mut Log,
    cut: &mut CutNumbers,
) -> Vec<String> {
    let mut source = Source {
        fields,
        bracketed: vec![false; fields.len()],
        masked: vec![false; fields.len()],
        unwrapped: vec![None; fields.len()],
        info: &layout.sources,
    };
    for (i, field) in fields.iter().enumerate() {
        let Some(info) = layout.sources.get(i) else {
            continue;
        };
        let inner = if info.brackets && field.len() >= 2 {
            field.strip_prefix('[').and_then(|f| f.strip_suffix(']'))
        } else {
            None
        };
        let value = inner.unwrap_or(field);
        if let (Some(b), Some(inner)) = (source.bracketed.get_mut(i), inner) {
            *b = true;
            if let Some(slot) = source.unwrapped.get_mut(i) {
                *slot = Some(inner.to_string());
            }
        }
        if let Some(m) = source.masked.get_mut(i) {
            *m = info.masked.iter().any(|mask| mask == value);
        }
    }
    // One place reused for every cell: only its column changes.
    let mut at = At {
        row: Some(place.row),
        output_row: Some(place.output_row),
        ..At::default()
    };
    let mut values = Vec::with_capacity(layout.columns.len());
    for (k, column) in layout.columns.iter().enumerate() {
        at.column_index = Some(u32::try_from(k + 1).unwrap_or(u32::MAX));
        at.column = None;
        at.source_column = None;
        let cell = convert_cell(column, &source, &mut at, repairs, log, (k, cut, place));
        values.push(cell);
    }
    values
}

/// Converts the value of output column `k` of the row at `place` (its cut-looking long numbers go
/// to `cut`).
fn convert_cell(
    column: &OutColumn,
    source: &Source<'_>,
    at: &mut At,
    repairs: &Repairs,
    log: &mut Log,
    (k, cut, place): (usize, &mut CutNumbers, &RowPlace),
) -> String {
    let target = &column.target;
    let mut here = Here { at, column };
    // Whether Excel held the value as text or a date: then it did not cut it (the check's rule).
    let source_date = match &column.producer {
        Producer::From(i) => source.info.get(*i).is_some_and(|f| f.date),
        _ => false,
    };
    let (mut value, bracketed, masked) = match &column.producer {
        Producer::Empty => (String::new(), false, false),
        Producer::Constant(c) => (c.clone(), false, false),
        Producer::From(i) => (
            source.field(*i).to_string(),
            source.bracketed.get(*i).copied().unwrap_or(false),
            source.masked.get(*i).copied().unwrap_or(false),
        ),
        Producer::Join(fields, sep) => {
            let parts: Vec<&str> = fields
                .iter()
                .map(|i| source.field(*i))
                .filter(|v| !v.trim_matches(is_space).is_empty())
                .collect();
            (parts.join(sep), false, false)
        }
        Producer::Split(i, sep, part) => {
            let whole = source.field(*i);
            let (v, found) = split(whole, sep.as_deref(), *part);
            let partial = matches!(part, SplitPart::Rest | SplitPart::AllButLast);
            if !found && partial && !whole.trim_matches(is_space).is_empty() {
                let issue = Issue::SplitIncomplete {
                    separator: sep.clone().unwrap_or_default(),
                };
                log.issue(here.at(), issue, Some(whole));
            }
            (v, false, false)
        }
    };
    if masked {
        if target.masked.contains(&value) {
            return value;
        }
        log.change(here.at(), ChangeReason::MaskedCleared, &value, "");
        value.clear();
    }
    let mut cell = Cell { value, here };
    if repairs.stray_bom {
        let new = strip_bom(&cell.value);
        cell.apply(log, ChangeReason::BomRemoved, new);
    }
    if repairs.trim && !target.password {
        let new = trim(&cell.value);
        cell.apply(log, ChangeReason::Trimmed, new);
    }
    value_table(column, &mut cell, log);
    explicit_date(column, &mut cell, log);
    if repairs.half_width && target.ascii_only {
        let new = half_width(&cell.value);
        cell.apply(log, ChangeReason::HalfWidth, new);
    }
    if repairs.letter_case {
        let new = letter_case(&cell.value, target);
        cell.apply(log, ChangeReason::CaseFixed, new);
    }
    if repairs.excel_dates && column.date.is_none() {
        let new = excel_date(&cell.value, target);
        cell.apply(log, ChangeReason::DateReformatted, new);
    }
    let excel_number = !bracketed
        && !source_date
        && !target.is_date()
        && column.date.is_none()
        && !matches!(column.producer, Producer::Constant(_));
    if excel_number {
        // Any long number gets the target's brackets (it has more than 12 digits).
        let brackets_added = target.brackets;
        let Cell { value, here } = &mut cell;
        cut.note(
            k,
            value,
            || CutNumber {
                at: here.at().clone(),
                value: truncate_value(value),
                brackets_added,
            },
            || *place,
        );
    }
    if cell.value.is_empty() {
        let new = column.default.clone();
        cell.apply(log, ChangeReason::DefaultApplied, new);
    }
    if let Some(width) = column.zero_pad {
        let new = zero_pad(&cell.value, width);
        cell.apply(log, ChangeReason::ZeroPadded, new);
    }
    if let Some(issue) = damage::detect(&cell.value, target) {
        log.issue(cell.here.at(), issue, Some(&cell.value));
    }
    let Cell {
        mut value,
        mut here,
    } = cell;
    if target.brackets && needs_brackets(&value) {
        let wrapped = format!("[{value}]");
        if !bracketed {
            log.change(here.at(), ChangeReason::BracketsAdded, &value, &wrapped);
        }
        value = wrapped;
    } else if bracketed && !target.brackets {
        log.change(
            here.at(),
            ChangeReason::BracketsRemoved,
            &format!("[{value}]"),
            &value,
        );
    }
    value
}

fn value_table(column: &OutColumn, cell: &mut Cell<'_>, log: &mut Log) {
    if column.values.is_empty() || cell.value.is_empty() {
        return;
    }
    let v = cell.value.as_str();
    let found = column
        .values
        .iter()
        .find(|(from, _)| from == v)
        .or_else(|| {
            column
                .values
                .iter()
                .find(|(from, _)| from.trim_matches(is_space).eq_ignore_ascii_case(v))
        })
        .map(|(_, to)| to.clone());
    match found {
        Some(to) if to != cell.value => cell.apply(log, ChangeReason::ValueMapped, Some(to)),
        Some(_) => {}
        None => {
            // A value accepted but for its width or case is for the repairs (or the check).
            let narrow = half_width(v);
            let plain = narrow.as_deref().unwrap_or(v);
            let accepted =
                column.target.one_of.as_ref().is_some_and(|(values, _)| {
                    values.iter().any(|a| a.eq_ignore_ascii_case(plain))
                });
            let is_target_value = column.values.iter().any(|(_, to)| to == v);
            if !accepted && !is_target_value {
                let issue = Issue::ValueNotMapped {
                    value: v.to_string(),
                };
                let value = cell.value.clone();
                log.issue(cell.here.at(), issue, Some(&value));
            }
        }
    }
}

fn explicit_date(column: &OutColumn, cell: &mut Cell<'_>, log: &mut Log) {
    let Some((formats, to)) = &column.date else {
        return;
    };
    if cell.value.is_empty() {
        return;
    }
    let already = DateFormat::parse(to).is_some_and(|f| f.matches(&cell.value));
    if already {
        return;
    }
    let written = formats
        .iter()
        .find_map(|f| f.read(&cell.value))
        .and_then(|dt| write(&dt, to));
    match written {
        Some(new) => cell.apply(log, ChangeReason::DateReformatted, Some(new)),
        None => {
            let issue = Issue::DateNotReformatted { format: to.clone() };
            let value = cell.value.clone();
            log.issue(cell.here.at(), issue, Some(&value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_and_addresses() {
        assert_eq!(
            split("山田\u{3000}太郎", None, SplitPart::First),
            ("山田".into(), true)
        );
        assert_eq!(
            split(" 山田  太郎 ", None, SplitPart::Rest),
            ("太郎".into(), true)
        );
        assert_eq!(split("山田", None, SplitPart::Rest), ("".into(), false));
        assert_eq!(
            split("山田", None, SplitPart::First),
            ("山田".into(), false)
        );
        assert_eq!(
            split("Jean Paul Sartre", None, SplitPart::Last),
            ("Sartre".into(), true)
        );
        assert_eq!(
            split("Jean Paul Sartre", None, SplitPart::AllButLast),
            ("Jean Paul".into(), true)
        );
        assert_eq!(
            split("Sartre", None, SplitPart::Last),
            ("Sartre".into(), false)
        );
        assert_eq!(
            split("Sartre", None, SplitPart::AllButLast),
            ("".into(), false)
        );
        assert_eq!(
            split("taro@example.com", Some("@"), SplitPart::First),
            ("taro".into(), true)
        );
        assert_eq!(
            split("taro", Some("@"), SplitPart::First),
            ("taro".into(), false)
        );
    }
}
