//! What it checks: whether the file is text at all, from its first bytes: an Excel workbook, a
//! ZIP archive, a PDF or an image chosen by mistake, or saved with a `.csv` name.
//! Why: read as text, such a file gives dozens of mojibake findings (a header of binary garbage, a
//! guessed Chinese encoding) that hide the one fact that matters; the system rejects it whole.
//! Example: `users.xlsx` renamed `users.csv` → `not-text`, "this is an Excel workbook (.xlsx) or
//! another ZIP archive, not a CSV file".

use crate::decode::Lang;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::NotText];

/// A kind of file that is not text, told by its signature (its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryFormat {
    /// A ZIP archive: `.xlsx` (and every Office Open XML file) is one.
    Zip,
    /// An OLE2 compound file: an Excel 97-2003 workbook (`.xls`) or another old Office file.
    Ole,
    /// A PDF document.
    Pdf,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
}

/// The signatures, each as the file's first bytes. None is text in an encoding a CSV file uses:
/// each starts with a byte no CSV starts with, or (`%PDF-`, `GIF8`) with a sequence no header has.
const SIGNATURES: &[(&[u8], BinaryFormat)] = &[
    (b"PK\x03\x04", BinaryFormat::Zip),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", BinaryFormat::Ole),
    (b"%PDF-", BinaryFormat::Pdf),
    (b"\x89PNG\r\n\x1A\n", BinaryFormat::Png),
    (b"\xFF\xD8\xFF", BinaryFormat::Jpeg),
    (b"GIF87a", BinaryFormat::Gif),
    (b"GIF89a", BinaryFormat::Gif),
];

impl BinaryFormat {
    /// What the file is, for a message.
    pub(crate) fn describe(self, lang: Lang) -> &'static str {
        use BinaryFormat::*;
        match (self, lang) {
            (Zip, Lang::En) => "an Excel workbook (.xlsx) or another ZIP archive",
            (Zip, Lang::Ja) => "Excel ブック（.xlsx）などの ZIP 形式のファイル",
            (Ole, Lang::En) => "an Excel 97-2003 workbook (.xls) or another old Office file",
            (Ole, Lang::Ja) => "Excel 97-2003 ブック（.xls）などの旧形式の Office ファイル",
            (Pdf, Lang::En) => "a PDF document",
            (Pdf, Lang::Ja) => "PDF 文書",
            (Png, Lang::En) => "a PNG image",
            (Png, Lang::Ja) => "PNG 画像",
            (Jpeg, Lang::En) => "a JPEG image",
            (Jpeg, Lang::Ja) => "JPEG 画像",
            (Gif, Lang::En) => "a GIF image",
            (Gif, Lang::Ja) => "GIF 画像",
        }
    }

    /// Whether Excel saves this kind of file (the fix is then Excel's "Save As").
    pub(crate) fn is_workbook(self) -> bool {
        matches!(self, BinaryFormat::Zip | BinaryFormat::Ole)
    }
}

/// The finding for a file that starts with `head`, if it is not text.
pub(crate) fn check(head: &[u8]) -> Option<Kind> {
    SIGNATURES
        .iter()
        .find(|(signature, _)| head.starts_with(signature))
        .map(|&(_, format)| Kind::NotText { format })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_files_that_are_not_text_by_their_first_bytes() {
        let format = |head: &[u8]| match check(head) {
            Some(Kind::NotText { format }) => Some(format),
            _ => None,
        };
        assert_eq!(
            format(b"PK\x03\x04\x14\x00\x06\x00"),
            Some(BinaryFormat::Zip)
        );
        assert_eq!(
            format(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"),
            Some(BinaryFormat::Ole)
        );
        assert_eq!(format(b"%PDF-1.7\n"), Some(BinaryFormat::Pdf));
        assert_eq!(
            format(b"\x89PNG\r\n\x1A\n\x00\x00"),
            Some(BinaryFormat::Png)
        );
        assert_eq!(format(b"\xFF\xD8\xFF\xE0"), Some(BinaryFormat::Jpeg));
        assert_eq!(format(b"GIF89a\x01\x00"), Some(BinaryFormat::Gif));
        // Text, a UTF-16 BOM, or too few bytes to tell: checked as text.
        for text in [
            &b"mail_address,family_name\r\n"[..],
            b"PK,name\r\n",
            b"\xFF\xFEm\x00",
            b"PK\x03",
            b"",
        ] {
            assert_eq!(format(text), None, "{text:?}");
        }
    }
}
