// The page's texts (www/src/i18n.js), without a browser: every key in both languages, how a failed
// job is worded, and why a conversion was refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { refusalText } from "../../www/src/convert.js";
import { STRINGS, failureText, t } from "../../www/src/i18n.js";

const panic =
  "internal error (a bug in csv-preflight; please report it): index out of bounds at src/x.rs:1";

test("an internal error is worded in the reader's language around the panic's text", () => {
  const error = { kind: "internal", message: panic };
  assert.equal(failureText("en", error), `${panic} The checker has restarted: you can go on.`);
  assert.equal(
    failureText("ja", error),
    `csv-preflight の内部エラー（不具合です。お手数ですがご報告ください）。チェッカーは再起動したので、そのまま続けられます。詳細（英語）：${panic}`,
  );
  assert.equal(
    t("ja", "error.check", { name: "a.csv", message: failureText("ja", error) }),
    `a.csv をチェックできませんでした：${failureText("ja", error)}`,
  );
});

test("other failures keep their message as it is", () => {
  assert.equal(failureText("ja", { kind: "invalidProfile", message: "bad" }), "bad");
  assert.equal(failureText("en", { kind: "crash", message: "the worker stopped" }), "the worker stopped");
  assert.equal(failureText("ja", "plain text"), "plain text");
});

test("every text exists in both languages, with the same placeholders", () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(STRINGS.ja).sort(), Object.keys(STRINGS.en).sort());
  for (const [key, en] of Object.entries(STRINGS.en)) {
    assert.deepEqual(placeholders(STRINGS.ja[key]), placeholders(en), key);
  }
});

test("an export without the key column is worded in the reader's language; other reasons keep the engine's", () => {
  const error = { kind: "invalidBaseline", message: 'invalid baseline: the export has no column "Login ID": its records cannot be matched' };
  assert.equal(
    failureText("ja", error),
    "現在のエクスポートを使えません：ユーザーを識別する列「Login ID」がないため、ファイルの行と照合できません。登録先システムからすべての列を含めてユーザーをエクスポートし直してください。",
  );
  assert.match(failureText("en", error), /^the current export cannot be used: it has no column “Login ID”, which identifies the users/);
  const other = { kind: "invalidBaseline", message: "invalid baseline: the export was already ended" };
  assert.equal(failureText("ja", other), "現在のエクスポートを使えません：詳細（英語）：the export was already ended");
  assert.equal(failureText("en", other), "the current export cannot be used: the export was already ended");
});

test("a refusal counts errors only: its breakdown adds up to its total", () => {
  // The re-check's missing-label is an error for one column and a warning for another (a column
  // with a default): the engine's own sentence says "4 error(s) (missing-label ×2, …)".
  const d = (code, severity) => ({ code, severity, message: "" });
  const result = {
    status: "refused",
    refusal: "the converted file still has 4 error(s) (missing-label ×2, too-long ×2, invalid-character ×1), so it is not offered; …",
    diagnostics: [d("column-dropped", "info")],
    summary: { errors: 0, warnings: 0, infos: 1, byCode: { "column-dropped": 1 } },
    report: {
      diagnostics: [d("missing-label", "warning"), d("missing-label", "error"), d("too-long", "error"), d("too-long", "error"), d("invalid-character", "error")],
      summary: { errors: 4, warnings: 1, byCode: { "missing-label": 2, "too-long": 2, "invalid-character": 1 } },
    },
  };
  assert.equal(
    refusalText("en", result),
    "Why: the converted file still has 4 errors (missing-label ×1, too-long ×2, invalid-character ×1). " +
      "Fix them in the source file or in the mapping, or tick “Write the file even if it still has errors”.",
  );
  assert.match(refusalText("ja", result), /^理由：変換後のファイルにまだエラー 4 件があります（missing-label ×1、too-long ×2、invalid-character ×1）。/);
  // A code with no error listed: the breakdown says it is partial.
  const unlisted = { ...result.report.summary, errors: 9, byCode: { ...result.report.summary.byCode, "unique-error": 5 } };
  assert.match(refusalText("en", { ...result, report: { ...result.report, summary: unlisted } }), /9 errors \(.*invalid-character ×1, …\)/);
});

test("a refusal counts each code's errors exactly when the lists are capped", () => {
  // 1,200 invalid e-mails and 1,200 unknown options, of which the capped list holds 1,000.
  const listed = Array.from({ length: 1000 }, (_, i) => ({ code: i % 2 ? "not-in-list" : "invalid-email", severity: "error", message: "" }));
  const result = {
    status: "refused",
    diagnostics: [],
    summary: { errors: 0, warnings: 0, infos: 0, byCode: {} },
    report: { diagnostics: listed, diagnosticsCapped: true, summary: { errors: 2400, warnings: 0, byCode: { "invalid-email": 1200, "not-in-list": 1200 } } },
  };
  assert.match(refusalText("en", result), /^Why: the converted file still has 2,400 errors \(invalid-email ×1,200, not-in-list ×1,200\)\. /);
});
