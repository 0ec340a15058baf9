//! Japanese messages.

use super::{char_name, examples_with_rows, excel_column};
use crate::decode::{Lang, TextEncoding};
use crate::profile::{CharClass, Delimiter, LineEndingKind};
use crate::report::{EmailProblem, Expectation, Kind};

/// 「A」「A または B」「A、B、C のいずれか」.
fn encodings(list: &[TextEncoding]) -> String {
    let names: Vec<&str> = list.iter().map(|e| e.display_name()).collect();
    match names.as_slice() {
        [one] => (*one).to_string(),
        [a, b] => format!("{a} または {b}"),
        _ => format!("{} のいずれか", names.join("、")),
    }
}

/// `text` followed by a space when it ends in a half-width character, so that the particle after
/// it reads 「UTF-8 で」 but 「… のいずれかで」.
fn before_particle(text: String) -> String {
    if text.ends_with(|c: char| c.is_ascii()) {
        text + " "
    } else {
        text
    }
}

fn delimiter(d: Delimiter) -> &'static str {
    d.name(Lang::Ja)
}

fn line_ending(l: LineEndingKind) -> &'static str {
    match l {
        LineEndingKind::Crlf => "CRLF（Windows）",
        LineEndingKind::Lf => "LF（macOS/Linux）",
        LineEndingKind::Cr => "CR（旧 Mac）",
    }
}

fn class(c: CharClass) -> &'static str {
    match c {
        CharClass::AsciiLetter => "半角英字",
        CharClass::AsciiDigit => "半角数字",
        CharClass::AsciiSymbol => "半角記号",
        CharClass::Space => "スペース",
        CharClass::AsciiPrintable => "半角文字",
        CharClass::Latin9 => "Latin-9（ISO-8859-15）の文字",
        CharClass::AsciiUpper => "半角英大文字",
        CharClass::AsciiLower => "半角英小文字",
    }
}

fn unit(bytes_in: &Option<String>) -> String {
    match bytes_in {
        Some(enc) => format!("バイト（{enc}）"),
        None => "文字".to_string(),
    }
}

pub(super) fn render(kind: &Kind, column: &str) -> (String, Option<String>) {
    use Kind::*;
    if let Item { item, inner } = kind {
        let (message, help) = render(inner, column);
        return (format!("項目「{item}」：{message}"), help);
    }
    let s = |m: &str| m.to_string();
    match kind {
        EmptyFile => (s("ファイルが空です"), Some(s("保存したファイルを選んでください。ヘッダー行と 1 人以上のユーザーが必要です。"))),
        NotText { format } => (
            format!("このファイルは {}で、CSV ファイルではありません。チェックしていません", format.describe(Lang::Ja)),
            Some(s(if format.is_workbook() {
                "Excel で開き、「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」（またはシステムが求める形式）で保存してから、保存したファイルをチェックしてください。"
            } else {
                "インポート用に保存した CSV ファイルを選んでください。誤って別のファイルを選んだ可能性があります。"
            })),
        ),
        BomRequired => (s("BOM（バイト順マーク）がありません"), Some(s("Excel では「CSV UTF-8（コンマ区切り）」で、エディターでは「UTF-8（BOM 付き）」で保存してください。"))),
        BomForbidden => (s("ファイルの先頭に BOM（バイト順マーク）があり、このシステムでは読み込めません"), Some(s("「UTF-8（BOM なし）」で保存し直してください。"))),
        EncodingNotAccepted { detected, accepted } => (
            {
                // "名前 — 説明": the description in brackets after the name, not wedged before のようです.
                let described = detected.describe(Lang::Ja);
                let (name, what) = described.split_once('—').map_or((described, ""), |(n, w)| (n.trim(), w.trim()));
                let what = if what.is_empty() { String::new() } else { format!("（{what}）") };
                let gap = if name.ends_with('）') { "" } else { " " };
                format!("このファイルは {name}{gap}のようです{what}。このシステムには {}が必要です", before_particle(encodings(accepted)))
            },
            Some(format!("ファイルを開き、{}で保存し直してください。Excel では「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」です。", before_particle(encodings(accepted)))),
        ),
        EncodingUnknown { guess } => (
            format!("このファイルは既知のどの文字コードとしても正しくありません。{} として読みましたが、読めない箇所があります", guess.display_name()),
            Some(s("ファイルが壊れているか、文字コードの異なるファイルをつなげた可能性があります。作成したソフトで開き、保存し直してください。")),
        ),
        ScientificNotation => (
            s("Excel が指数表記で保存した数値のようです。先頭の数桁より後ろの桁は失われています"),
            Some(format!("Excel は ID のような長い数値を 1.23E+11 のように表示し、そのまま保存します。英字を消しても桁は戻りません。{}", crate::convert::messages::TEXT_FORMAT_JA)),
        ),
        DigitsTruncated => (
            s("15 桁を超える数値の末尾が 0 です（この列の長い数値はすべてそうです）。Excel が桁を切り捨てた可能性があります（Excel は数値の有効桁を 15 桁までしか保持せず、残りを 0 にします）"),
            Some(s("本当に末尾が 0 の数値なら、対応は不要です。そうでなければ、元のシステムや元のファイルから値を取り直し、Excel では貼り付けや入力の前に列の書式を「文字列」にしてください。0 を打ち直さないでください。0 に置き換わった桁は失われています。")),
        ),
        EncodingError { encoding, bytes } => (
            format!("バイト列 {bytes} は {} として正しくありません", encoding.display_name()),
            Some(s("このセルに読めない文字（文字化け）があります。値を入力し直すか、ファイル全体を一つの文字コードで保存し直してください。")),
        ),
        MoreEncodingErrors { encoding, count } => (
            format!("このセルには {} として正しくないバイト列がさらに {count} 個あります", encoding.display_name()),
            Some(s("このセルに読めない文字（文字化け）があります。値を入力し直すか、ファイル全体を一つの文字コードで保存し直してください。")),
        ),
        DelimiterNotAccepted { detected, accepted } => (
            format!("{}区切りのファイルです。このシステムには{}区切りが必要です", delimiter(*detected), accepted.iter().map(|d| delimiter(*d)).collect::<Vec<_>>().join("または")),
            Some(s("システムが求める区切り文字で保存し直してください（CSV はカンマ、TSV はタブ）。")),
        ),
        DelimiterNotForExtension { detected, extension, expected } => (
            format!("ファイル名は .{extension} ですが、{}区切りのファイルです。.{extension} のファイルは{}区切りにする必要があります", delimiter(*detected), delimiter(*expected)),
            Some(s("名前が示す区切り文字で保存し直すか、中身に合う拡張子に名前を変えてください（タブ区切りは .tsv、カンマ区切りは .csv など）。")),
        ),
        LineEndingNotAccepted { found, accepted } => (
            format!("改行コードが {} です。このシステムには {} が必要です", line_ending(*found), accepted.iter().map(|l| line_ending(*l)).collect::<Vec<_>>().join("または")),
            Some(s("改行コードを CRLF（Windows）にして保存してください。多くのエディターでは保存ダイアログやステータスバーで選べます。")),
        ),
        MixedLineEndings { crlf, lf, cr } => (
            format!("改行コードが混在しています（CRLF {crlf}、LF {lf}、CR {cr}）"),
            Some(s("複数のファイルを貼り合わせた可能性があります。一つのエディターで保存し直し、改行コードをそろえてください。")),
        ),
        CrLineEndings { lines } => (
            format!("{lines} 行の改行コードが CR だけです（古い Mac のソフトの形式）。多くの取り込み処理はこのファイルを 1 行の長い行として読みます"),
            Some(s("「CSV UTF-8」（Excel）で保存し直すか、改行コードを CRLF（Windows）にして保存してください。修正済みファイル（convert）は CRLF になります。")),
        ),
        FileNameMismatch { name, example } => (
            format!("ファイル名「{name}」がシステムの命名規則に合いません"),
            Some(format!("「{example}」のような名前に変更してください。")),
        ),
        ExtensionNotAccepted { name, accepted } => (
            format!("ファイル名「{name}」の拡張子が {} のどれでもありません。システムはこれらの種類のファイルだけを読み込みます", accepted.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join("、")),
            Some(s("これらの種類のどれかで保存するか、区切り文字に合う拡張子に名前を変えてください。")),
        ),
        InvalidPreamble { starts_with, description } => (
            format!("この行は「{starts_with}」で始まる必要があります（{}）", description.ja),
            Some(s("ヘッダーより上の行は、システムのエクスポートやテンプレートのとおりに残してください。")),
        ),
        PreambleIsHeader { starts_with, description } => (
            format!("この行はヘッダーですが、その前に「{starts_with}」の行が必要です（{}）。別の種類のインポート用のファイルではありませんか", description.ja),
            Some(format!("1 行目に「{starts_with}」を追加するか、もう一方のインポートのプロファイルでチェックしてください（FLAT の一括インポートにはこの行がなく、ファイルにないユーザーは削除されます）。")),
        ),
        MissingLabelPrefix { prefix, first } => (
            format!("ヘッダー行は「{prefix}」で始まる必要があります（システムのエクスポートと同じ「{prefix}{first}」）"),
            Some(format!("最初の列名の前に「{prefix}」を入力してください。")),
        ),
        MissingHeader => (s("ヘッダー行がありません"), Some(s("1 行目にはシステムのテンプレートの列名が必要です。"))),
        HeaderIsData { example } => (
            format!("1 行目はヘッダーではなくデータのようです（「{example}」があります）。ヘッダー行がありません"),
            Some(s("システムのテンプレートのヘッダー行を 1 行目に入れてください（テンプレートやシステムが出力したファイルからコピーできます）。")),
        ),
        MissingLabel => (format!("必須の列「{column}」がヘッダーにありません"), Some(s("テンプレートと同じ名前で列を追加してください。"))),
        NoKnownLabel => (s("ヘッダーにこのシステムの列名が一つもありません"), Some(s("ファイルと選んだシステムが正しいか確かめてください。ヘッダーにはシステムのテンプレート（1 行目）の列名を使います。"))),
        RecommendedLabelMissing => (format!("列「{column}」がありません。すべてのユーザーにシステムの既定値が適用されます"), Some(s("ユーザーごとの値を保つには列を追加してください。既定値はプロファイルの説明にあります。"))),
        ExtraLabel { suggestion } => (
            format!("列「{column}」はこのシステムの列ではありません"),
            Some(match suggestion {
                Some(name) => format!("「{name}」ではありませんか？列名は大文字・小文字や全角・半角も正確に合わせてください。"),
                None => s("テンプレートと綴りを比べるか、列を削除してください。"),
            }),
        ),
        DuplicateLabel { first_index } => (format!("列「{column}」が 2 回あります（最初は {first_index} 列目）"), Some(s("どちらかの列を削除してください。"))),
        BlankLabel { index } => (format!("{index} 列目（Excel の {} 列）のヘッダーが空です", excel_column(*index)), Some(s("テンプレートの列名を入れるか、不要なら列を削除してください（Excel が残した空の列のことがよくあります）。"))),
        StrayBom { label } => (
            format!("列名「{label}」に目に見えないバイト順マーク（U+FEFF）が入っています。システムは別の列名として読み、この列を見つけられません"),
            Some(s("ファイルの先頭にバイト順マークが 2 つあるか、ファイルを連結しています。Excel で「CSV UTF-8」として保存し直すか、テキストエディターで見えない文字を削除してください。")),
        ),
        UntrimmedLabel { label } => (
            format!("列名「{label}」の前後にスペースがあります。システムが列名を完全一致で比べる場合、この列を見つけられません"),
            Some(s("ヘッダー行の列名の前後のスペースを削除してください（カンマやタブの後のスペースや、全角スペースのことがよくあります）。")),
        ),
        ColumnOrder { expected_index } => (format!("列「{column}」は {expected_index} 列目にあるはずです"), Some(s("列の順序はシステムのテンプレートに合わせてください。"))),
        MissingHeaderMarker { marker, encoding } => (
            format!("{} のファイルではヘッダーに「{marker}」が必要です", encoding.display_name()),
            Some(format!("複合機のエクスポートと同じように、ヘッダー行の最後のセルに「{marker}」を追加してください。")),
        ),
        HeaderMarkerMismatch { marker, declares, encoding } => (
            format!("ヘッダーの「{marker}」はファイルが {} だと示していますが、実際は {} です。複合機は文字を正しく読めません", declares.display_name(), encoding.display_name()),
            Some(format!("{} で保存し直す（Excel では「CSV UTF-8」）か、{} のまま登録するならヘッダーの「{marker}」のセルを削除してください。", declares.display_name(), encoding.display_name())),
        ),
        NoDataRows => (s("ヘッダーはありますがユーザーがいません"), Some(s("ヘッダーの下の行にユーザーを入力してください。"))),
        TooManyRows { max, rows } => (format!("ユーザーが {rows} 人います。登録できるのは {max} 人までです"), Some(s("先にライセンスを空けるか追加するか、ファイルからユーザーを減らしてください。ファイルを分けても、上限はすべてのユーザーを数えるため解決しません。"))),
        RepeatedHeader { bom } => (
            if *bom {
                s("この行はヘッダーの繰り返しで、前に目に見えないバイト順マークがあります。2 つのファイルを連結しています")
            } else {
                s("この行はヘッダーの繰り返しです。2 つのファイルを連結したか、ヘッダーをコピーしています")
            },
            Some(s("この行を削除してください。システムはユーザーとして読み込みます。連結した後は、同じユーザーが 2 回ないかも確認してください。")),
        ),
        BlankRow { tab } => (s("ユーザーの間に空の行があります"), Some(format!("空の行を削除してください（{}だけの行も空とみなします）。", if *tab { "タブ" } else { "カンマ" }))),
        TrailingBlankLines { count } => (format!("ファイルの末尾に空の行が {count} 行あります"), Some(s("最後のユーザーより後の空行を削除してください。空のユーザーとして読むシステムがあります。"))),
        ExtraCell { expected, found, tab } => (format!("この行のセルは {found} 個ですが、ヘッダーは {expected} 列です"), Some(if *tab { s("値にタブが含まれているか、行末に余分なタブがある可能性があります。") } else { s("値に含まれるカンマがダブルクォートで囲まれていないか、行末に余分な区切り文字がある可能性があります。") })),
        MissingCell { expected, found } => (format!("この行のセルは {found} 個ですが、ヘッダーは {expected} 列です"), Some(s("足りないセルを追加してください（空のセルにも区切り文字が必要です）。"))),
        StrayQuote => (s("ダブルクォートで囲まれていない値の中にダブルクォートがあります"), Some(s("値全体をダブルクォートで囲み、中のダブルクォートは 2 つ重ねる（\"\"）か、削除してください。"))),
        TextAfterQuote => (s("閉じるダブルクォートの後に文字があります"), Some(s("値全体をダブルクォートの中に入れてください。値の中のダブルクォートは 2 つ重ねて（\"\"）書きます。"))),
        UnclosedQuote => (s("ダブルクォートで始まる値が閉じられていません"), Some(s("閉じるダブルクォートを追加してください。それまではファイルの残りが一つの値として読まれます。"))),
        ControlCharacter { ch } => (format!("値に{}が含まれています", char_name(*ch, Lang::Ja)), Some(s("見えない文字を削除してください。他のソフトからのコピーや、セル内改行（Alt+Enter）が原因のことがよくあります。"))),
        FormulaPrefix { first } => (format!("値が{}で始まっているため、表計算ソフトが数式として実行します", char_name(*first, Lang::Ja)), Some(s("Excel はファイルを開くときにこのセルを計算し（+81-90-1234-5678 のような電話番号は数値になります）、埋め込まれたコマンドを実行することもあります。文字列のつもりなら先頭の文字を削除するか、値の出どころを確認してください。結果 CSV では先頭にアポストロフィを付けて文字列として開けるようにしています。"))),
        FieldTooLong { limit } => (format!("値が {limit} バイトを超えています。先頭だけを確認しました"), Some(s("ダブルクォートが抜けていて、複数行が一つの値になっている可能性があります。"))),
        TooManyFields { limit, found } => (format!("この行のセルは {found} 個です。最初の {limit} 個だけを確認しました"), Some(s("この行の区切り文字とダブルクォートを確認してください。"))),
        PatternInputTooLong { limit } => (format!("値が {limit} バイトを超えているため、「{column}」の形式（パターン）との照合を行いませんでした"), Some(s("形式が決まっている値（コード、ID、アドレス）は短いはずです。この列に正しいデータが入っているか確認してください。"))),
        RecordTooLong { limit } => (format!("行が {limit} バイトを超えています。先頭だけを確認しました"), Some(s("ダブルクォートが抜けているか、ユーザー 1 件分としては多すぎるデータが入っています。"))),
        MissingValue => (format!("「{column}」は必須です"), Some(s("値を入力してください。"))),
        MustBeEmpty => (format!("ここでは「{column}」を空にする必要があります"), Some(s("値を削除してください。"))),
        ValueNotNeeded => (format!("「{column}」は入力不要の項目です"), Some(s("マニュアルでは入力不要とされています。意図した値か確認するか、空にしてください。"))),
        ValueIgnored => (format!("「{column}」はシステムに無視されます"), Some(s("値はインポートされません。混乱を避けるため空にしてください。"))),
        OnlySpaces => (s("セルにスペースだけが入っています"), Some(s("スペースを削除して空にしてください。スペースは空として読まれないことがあります。"))),
        UntrimmedValue => (s("値の前後にスペースがあります"), Some(s("スペースを削除してください。値の一部として保存されることがあります。"))),
        TooLong { max, actual, bytes_in } => (format!("長すぎます：{actual} {}（最大 {max}）", unit(bytes_in)), Some(s("値を短くしてください。"))),
        TooShort { min, actual, bytes_in } => (format!("短すぎます：{actual} {}（最小 {min}）", unit(bytes_in)), Some(s("値を長くしてください。"))),
        InvalidCharacter { ch, allowed, extra } => {
            let mut classes: Vec<String> = allowed.iter().map(|c| class(*c).to_string()).collect();
            if !extra.is_empty() {
                classes.push(format!("「{extra}」"));
            }
            let fw = if crate::rules::width::is_wide(*ch) { "この文字は全角です。半角で入力してください（日本語入力をオフにします）。" } else { "" };
            (format!("{}は使えません", char_name(*ch, Lang::Ja)), Some(format!("使えるのは {} だけです。{fw}", classes.join("、"))))
        }
        ForbiddenCharacter { ch } => (format!("「{column}」には{}を使えません", char_name(*ch, Lang::Ja)), Some(s("文字を削除するか置き換えてください。"))),
        UnencodableCharacter { ch, encoding } => (format!("{}は {encoding} で保存できません", char_name(*ch, Lang::Ja)), Some(s("システムが保存できる文字に置き換えてください。"))),
        NotInList { allowed, suggestion } => (
            format!("使える値ではありません。{}を入力してください", choice(allowed, 8)),
            Some(match suggestion { Some(v) => format!("「{v}」ではありませんか？大文字・小文字や全角・半角も一致させてください。"), None => s("一覧の値をそのまま入力してください。") }),
        ),
        PatternMismatch { description } => (format!("形式が正しくありません：{}", description.ja), None),
        InvalidEmail { problem } => {
            let help = match problem {
                EmailProblem::NoAt => "メールアドレスには taro@example.com のように @ が必要です。",
                EmailProblem::SeveralAt => "@ は 1 つだけです。",
                EmailProblem::FullWidth => "全角文字（＠や全角英数字など）が含まれています。半角で入力してください。",
                EmailProblem::EmptyLocal => "@ の前が空です。",
                EmailProblem::LocalTooLong => "@ の前は 64 文字までです。",
                EmailProblem::BadDots => "@ の前は、ドットで始まったり終わったり、ドットが続いたりしてはいけません。",
                EmailProblem::BadCharacter => "メールアドレスに使えない文字（スペース、カンマ、半角英数字・記号以外の文字など）が含まれています。",
                EmailProblem::BadDomain => "@ の後がドメインとして正しくありません。",
                EmailProblem::DomainWithoutDot => "ドメインにドットがありません。.com や .co.jp などを忘れていませんか？",
            };
            (s("メールアドレスとして正しくありません"), Some(s(help)))
        }
        EmailDomainNotAllowed { domain, allowed } => (
            format!("メールドメイン「{domain}」はテナントで許可されていません"),
            Some(format!("許可されたドメイン：{}。そのドメインのアドレスを使うか、テナント管理者に許可を依頼してください。", quoted(allowed, 8))),
        ),
        NotDigits { full_width, scientific } => (s("数字のみ入力できます"), Some(s(match (full_width, scientific) {
            (true, _) => "全角数字が含まれています。半角で入力してください。",
            (false, true) => "文字を消すだけでは直りません。Excel が数値を指数表記で保存したため、桁が失われています。元のシステムから値を取り直してください。",
            (false, false) => "0〜9 以外の文字を削除してください。",
        }))),
        TooManyDigits { max, actual } => (format!("{actual} 桁です（最大 {max} 桁）"), Some(format!("{max} 桁以内で入力してください。Excel が変えた長い数値は短くしても元に戻らないため、元のシステムから取り直してください。"))),
        NotAnInteger => (s("整数ではありません"), None),
        InvalidFlag { allowed, full_width } => (
            format!("{}を入力してください", choice(allowed, 4)),
            Some(s(if *full_width {
                "全角で入力されています。半角で入力してください（日本語入力をオフにします）。"
            } else {
                "示した値をそのとおりに入力してください。TRUE/FALSE、はい/いいえ、チェックボックスは読み取られません。"
            })),
        ),
        InvalidDate { formats, no_such_date: false } => (
            format!("{}の形式の日付ではありません", quoted(formats, 6)),
            Some(s("Excel で開いたときに日付の形式が変わった可能性があります。日付を入力する前に列の書式を「文字列」にしてください。")),
        ),
        InvalidDate { formats, no_such_date: true } => (
            format!("存在しない日付です（{}の形式は合っていますが、月・日・時刻が正しくありません）", quoted(formats, 6)),
            Some(s("月と日を確かめてください。2 月 30 日、4 月 31 日、うるう年以外の 2 月 29 日はありません。")),
        ),
        TooManyItems { max, actual } => (format!("{actual} 件あります（最大 {max} 件）"), None),
        DuplicateItem { item } => (format!("「{item}」が 2 回書かれています"), Some(s("重複した項目を削除してください。"))),
        EmptyItem => (s("リストに空の項目があります"), Some(s("余分な区切り文字を削除してください。"))),
        UniqueError { first_row, columns } => (
            format!("{}は {first_row} 行目と重複しています", columns.iter().map(|c| format!("「{c}」")).collect::<Vec<_>>().join("＋")),
            Some(s(if columns.len() > 1 {
                "同じ組み合わせは 1 回だけ書けます。重複した行を削除してください。"
            } else {
                "重複した行を削除するかまとめてください。同じ値は 1 回だけ書けます。"
            })),
        ),
        RowConstraint { reason, expect } => {
            let what = match expect {
                Expectation::Filled => format!("「{column}」は必須です"),
                Expectation::Empty => format!("「{column}」は空にする必要があります"),
                Expectation::OneOf(v) => format!("「{column}」は{}である必要があります", choice(v, 6)),
            };
            (format!("{what}：{}", reason.ja), None)
        }
        MissingBrackets => (s("この値は [ ] で囲む必要があります"), Some(s("0 で始まる数字や 12 桁を超える数字は [値] と書きます。Excel が先頭の 0 を消したり数字を丸めたりしている可能性があります。"))),
        Item { .. } => (String::new(), None),
        ForbiddenValue { reason } => (format!("「{column}」にこの値は使えません：{}", reason.ja), Some(s("値を変えるか、行を削除してください。システムが受け付けません。"))),
        MissingCharacterClass { class: c } => (format!("{}を 1 文字以上含める必要があります", class(*c)), Some(s("その種類の文字を加えてください。システムのポリシーで必要です。"))),
        RequiredForNew => (format!("「{column}」が空です。新しいユーザーには値が必要です"), Some(s("既存のユーザーは空欄なら現在の値のままです。どの行が新規かは、システムの現在のエクスポート（ベースライン）と照合すると分かります。"))),
        BlankValueDefault { meaning } => (format!("「{column}」が空です：{}", meaning.ja), None),
        TooManyDistinctValues { max } => (format!("「{column}」の値の種類が {max} を超えています"), Some(s("システムに登録できる値の種類には上限があります。まとめるか減らしてください。"))),
        ForeignKey { role } => (format!("「{column}」の値は「{role}」のファイルにも現在のエクスポートにもありません"), Some(s("そのファイルにレコードを追加するか、ID を直すか、行を削除してください。システムは知らない ID を受け付けません。"))),
        ReferenceUnchecked { role, columns } => (
            format!("{}から「{role}」への参照は確認していません：「{role}」のファイルも現在のエクスポートもありません", quoted(columns, 4)),
            Some(s("ファイルをまとめて確認するか、システムの現在のエクスポートをベースラインとして指定してください。")),
        ),
        ReferenceOutsideFile { role, columns, count, examples, more_ids } => (
            format!("{}の参照のうち {count} 件が「{role}」のファイルにない ID を指しています（{}）。システムに登録済みの ID でなければエラーになります", quoted(columns, 4), examples_with_rows(examples, *more_ids, |v, r| format!("{r} 行目の「{v}」"), "、")),
            Some(s("システムの現在のエクスポートがないと確認できません。ベースラインとして指定するか、ファイルにレコードを追加してください。")),
        ),
        RoleAssumed { role, alike } => (
            format!("ヘッダーは{}の{}のファイルにも当てはまり、ファイル名からも区別できないため、「{role}」ファイルとしてチェックしました", and_list(alike.iter().map(|(r, _)| format!("「{r}」"))), if alike.len() > 2 { "いずれ" } else { "どちら" }),
            Some(alike.iter().filter(|(r, _)| r != role).map(|(r, hint)| match hint {
                Some(h) => format!("「{r}」ファイルの場合は、ロールを指定する（コマンドラインでは {r}=ファイル）か、ファイル名に「{h}」を含めてください。"),
                None => format!("「{r}」ファイルの場合は、ロールを指定してください（コマンドラインでは {r}=ファイル）。"),
            }).collect::<String>()),
        ),
        DeleteMismatch { column: differs } => (
            match differs {
                Some(c) => format!("「{c}」が現在のエクスポートと異なります。削除モードでは 1 件でも一致しないとインポート全体が失敗します"),
                None => s("このユーザーは現在のエクスポートにありません。削除モードでは 1 件でも一致しないとインポート全体が失敗します"),
            },
            Some(s("システムの現在のエクスポートから行をそのまま（すべての列を）写すか、行を削除してください。")),
        ),
        BaselineMissing => (s("削除モード：行を現在のエクスポートと照合していません"), Some(s("削除インポートではすべての行がシステムのデータと完全に一致しないと、インポート全体が失敗します。現在のエクスポートをベースラインとして指定すると行ごとに確認できます。"))),
        ReadOnlyChanged { new_record } => (
            if *new_record { format!("「{column}」はシステムが設定します。新しいユーザーの値は使われません") } else { format!("「{column}」が現在のエクスポートと異なりますが、変更できません") },
            Some(s("エクスポートされた値のままにするか、空にしてください。")),
        ),
        KeyConflict { baseline_row, reason } => (format!("「{column}」は現在のエクスポートでは別のユーザー（{baseline_row} 行目）のものです"), Some(reason.ja.clone())),
        SeatLimitExceeded { limit, counted, after_import } => (
            if *after_import { format!("インポート後のライセンス対象ユーザーは {counted} 人ですが、テナントのライセンス数は {limit} です") } else { format!("ファイルのライセンス対象ユーザーは {counted} 人ですが、テナントのライセンス数は {limit} です") },
            Some(s("ファイルからユーザーを減らすか、先にライセンスを追加してください。数えないユーザーはプロファイルの説明にあります。"))),
        IndexLimitReached { limit } => (format!("異なる値が {limit} 件を超えたため、この行以降は重複を確認しません"), None),
    }
}

/// Items joined as a list: `「a」と「b」`, `「a」、「b」と「c」`.
fn and_list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}と{last}", rest.join("、")),
        _ => items.concat(),
    }
}

/// `「1」` for one value, `「ja」、「en」のいずれか` for several (the particle follows directly).
fn choice(values: &[String], max: usize) -> String {
    match values {
        [one] => format!("「{one}」"),
        _ => format!("{}のいずれか", quoted(values, max)),
    }
}

/// Values in Japanese quotation marks, joined by 、, at most `max` of them (as `quoted_list`).
fn quoted(values: &[String], max: usize) -> String {
    let mut out: Vec<String> = values
        .iter()
        .take(max)
        .map(|v| format!("「{v}」"))
        .collect();
    if values.len() > max {
        out.push("…".to_string());
    }
    out.join("、")
}
