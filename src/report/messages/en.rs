//! English messages.

use super::{char_name, examples_with_rows, excel_column, quoted_list};
use crate::decode::{Lang, TextEncoding};
use crate::profile::{CharClass, Delimiter, LineEndingKind};
use crate::report::{EmailProblem, Expectation, Kind};

/// "A", "A or B", "A, B or C".
fn encodings(list: &[TextEncoding]) -> String {
    let names: Vec<&str> = list.iter().map(|e| e.display_name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// "1 cell", "3 cells".
fn cells(n: u32) -> String {
    if n == 1 {
        "1 cell".to_string()
    } else {
        format!("{n} cells")
    }
}

fn delimiter(d: Delimiter) -> &'static str {
    d.name(Lang::En)
}

fn line_ending(l: LineEndingKind) -> &'static str {
    match l {
        LineEndingKind::Crlf => "CRLF (Windows)",
        LineEndingKind::Lf => "LF (macOS/Linux)",
        LineEndingKind::Cr => "CR (classic Mac)",
    }
}

fn class(c: CharClass) -> &'static str {
    match c {
        CharClass::AsciiLetter => "half-width letters",
        CharClass::AsciiDigit => "half-width digits",
        CharClass::AsciiSymbol => "half-width symbols",
        CharClass::Space => "spaces",
        CharClass::AsciiPrintable => "half-width characters",
        CharClass::Latin9 => "Latin-9 (ISO-8859-15) characters",
        CharClass::AsciiUpper => "half-width capital letters",
        CharClass::AsciiLower => "half-width small letters",
    }
}

fn unit(bytes_in: &Option<String>) -> String {
    match bytes_in {
        Some(enc) => format!("bytes in {enc}"),
        None => "characters".to_string(),
    }
}

/// Items joined as a list: `"a" and "b"`, `"a", "b" and "c"`.
fn and_list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

pub(super) fn render(kind: &Kind, column: &str) -> (String, Option<String>) {
    use Kind::*;
    if let Item { item, inner } = kind {
        let (message, help) = render(inner, column);
        return (format!("item \"{item}\": {message}"), help);
    }
    let s = |m: &str| m.to_string();
    match kind {
        EmptyFile => (s("the file is empty"), Some(s("Choose the file you saved, not an empty one; it needs a header row and at least one user."))),
        NotText { format } => (
            format!("this is {}, not a CSV file; it was not checked", format.describe(Lang::En)),
            Some(s(if format.is_workbook() {
                "Open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma delimited)\" (or the format the system needs), then check the saved file."
            } else {
                "Choose the CSV file you saved for the import; this one was probably picked by mistake."
            })),
        ),
        BomRequired => (s("the file has no byte order mark (BOM)"), Some(s("Save it as \"CSV UTF-8 (Comma delimited)\" in Excel, or as UTF-8 with BOM in your editor."))),
        BomForbidden => (s("the file starts with a byte order mark (BOM), which this system does not accept"), Some(s("Save it as UTF-8 without BOM."))),
        EncodingNotAccepted { detected, accepted } => (
            format!("this file looks like {}; this system needs {}", detected.describe(Lang::En), encodings(accepted)),
            Some(format!("Open the file and save it again as {}. In Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\".", encodings(accepted))),
        ),
        EncodingUnknown { guess } => (
            format!("the file is not valid in any encoding we know; it was read as {} with errors", guess.display_name()),
            Some(s("The file may be damaged, or joined from files in different encodings. Open it in the program that made it and save it again.")),
        ),
        ScientificNotation => (
            s("the value looks like a number Excel saved in scientific notation: the digits after the first few are lost"),
            Some(format!("Excel shows long numbers such as IDs as 1.23E+11 and saves them that way; removing the letters would not bring the digits back. {}", crate::convert::messages::TEXT_FORMAT_EN)),
        ),
        DigitsTruncated => (
            s("the value has more than 15 digits and ends in zeros, as every long number of this column does: Excel may have cut it (it keeps 15 significant digits of a number and replaces the rest with zeros)"),
            Some(s("If the number really ends in zeros, nothing needs doing. Otherwise take the value from the original system or the source file again, and in Excel set the column's format to Text before pasting or typing it; do not retype the zeros, the digits they replaced are lost.")),
        ),
        EncodingError { encoding, bytes } => (
            format!("bytes {bytes} are not valid {}", encoding.display_name()),
            Some(s("This cell has characters that cannot be read (mojibake). Retype the value, or save the whole file again in one encoding.")),
        ),
        MoreEncodingErrors { encoding, count } => (
            format!("{count} more byte sequences in this cell are not valid {}", encoding.display_name()),
            Some(s("This cell has characters that cannot be read (mojibake). Retype the value, or save the whole file again in one encoding.")),
        ),
        DelimiterNotAccepted { detected, accepted } => (
            format!("the file is separated by {}s; this system needs {}", delimiter(*detected), accepted.iter().map(|d| delimiter(*d)).collect::<Vec<_>>().join(" or ")),
            Some(s("Save it again with the delimiter the system expects (CSV = comma, TSV = tab).")),
        ),
        DelimiterNotForExtension { detected, extension, expected } => (
            format!("the file name ends in .{extension}, but the file is separated by {}s; a .{extension} file must be separated by {}s", delimiter(*detected), delimiter(*expected)),
            Some(s("Save it again with the delimiter its name says, or rename it to the extension of the type it is (for example .tsv for tab-separated text, .csv for comma-separated).")),
        ),
        LineEndingNotAccepted { found, accepted } => (
            format!("lines end with {}; this system needs {}", line_ending(*found), accepted.iter().map(|l| line_ending(*l)).collect::<Vec<_>>().join(" or ")),
            Some(s("Save the file with Windows line endings (CRLF); most editors offer this in the save dialog or status bar.")),
        ),
        MixedLineEndings { crlf, lf, cr } => (
            format!("line endings are mixed: {crlf} CRLF, {lf} LF, {cr} CR"),
            Some(s("The file was probably pasted together from several sources. Save it again in one editor so that every line ends the same way.")),
        ),
        CrLineEndings { lines } => (
            format!("{} in CR alone, as old Mac programs write; many import programs read such a file as one long line", if *lines == 1 { "1 line ends".to_string() } else { format!("{lines} lines end") }),
            Some(s("Save the file again as \"CSV UTF-8\" (Excel) or with Windows line endings (CRLF); the fixed file (convert) has CRLF.")),
        ),
        FileNameMismatch { name, example } => (
            format!("the file name \"{name}\" does not follow the system's pattern"),
            Some(format!("Rename the file like \"{example}\".")),
        ),
        ExtensionNotAccepted { name, accepted } => (
            format!("the file name \"{name}\" does not end in {}; the system reads only these kinds of file", accepted.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(" or ")),
            Some(s("Save the file as one of these types, or rename it with the extension that matches its delimiter.")),
        ),
        InvalidPreamble { starts_with, description } => (
            format!("this line must start with \"{starts_with}\" ({})", description.en),
            Some(s("Keep the lines above the header exactly as in the system's export or template.")),
        ),
        PreambleIsHeader { starts_with, description } => (
            format!("this line is the header, but the line \"{starts_with}\" must come before it ({}): is this a file for the other kind of import?", description.en),
            Some(format!("Add \"{starts_with}\" as the first line, or check the file against the profile of the other import (in FLAT, a total import has no such line and deletes every user not in the file).")),
        ),
        MissingLabelPrefix { prefix, first } => (
            format!("the header line must start with \"{prefix}\" (\"{prefix}{first}\", as in the system's export)"),
            Some(format!("Type \"{prefix}\" before the first column name.")),
        ),
        MissingHeader => (s("the file has no header row"), Some(s("The first row must hold the column names from the system's template."))),
        HeaderIsData { example } => (
            format!("the first line looks like data, not a header (it holds \"{example}\"): the header row is missing"),
            Some(s("Insert the header row of the system's template as the first line (copy it from the template or from a file the system exported).")),
        ),
        MissingLabel => (format!("required column \"{column}\" is missing from the header"), Some(s("Add the column with exactly this name, as in the system's template."))),
        NoKnownLabel => (s("the header names none of this system's columns"), Some(s("Check that this is the right file and the right system; the header must use the column names of the system's template (its first row)."))),
        RecommendedLabelMissing => (format!("column \"{column}\" is missing: the system applies its default to every user"), Some(s("Add the column to keep or set each user's value; the profile's documentation says what the default is."))),
        ExtraLabel { suggestion } => (
            format!("column \"{column}\" is not a column of this system"),
            Some(match suggestion {
                Some(name) => format!("Did you mean \"{name}\"? Column names must match exactly, in upper and lower case and in half-width characters."),
                None => s("Check the spelling against the template, or delete the column."),
            }),
        ),
        DuplicateLabel { first_index } => (format!("column \"{column}\" appears twice (first as column {first_index})"), Some(s("Delete one of the two columns."))),
        BlankLabel { index } => (format!("column {index} ({} in Excel) has no name in the header", excel_column(*index)), Some(s("Give the column its name from the template, or delete the column if it is not needed (often an empty column Excel left behind)."))),
        StrayBom { label } => (
            format!("the column name \"{label}\" has an invisible byte order mark (U+FEFF) in it: the system reads a different name and does not find the column"),
            Some(s("The file starts with two byte order marks, or files were joined. Save it again from Excel as \"CSV UTF-8\", or delete the invisible character in a text editor.")),
        ),
        UntrimmedLabel { label } => (
            format!("the column name \"{label}\" has spaces before or after it: the system may compare names exactly and not find the column"),
            Some(s("Delete the spaces around the column name in the header row (often typed after a comma or a tab, or a full-width space).")),
        ),
        ColumnOrder { expected_index } => (format!("column \"{column}\" is expected as column {expected_index}"), Some(s("Keep the columns in the order of the system's template."))),
        MissingHeaderMarker { marker, encoding } => (
            format!("the header needs the marker \"{marker}\" for a {} file", encoding.display_name()),
            Some(format!("Add \"{marker}\" as the last cell of the header row, as in the device's own export.")),
        ),
        HeaderMarkerMismatch { marker, declares, encoding } => (
            format!("the header's marker \"{marker}\" says the file is {}, but it is {}: the device would read the text wrongly", declares.display_name(), encoding.display_name()),
            Some(format!("Save the file as {} again (Excel: \"CSV UTF-8\"), or delete the \"{marker}\" cell from the header to import it as {}.", declares.display_name(), encoding.display_name())),
        ),
        NoDataRows => (s("the file has a header but no users"), Some(s("Enter the users in the rows below the header."))),
        TooManyRows { max, rows } => (format!("the file has {rows} users; at most {max} can be imported"), Some(s("Free or add licences first, or take users out of the file. Splitting the file does not help: the limit counts every user."))),
        RepeatedHeader { bom } => (
            if *bom {
                s("this row repeats the header, with an invisible byte order mark before it: two files were joined into one")
            } else {
                s("this row repeats the header: two files were joined into one, or the header was copied")
            },
            Some(s("Delete this row; the system would take it as a user. Check that no user is listed twice after joining.")),
        ),
        BlankRow { tab } => (s("empty row between users"), Some(format!("Delete the empty row (rows with only {} count as empty).", if *tab { "tabs" } else { "commas" }))),
        TrailingBlankLines { count } => (format!("{count} empty line(s) at the end of the file"), Some(s("Delete the empty lines after the last user; some systems read them as users with no data."))),
        ExtraCell { expected, found, tab } => (format!("row has {} but the header has {expected}", cells(*found)), Some(if *tab { s("A value probably contains a tab, or the row has extra tabs at the end.") } else { s("A value probably contains a comma that is not inside double quotes, or the row has extra separators at the end.") })),
        MissingCell { expected, found } => (format!("row has {} but the header has {expected}", cells(*found)), Some(s("Add the missing cells (empty cells still need their separators)."))),
        StrayQuote => (s("double quote inside a value that is not enclosed in double quotes"), Some(s("Enclose the whole value in double quotes and double the quote inside (\"\"), or remove it."))),
        TextAfterQuote => (s("text after the closing double quote"), Some(s("Put the whole value inside the double quotes; a quote inside a value is written as two (\"\")."))),
        UnclosedQuote => (s("a double quote opens a value that is never closed"), Some(s("Add the closing double quote. Until it, the rest of the file is read as one value."))),
        ControlCharacter { ch } => (format!("the value contains {}", char_name(*ch, Lang::En)), Some(s("Remove the invisible character; it often comes from copying out of another program or a line break inside a cell (Alt+Enter)."))),
        FormulaPrefix { first } => (format!("the value starts with {}, so a spreadsheet would run it as a formula", char_name(*first, Lang::En)), Some(s("Excel computes such a cell when it opens the file (a phone number like +81-90-1234-5678 becomes a number) and may run commands hidden in it. If the value is meant as text, remove the first character or check where it came from; the result CSV adds a leading apostrophe so it opens as text."))),
        FieldTooLong { limit } => (format!("the value is longer than {limit} bytes; only its start was checked"), Some(s("A quote is probably missing, making many lines one value."))),
        TooManyFields { limit, found } => (format!("row has {found} cells; only the first {limit} were checked"), Some(s("Check the delimiter and the quotes of this row."))),
        PatternInputTooLong { limit } => (format!("the value is longer than {limit} bytes, too long to be checked against the pattern of \"{column}\""), Some(s("Values with a required format (codes, IDs, addresses) are short; check that this column holds the right data."))),
        RecordTooLong { limit } => (format!("the row is longer than {limit} bytes; only its start was checked"), Some(s("A quote is probably missing, or the row holds far more data than a user record."))),
        MissingValue => (format!("\"{column}\" is required"), Some(s("Enter a value."))),
        MustBeEmpty => (format!("\"{column}\" must be left empty here"), Some(s("Delete the value."))),
        ValueNotNeeded => (format!("\"{column}\" does not need to be entered"), Some(s("The system's manual says this item need not be entered; check that the value is what you mean, or leave it empty."))),
        ValueIgnored => (format!("the system ignores \"{column}\""), Some(s("The value will not be imported; leave it empty to avoid confusion."))),
        OnlySpaces => (s("the cell holds only spaces"), Some(s("Delete the spaces to leave the cell empty; the system may not read spaces as empty."))),
        UntrimmedValue => (s("spaces at the start or end of the value"), Some(s("Remove the spaces; the system may keep them as part of the value."))),
        TooLong { max, actual, bytes_in } => (format!("too long: {actual} {} (at most {max})", unit(bytes_in)), Some(s("Shorten the value."))),
        TooShort { min, actual, bytes_in } => (format!("too short: {actual} {} (at least {min})", unit(bytes_in)), Some(s("Lengthen the value."))),
        InvalidCharacter { ch, allowed, extra } => {
            let mut classes: Vec<String> = allowed.iter().map(|c| class(*c).to_string()).collect();
            if !extra.is_empty() {
                classes.push(format!("\"{extra}\""));
            }
            let fw = if crate::rules::width::is_wide(*ch) { " It is a full-width character: type it in half-width (turn the Japanese input mode off)." } else { "" };
            (format!("{} is not allowed here", char_name(*ch, Lang::En)), Some(format!("Use only {}.{fw}", classes.join(", "))))
        }
        ForbiddenCharacter { ch } => (format!("{} is not allowed in \"{column}\"", char_name(*ch, Lang::En)), Some(s("Remove or replace the character."))),
        UnencodableCharacter { ch, encoding } => (format!("{} cannot be stored in {encoding}", char_name(*ch, Lang::En)), Some(s("Replace the character with one the system can store."))),
        NotInList { allowed, suggestion } => (
            format!("not an accepted value; expected {}", quoted_list(allowed, 8)),
            Some(match suggestion { Some(v) => format!("Did you mean \"{v}\"? Values must match exactly, in upper and lower case and in half-width characters."), None => s("Use one of the listed values exactly.") }),
        ),
        PatternMismatch { description } => (format!("does not match the expected form: {}", description.en), None),
        InvalidEmail { problem } => {
            let help = match problem {
                EmailProblem::NoAt => "An address needs an @, like taro@example.com.",
                EmailProblem::SeveralAt => "An address has exactly one @.",
                EmailProblem::FullWidth => "The address contains full-width characters (such as ＠ or full-width letters); type it in half-width.",
                EmailProblem::EmptyLocal => "Something is missing before the @.",
                EmailProblem::LocalTooLong => "The part before the @ can have at most 64 characters.",
                EmailProblem::BadDots => "The part before the @ cannot start or end with a dot or have two dots in a row.",
                EmailProblem::BadCharacter => "The address contains a character that addresses cannot have (a space, comma, or non-ASCII letter).",
                EmailProblem::BadDomain => "The part after the @ is not a valid domain.",
                EmailProblem::DomainWithoutDot => "The domain has no dot; did you forget the ending, like .com or .co.jp?",
            };
            (s("not a valid e-mail address"), Some(s(help)))
        }
        EmailDomainNotAllowed { domain, allowed } => (
            format!("e-mail domain \"{domain}\" is not allowed by the tenant"),
            Some(format!("Allowed domains: {}. Use an address in one of them, or ask the tenant administrator to allow this domain.", quoted_list(allowed, 8))),
        ),
        NotDigits { full_width, scientific } => (s("only digits are allowed"), Some(s(match (full_width, scientific) {
            (true, _) => "The value has full-width digits; type them in half-width.",
            (false, true) => "Do not just delete the letters: Excel saved the number in scientific notation and its digits are lost. Take the value from the original system again.",
            (false, false) => "Remove everything that is not a digit 0–9.",
        }))),
        TooManyDigits { max, actual } => (format!("{actual} digits; at most {max}"), Some(format!("Enter at most {max} digits. A long number Excel changed cannot be shortened back: take it again from the original system."))),
        NotAnInteger => (s("not a whole number"), None),
        InvalidFlag { allowed, full_width } => (
            format!("expected {}", quoted_list(allowed, 4)),
            Some(s(if *full_width {
                "It is typed in full-width characters: type it in half-width (turn the Japanese input mode off)."
            } else {
                "Enter one of the listed values exactly (TRUE/FALSE, Yes/No and check boxes are not read)."
            })),
        ),
        InvalidDate { formats, no_such_date: false } => (
            format!("not a date in the form {}", quoted_list(formats, 6)),
            Some(s("Excel may have reformatted the date when the file was opened: format the column as text before typing dates.")),
        ),
        InvalidDate { formats, no_such_date: true } => (
            format!("no such date: the form {} is right, the month, day or time is not", quoted_list(formats, 6)),
            Some(s("Check the month and the day: 30 February, 31 April and 29 February outside leap years do not exist.")),
        ),
        TooManyItems { max, actual } => (format!("{actual} items; at most {max}"), None),
        DuplicateItem { item } => (format!("\"{item}\" is listed twice"), Some(s("Remove the repeated item."))),
        EmptyItem => (s("empty item in the list"), Some(s("Remove the extra separator."))),
        UniqueError { first_row, columns } => (
            format!("{} already appears in row {first_row}", columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(" + ")),
            Some(s(if columns.len() > 1 {
                "Each combination may appear only once; delete the duplicate row."
            } else {
                "Delete or merge the duplicate rows: each may appear only once."
            })),
        ),
        RowConstraint { reason, expect } => {
            let what = match expect {
                Expectation::Filled => format!("\"{column}\" is required"),
                Expectation::Empty => format!("\"{column}\" must be empty"),
                Expectation::OneOf(v) => format!("\"{column}\" must be {}", quoted_list(v, 6)),
            };
            (format!("{what}: {}", reason.en), None)
        }
        MissingBrackets => (s("this value needs [ ] brackets"), Some(s("Numbers starting with 0 or longer than 12 digits must be written as [value]; Excel may already have dropped the leading zeros or rounded the number."))),
        Item { .. } => (String::new(), None),
        ForbiddenValue { reason } => (format!("this value is not accepted in \"{column}\": {}", reason.en), Some(s("Change the value or remove the row; the system rejects it."))),
        MissingCharacterClass { class: c } => (format!("the value needs at least one of: {}", class(*c)), Some(s("Add such a character; the system's policy requires it."))),
        RequiredForNew => (format!("\"{column}\" is blank: a new user needs a value"), Some(s("Existing users keep their current value when this is blank. Check against the system's current export (baseline) to know which rows are new."))),
        BlankValueDefault { meaning } => (format!("\"{column}\" is blank: {}", meaning.en), None),
        TooManyDistinctValues { max } => (format!("\"{column}\" has more than {max} distinct values"), Some(s("The system registers at most this many different values; merge or remove some."))),
        ForeignKey { role } => (format!("\"{column}\" names nothing in \"{role}\", neither in its file nor in the current export"), Some(s("Add the record to its file, correct the ID, or remove the row. The system rejects IDs it does not know."))),
        ReferenceUnchecked { role, columns } => (
            format!("references from {} to \"{role}\" were not checked: neither the \"{role}\" file nor its current export was given", quoted_list(columns, 4)),
            Some(s("Check the files together, or give the system's current export as a baseline.")),
        ),
        ReferenceOutsideFile { role, columns, count, examples, more_ids } => (
            format!("{count} reference(s) from {} name IDs that are not in the \"{role}\" file ({}); the system accepts them only if they are registered already", quoted_list(columns, 4), examples_with_rows(examples, *more_ids, |v, r| format!("\"{v}\" in row {r}"), ", ")),
            Some(s("Without the system's current export this cannot be checked: give it as a baseline, or add the records to the file.")),
        ),
        RoleAssumed { role, alike } => (
            format!("the header fits the files of {} alike, and the file name does not tell which: checked as the \"{role}\" file", and_list(alike.iter().map(|(r, _)| format!("\"{r}\"")))),
            Some(alike.iter().filter(|(r, _)| r != role).map(|(r, hint)| match hint {
                Some(h) => format!("If it is the \"{r}\" file, give its role (on the command line: {r}=FILE) or put \"{h}\" in its name."),
                None => format!("If it is the \"{r}\" file, give its role (on the command line: {r}=FILE)."),
            }).collect::<Vec<_>>().join(" ")),
        ),
        DeleteMismatch { column: differs } => (
            match differs {
                Some(c) => format!("\"{c}\" differs from the current export; in delete mode a single mismatch makes the whole import fail"),
                None => s("this user is not in the current export; in delete mode a single mismatch makes the whole import fail"),
            },
            Some(s("Copy the row exactly from the system's current export (every column), or remove it.")),
        ),
        BaselineMissing => (s("delete mode: the rows were not compared with the current export"), Some(s("Every row of a delete import must match the system's data exactly, or the whole import fails. Give the system's current export as a baseline to check each row."))),
        ReadOnlyChanged { new_record } => (
            if *new_record { format!("\"{column}\" is set by the system; a new user's value is not used") } else { format!("\"{column}\" differs from the current export but cannot be changed") },
            Some(s("Leave the value as exported, or empty.")),
        ),
        KeyConflict { baseline_row, reason } => (format!("\"{column}\" belongs to another user in the current export (row {baseline_row})"), Some(reason.en.clone())),
        SeatLimitExceeded { limit, counted, after_import } => (
            if *after_import { format!("{counted} licensed users after the import; the tenant has {limit} licences") } else { format!("the file has {counted} licensed users; the tenant has {limit} licences") },
            Some(s("Remove users from the file, or add licences first. The profile's documentation says which users are not counted.")),
        ),
        IndexLimitReached { limit } => (format!("more than {limit} distinct values: uniqueness is no longer checked after this row"), None),
    }
}
