// The page's own words in English and Japanese. (Diagnostics are rendered by the engine in the
// language the check ran with; these are only the labels around them.)

/** The texts by language, then key (exported for the test that both languages have every key). */
export const STRINGS = {
  en: {
    "doc.title": "csv-preflight — check a user import file before you upload it",
    "app.tagline": "Check a user import file before you upload it",
    "lang.label": "Language",
    "skip.results": "Skip to the results",
    "privacy.line":
      "Your files never leave this computer: they are checked here, in your browser, and nothing is uploaded or sent anywhere.",
    "files.heading": "1. Files",
    "files.drop": "Drop CSV or TSV files here",
    "files.or": "or",
    "files.choose": "Choose files…",
    "files.hint": "One or several files, in any encoding (UTF-8, Shift_JIS, …).",
    "files.list": "Files to check",
    "files.empty": "No file yet.",
    "files.remove": "Remove {name}",
    "files.duplicate": "Already in the list, not added again: {names}.",
    "status.queued": "waiting",
    "status.checking": "checking…",
    "status.valid": "valid",
    "status.invalid": "{n} errors",
    "status.invalid1": "1 error",
    "status.failed": "could not check",
    "status.cancelled": "cancelled",
    "status.stale": "check again",
    "profile.heading": "2. Target system",
    "profile.label": "Import file format",
    "profile.suggested": "suggested",
    "profile.reason.match": "Suggested from the header: {matched} of {total} labels match “{title}”.",
    "profile.reason.name": "The file name matches this format too.",
    "profile.reason.ties": "{n} other formats match the header as well ({titles}); pick the operation you mean.",
    "profile.reason.byName":
      "The file name follows the pattern of “{title}”, but only {matched} of {total} labels of the header match it: check that this is the format you mean.",
    "profile.reason.empty": "The file is empty: there is nothing to check.",
    "profile.reason.none": "No format matches this header well; choose the target system yourself.",
    "profile.reason.unread": "The header could not be read; choose the target system yourself.",
    "profile.chosen": "Chosen by you.",
    "params.heading": "Tenant settings",
    "bundle.note":
      "Checked together with {names} ({title}): references across the files are checked. The result CSV lists this file's own findings; the report and the JSON download have them all.",
    "baseline.label": "The system's current export (optional)",
    "baseline.hint":
      "Export the users from the target system and add the file here: the check then says which rows add, change or leave users as they are (and what a replacing import deletes), and runs the rules that compare with the system (delete mode, read-only columns, login IDs that cannot change). It is read here too.",
    "baseline.clear": "Remove",
    "baseline.choose": "Choose the export…",
    "baseline.none": "none: the file is checked on its own",
    "baseline.chosen": "Export: {name}",
    "plan.heading": "Against the current export",
    "plan.baseline": "In the export",
    "plan.add": "Added",
    "plan.update": "Changed",
    "plan.unchanged": "Unchanged",
    "plan.delete": "Deleted",
    "plan.rejected": "Delete rows that do not match",
    "plan.withoutKey": "Rows without a key",
    "plan.after": "Users after the import",
    "plan.seats": "Licences after the import",
    "plan.capped": "{n} (the export is larger than the index: the plan is incomplete)",
    "plan.more": "{keys} and {n} more",
    "error.baseline": "the current export cannot be used: {message}",
    "error.baseline.noKey":
      "it has no column “{column}”, which identifies the users, so its rows cannot be matched with the file’s. Export the users from the target system again, with every column.",
    "error.baseline.other": "{message}",
    "params.none": "This format has no tenant settings.",
    "params.hint": "Leave a setting empty to skip the rules that need it.",
    "params.unset": "not set",
    "params.yes": "yes",
    "params.no": "no",
    "params.default": "default: {value}",
    "params.list": "separate with commas",
    "check.button": "Check",
    "check.again": "Check again",
    "check.stale": "Settings changed: check again to update the results.",
    "progress.label": "Checking {name}",
    "progress.detail": "{done} of {total} ({percent}) · {rows} rows",
    "progress.csv": "Writing the result CSV of {name}…",
    "progress.cancel": "Cancel",
    "progress.cancelled": "The check of {name} was cancelled.",
    "progress.finished": "{name}: {verdict}",
    "results.heading": "3. Results",
    "results.empty": "Add a file to see what the target system would reject, and where.",
    "summary.valid": "Valid — the target system should accept this file",
    "summary.invalid": "Not valid — the target system would reject this file",
    "summary.errors": "Errors",
    "summary.warnings": "Warnings",
    "summary.infos": "Notes",
    "summary.rows": "Data rows",
    "summary.rowsWithErrors": "Rows with errors",
    "summary.byCode": "By code",
    "summary.detected": "Detected",
    "summary.encoding": "Encoding",
    "summary.bom": "BOM",
    "summary.delimiter": "Delimiter",
    "summary.lineEnding": "Line ending",
    "summary.size": "Size",
    "summary.profile": "Format",
    "summary.none": "none",
    "summary.records": "{n} records",
    "summary.mixed": "{ending} (mixed)",
    "summary.capped": "Only the first {n} diagnostics are listed; the counts above are exact.",
    "summary.lang": "Messages are in the language the check ran with; the file is being checked again.",
    "delimiter.comma": "comma",
    "delimiter.tab": "tab",
    "delimiter.semicolon": "semicolon",
    "downloads.heading": "Downloads",
    "downloads.resultCsv": "Result CSV",
    "downloads.resultCsvHint":
      "Your rows plus result, codes and messages, in the file’s own encoding (Shift_JIS stays Shift_JIS); UTF-8 and UTF-16 files, and encodings that cannot hold the messages, give UTF-8 with BOM so Excel opens them.",
    "downloads.json": "JSON report",
    "downloads.jsonHint": "The full report, as the command-line tool prints it.",
    "downloads.fixed": "Fixed file…",
    "downloads.fixedHint": "The file converted to the target system’s format: re-encoded, columns mapped, safe repairs, every change listed.",
    "progress.convert": "Converting {name}",
    "error.convert": "{name} could not be converted: {message}",
    "convert.heading": "Fixed file for {title}",
    "convert.date": "Date in the file name",
    "convert.force": "Write the file even if it still has errors",
    "convert.run": "Convert again",
    "convert.running": "Converting…",
    "convert.status.ready": "Ready: {name} re-checks clean against the target format.",
    "convert.status.forced": "Written anyway: {name} still has errors (you asked for the file regardless).",
    "convert.status.refused": "Refused: no file was written, because the result would still have errors.",
    "convert.refusal.refused":
      "Why: the converted file still has {errors} ({list}). Fix them in the source file or in the mapping, or tick “Write the file even if it still has errors”.",
    "convert.refusal.forced": "The converted file still has {errors} ({list}); it was written only because you asked for it.",
    "convert.format": "From {source} → {output}. {rows}, {errors}, {warnings}.",
    "convert.source": "{name} ({format})",
    "convert.source.header": "the file’s own header",
    "convert.rows.one": "1 row",
    "convert.rows.other": "{n} rows",
    "convert.errors.one": "1 error",
    "convert.errors.other": "{n} errors",
    "convert.warnings.one": "1 warning",
    "convert.warnings.other": "{n} warnings",
    "convert.findings": "What the conversion found",
    "convert.recheck": "The converted file checked against “{title}”",
    "convert.more": "The first {shown} of {n} are listed.",
    "convert.code": "Code",
    "convert.help": "How to fix",
    "convert.download": "Download {name}",
    "convert.mappingJson": "Download mapping JSON",
    "convert.row": "Row",
    "convert.column": "Column",
    "convert.value": "Value",
    "convert.message": "Message",
    "convert.char": "character {n}",
    "convert.byte": "byte {n}",
    "convert.changes": "Changes",
    "convert.before": "Before",
    "convert.after": "After",
    "convert.reason": "Reason",
    "convert.changesCount.one": "1 change.",
    "convert.changesCount.other": "{n} changes.",
    "convert.changesCapped": "{n} changes; the first {kept} are listed.",
    "convert.noChanges": "No value needed changing.",
    "convert.page": "Page {page} of {pages}",
    "convert.prev": "Previous",
    "convert.next": "Next",
    "mapping.heading": "Column mapping",
    "mapping.hint": "The file’s header is not the target’s format. Check where each target column comes from, change it with the lists, then apply.",
    "mapping.target": "Target column",
    "mapping.source": "Comes from",
    "mapping.how": "How it was chosen",
    "mapping.apply": "Apply the mapping and convert again",
    "mapping.none": "(left empty)",
    "mapping.join": "joined: {columns}",
    "mapping.split": "{part} of {column}",
    "mapping.part.first": "the first word",
    "mapping.part.rest": "all after the first word",
    "mapping.part.last": "the last word",
    "mapping.part.allButLast": "all before the last word",
    "mapping.constant": "constant: {value}",
    "mapping.constantOption": "a constant value…",
    "mapping.constantLabel": "Constant value for {target}",
    "mapping.by.identity": "same name",
    "mapping.by.preset": "preset between the formats",
    "mapping.by.name": "column name",
    "mapping.by.synonym": "synonym",
    "mapping.by.samples": "sample values",
    "diag.heading": "Diagnostics",
    "diag.severity": "Severity",
    "diag.severity.all": "All severities",
    "diag.severity.error": "Errors only",
    "diag.severity.warning": "Warnings only",
    "diag.severity.info": "Notes only",
    "diag.code": "Code",
    "diag.code.all": "All codes",
    "diag.column": "Column",
    "diag.column.all": "All columns",
    "diag.column.none": "(whole row or file)",
    "diag.column.blank": "#{n} (empty header)",
    "diag.pageSize": "Rows per page",
    "diag.count": "{from}–{to} of {total}",
    "diag.countNone": "No diagnostic matches the filters.",
    "diag.noDiagnostics": "No problem found.",
    "diag.first": "First page",
    "diag.prev": "Previous page",
    "diag.next": "Next page",
    "diag.last": "Last page",
    "diag.page": "Page {page} of {pages}",
    "diag.th.row": "Row",
    "diag.th.column": "Column",
    "diag.th.code": "Code",
    "diag.th.value": "Value",
    "diag.th.message": "Message",
    "diag.th.help": "How to fix",
    "diag.file": "file",
    "diag.caption": "Diagnostics of {name}. Select a row to see it in the file.",
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "note",
    "preview.heading": "In the file",
    "preview.hint": "Select a diagnostic to see the rows around it, with the cell highlighted.",
    "preview.where": "Row {row}, line {line}",
    "preview.whereColumn": "Row {row}, line {line}, column {column}",
    "preview.file": "The start of the file",
    "preview.approx": "Row numbers of the rows above are approximate (a quoted value spans lines).",
    "preview.unreadable": "This part of the file could not be shown.",
    "preview.truncated": "…",
    "error.load": "The checker could not start: {message}. It needs a browser with WebAssembly SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 or later).",
    "error.check": "{name} could not be checked: {message}",
    "error.internal": "{message} The checker has restarted: you can go on.",
    "footer.line": "csv-preflight checks files with a WebAssembly engine that runs in this page. No analytics, no cookies, no external fonts or scripts.",
  },
  ja: {
    "doc.title": "csv-preflight — ユーザー一括登録ファイルをアップロード前にチェック",
    "app.tagline": "ユーザー一括登録ファイルをアップロードする前にチェック",
    "lang.label": "言語",
    "skip.results": "結果へ移動",
    "privacy.line":
      "ファイルはこのコンピューターから出ません。チェックはこのブラウザーの中で行われ、どこにもアップロード・送信されません。",
    "files.heading": "1. ファイル",
    "files.drop": "CSV・TSV ファイルをここにドロップ",
    "files.or": "または",
    "files.choose": "ファイルを選択…",
    "files.hint": "複数のファイルも可。文字コードは問いません（UTF-8、Shift_JIS など）。",
    "files.list": "チェックするファイル",
    "files.empty": "ファイルはまだありません。",
    "files.remove": "{name} を外す",
    "files.duplicate": "すでに一覧にあるため追加しませんでした：{names}",
    "status.queued": "待機中",
    "status.checking": "チェック中…",
    "status.valid": "問題なし",
    "status.invalid": "エラー {n} 件",
    "status.invalid1": "エラー 1 件",
    "status.failed": "チェック不可",
    "status.cancelled": "キャンセル",
    "status.stale": "再チェック",
    "profile.heading": "2. 登録先システム",
    "profile.label": "インポートファイルの形式",
    "profile.suggested": "推奨",
    "profile.reason.match": "見出し行から推定：{total} 項目中 {matched} 項目が「{title}」に一致します。",
    "profile.reason.name": "ファイル名もこの形式に一致します。",
    "profile.reason.ties": "ほかに {n} 形式も見出しが一致します（{titles}）。目的の操作を選んでください。",
    "profile.reason.byName":
      "ファイル名が「{title}」の命名規則に一致しますが、見出し行は {total} 項目中 {matched} 項目しか一致しません。この形式で正しいか確認してください。",
    "profile.reason.empty": "ファイルが空です。チェックする内容がありません。",
    "profile.reason.none": "見出し行に合う形式がありません。登録先システムを選んでください。",
    "profile.reason.unread": "見出し行を読めませんでした。登録先システムを選んでください。",
    "profile.chosen": "手動で選択しました。",
    "params.heading": "テナントの設定",
    "bundle.note":
      "{names} と一緒にチェックしました（{title}）。ファイル間の参照もチェックしています。結果 CSV にはこのファイル単独の指摘のみ、レポートと JSON にはすべての指摘が含まれます。",
    "baseline.label": "システムの現在のユーザー一覧（任意）",
    "baseline.hint":
      "登録先システムからユーザー一覧を書き出して、ここに追加してください。どの行が追加・変更・変更なしになるか（置き換えの取り込みで削除されるユーザーも）を示し、システムとの比較が必要なルール（削除モード、変更できない列、変更できないログインID）もチェックします。このファイルもこのブラウザーの中だけで読み込みます。",
    "baseline.clear": "削除",
    "baseline.choose": "一覧を選択…",
    "baseline.none": "なし（ファイルだけをチェックします）",
    "baseline.chosen": "一覧：{name}",
    "plan.heading": "現在の一覧との比較",
    "plan.baseline": "一覧のユーザー数",
    "plan.add": "追加",
    "plan.update": "変更",
    "plan.unchanged": "変更なし",
    "plan.delete": "削除",
    "plan.rejected": "一覧と一致しない削除行",
    "plan.withoutKey": "キーのない行",
    "plan.after": "取り込み後のユーザー数",
    "plan.seats": "取り込み後のライセンス数",
    "plan.capped": "{n}（一覧が索引の上限を超えたため、比較は不完全です）",
    "plan.more": "{keys} ほか {n} 件",
    "error.baseline": "現在のユーザー一覧を使えません：{message}",
    "error.baseline.noKey":
      "ユーザーを識別する列「{column}」がないため、ファイルの行と照合できません。登録先システムからすべての列を含めてユーザー一覧を書き出し直してください。",
    "error.baseline.other": "詳細（英語）：{message}",
    "params.none": "この形式にはテナントの設定がありません。",
    "params.hint": "空欄の設定は、それを必要とするルールをチェックしません。",
    "params.unset": "未設定",
    "params.yes": "はい",
    "params.no": "いいえ",
    "params.default": "既定値：{value}",
    "params.list": "カンマ区切り",
    "check.button": "チェック",
    "check.again": "再チェック",
    "check.stale": "設定が変わりました。再チェックすると結果が更新されます。",
    "progress.label": "{name} をチェック中",
    "progress.detail": "{total} 中 {done}（{percent}）・{rows} 行",
    "progress.csv": "{name} の結果 CSV を作成中…",
    "progress.cancel": "キャンセル",
    "progress.cancelled": "{name} のチェックをキャンセルしました。",
    "progress.finished": "{name}：{verdict}",
    "results.heading": "3. 結果",
    "results.empty": "ファイルを追加すると、登録先システムで何がどこでエラーになるかを表示します。",
    "summary.valid": "問題なし — 登録先システムはこのファイルを受け付けるはずです",
    "summary.invalid": "エラーあり — 登録先システムはこのファイルを受け付けません",
    "summary.errors": "エラー",
    "summary.warnings": "警告",
    "summary.infos": "お知らせ",
    "summary.rows": "データ行",
    "summary.rowsWithErrors": "エラーのある行",
    "summary.byCode": "コード別",
    "summary.detected": "検出結果",
    "summary.encoding": "文字コード",
    "summary.bom": "BOM",
    "summary.delimiter": "区切り文字",
    "summary.lineEnding": "改行コード",
    "summary.size": "サイズ",
    "summary.profile": "形式",
    "summary.none": "なし",
    "summary.records": "{n} レコード",
    "summary.mixed": "{ending}（混在）",
    "summary.capped": "一覧には最初の {n} 件だけを表示しています。上の件数は正確です。",
    "summary.lang": "メッセージはチェック時の言語で表示されます。ファイルを再チェックしています。",
    "delimiter.comma": "カンマ",
    "delimiter.tab": "タブ",
    "delimiter.semicolon": "セミコロン",
    "downloads.heading": "ダウンロード",
    "downloads.resultCsv": "結果 CSV",
    "downloads.resultCsvHint":
      "元の行に結果・コード・メッセージを加えたもの。文字コードは元のファイルと同じ（Shift_JIS は Shift_JIS のまま）ですが、UTF-8・UTF-16 のファイルと、メッセージを表せない文字コードのファイルは、Excel で開ける BOM 付き UTF-8 になります。",
    "downloads.json": "JSON レポート",
    "downloads.jsonHint": "コマンドラインツールと同じ形式の完全なレポート。",
    "downloads.fixed": "修正済みファイル…",
    "downloads.fixedHint": "登録先システムの形式に変換したファイル：文字コード変換・列の対応付け・安全な修正を行い、すべての変更を一覧にします。",
    "progress.convert": "{name} を変換しています",
    "error.convert": "{name} を変換できませんでした：{message}",
    "convert.heading": "{title} 用の修正済みファイル",
    "convert.date": "ファイル名の日付",
    "convert.force": "エラーが残っていてもファイルを書き出す",
    "convert.run": "もう一度変換",
    "convert.running": "変換しています…",
    "convert.status.ready": "準備完了：{name} は登録先の形式で再チェックしてもエラーがありません。",
    "convert.status.forced": "強制的に書き出しました：{name} にはまだエラーがあります。",
    "convert.status.refused": "書き出しを拒否しました：変換結果にまだエラーがあるため、ファイルは作成されていません。",
    "convert.refusal.refused":
      "理由：変換後のファイルにまだ{errors}があります（{list}）。元のファイルか列の対応付けを直すか、「エラーが残っていてもファイルを書き出す」を選んでください。",
    "convert.refusal.forced": "変換後のファイルにまだ{errors}があります（{list}）。指定により、それでも書き出しました。",
    "convert.format": "{source} → {output}。{rows}、{errors}、{warnings}。",
    "convert.source": "{name}（{format}）",
    "convert.source.header": "見出し行のあるファイル",
    "convert.rows.one": "1 行",
    "convert.rows.other": "{n} 行",
    "convert.errors.one": "エラー 1 件",
    "convert.errors.other": "エラー {n} 件",
    "convert.warnings.one": "警告 1 件",
    "convert.warnings.other": "警告 {n} 件",
    "convert.findings": "変換で見つかった点",
    "convert.recheck": "変換後のファイルを「{title}」の形式でチェックした結果",
    "convert.more": "{n} 件のうち最初の {shown} 件を表示しています。",
    "convert.code": "コード",
    "convert.help": "直し方",
    "convert.download": "{name} をダウンロード",
    "convert.mappingJson": "対応付け JSON をダウンロード",
    "convert.row": "行",
    "convert.column": "列",
    "convert.value": "値",
    "convert.message": "メッセージ",
    "convert.char": "{n} 文字目",
    "convert.byte": "{n} バイト目",
    "convert.changes": "変更履歴",
    "convert.before": "変更前",
    "convert.after": "変更後",
    "convert.reason": "理由",
    "convert.changesCount.one": "1 件の変更。",
    "convert.changesCount.other": "{n} 件の変更。",
    "convert.changesCapped": "{n} 件の変更（最初の {kept} 件を表示）。",
    "convert.noChanges": "変更が必要な値はありませんでした。",
    "convert.page": "{page} / {pages} ページ",
    "convert.prev": "前へ",
    "convert.next": "次へ",
    "mapping.heading": "列の対応付け",
    "mapping.hint": "ファイルのヘッダーが登録先の形式ではありません。各列の取得元を確認し、必要なら選び直してから適用してください。",
    "mapping.target": "登録先の列",
    "mapping.source": "取得元",
    "mapping.how": "選ばれた理由",
    "mapping.apply": "対応付けを適用して再変換",
    "mapping.none": "（空のまま）",
    "mapping.join": "結合：{columns}",
    "mapping.split": "{column}の{part}",
    "mapping.part.first": "先頭の語",
    "mapping.part.rest": "先頭の語より後",
    "mapping.part.last": "最後の語",
    "mapping.part.allButLast": "最後の語より前",
    "mapping.constant": "固定値：{value}",
    "mapping.constantOption": "固定値…",
    "mapping.constantLabel": "{target} の固定値",
    "mapping.by.identity": "同じ列名",
    "mapping.by.preset": "形式間のプリセット",
    "mapping.by.name": "列名",
    "mapping.by.synonym": "同義語",
    "mapping.by.samples": "値のサンプル",
    "diag.heading": "診断結果",
    "diag.severity": "重要度",
    "diag.severity.all": "すべての重要度",
    "diag.severity.error": "エラーのみ",
    "diag.severity.warning": "警告のみ",
    "diag.severity.info": "お知らせのみ",
    "diag.code": "コード",
    "diag.code.all": "すべてのコード",
    "diag.column": "列",
    "diag.column.all": "すべての列",
    "diag.column.none": "（行全体・ファイル）",
    "diag.column.blank": "#{n}（見出しが空）",
    "diag.pageSize": "1 ページの行数",
    "diag.count": "{total} 件中 {from}–{to} 件",
    "diag.countNone": "条件に合う診断結果はありません。",
    "diag.noDiagnostics": "問題は見つかりませんでした。",
    "diag.first": "最初のページ",
    "diag.prev": "前のページ",
    "diag.next": "次のページ",
    "diag.last": "最後のページ",
    "diag.page": "{page} / {pages} ページ",
    "diag.th.row": "行",
    "diag.th.column": "列",
    "diag.th.code": "コード",
    "diag.th.value": "値",
    "diag.th.message": "内容",
    "diag.th.help": "直し方",
    "diag.file": "ファイル",
    "diag.caption": "{name} の診断結果。行を選ぶとファイル内の位置を表示します。",
    "severity.error": "エラー",
    "severity.warning": "警告",
    "severity.info": "お知らせ",
    "preview.heading": "ファイル内の位置",
    "preview.hint": "診断結果を選ぶと、その前後の行を該当セルを強調して表示します。",
    "preview.where": "行 {row}（物理行 {line}）",
    "preview.whereColumn": "行 {row}（物理行 {line}）・列 {column}",
    "preview.file": "ファイルの先頭",
    "preview.approx": "上の行の行番号は概算です（引用符で囲まれた値が複数行にわたっています）。",
    "preview.unreadable": "この部分は表示できません。",
    "preview.truncated": "…",
    "error.load": "チェッカーを起動できませんでした：{message}。WebAssembly SIMD に対応したブラウザー（Chrome・Edge 91、Firefox 89、Safari 16.4 以降）が必要です。",
    "error.check": "{name} をチェックできませんでした：{message}",
    "error.internal": "csv-preflight の内部エラー（不具合です。お手数ですがご報告ください）。チェッカーは再起動したので、そのまま続けられます。詳細（英語）：{message}",
    "footer.line": "csv-preflight はこのページの中で動く WebAssembly エンジンでファイルをチェックします。アクセス解析・Cookie・外部フォントや外部スクリプトは使いません。",
  },
};

/** Encodings by the engine's code, as the page names them (the same in both languages). */
export const ENCODINGS = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  shift_jis: "Shift_JIS (CP932)",
  "euc-jp": "EUC-JP",
  "euc-kr": "EUC-KR",
  big5: "Big5",
  gbk: "GBK",
  gb18030: "GB18030",
};
export const BOMS = { "utf-8": "UTF-8 BOM", "utf-16le": "UTF-16 LE BOM", "utf-16be": "UTF-16 BE BOM" };

/** The languages the page speaks. */
export const LANGS = ["en", "ja"];

/** The browser's preferred language among ours (Japanese when the first Japanese-or-English one is). */
export function browserLang() {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = String(tag ?? "").toLowerCase().split("-")[0];
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

/** `t(lang, key, { name: value })`: the text, with `{name}` placeholders filled. */
export function t(lang, key, vars = {}) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all));
}

/** Fills every `data-i18n` (text) and `data-i18n-attr` ("attr:key;attr:key") element under `root`. */
export function translate(root, lang) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(lang, el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr.trim(), t(lang, key.trim()));
    }
  }
}

/** The text of a failed job's `{ kind, message }` in `lang`. An internal error's message is the
 * panic's own text (English, for the bug report): the page says around it what happened. */
export function failureText(lang, error) {
  const message = String(error?.message ?? error);
  if (error?.kind === "internal") return t(lang, "error.internal", { message });
  if (error?.kind === "invalidBaseline") return t(lang, "error.baseline", { message: baselineText(lang, message) });
  return message;
}

/**
 * An unusable export's reason in `lang`. The engine words it in English ("invalid baseline: the
 * export has no column "Login ID": its records cannot be matched"): the case a user can cause, a
 * key column missing from the export, is worded here; any other keeps the engine's text (in
 * Japanese marked as English).
 */
function baselineText(lang, message) {
  const detail = message.replace(/^invalid baseline: /, "");
  const noKey = /^the export has no column "(.*)": its records cannot be matched$/.exec(detail);
  if (noKey) return t(lang, "error.baseline.noKey", { column: noKey[1] });
  return lang === "en" ? detail : t(lang, "error.baseline.other", { message: detail });
}

/** `n` things: the key's `.one` text for 1 and `.other` otherwise, `{n}` filled with the number. */
export function count(lang, key, n) {
  return t(lang, `${key}.${n === 1 ? "one" : "other"}`, { n: num(lang, n) });
}

/** A name in the language's quotation marks. */
export function quote(lang, text) {
  return lang === "ja" ? `「${text}」` : `“${text}”`;
}

/** A number with the language's digit grouping. */
export function num(lang, n) {
  return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US").format(n);
}

/** A byte count for people (KB, MB). */
export function bytes(lang, n) {
  const units = ["B", "KB", "MB", "GB"];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
