//! Profile documentation: Markdown generated from a profile, for humans. Every column and rule is
//! listed with the sentence of the system's manual it comes from, then the tenant parameters with
//! their defaults, and the rules that cannot be checked on the client.

use std::fmt::Write;

use crate::profile::{
    BomPolicy, CharClass, ColumnOrder, Condition, Delimiter, HeaderPresence, ImportMode,
    LengthUnit, LineEndingKind, ParamOr, ParamValue, Profile, Quantity, Requirement,
    UnknownColumns, ValueChecks, ValuePolicy, ValueType,
};

impl Profile {
    /// The profile's documentation as Markdown: every column and rule with its source sentence,
    /// the parameters with their defaults, and what cannot be checked on the client.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = write_profile(&mut out, self, "#");
        out
    }
}

/// Writes the documentation of `profile` with headings starting at `level` (`#`, `##`, ...).
pub(crate) fn write_profile(out: &mut String, p: &Profile, level: &str) -> std::fmt::Result {
    writeln!(out, "{level} {}\n", p.title.en)?;
    writeln!(out, "`{}` — {} ({})\n", p.id, p.system, p.title.ja)?;
    if let Some(d) = &p.description {
        writeln!(out, "{}\n\n{}\n", d.en, d.ja)?;
    }
    if !p.sources.is_empty() {
        writeln!(out, "{level}# Sources\n")?;
        for s in &p.sources {
            writeln!(out, "- {s}")?;
        }
        writeln!(out)?;
    }
    write_file(out, p, level)?;
    write_header(out, p, level)?;
    writeln!(out, "{level}# Columns\n")?;
    for c in &p.columns {
        let title = c
            .title
            .as_ref()
            .map_or(String::new(), |t| format!(" — {}", t.en));
        writeln!(out, "{level}## `{}`{title}\n", c.name)?;
        if !c.aliases.is_empty() {
            writeln!(out, "- Also accepted as: {}", quoted(&c.aliases))?;
        }
        writeln!(out, "- Header: {}", header_presence(c.header))?;
        writeln!(out, "- Value: {}", value_policy(c.value))?;
        for rule in checks(&c.check) {
            writeln!(out, "- {rule}")?;
        }
        if !c.masked.is_empty() {
            writeln!(out, "- {} keep(s) the current value", quoted(&c.masked))?;
        }
        if c.brackets {
            writeln!(out, "- Values in `[...]` are unwrapped before checking; numbers starting with 0 or longer than 12 digits need the brackets (a warning when missing)")?;
        }
        if c.secret {
            writeln!(out, "- Secret: diagnostics never show its values")?;
        }
        if c.blank_keeps {
            writeln!(out, "- A blank keeps the current value")?;
        }
        if let Some(b) = &c.when_blank {
            writeln!(out, "- A blank means: {} (information)", b.en)?;
        }
        if let Some(m) = c.max_distinct {
            writeln!(out, "- At most {m} distinct values in the file")?;
        }
        source(out, c.source.as_deref())?;
    }
    if !p.row_rules.is_empty() {
        writeln!(out, "{level}# Row rules\n")?;
        for r in &p.row_rules {
            let severity = r
                .severity
                .map_or("error".to_string(), |s| format!("{s:?}").to_lowercase());
            writeln!(
                out,
                "- {}{} ({severity}): {}",
                conditions(&r.when),
                requirement(&r.then),
                r.reason.en
            )?;
            source_item(out, r.source.as_deref())?;
        }
        writeln!(out)?;
    }
    if !p.unique.is_empty() {
        writeln!(out, "{level}# Unique keys\n")?;
        for u in &p.unique {
            let case = if u.ignore_case { ", ignoring case" } else { "" };
            writeln!(out, "- {} once per file{case}", columns(&u.columns))?;
            source_item(out, u.source.as_deref())?;
        }
        writeln!(out)?;
    }
    write_relations(out, p, level)?;
    if !p.parameters.is_empty() {
        writeln!(out, "{level}# Parameters\n")?;
        writeln!(
            out,
            "| name | type | default | meaning |\n|---|---|---|---|"
        )?;
        for param in &p.parameters {
            let default = param
                .default
                .as_ref()
                .map_or("unset (its rules are off)".to_string(), value);
            let mut meaning = param.title.en.clone();
            if !param.values.is_empty() {
                meaning.push_str(&format!("; one of {}", quoted(&param.values)));
            }
            writeln!(
                out,
                "| `{}` | {:?} | {} | {} |",
                param.name, param.kind, default, meaning
            )?;
        }
        writeln!(out)?;
        for param in p.parameters.iter().filter(|p| p.source.is_some()) {
            writeln!(
                out,
                "- `{}`: “{}”",
                param.name,
                param.source.as_deref().unwrap_or("")
            )?;
        }
        writeln!(out)?;
    }
    if !p.unchecked.is_empty() {
        writeln!(out, "{level}# Not checked here\n")?;
        for u in &p.unchecked {
            writeln!(out, "- {}", u.en)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_file(out: &mut String, p: &Profile, level: &str) -> std::fmt::Result {
    let f = &p.file;
    writeln!(out, "{level}# File\n")?;
    let encodings: Vec<&str> = f.encodings.iter().map(|e| e.display_name()).collect();
    writeln!(out, "- Encodings: {}", encodings.join(", "))?;
    writeln!(
        out,
        "- Byte order mark: {}",
        match f.bom {
            BomPolicy::Optional => "optional",
            BomPolicy::Required => "required",
            BomPolicy::Forbidden => "not allowed",
        }
    )?;
    let delimiter_name = |d: &Delimiter| match d {
        Delimiter::Comma => "comma",
        Delimiter::Tab => "tab",
        Delimiter::Semicolon => "semicolon",
    };
    let endings = |list: &[LineEndingKind]| {
        let names: Vec<&str> = list
            .iter()
            .map(|l| match l {
                LineEndingKind::Crlf => "CRLF",
                LineEndingKind::Lf => "LF",
                LineEndingKind::Cr => "CR",
            })
            .collect();
        names.join(" or ")
    };
    let delimiters: Vec<&str> = f.delimiters.iter().map(delimiter_name).collect();
    writeln!(out, "- Delimiter: {}", delimiters.join(" or "))?;
    if !f.line_endings.is_empty() {
        writeln!(out, "- Line endings: {}", endings(&f.line_endings))?;
    }
    for t in &f.file_types {
        let lines = match t.line_endings.as_slice() {
            [] => "any line endings".to_string(),
            list => format!("{} line endings", endings(list)),
        };
        writeln!(
            out,
            "- File type `.{}`: {}-separated, {lines} (the name's extension decides the type)",
            t.extension,
            delimiter_name(&t.delimiter)
        )?;
    }
    if let Some(n) = &f.file_name {
        writeln!(
            out,
            "- File name: matches `{}` (e.g. `{}`)",
            n.pattern, n.example
        )?;
    }
    for (i, line) in f.preamble.iter().enumerate() {
        writeln!(
            out,
            "- Line {} (before the header): starts with `{}` — {}",
            i + 1,
            line.starts_with,
            line.description.en
        )?;
    }
    if let Some(q) = &f.max_rows {
        writeln!(out, "- At most {} data rows", quantity(q))?;
    }
    if f.require_rows {
        writeln!(out, "- At least one data row")?;
    }
    source(out, f.source.as_deref())
}

fn write_header(out: &mut String, p: &Profile, level: &str) -> std::fmt::Result {
    let h = &p.header;
    writeln!(out, "{level}# Header\n")?;
    writeln!(
        out,
        "- Column order: {}",
        match h.order {
            ColumnOrder::Any => "any",
            ColumnOrder::Template => "the template's (another order is a warning)",
            ColumnOrder::Fixed => "the template's (another order is an error)",
        }
    )?;
    writeln!(
        out,
        "- Unknown columns and columns with an empty name: {}",
        match h.unknown_columns {
            UnknownColumns::Error => "an error",
            UnknownColumns::Warning => "a warning (the system ignores them)",
            UnknownColumns::Ignore => "accepted",
        }
    )?;
    if h.ignore_case {
        writeln!(out, "- Labels are matched ignoring case")?;
    }
    if h.trims_labels {
        writeln!(out, "- Spaces around labels are tolerated")?;
    }
    if let Some(prefix) = &h.label_prefix {
        writeln!(out, "- The first label starts with `{prefix}`")?;
    }
    for m in &h.markers {
        let also = if m.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", quoted(&m.aliases))
        };
        let encodings: Vec<&str> = m.required_for.iter().map(|e| e.display_name()).collect();
        writeln!(
            out,
            "- Marker `{}`{also} in the header line, required for {}",
            m.label,
            encodings.join(", ")
        )?;
    }
    source(out, h.source.as_deref())
}

fn write_relations(out: &mut String, p: &Profile, level: &str) -> std::fmt::Result {
    if let Some(k) = &p.key {
        writeln!(out, "{level}# Record key\n")?;
        let case = if k.ignore_case { ", ignoring case" } else { "" };
        writeln!(
            out,
            "- A record is identified by {}{case}",
            columns(&k.columns)
        )?;
        source_item(out, k.source.as_deref())?;
        for choice in &k.instead {
            let case = if choice.ignore_case {
                ", ignoring case"
            } else {
                ""
            };
            writeln!(
                out,
                "- {}a record is identified by {} instead{case}",
                conditions(&choice.when),
                columns(&choice.columns)
            )?;
            source_item(out, choice.source.as_deref())?;
        }
        for a in &k.alternate {
            writeln!(
                out,
                "- {} also identifies a record: with a baseline, the same value under another key is an error. {}",
                columns(&a.columns),
                a.reason.en
            )?;
            source_item(out, a.source.as_deref())?;
        }
        writeln!(out)?;
    }
    if !p.foreign_keys.is_empty() {
        writeln!(out, "{level}# References\n")?;
        for f in &p.foreign_keys {
            writeln!(
                out,
                "- {} must name a record of the bundle's `{}` file or of its baseline",
                columns(&f.columns),
                f.reference.role
            )?;
            source_item(out, f.source.as_deref())?;
        }
        writeln!(out)?;
    }
    if let Some(plan) = &p.plan {
        writeln!(out, "{level}# Import and plan\n")?;
        writeln!(out, "- Default: {}", mode(plan.mode))?;
        for m in &plan.modes {
            writeln!(out, "- {}{}", conditions(&m.when), mode(m.mode))?;
        }
        for protect in &plan.protect {
            writeln!(out, "- Never deleted: {}", param_list(protect))?;
        }
        if let Some(b) = &plan.baseline_profile {
            writeln!(out, "- The system's export is read with profile `{b}`")?;
        }
        source_item(out, plan.source.as_deref())?;
        writeln!(out)?;
    }
    if let Some(s) = &p.seats {
        writeln!(out, "{level}# Seats\n")?;
        writeln!(
            out,
            "- At most {} counted records after the import",
            quantity(&s.limit)
        )?;
        for u in &s.uncounted {
            writeln!(
                out,
                "- Not counted: {} ({})",
                u.reason.en,
                conditions_plain(&u.when)
            )?;
        }
        source_item(out, s.source.as_deref())?;
        writeln!(out)?;
    }
    Ok(())
}

fn source(out: &mut String, source: Option<&str>) -> std::fmt::Result {
    if let Some(s) = source {
        writeln!(out, "\n> {s}")?;
    }
    writeln!(out)
}

fn source_item(out: &mut String, source: Option<&str>) -> std::fmt::Result {
    match source {
        Some(s) => writeln!(out, "  > {s}"),
        None => Ok(()),
    }
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn columns(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn value(v: &ParamValue) -> String {
    match v {
        ParamValue::Boolean(b) => format!("`{b}`"),
        ParamValue::Integer(i) => format!("`{i}`"),
        ParamValue::String(s) => format!("`{s}`"),
        ParamValue::StringList(l) => format!("[{}]", quoted(l)),
    }
}

fn param_list(p: &ParamOr<Vec<String>>) -> String {
    match p {
        ParamOr::Param { param } => format!("the values of parameter `{param}`"),
        ParamOr::Value(v) => quoted(v),
    }
}

fn quantity(q: &Quantity) -> String {
    match q {
        Quantity::Value(v) => v.to_string(),
        Quantity::Param(e) => {
            let mut s = format!("parameter `{}`", e.param);
            for m in &e.minus {
                s.push_str(&format!(" minus `{m}`"));
            }
            s
        }
    }
}

fn mode(m: ImportMode) -> &'static str {
    match m {
        ImportMode::Merge => "rows add or update records; records not in the file stay",
        ImportMode::Replace => "rows add or update records; records not in the file are deleted",
        ImportMode::Delete => {
            "rows delete their records; every row must match the record exactly, or the whole import fails"
        }
    }
}

fn condition(c: &Condition) -> String {
    let subject = match (&c.column, &c.param) {
        (Some(col), _) => format!("`{col}`"),
        (_, Some(p)) => format!("parameter `{p}`"),
        _ => "?".to_string(),
    };
    let mut parts = Vec::new();
    if let Some(v) = &c.equals {
        parts.push(format!("{subject} is {}", value(v)));
    }
    if let Some(v) = &c.not_equals {
        parts.push(format!("{subject} is not {}", value(v)));
    }
    match c.filled {
        Some(true) => parts.push(format!("{subject} is filled")),
        Some(false) => parts.push(format!("{subject} is blank")),
        None => {}
    }
    match c.present {
        Some(true) => parts.push(format!("{subject} is in the file")),
        Some(false) => parts.push(format!("{subject} is not in the file")),
        None => {}
    }
    if parts.is_empty() {
        parts.push(format!("{subject} is set"));
    }
    parts.join(" and ")
}

fn conditions_plain(when: &[Condition]) -> String {
    when.iter().map(condition).collect::<Vec<_>>().join(" and ")
}

fn conditions(when: &[Condition]) -> String {
    if when.is_empty() {
        String::new()
    } else {
        format!("When {}: ", conditions_plain(when))
    }
}

fn requirement(r: &Requirement) -> String {
    let mut parts = Vec::new();
    match r.filled {
        Some(true) => parts.push(format!("`{}` must be filled", r.column)),
        Some(false) => parts.push(format!("`{}` must be blank", r.column)),
        None => {}
    }
    if let Some(values) = &r.one_of {
        parts.push(format!(
            "`{}` must be one of {}",
            r.column,
            param_list(values)
        ));
    }
    parts.join(" and ")
}

fn header_presence(h: HeaderPresence) -> &'static str {
    match h {
        HeaderPresence::Required => "required",
        HeaderPresence::Optional => "optional",
        HeaderPresence::Recommended => {
            "optional; when left out the system applies its default to every row (a warning)"
        }
    }
}

fn value_policy(v: ValuePolicy) -> &'static str {
    match v {
        ValuePolicy::Required => "required",
        ValuePolicy::Optional => "optional",
        ValuePolicy::NotNeeded => "need not be entered (a value is a warning)",
        ValuePolicy::Ignored => "ignored by the system (a value is a warning)",
        ValuePolicy::Empty => "must be empty",
        ValuePolicy::ReadOnly => {
            "read-only: written by the system; compared with the baseline only"
        }
        ValuePolicy::RequiredWhenNew => {
            "required for new records (with a baseline an error, without one a warning on blanks)"
        }
    }
}

fn class(c: CharClass) -> &'static str {
    match c {
        CharClass::AsciiLetter => "half-width letters",
        CharClass::AsciiDigit => "half-width digits",
        CharClass::AsciiSymbol => "half-width symbols",
        CharClass::Space => "spaces",
        CharClass::AsciiPrintable => "printable half-width characters",
        CharClass::Latin9 => "ISO-8859-15 characters",
        CharClass::AsciiUpper => "half-width capital letters",
        CharClass::AsciiLower => "half-width small letters",
    }
}

fn bound(b: &Option<ParamOr<u32>>) -> Option<String> {
    b.as_ref().map(|b| match b {
        ParamOr::Value(v) => v.to_string(),
        ParamOr::Param { param } => format!("parameter `{param}`"),
    })
}

/// The value checks in words.
fn checks(c: &ValueChecks) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(l) = &c.length {
        let unit = match (l.unit, &l.encoding) {
            (LengthUnit::Chars, _) => "characters".to_string(),
            (LengthUnit::Bytes, Some(e)) => {
                format!("bytes in {e} (characters it cannot hold are errors)")
            }
            (LengthUnit::Bytes, None) => "bytes in UTF-8".to_string(),
        };
        match (bound(&l.min), bound(&l.max)) {
            (Some(min), Some(max)) => out.push(format!("Length: {min} to {max} {unit}")),
            (Some(min), None) => out.push(format!("Length: at least {min} {unit}")),
            (None, Some(max)) => out.push(format!("Length: at most {max} {unit}")),
            (None, None) => {}
        }
    }
    if let Some(ch) = &c.chars {
        if !ch.allow.is_empty() {
            let mut allowed: Vec<String> = ch.allow.iter().map(|c| class(*c).to_string()).collect();
            if !ch.extra.is_empty() {
                allowed.push(format!("`{}`", ch.extra));
            }
            out.push(format!("Only {}", allowed.join(", ")));
        }
        if !ch.forbid.is_empty() {
            let shown: Vec<String> = ch
                .forbid
                .chars()
                .map(|c| {
                    if c == ' ' {
                        "space".to_string()
                    } else {
                        format!("`{c}`")
                    }
                })
                .collect();
            out.push(format!("Not allowed: {}", shown.join(" ")));
        }
        for by in &ch.allowed_by {
            out.push(format!(
                "`{}` allowed when parameter `{}` is true",
                by.chars, by.param
            ));
        }
    }
    if !c.allow_control_chars {
        out.push("No control characters (tab, line feed, ...)".to_string());
    }
    if let Some(o) = &c.one_of {
        let case = if o.ignore_case { " (any case)" } else { "" };
        out.push(format!("One of {}{case}", quoted(&o.values)));
    }
    if let Some(n) = &c.not_one_of {
        out.push(format!("Not {}: {}", param_list(&n.values), n.reason.en));
    }
    for m in &c.must_contain {
        let when = m
            .param
            .as_ref()
            .map_or(String::new(), |p| format!(" when parameter `{p}` is true"));
        out.push(format!(
            "Contains at least one of: {}{when}",
            class(m.class)
        ));
    }
    if let Some(p) = &c.pattern {
        out.push(format!("Matches `{}`: {}", p.regex, p.description.en));
    }
    match c.kind {
        Some(ValueType::Email) => out.push("An e-mail address".to_string()),
        Some(ValueType::Digits) => out.push("Half-width digits only".to_string()),
        Some(ValueType::Integer) => out.push("A whole number".to_string()),
        Some(ValueType::Flag) => {
            let values = if c.flag_values.is_empty() {
                vec!["0".to_string(), "1".to_string()]
            } else {
                c.flag_values.clone()
            };
            out.push(format!("A flag: {}", quoted(&values)));
        }
        Some(ValueType::Date) => out.push(format!("A date: {}", quoted(&c.date_formats))),
        None => {}
    }
    if let Some(d) = c.max_digits {
        out.push(format!("At most {d} digits"));
    }
    if let Some(d) = &c.email_domains {
        out.push(format!("E-mail domain among {}", param_list(d)));
    }
    if let Some(list) = &c.list {
        let max = list
            .max_items
            .map_or(String::new(), |m| format!(", at most {m} items"));
        let unique = if list.unique_items {
            ", no item twice"
        } else {
            ""
        };
        out.push(format!(
            "A list separated by `{}`{max}{unique}",
            list.separator
        ));
        for item in checks(&list.item) {
            out.push(format!("Each item: {item}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::profile::{builtin, builtin_ids};

    #[test]
    fn every_builtin_documents_every_column_and_source() {
        for id in builtin_ids() {
            let p = builtin(id).unwrap();
            let md = p.to_markdown();
            for c in &p.columns {
                assert!(md.contains(&format!("`{}`", c.name)), "{id}: {}", c.name);
                if let Some(s) = &c.source {
                    assert!(md.contains(s.as_str()), "{id}: source of {}", c.name);
                }
            }
            for u in &p.unchecked {
                assert!(md.contains(&u.en), "{id}: unchecked");
            }
            for param in &p.parameters {
                assert!(
                    md.contains(&format!("`{}`", param.name)),
                    "{id}: {}",
                    param.name
                );
            }
        }
    }
}
