// The fixed file: the page converts the checked file (in the worker) to the selected profile, shows
// the mapping step, the outcome and the change log, and downloads the CLI's exact bytes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ROOT, TMP, chooseFiles, fixture, screenshot, servedPage } from "./helpers.mjs";

const DATE = "2026-11-21";
const TARGET = "fujifilm-iwpro/add-users";

/** Opens the served page (checked for foreign requests and errors after each test). */
const open = servedPage();

/** Writes `lines` as a Shift_JIS (CP932) CSV with CRLF line endings (Python's codec). */
function shiftJisFile(name, lines) {
  const path = join(TMP, name);
  const run = spawnSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('cp932'))"], {
    input: Buffer.from(lines.map((line) => `${line}\r\n`).join(""), "utf8"),
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  writeFileSync(path, run.stdout);
  return path;
}

/** The CLI's converted bytes (the reference), or null when it wrote nothing. */
function cliConvert(file, extra = []) {
  const out = join(TMP, `${Date.now()}-${Math.random().toString(36).slice(2)}.out.csv`);
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--release", "--bin", "csv-preflight", "--", "convert", "--to", TARGET, "--date", DATE, "-o", out, ...extra, file],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`convert failed (${run.status}): ${run.stderr}`);
  try {
    return readFileSync(out);
  } catch {
    return null;
  }
}

async function convertOnPage(page, file, target = TARGET) {
  await chooseFiles(page, [file]);
  if ((await page.inputValue("#profile-select")) !== target) await page.selectOption("#profile-select", target);
  await page.waitForSelector(`#results[data-state="done"][data-profile="${target}"]`, { state: "attached" });
  await page.click("#download-fixed");
  await page.fill("#convert-date", DATE);
  await page.click("#convert-run");
  await settled(page);
}

/** Waits until the panel shows a finished conversion newer than `after` (its `data-results`). */
async function settled(page, after) {
  const newer = after ? `:not([data-results="${after}"])` : "";
  await page.waitForSelector(`#convert-panel${newer}:is([data-state="ready"], [data-state="refused"], [data-state="forced"])`);
  // A date change or a language switch may have queued one more: wait for the queue to drain.
  await page.waitForSelector("#progress[hidden]", { state: "attached" });
}

/** The CLI's conversion summary as JSON (the reference for the findings the panel lists). */
function cliConvertJson(file, target, extra = []) {
  const out = join(TMP, `${Date.now()}-${Math.random().toString(36).slice(2)}.json.out`);
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--release", "--bin", "csv-preflight", "--", "convert", "--to", target, "--date", DATE, "--format", "json", "-o", out, ...extra, file],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`convert failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The rows of a findings table: [row, column, code, value, message, help] as the cells read. */
function findingRows(page, body) {
  return page.$$eval(`#${body} tr`, (rows) => rows.map((tr) => [...tr.children].map((td) => td.firstChild?.textContent ?? "")));
}

async function downloadBytes(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A severity as the panel's badge says it (English). */
function t(severity) {
  return { error: "error", warning: "warning", info: "note" }[severity];
}

describe("the fixed file", () => {
  test("a Shift_JIS HR file converts to IWpro add-users with the CLI's bytes, and a mapping can be edited", async () => {
    const file = shiftJisFile("hr-export.csv", [
      "氏名,メールアドレス,言語,社員番号",
      "山田 太郎,ｙａｍａｄａ@example.com,日本語,１２３４５",
      "佐藤 花子,sato@example.com,英語,００７８９",
      "髙橋 一郎,takahashi@example.com,日本語,４２",
    ]);
    const { page } = await open();
    await convertOnPage(page, file);
    assert.equal(await page.getAttribute("#convert-panel", "data-state"), "ready");
    assert.ok(await page.isVisible("#mapping-step"), "the header is not IWpro's: the mapping step is shown");
    assert.ok(await page.isVisible("#mapping-download"), "the mapping can be saved for the next file");
    const familyFrom = await page.$eval('#mapping-body tr[data-target="family_name"] select', (s) => s.selectedOptions[0].textContent);
    assert.match(familyFrom, /氏名/);
    const reasons = await page.$$eval("#changes-body tr", (rows) => rows.map((tr) => tr.dataset.reason));
    assert.ok(reasons.includes("half-width"), `full-width e-mail made half-width: ${reasons}`);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#convert-download")]);
    assert.equal(download.suggestedFilename(), `add-users_hr-export_${DATE}.csv`);
    const shown = readFileSync(await download.path());
    const expected = cliConvert(file);
    assert.ok(expected, "the CLI wrote the file");
    assert.ok(shown.equals(expected), "the page's fixed file has the CLI's bytes");

    // The mapping step: take device_user_id from 社員番号 (full-width digits, made half-width).
    await page.selectOption('#mapping-body tr[data-target="device_user_id"] select', "from:社員番号");
    const results = await page.getAttribute("#convert-panel", "data-results");
    await page.click("#mapping-apply");
    await page.waitForSelector(`#convert-panel[data-state="ready"]:not([data-results="${results}"])`);
    const [mappingJson] = await Promise.all([page.waitForEvent("download"), page.click("#mapping-download")]);
    const mapping = JSON.parse(readFileSync(await mappingJson.path(), "utf8"));
    assert.ok(mapping.columns.some((c) => c.target === "device_user_id" && c.from === "社員番号"));
    const mapFile = join(TMP, "mapping.json");
    writeFileSync(mapFile, JSON.stringify(mapping));
    const [again] = await Promise.all([page.waitForEvent("download"), page.click("#convert-download")]);
    const remapped = readFileSync(await again.path());
    assert.ok(remapped.includes(Buffer.from("１２３４５")), "the mapped column is in the file");
    assert.ok(remapped.equals(cliConvert(file, ["--map", mapFile])), "the edited mapping gives the CLI's bytes");
    await page.$eval("#convert-panel", (el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "convert-ready", { fullPage: true });
  });

  test("a file in the target's layout with a column it names otherwise shows the mapping step with that column", async () => {
    const file = join(TMP, "canon-own-layout.csv");
    writeFileSync(file, "uid,氏名,mail\r\nyamada,山田 太郎,yamada@example.com\r\n");
    const { page } = await open();
    await convertOnPage(page, file, "canon/users");
    assert.ok(await page.isVisible("#mapping-step"), "氏名 was matched by meaning: the step is shown");
    const cnFrom = await page.$eval('#mapping-body tr[data-target="cn"] select', (s) => s.selectedOptions[0].textContent);
    assert.match(cnFrom, /氏名/);
    assert.ok(await page.isVisible("#mapping-download"), "a mapping was involved: it can be saved");
    // A file wholly in the target's layout needs no mapping step, and has no mapping to save.
    const own = join(TMP, "canon-own-layout-only.csv");
    writeFileSync(own, "uid,cn,mail\r\nyamada,山田 太郎,yamada@example.com\r\n");
    const second = await open();
    await convertOnPage(second.page, own, "canon/users");
    assert.ok(await second.page.isHidden("#mapping-step"));
    assert.ok(await second.page.isHidden("#mapping-download"));
  });

  test("the verdict points at the fixed file when the converter repairs some findings (Excel's Shift_JIS)", async () => {
    const file = shiftJisFile("add-users_excel.csv", [
      "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number",
      "yamada@example.com,山田,太郎,ja,,,,,,,",
    ]);
    const { page } = await open();
    await chooseFiles(page, [file]);
    if ((await page.inputValue("#profile-select")) !== TARGET) await page.selectOption("#profile-select", TARGET);
    await page.waitForSelector(`#results[data-state="done"][data-profile="${TARGET}"]`, { state: "attached" });
    assert.ok(await page.isVisible("#verdict-fix"), "encoding-not-accepted is repairable");
    assert.equal(await page.textContent("#verdict-fix-button"), "Repair what can be repaired: make the fixed file…");
    await page.click("#verdict-fix-button");
    await settled(page);
    assert.equal(await page.getAttribute("#convert-panel", "data-state"), "ready");
    // IWpro's own columns, only re-encoded: no mapping step, no mapping JSON.
    assert.ok(await page.isHidden("#mapping-step"));
    assert.ok(await page.isHidden("#mapping-download"));
    // A valid file gets no such pointer.
    const valid = join(TMP, "add-users_valid-utf8.csv");
    writeFileSync(valid, "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\nyamada@example.com,山田,太郎,ja,,,,,,,\r\n");
    const second = await open();
    await chooseFiles(second.page, [valid]);
    if ((await second.page.inputValue("#profile-select")) !== TARGET) await second.page.selectOption("#profile-select", TARGET);
    await second.page.waitForSelector(`#results[data-state="done"][data-profile="${TARGET}"]`, { state: "attached" });
    assert.ok(await second.page.isHidden("#verdict-fix"));
  });

  test("a refused conversion says why and offers no file; forcing writes it", async () => {
    const file = shiftJisFile("hr-bad.csv", ["氏名,メールアドレス,言語", "山田 太郎,not-an-address,日本語"]);
    const { page } = await open({ locale: "ja-JP" });
    await convertOnPage(page, file);
    assert.equal(await page.getAttribute("#convert-panel", "data-state"), "refused");
    const reason = await page.textContent("#convert-refusal");
    assert.match(reason, /invalid-email/);
    assert.ok(await page.isHidden("#convert-download"), "no file is offered");
    assert.equal(cliConvert(file), null, "the CLI refuses too");
    await page.$eval("#convert-panel", (el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "convert-refused");
    await page.check("#convert-force");
    await page.click("#convert-run");
    await page.waitForSelector('#convert-panel[data-state="forced"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#convert-download")]);
    assert.ok(readFileSync(await download.path()).equals(cliConvert(file, ["--force"])));
  });

  test("a refusal counts each code's errors exactly, beyond the 1,000 diagnostics listed", async () => {
    const header = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";
    const rows = Array.from({ length: 1200 }, (_, i) => `user${i}.example.com,山田,太郎,ja,,NCS009,,,,,`);
    const file = join(TMP, "add-users_many-errors.csv");
    writeFileSync(file, [header, ...rows, ""].join("\r\n"));
    const { page } = await open();
    await convertOnPage(page, file);
    assert.equal(await page.getAttribute("#convert-panel", "data-state"), "refused");
    assert.equal(
      await page.textContent("#convert-refusal"),
      "Why: the converted file still has 2,400 errors (invalid-email ×1,200, not-in-list ×1,200). " +
        "Fix them in the source file or in the mapping, or tick “Write the file even if it still has errors”.",
    );
  });

  test("an Excel-damaged HR file: every finding listed with row, column and hint; applying the mapping unchanged changes nothing", async () => {
    const file = fixture("convert", "hr.shift_jis.csv");
    const { page } = await open();
    await convertOnPage(page, file);
    const cli = cliConvertJson(file, TARGET);
    const where = (d) => (d.row == null ? "file" : String(d.row));
    // The conversion's own findings: Excel's scientific notation and 15-digit cut, dropped columns.
    assert.deepEqual(
      await findingRows(page, "convert-diags"),
      cli.diagnostics.map((d) => [where(d), d.column ?? d.sourceColumn ?? "", t(d.severity), d.value ?? "", d.message, d.help ?? ""]),
    );
    assert.deepEqual(cli.diagnostics.map((d) => d.code).sort(), ["column-dropped", "column-dropped", "column-dropped", "digits-truncated", "scientific-notation"]);
    // The re-check's warnings (the converted file against IWpro).
    const recheck = cli.report.diagnostics.filter((d) => d.severity !== "info");
    assert.ok(recheck.length > 0);
    assert.deepEqual(
      await findingRows(page, "recheck-diags"),
      recheck.map((d) => [where(d), d.column, t(d.severity), d.value ?? "", d.message, d.help ?? ""]),
    );
    assert.equal(
      await page.textContent("#convert-format"),
      `From the file’s own header (Shift_JIS (CP932) · comma · CRLF) → UTF-8 · BOM · comma · CRLF. 3 rows, 0 errors, ${recheck.length + cli.summary.warnings} warnings.`,
    );
    assert.equal(
      await page.$eval('#mapping-body tr[data-target="family_name"] select', (s) => s.selectedOptions[0].textContent),
      "the first word of 氏名",
    );

    // "Apply" without an edit: the same file (the unmapped template columns stay, empty).
    const suggested = await downloadBytes(page, "#convert-download");
    assert.equal(suggested.bytes.toString("utf8").split("\r\n")[0].split(",").length, 11);
    const results = await page.getAttribute("#convert-panel", "data-results");
    await page.click("#mapping-apply");
    await settled(page, results);
    const applied = await downloadBytes(page, "#convert-download");
    assert.ok(applied.bytes.equals(suggested.bytes), "applying the suggested mapping unchanged gives the same file");

    // Canon (refused either way): the same errors before and after applying.
    await page.selectOption("#profile-select", "canon/users");
    await page.waitForSelector('#results[data-state="done"][data-profile="canon/users"]', { state: "attached" });
    await page.click("#download-fixed");
    await settled(page);
    const before = await page.textContent("#convert-refusal");
    const canonResults = await page.getAttribute("#convert-panel", "data-results");
    await page.click("#mapping-apply");
    await settled(page, canonResults);
    assert.equal(await page.textContent("#convert-refusal"), before);
    assert.match(before, /^Why: the converted file still has 6 errors \(missing-value ×3, too-long ×2, invalid-character ×1\)\./);
  });

  test("a new date renames the file; a new language converts again; 390 px: no sideways scrolling", async () => {
    const file = fixture("convert", "hr.shift_jis.csv");
    const { page } = await open({ viewport: { width: 390, height: 844 } });
    await convertOnPage(page, file);
    const results = await page.getAttribute("#convert-panel", "data-results");
    await page.fill("#convert-date", "2026-12-01");
    await settled(page, results);
    assert.equal(await page.textContent("#convert-download"), "Download add-users_hr.shift_jis_2026-12-01.csv");
    assert.equal((await downloadBytes(page, "#convert-download")).name, "add-users_hr.shift_jis_2026-12-01.csv");

    // Narrow: the panel, the mapping and the diagnostics fit the window; the selects are readable.
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await width()) <= 390, `the page is ${await width()} px wide with the panel open`);
    const selectWidth = await page.$eval('#mapping-body tr[data-target="family_name"] select', (s) => s.getBoundingClientRect().width);
    assert.ok(selectWidth >= 250, `the mapping select is ${selectWidth} px wide`);
    const fits = (selector) =>
      page.$eval(selector, (el) => {
        const wrap = el.closest(".table-wrap");
        const box = el.getBoundingClientRect();
        return { inside: wrap.scrollWidth <= wrap.clientWidth, left: box.left, right: box.right };
      });
    for (const selector of ["#diag-body tr .message", "#convert-diags tr .message", "#recheck-diags tr .message"]) {
      const { inside, left, right } = await fits(selector);
      assert.ok(inside && left >= 0 && right <= 390, `${selector}: ${left}–${right} px, no sideways scroll: ${inside}`);
    }
    await page.$eval("#convert-panel", (el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "convert-narrow");

    // Japanese: the panel is converted again, its messages in Japanese.
    const shown = await page.getAttribute("#convert-panel", "data-results");
    await page.click('[data-lang="ja"]');
    await settled(page, shown);
    const ja = cliConvertJson(file, TARGET, ["--lang", "ja"]);
    assert.match(await page.textContent("#convert-outcome"), /^準備完了：add-users_hr\.shift_jis_2026-12-01\.csv/);
    assert.deepEqual(
      (await findingRows(page, "convert-diags")).map((row) => row[4]),
      ja.diagnostics.map((d) => d.message),
    );
    assert.deepEqual(
      await page.$$eval("#changes-body tr", (rows) => rows.map((tr) => tr.lastElementChild.textContent)),
      ja.changes.slice(0, 50).map((c) => c.message),
    );
    assert.ok((await width()) <= 390);
  });
});
