// The page's texts (www/src/i18n.js), without a browser: every key in both languages, and how a
// failed job is worded.
import assert from "node:assert/strict";
import { test } from "node:test";
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
