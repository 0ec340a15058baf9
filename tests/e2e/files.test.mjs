// The list of files on the served page: removing a file (also while it is checked), Cancel, and
// what the queue of checks does then.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { TMP, fixture, screenshot, servedPage, waitForResult } from "./helpers.mjs";
import { millionRows } from "./large.mjs";

/** Opens the served page (checked for foreign requests and errors after each test). */
const open = servedPage();

/** The file list as it reads: "name: status" for each file. */
function listed(page) {
  return page.$$eval(".file-item", (items) => items.map((i) => `${i.querySelector(".file-name").textContent}: ${i.querySelector(".status").textContent}`));
}

/** A valid IWpro file under a name that follows IWpro's pattern (add-users_*.csv). */
function valid(name = "add-users_small.csv") {
  const path = join(TMP, name);
  copyFileSync(fixture("fujifilm-iwpro-add-users", "valid.csv"), path);
  return path;
}

/** Chooses the million-row file and a small valid one, and waits until the big one is being checked. */
async function bigThenSmall(page) {
  const big = millionRows();
  await page.setInputFiles("#file-input", [big.path, valid()]);
  await page.waitForFunction(() => Number(document.getElementById("progress-bar").value) > 0.01, null, { timeout: 60000 });
  assert.deepEqual(await listed(page), ["add-users_million.csv: checking…", "add-users_small.csv: waiting"]);
}

/** Elements that stick out of the window or of their own box (a name that does not wrap), as text. */
function overflowing(page) {
  return page.evaluate(() => {
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page: ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll("main *")) {
      if (!el.getClientRects().length || !el.textContent.includes("_long_") || el.closest(".sr-only")) continue;
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}#${el.id}.${el.className}`);
    }
    return out;
  });
}

describe("the list of files", () => {
  test("removing the file being checked cancels only its check: the next file is checked", { timeout: 120000 }, async () => {
    const { page } = await open();
    await bigThenSmall(page);
    await page.click('button.remove[aria-label="Remove add-users_million.csv"]');
    await waitForResult(page, { file: "add-users_small.csv", timeout: 15000 });
    assert.deepEqual(await listed(page), ["add-users_small.csv: valid"]);
    assert.ok(await page.isHidden("#progress"));
    assert.ok(await page.isEnabled("#check-button"));
    assert.equal(await page.textContent("#check-button"), "Check again");
  });

  test("Cancel stops the check it is shown with; the other files' checks go on", { timeout: 120000 }, async () => {
    const { page } = await open();
    await bigThenSmall(page);
    await page.focus("#cancel-button");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "check-button");
    await page.click(".file-item >> nth=1");
    await waitForResult(page, { file: "add-users_small.csv", timeout: 15000 });
    assert.deepEqual(await listed(page), ["add-users_million.csv: cancelled", "add-users_small.csv: valid"]);
    await page.click(".file-item >> nth=0");
    assert.equal(await page.getAttribute("#results", "data-state"), "cancelled");
    assert.equal(await page.textContent("#results-empty"), "The check of add-users_million.csv was cancelled.");
    assert.ok(await page.isEnabled("#check-button"));
  });

  test("Cancel while the next file is selected (and waits): focus goes to its entry, not to the page", { timeout: 120000 }, async () => {
    const { page } = await open();
    await bigThenSmall(page);
    await page.click(".file-item >> nth=1");
    assert.ok(await page.isDisabled("#check-button"), "the selected file waits: Check is disabled");
    await page.focus("#cancel-button");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".file-item .status")?.textContent === "cancelled");
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return `${active?.className}: ${active?.querySelector(".file-name")?.textContent} (${active?.getAttribute("aria-current")})`;
      });
    assert.equal(await focused(), "file-item: add-users_small.csv (true)");
    // Its check runs and ends; the list is drawn anew each time, and the focus stays on the entry.
    await waitForResult(page, { file: "add-users_small.csv", timeout: 15000 });
    assert.deepEqual(await listed(page), ["add-users_million.csv: cancelled", "add-users_small.csv: valid"]);
    assert.equal(await focused(), "file-item: add-users_small.csv (true)");
  });

  test("Remove all empties the list, also while a file is checked; focus goes to Choose files", { timeout: 120000 }, async () => {
    const { page } = await open({ locale: "ja-JP" });
    await page.setInputFiles("#file-input", [valid("add-users_1.csv")]);
    await waitForResult(page, { file: "add-users_1.csv" });
    assert.ok(await page.isHidden("#remove-all"), "one file: its × is enough");
    await page.setInputFiles("#file-input", [valid("add-users_2.csv"), valid("add-users_3.csv")]);
    await page.waitForFunction(() => document.querySelectorAll(".file-item .status-ok").length === 3);
    assert.equal(await page.textContent("#remove-all"), "すべて外す");
    await page.focus("#remove-all");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".file-item").count(), 0);
    assert.ok(await page.isVisible("#files-empty"));
    assert.ok(await page.isHidden("#remove-all"));
    assert.equal(await page.getAttribute("#results", "data-state"), "empty");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "choose-button");

    await page.click('[data-lang="en"]');
    await bigThenSmall(page);
    await page.click("#remove-all");
    await page.waitForSelector("#progress", { state: "hidden" });
    assert.equal(await page.locator(".file-item").count(), 0);
    await page.setInputFiles("#file-input", [valid("add-users_4.csv")]);
    await waitForResult(page, { file: "add-users_4.csv" });
    assert.deepEqual(await listed(page), ["add-users_4.csv: valid"]);
  });

  test("the keyboard focus stays in the list: on the chosen file, on the next × after a removal", async () => {
    const { page } = await open();
    await page.setInputFiles("#file-input", [valid("add-users_1.csv"), valid("add-users_2.csv"), valid("add-users_3.csv")]);
    await page.waitForFunction(() => document.querySelectorAll(".file-item .status-ok").length === 3);
    const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label") ?? document.activeElement.id ?? document.activeElement.tagName);
    // Choosing a file with Enter draws the list anew; the focus stays on that file.
    await page.focus(".file-item >> nth=1");
    await page.keyboard.press("Enter");
    await waitForResult(page, { file: "add-users_2.csv" });
    const chosen = () => document.activeElement.matches('.file-item[aria-current="true"]') && document.activeElement.querySelector(".file-name").textContent;
    assert.equal(await page.evaluate(chosen), "add-users_2.csv");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "Remove add-users_2.csv");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "Remove add-users_3.csv", "the next file's ×");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "Remove add-users_1.csv", "the last file gone: the one before");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "choose-button", "none left: the file picker");
    assert.equal(await page.locator(".file-item").count(), 0);
  });

  test("a file of the same name chosen again (fixed) replaces the listed one, keeps its chosen format, and is checked", { timeout: 120000 }, async () => {
    const { page } = await open();
    const path = join(TMP, "add-users_fixed-later.csv");
    const good = readFileSync(fixture("fujifilm-iwpro-add-users", "valid.csv"), "utf8");
    writeFileSync(path, good.replace("taro.yamada@example.com", "taro.yamada@example"));
    await page.setInputFiles("#file-input", path);
    await waitForResult(page, { file: "add-users_fixed-later.csv" });
    assert.deepEqual(await listed(page), ["add-users_fixed-later.csv: 1 error"]);
    writeFileSync(path, good);
    await page.setInputFiles("#file-input", path);
    await page.waitForFunction(() => document.querySelector(".file-item .status-ok"));
    assert.deepEqual(await listed(page), ["add-users_fixed-later.csv: valid"]);
    assert.equal(await page.textContent("#files-note"), "Replaced by the file of the same name chosen now: add-users_fixed-later.csv.");

    // A format chosen by hand stays chosen for the new file.
    await page.selectOption("#profile-select", "fujifilm-iwpro/update-users");
    await waitForResult(page, { file: "add-users_fixed-later.csv", profile: "fujifilm-iwpro/update-users" });
    writeFileSync(path, `${good}hanako.suzuki@example.com,鈴木,花子,ja,,NCS001,,,,,\r\n`);
    await page.setInputFiles("#file-input", path);
    await waitForResult(page, { file: "add-users_fixed-later.csv", profile: "fujifilm-iwpro/update-users" });
    await page.waitForFunction(() => document.querySelector('[data-stat="rows"] dd').textContent === "4");
    assert.equal(await page.locator(".file-item").count(), 1);
    assert.equal(await page.inputValue("#profile-select"), "fujifilm-iwpro/update-users");
    assert.match(await page.textContent("#profile-reason"), /Chosen by you/);

    // One being checked is replaced too: its check stops, and the new one is checked.
    const { page: other } = await open();
    await bigThenSmall(other);
    const small = join(TMP, "add-users_million.csv");
    writeFileSync(small, good);
    await other.setInputFiles("#file-input", small);
    await other.waitForFunction(() => document.querySelectorAll(".file-item .status-ok").length === 2, null, { timeout: 15000 });
    assert.deepEqual(await listed(other), ["add-users_million.csv: valid", "add-users_small.csv: valid"]);
    assert.ok(await other.isHidden("#progress"));
  });

  test("at 375 px a long file name wraps wherever it is shown: nothing is cut off, the page never scrolls sideways", { timeout: 120000 }, async () => {
    const { page } = await open({ viewport: { width: 375, height: 800 } });
    const stem = `add-users_${"exported_from_the_long_hr_system".repeat(4)}`;
    const bigName = join(TMP, `${stem}_million.csv`);
    if (!existsSync(bigName)) symlinkSync(millionRows().path, bigName);
    await page.setInputFiles("#file-input", bigName);
    await page.waitForFunction(() => Number(document.getElementById("progress-bar").value) > 0.01, null, { timeout: 60000 });
    assert.deepEqual(await overflowing(page), [], "while checking");
    await page.click("#cancel-button");
    await page.waitForSelector("#progress", { state: "hidden" });
    assert.deepEqual(await overflowing(page), [], "cancelled");

    const name = valid(`${stem}.csv`);
    await page.setInputFiles("#file-input", name);
    await waitForResult(page, { file: `${stem}.csv` });
    await page.setInputFiles("#file-input", name);
    assert.match(await page.textContent("#files-note"), /not added again/);
    assert.deepEqual(await overflowing(page), [], "checked");
    await screenshot(page, "files-long-name-375", { fullPage: true });
    await page.click("#download-fixed");
    await page.waitForSelector('#convert-panel[data-state="ready"]');
    assert.deepEqual(await overflowing(page), [], "fixed file");
  });
});
