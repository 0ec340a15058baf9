// An automated accessibility audit of the served demo page: axe-core (tests/js/node_modules, pinned
// in tests/js/package.json) run against WCAG 2.0/2.1 A and AA in each state a user goes through, in
// English and in Japanese: the empty page, a checked file with findings (verdict, summary, table,
// pager, file preview), a check against the system's current export (the plan), and the fixed
// file's panel (the mapping step, the changes; a refused conversion and its findings), several
// files with a tenant setting in error, a long check in progress, and a phone-width screen. Any
// violation fails the test with its rule, impact, help and the selectors of the offending nodes.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ROOT, TMP, chooseFiles, fixture, servedPage, waitForResult } from "./helpers.mjs";
import { millionRows } from "./large.mjs";

const AXE = readFileSync(join(ROOT, "tests/js/node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const IWPRO = "fujifilm-iwpro/add-users";
const IWPRO_HEADER = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";

/** Opens the served page (checked for foreign requests and errors after each test). */
const open = servedPage();

/**
 * Runs axe on the whole document and fails with every violation, readable: rule id, impact, help
 * (and its URL) and each offending node's selector and axe's summary of what is wrong with it.
 * The page's CSP allows no inline script: axe is evaluated through the DevTools protocol, which
 * the CSP does not govern, rather than added as a <script> tag.
 */
async function audit(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const { violations, passes } = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  const report = violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replaceAll("\n", "\n      ")}`),
      ].join("\n"),
    )
    .join("\n");
  assert.ok(passes.length > 0, `${state}: axe ran no rule`);
  assert.equal(violations.length, 0, `${state}: ${violations.length} accessibility violation(s):\n${report}`);
}

/** Switches the page's language and waits for the shown results (if any) to be redone in it. */
async function switchLang(page, lang, file) {
  await page.click(`[data-lang="${lang}"]`);
  assert.equal(await page.getAttribute("html", "lang"), lang, "<html lang> follows the switch");
  if (file) await waitForResult(page, { file, lang });
}

/** A file for IWpro's add-users with 150 rows of errors: findings over two pages of the table. */
function manyErrors() {
  const file = join(TMP, "a11y-add-users_errors.csv");
  const rows = Array.from({ length: 150 }, (_, i) => `user${i}.example.com,山田,太郎,xx,,,,,,,`);
  writeFileSync(file, [IWPRO_HEADER, ...rows, ""].join("\r\n"));
  return file;
}

/** Waits until the fixed file's panel shows a finished conversion and the queue has drained. */
async function converted(page) {
  await page.waitForSelector('#convert-panel:is([data-state="ready"], [data-state="refused"], [data-state="forced"])');
  await page.waitForSelector("#progress[hidden]", { state: "attached" });
}

/** Checks `file` as IWpro add-users and converts it from the fixed-file button. */
async function convertToIwpro(page, file) {
  await chooseFiles(page, [file]);
  if ((await page.inputValue("#profile-select")) !== IWPRO) await page.selectOption("#profile-select", IWPRO);
  await page.waitForSelector(`#results[data-state="done"][data-profile="${IWPRO}"]`, { state: "attached" });
  await page.click("#download-fixed");
  await page.fill("#convert-date", "2026-11-21");
  await page.click("#convert-run");
  await converted(page);
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  test("the initial page, in English and in Japanese", async () => {
    const { page } = await open();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await audit(page, "initial page (en)");
    await switchLang(page, "ja");
    await audit(page, "initial page (ja)");
    // Opened in a Japanese browser, the page starts in Japanese.
    const second = await open({ locale: "ja-JP" });
    assert.equal(await second.page.getAttribute("html", "lang"), "ja");
    await audit(second.page, "initial page (ja-JP browser)");
  });

  test("a checked file with findings: verdict, summary, table, pager, preview (en, ja)", async () => {
    const { page } = await open();
    const file = manyErrors();
    await chooseFiles(page, [file]);
    if ((await page.inputValue("#profile-select")) !== IWPRO) {
      await page.selectOption("#profile-select", IWPRO);
      await waitForResult(page, { file: "a11y-add-users_errors.csv", profile: IWPRO });
    }
    for (const selector of ["#verdict", "#counts", "#by-code", "#diag-body tr", "#page-next"]) {
      assert.ok(await page.isVisible(selector), `${selector} is shown`);
    }
    assert.ok(await page.isEnabled("#page-next"), "the findings span more than one page");
    // A selected finding shows the file around it.
    await page.click("#diag-body tr");
    await page.waitForSelector("#preview-grid:not([hidden])");
    await audit(page, "checked file (en)");
    await page.click("#page-next");
    await audit(page, "checked file, page 2 (en)");
    await switchLang(page, "ja", "a11y-add-users_errors.csv");
    await page.click("#diag-body tr");
    await page.waitForSelector("#preview-grid:not([hidden])");
    await audit(page, "checked file (ja)");
  });

  test("several files (valid, with errors, malformed UTF-8) and a tenant setting that cannot be used (en, ja)", async () => {
    const { page } = await open();
    await chooseFiles(page, [
      fixture("fujifilm-iwpro-add-users", "valid.csv"),
      fixture("fujifilm-iwpro-add-users", "invalid-email.csv"),
      fixture("fujifilm-iwpro-add-users", "utf8-malformed.csv"),
    ]);
    await page.waitForSelector("#file-list li:nth-child(3)");
    await audit(page, "several files (en)");
    await page.fill("#param-availableSeats", "-5");
    await page.waitForSelector('#param-availableSeats[aria-invalid="true"]');
    await audit(page, "invalid tenant setting (en)");
    await switchLang(page, "ja");
    await audit(page, "invalid tenant setting (ja)");
  });

  test("a long check in progress, then cancelled", { timeout: 120000 }, async () => {
    const { page } = await open();
    await page.setInputFiles("#file-input", millionRows().path);
    await page.waitForFunction(() => Number(document.getElementById("progress-bar").value) > 0.02, null, { timeout: 60000 });
    await audit(page, "check in progress (en)");
    // The million rows take several seconds here: Cancel still finds the check running.
    await page.click("#cancel-button");
    await page.waitForSelector('#results[data-state="cancelled"]', { state: "attached" });
    await audit(page, "check cancelled (en)");
  });

  test("a phone-width screen: the findings as cards", async () => {
    const { page } = await open({ viewport: { width: 390, height: 844 } });
    await chooseFiles(page, [manyErrors()]);
    if ((await page.inputValue("#profile-select")) !== IWPRO) {
      await page.selectOption("#profile-select", IWPRO);
      await waitForResult(page, { file: "a11y-add-users_errors.csv", profile: IWPRO });
    }
    await page.click("#diag-body tr");
    await page.waitForSelector("#preview-grid:not([hidden])");
    await audit(page, "phone width, checked file (en)");
  });

  test("a check against the system's current export: the plan (en, ja)", async () => {
    const { page } = await open();
    await chooseFiles(page, [fixture("flat-users-total", "plan-total.tsv")]);
    if ((await page.inputValue("#profile-select")) !== "flat/users-total") {
      await page.selectOption("#profile-select", "flat/users-total");
      await waitForResult(page, { file: "plan-total.tsv", profile: "flat/users-total" });
    }
    await page.setInputFiles("#baseline-input", fixture("flat-users-total", "export.tsv"));
    await page.waitForSelector("#stale-note:not([hidden])");
    await audit(page, "export chosen, settings changed (en)");
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done] #plan-box:not([hidden])");
    await audit(page, "plan (en)");
    await switchLang(page, "ja", "plan-total.tsv");
    await page.waitForSelector("#plan-box:not([hidden])");
    await audit(page, "plan (ja)");
  });

  test("the fixed file: the mapping step and the changes (en, ja)", async () => {
    const file = join(TMP, "a11y-hr-export.csv");
    writeFileSync(file, "氏名,メールアドレス,言語,社員番号\r\n山田 太郎,ｙａｍａｄａ@example.com,日本語,１２３４５\r\n佐藤 花子,sato@example.com,英語,００７８９\r\n");
    const { page } = await open();
    await convertToIwpro(page, file);
    assert.ok(await page.isVisible("#mapping-step"), "the mapping step is shown");
    assert.ok(await page.isVisible("#changes-body tr"), "the changes are listed");
    await audit(page, "converter with mapping step (en)");
    await switchLang(page, "ja", "a11y-hr-export.csv");
    await converted(page);
    await page.waitForSelector("#mapping-step:not([hidden])");
    await audit(page, "converter with mapping step (ja)");
  });

  test("the fixed file: a refused conversion and its findings", async () => {
    const file = join(TMP, "a11y-hr-bad.csv");
    writeFileSync(file, "氏名,メールアドレス,言語\r\n山田 太郎,not-an-address,日本語\r\n");
    const { page } = await open({ locale: "ja-JP" });
    await convertToIwpro(page, file);
    assert.equal(await page.getAttribute("#convert-panel", "data-state"), "refused");
    assert.ok(await page.isVisible("#convert-refusal"));
    await audit(page, "refused conversion (ja)");
  });
});
