// The page's file preview (www/src/preview.js) in Node, without a browser: for every diagnostic the
// CLI reports on every fixture, and on generated files (UTF-16, values spanning lines, a target
// far into the file), the rows read back around it must put the diagnostic's row and value where
// the diagnostic says they are.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { describe, test } from "node:test";
import { readAround } from "../../www/src/preview.js";
import { FIXTURES, TMP, cli, cliReport } from "./helpers.mjs";

/** Checks every positioned diagnostic of `report` against the preview of `bytes`. */
async function assertPreview(name, bytes, report) {
  const blob = new Blob([bytes]);
  let seen = 0;
  for (const diag of report.diagnostics) {
    if (diag.row == null || diag.byte == null) continue;
    const preview = await readAround(blob, report.detected, diag);
    assert.ok(preview, `${name}: no preview for ${JSON.stringify(diag)}`);
    const target = preview.rows.find((r) => r.target);
    assert.ok(target, `${name}: no target row for ${diag.code} at row ${diag.row}`);
    assert.equal(target.row, diag.row, `${name}: ${diag.code}`);
    preview.rows.forEach((r, i) => assert.equal(r.row, preview.rows[0].row + i, `${name}: rows are consecutive`));
    if (diag.columnIndex && diag.value) {
      const cell = target.cells[diag.columnIndex - 1] ?? "";
      // Values are truncated to 80 characters; a key of several columns is joined with " + ".
      const value = diag.value.replace(/…$/, "").split(" + ")[0];
      assert.ok(
        cell.includes(value) || cell.includes(value.trim()),
        `${name}: row ${diag.row} column ${diag.columnIndex} shows ${JSON.stringify(cell)}, the diagnostic ${JSON.stringify(diag.value)}`,
      );
    }
    seen += 1;
  }
  return seen;
}

function profiles() {
  return cli(["profiles"])
    .stdout.split("\n")
    .map((line) => line.split(/\s+/)[0])
    .filter((id) => id && id.includes("/"));
}

describe("the file preview", () => {
  test("every fixture: each diagnostic's row and value are where it says", async () => {
    let seen = 0;
    for (const profile of profiles()) {
      const dir = join(FIXTURES, profile.replaceAll("/", "-"));
      let files = [];
      try {
        files = readdirSync(dir).filter((f) => [".csv", ".tsv", ".txt"].includes(extname(f)));
      } catch {
        continue;
      }
      const paths = files.map((f) => join(dir, f));
      const out = JSON.parse(cli(["check", "--profile", profile, "--format", "json", ...paths]).stdout);
      const reports = paths.length === 1 ? [out] : out;
      for (const [i, path] of paths.entries()) seen += await assertPreview(path, readFileSync(path), reports[i]);
    }
    assert.ok(seen > 50, `only ${seen} diagnostics had a position`);
  });

  test("UTF-16 (both byte orders), quoted values over several lines, and a target far into the file", async () => {
    const header =
      "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";
    let text = header;
    for (let i = 0; i < 3000; i++) {
      const mail = i % 997 === 5 ? `user${i}.example.com` : `user${i}@example.com`;
      const company = i % 3 === 0 ? `"ACME, Inc.\r\nline ""${i}"""` : "";
      text += `${mail},山田,太郎,${i % 1001 === 7 ? "JA" : "ja"},,NCS001,${company},,,,\r\n`;
    }
    const variants = {
      "add-users_multiline.csv": Buffer.from(text, "utf8"),
      "add-users_utf16le.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      "add-users_utf16be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const path = join(TMP, name);
      writeFileSync(path, bytes);
      const report = cliReport(path, "fujifilm-iwpro/add-users");
      const seen = await assertPreview(name, bytes, report);
      assert.ok(seen >= 6, `${name}: ${seen} positioned diagnostics`);
    }
  });
});
