// The fixed file: the page converts the checked file (in the worker) to the selected profile, shows
// the mapping step, the outcome and the change log, and downloads the CLI's exact bytes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import { ROOT, TMP, chooseFiles, foreignRequests, launch, openPage, screenshot, serveDist } from "./helpers.mjs";

const DATE = "2026-11-21";
const TARGET = "fujifilm-iwpro/add-users";

let server;
let browser;
const opened = [];

before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  for (const { context, requests, errors } of opened.splice(0)) {
    await context.close();
    assert.deepEqual(foreignRequests(requests, server.origin), [], "no request may leave the page's origin");
    assert.deepEqual(errors, [], "no error, console error or CSP violation");
  }
});

async function open(options) {
  const session = await openPage(browser, server.url, options);
  opened.push(session);
  return session;
}

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

async function convertOnPage(page, file) {
  await chooseFiles(page, [file]);
  await page.selectOption("#profile-select", TARGET);
  await page.waitForSelector(`#results[data-state="done"][data-profile="${TARGET}"]`, { state: "attached" });
  await page.click("#download-fixed");
  await page.fill("#convert-date", DATE);
  await page.click("#convert-run");
  await page.waitForSelector('#convert-panel:is([data-state="ready"], [data-state="refused"], [data-state="forced"])');
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
    const familyFrom = await page.$eval('#mapping-body tr[data-target="family_name"] select', (s) => s.selectedOptions[0].textContent);
    assert.match(familyFrom, /氏名/);
    const reasons = await page.$$eval("#changes-body tr", (rows) => rows.map((tr) => tr.dataset.reason));
    assert.ok(reasons.includes("half-width"), `full-width e-mail made half-width: ${reasons}`);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#convert-download")]);
    assert.equal(download.suggestedFilename(), `add-users_${DATE}.csv`);
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
});
