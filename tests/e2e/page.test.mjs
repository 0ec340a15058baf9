// The served demo page (www/dist on 127.0.0.1) in headless Chromium: what it shows must be what
// the CLI reports, nothing may leave the page's origin, and a million-row file must not freeze it.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { describe, test } from "node:test";
import {
  FIXTURES,
  ROOT,
  chooseFiles,
  cli,
  contrastRatio,
  cliReport,
  cliResultCsv,
  fixture,
  reportTriples,
  screenshot,
  servedPage,
  shownTriples,
  TMP,
  waitForResult,
} from "./helpers.mjs";
import { millionRows, longestFrameGap } from "./large.mjs";

/** Opens the served page (checked for foreign requests and errors after each test). */
const open = servedPage();

/** Built-in profile ids and the fixture directory of each (tests/fixtures/<id with / as ->). */
function fixtureSets() {
  const ids = cli(["profiles"])
    .stdout.split("\n")
    .map((line) => line.split(/\s+/)[0])
    .filter((id) => id && id.includes("/"));
  return ids
    .map((profile) => {
      const dir = profile.replaceAll("/", "-");
      let files = [];
      try {
        files = readdirSync(join(FIXTURES, dir))
          .filter((f) => [".csv", ".tsv", ".txt"].includes(extname(f)))
          .sort();
      } catch {
        // No fixtures for this profile.
      }
      return { profile, dir, files: files.map((f) => join(FIXTURES, dir, f)) };
    })
    .filter((set) => set.files.length);
}

describe("the served page", () => {
  test("loads with a strict CSP, the privacy line and one file input", async () => {
    const { page } = await open();
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    // One input for the files to check; the export's input shows only for formats with a key.
    assert.equal(await page.locator('input[type="file"]').count(), 2);
    assert.equal(await page.getAttribute("#file-input", "multiple"), "");
    assert.equal(await page.inputValue("#profile-select"), "fujifilm-iwpro/add-users");
    assert.ok(await page.isHidden("#baseline-field"));
    assert.match(await page.textContent("#privacy-line"), /never leave this computer/);
    assert.equal(await page.getAttribute("html", "data-build"), "site");
    await screenshot(page, "served-empty");

    // A narrow window (a phone, a split screen): one column, nothing cut off.
    await page.setViewportSize({ width: 420, height: 900 });
    await chooseFiles(page, [fixture("fujifilm-iwpro-add-users", "missing-value.csv")]);
    await page.click("#diag-body tr[data-row]:not([data-row=''])");
    await page.waitForSelector("#preview-grid td.bad");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 420 px window`);
    await screenshot(page, "served-narrow", { fullPage: true });
  });

  test("every fixture: the table shows the CLI's (row, column, code) set", async () => {
    let checked = 0;
    for (const { profile, dir, files } of fixtureSets()) {
      const expected = JSON.parse(cli(["check", "--profile", profile, "--format", "json", ...files]).stdout);
      const reports = files.length === 1 ? [expected] : expected;
      const { page, context } = await open();
      await chooseFiles(page, files);
      for (const [i, file] of files.entries()) {
        const name = basename(file);
        await page.click(`.file-item >> nth=${i}`);
        if ((await page.inputValue("#profile-select")) !== profile) await page.selectOption("#profile-select", profile);
        await waitForResult(page, { file: name, profile });
        assert.deepEqual(await shownTriples(page), reportTriples(reports[i]), `${dir}/${name}`);
        await page.selectOption("#page-size", "100");
        checked += 1;
      }
      if (dir === "fujifilm-iwpro-add-users") await screenshot(page, "served-fixtures-list", { fullPage: true });
      // Closed now, to bound memory over the fixtures; checked with the others after the test.
      await context.close();
    }
    assert.ok(checked >= 60, `only ${checked} fixtures were checked`);
  });

  test("dropping several files lists them all and suggests each one's profile with the reason", async () => {
    const { page } = await open();
    const cases = [
      [fixture("fujifilm-iwpro-add-users", "shift-jis.csv"), "fujifilm-iwpro/add-users"],
      [join(ROOT, "examples/add-users_example.csv"), "fujifilm-iwpro/add-users"],
      [fixture("learningbox-users", "valid-japanese-header.csv"), "learningbox/users"],
      [fixture("flat-users-differential", "valid.tsv"), "flat/users-differential"],
      [fixture("flat-users-total", "valid.tsv"), "flat/users-total"],
      [fixture("canon-users", "valid.csv"), "canon/users"],
      [fixture("celf-users", "valid.csv"), "celf/users"],
      [fixture("celf-groups", "valid.csv"), "celf/groups"],
    ];
    const files = cases.map(([path]) => path);
    const payload = files.map((path) => ({ name: basename(path), base64: readFileSync(path).toString("base64") }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], name, { type: "text/csv" }));
      }
      return dt;
    }, payload);
    await page.dispatchEvent("#dropzone", "dragenter", { dataTransfer });
    assert.ok(await page.$eval("#dropzone", (el) => el.classList.contains("dragging")));
    await page.dispatchEvent("#dropzone", "drop", { dataTransfer });
    await page.waitForFunction(
      (n) => document.querySelectorAll(".file-item .status-ok, .file-item .status-error").length === n,
      files.length,
    );
    // The two CELF files are checked together, as the CLI's bundle check: "valid.csv" names no role,
    // so the groups file's "id, name" header (a users file's too) is assumed groups, with a warning.
    const celfPaths = cases.filter(([, profile]) => profile.startsWith("celf/")).map(([path]) => path);
    const celfBundle = JSON.parse(cli(["check", "--profile", "celf", "--format", "json", ...celfPaths]).stdout);
    assert.deepEqual(celfBundle.files.map((f) => f.report.summary.byCode["role-assumed"]), [undefined, 1]);
    for (const [i, [path, profile]] of cases.entries()) {
      const name = basename(path);
      await page.click(`.file-item >> nth=${i}`);
      await waitForResult(page, { file: name, profile });
      assert.equal(await page.inputValue("#profile-select"), profile, name);
      const reason = await page.textContent("#profile-reason");
      assert.match(reason, /Suggested from the header: \d+ of \d+ labels match/, name);
      if (name === "add-users_example.csv") assert.match(reason, /file name matches/);
      const report = profile.startsWith("celf/")
        ? celfBundle.files.find((f) => f.report.profile === profile).report
        : cliReport(path, profile);
      assert.deepEqual(await shownTriples(page), reportTriples(report), name);
      assert.equal(await page.getAttribute("#results", "data-valid"), String(report.valid), name);
    }
    await page.click(".file-item >> nth=0");
    assert.equal(await page.textContent('[data-detected="encoding"] dd'), "Shift_JIS (CP932)");
    await screenshot(page, "served-dropped-files", { fullPage: true });
  });

  test("tenant parameters reach the check (as the CLI's --param)", async () => {
    const { page } = await open();
    const file = fixture("fujifilm-iwpro-add-users", "valid.csv");
    await chooseFiles(page, [file]);
    await page.fill("#param-availableSeats", "1");
    await page.fill("#param-allowedEmailDomains", "example.com, example.org");
    assert.ok(await page.isVisible("#stale-note"));
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done] .stat-error");
    await waitForResult(page, { file: "valid.csv" });
    const report = cliReport(file, "fujifilm-iwpro/add-users", [
      "--param",
      "availableSeats=1",
      "--param",
      "allowedEmailDomains=example.com,example.org",
    ]);
    assert.ok(report.summary.byCode["too-many-rows"] && report.summary.byCode["email-domain-not-allowed"]);
    assert.deepEqual(await shownTriples(page), reportTriples(report));
    assert.ok(!(await page.isVisible("#stale-note")));
  });

  test("a tenant setting that cannot be used is said by its field (en/ja), and no check runs without it", async () => {
    const { page } = await open();
    await chooseFiles(page, [fixture("fujifilm-iwpro-add-users", "valid.csv")]);
    await page.fill("#param-availableSeats", "-5");
    assert.equal(await page.textContent("#param-availableSeats-error"), "Enter a whole number of 0 or more, in digits: this value is not used.");
    assert.equal(await page.getAttribute("#param-availableSeats", "aria-invalid"), "true");
    assert.match(await page.getAttribute("#param-availableSeats", "aria-describedby"), /param-availableSeats-error/);
    assert.equal(await page.textContent("#stale-note"), "A tenant setting is not valid (see the message by the field): fix it to check the file.");
    // Check does not run without the value: it takes the keyboard to the field.
    await page.click("#check-button");
    assert.equal(await page.evaluate(() => document.activeElement.id), "param-availableSeats");
    assert.ok(await page.isHidden("#progress"));
    // A file chosen now waits for the setting to be fixed.
    const waiting = join(TMP, "add-users_seats.csv");
    writeFileSync(waiting, readFileSync(fixture("fujifilm-iwpro-add-users", "valid.csv")));
    await page.setInputFiles("#file-input", waiting);
    await page.waitForSelector('#results[data-state="blocked"][data-file="add-users_seats.csv"]');
    assert.equal(await page.textContent(".file-item[aria-current] .status"), "fix the settings");
    assert.equal(
      await page.textContent("#results-empty"),
      "add-users_seats.csv is not checked yet: a tenant setting is not valid. Fix it, and the file is checked.",
    );
    await page.click('[data-lang="ja"]');
    assert.equal(await page.textContent("#param-availableSeats-error"), "0 以上の整数を数字で入力してください。この値は使われません。");
    assert.equal(await page.textContent(".file-item[aria-current] .status"), "設定を修正");
    await screenshot(page, "served-invalid-setting");
    // Fixed (full-width digits are digits too) and committed: the waiting file is checked with it.
    await page.fill("#param-availableSeats", "１");
    assert.ok(await page.isHidden("#param-availableSeats-error"));
    await page.keyboard.press("Tab");
    await waitForResult(page, { file: "add-users_seats.csv", lang: "ja" });
    const report = cliReport(waiting, "fujifilm-iwpro/add-users", ["--param", "availableSeats=1"]);
    assert.ok(report.summary.byCode["too-many-rows"]);
    assert.deepEqual(await shownTriples(page), reportTriples(report));
  });

  test("the system's current export: the CLI's --baseline report and plan; an unusable export fails", async () => {
    const { page } = await open();
    const upload = fixture("flat-users-total", "plan-total.tsv");
    const exported = fixture("flat-users-total", "export.tsv");
    await chooseFiles(page, [upload]);
    if ((await page.inputValue("#profile-select")) !== "flat/users-total") {
      await page.selectOption("#profile-select", "flat/users-total");
      await waitForResult(page, { file: "plan-total.tsv", profile: "flat/users-total" });
    }
    assert.ok(await page.isHidden("#plan-box"));
    assert.ok(await page.isVisible("#baseline-field"));
    await page.setInputFiles("#baseline-input", exported);
    assert.equal(await page.textContent("#baseline-name"), "Export: export.tsv");
    assert.ok(await page.isVisible("#stale-note"));
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done] #plan-box:not([hidden])");
    const report = cliReport(upload, "flat/users-total", ["--baseline", exported]);
    assert.deepEqual(await shownTriples(page), reportTriples(report));
    const { plan } = report;
    const expected = {
      baseline: String(plan.baselineRecords),
      add: String(plan.add.count),
      update: String(plan.update.count),
      unchanged: String(plan.unchanged.count),
      delete: String(plan.delete.count),
      ...(plan.rejected.count ? { rejected: String(plan.rejected.count) } : {}),
      ...(plan.conflicts.count ? { conflicts: String(plan.conflicts.count) } : {}),
      ...(plan.rowsWithoutKey ? { withoutKey: String(plan.rowsWithoutKey) } : {}),
      after: String(plan.recordsAfter),
      ...(plan.seats ? { seats: String(plan.seats.counted) } : {}),
    };
    const shown = await page.$$eval("#plan > div", (rows) =>
      Object.fromEntries(rows.map((row) => [row.dataset.plan, row.querySelector("dd").textContent])),
    );
    assert.deepEqual(shown, expected);
    assert.ok(plan.delete.count > 0, "the fixture's total import deletes users");
    // Who: the keys of the users added, changed and deleted.
    const keys = await page.$$eval("#plan > div", (rows) =>
      Object.fromEntries(rows.filter((row) => row.querySelector(".plan-keys")).map((row) => [row.dataset.plan, row.querySelector(".plan-keys").textContent])),
    );
    const listed = Object.fromEntries(["add", "update", "delete"].filter((k) => plan[k].count).map((k) => [k, plan[k].keys.join(", ")]));
    assert.deepEqual(keys, listed);
    assert.ok(keys.delete.split(", ").length === plan.delete.count);
    assert.ok(!(await page.isVisible("#stale-note")));
    await screenshot(page, "served-baseline", { fullPage: true });
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    const shownCsv = readFileSync(await csv.path());
    assert.ok(shownCsv.equals(cliResultCsv(upload, "flat/users-total", ["--baseline", exported])), "result CSV");

    // An export without the key column: the check fails with the reason.
    const bad = join(TMP, "export-without-email.tsv");
    writeFileSync(bad, "#tag\tpermission\r\nSales\t\r\n");
    await page.setInputFiles("#baseline-input", bad);
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=failed]");
    assert.equal(
      await page.textContent("#results-error"),
      "plan-total.tsv could not be checked: the current export cannot be used: it has no column “email”, which identifies the users, " +
        "so its rows cannot be matched with the file’s. Export the users from the target system again, with every column.",
    );
    // The check just ran with these settings: no "settings changed" note, no older results below.
    assert.ok(await page.isHidden("#stale-note"));
    assert.ok(await page.isHidden("#results-body"));

    // Removed: the next check has no plan.
    await page.click("#baseline-clear");
    assert.ok(await page.isHidden("#baseline-clear"));
    assert.equal(await page.textContent("#baseline-name"), "none: the file is checked on its own");
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done]");
    assert.ok(await page.isHidden("#plan-box"));

    // Canon: the export adds findings (read-only columns), in the table and in the result CSV.
    const canon = fixture("canon-users", "plan-upload.csv");
    const canonExport = fixture("canon-users", "export.csv");
    await page.setInputFiles("#file-input", [canon]);
    await page.click(".file-item >> nth=1");
    if ((await page.inputValue("#profile-select")) !== "canon/users") await page.selectOption("#profile-select", "canon/users");
    await waitForResult(page, { file: "plan-upload.csv", profile: "canon/users" });
    await page.setInputFiles("#baseline-input", canonExport);
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done][data-file='plan-upload.csv'] #plan-box:not([hidden])");
    const canonReport = cliReport(canon, "canon/users", ["--baseline", canonExport]);
    assert.ok(canonReport.summary.byCode["read-only-changed"]);
    assert.deepEqual(await shownTriples(page), reportTriples(canonReport));
    const [canonCsv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    const canonBytes = readFileSync(await canonCsv.path());
    assert.ok(canonBytes.equals(cliResultCsv(canon, "canon/users", ["--baseline", canonExport])), "Canon result CSV");
    assert.ok(!canonBytes.equals(cliResultCsv(canon, "canon/users")), "the export's findings are in the result CSV");
  });

  test("learningBOX against its export: a row whose e-mail another user has is refused, not added (the CLI's plan)", async () => {
    const { page } = await open();
    const upload = fixture("learningbox-users", "plan-upload.csv");
    const exported = fixture("learningbox-users", "export.csv");
    await chooseFiles(page, [upload]);
    if ((await page.inputValue("#profile-select")) !== "learningbox/users") {
      await page.selectOption("#profile-select", "learningbox/users");
      await waitForResult(page, { file: "plan-upload.csv", profile: "learningbox/users" });
    }
    await page.setInputFiles("#baseline-input", exported);
    await page.click("#check-button");
    await page.waitForSelector("#results[data-state=done] #plan-box:not([hidden])");
    const { plan } = cliReport(upload, "learningbox/users", ["--baseline", exported]);
    assert.deepEqual([plan.add.keys, plan.conflicts.keys, plan.recordsAfter], [["sato-j"], ["tanaka2"], 4]);
    const shown = await page.$$eval("#plan > div", (rows) =>
      rows.map((row) => [...row.querySelectorAll("dt, dd")].map((cell) => cell.textContent).join(" | ")),
    );
    assert.deepEqual(shown, [
      "In the export | 3",
      "Added | 1 | sato-j",
      "Changed | 1 | yamada01",
      "Unchanged | 1",
      "Deleted | 0",
      "Refused: the e-mail or ID is another user’s | 1 | tanaka2",
      "Users after the import | 4",
    ]);
  });

  test("CELF's users, groups and affiliations: checked together, as the CLI's bundle check", async () => {
    const { page } = await open();
    const files = ["users.csv", "groups.csv", "affiliations-dangling.csv"].map((name) => fixture("celf", name));
    const expected = JSON.parse(cli(["check", "--profile", "celf", "--format", "json", ...files]).stdout);
    const byName = new Map(expected.files.map((f) => [basename(f.report.fileName), f.report]));
    // Without the exports, IDs outside the files may be registered already: a warning per foreign key.
    assert.equal(byName.get("affiliations-dangling.csv").summary.byCode["reference-outside-file"], 2, "the fixture has dangling references");
    await page.setInputFiles("#file-input", files);
    // The files join the bundle as their formats are recognised: wait for the check of all three.
    await page.waitForFunction(() => document.querySelectorAll(".file-item .status-error, .file-item .status-ok").length === 3);
    await page.waitForSelector("#progress[hidden]", { state: "attached" });
    for (const [i, path] of files.entries()) {
      const name = basename(path);
      await page.click(`.file-item >> nth=${i}`);
      const report = byName.get(name);
      assert.equal(await page.inputValue("#profile-select"), report.profile, name);
      await waitForResult(page, { file: name, profile: report.profile });
      assert.deepEqual(await shownTriples(page), reportTriples(report), name);
      const others = files.map((f) => basename(f)).filter((n) => n !== name).join(", ");
      assert.equal(
        await page.textContent("#bundle-note"),
        `Checked together with ${others} (CELF — import user group information (users, groups, affiliations)): references across the files are checked. ` +
          "The result CSV lists this file's own findings; the report and the JSON download have them all.",
      );
    }
    await screenshot(page, "served-bundle", { fullPage: true });
  });

  test("Japanese by default for a Japanese browser; switching language re-renders the messages", async () => {
    const { page } = await open({ locale: "ja-JP" });
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.equal(await page.textContent("#results-heading"), "3. 結果");
    const file = fixture("fujifilm-iwpro-add-users", "invalid-email.csv");
    await chooseFiles(page, [file], { lang: "ja" });
    const messages = async () => page.$$eval("#diag-body tr .message", (cells) => cells.map((c) => c.firstChild.textContent));
    const ja = cliReport(file, "fujifilm-iwpro/add-users", ["--lang", "ja"]);
    assert.deepEqual(await messages(), ja.diagnostics.map((d) => d.message));
    await screenshot(page, "served-ja", { fullPage: true });

    await page.click('[data-lang="en"]');
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("#results-heading"), "3. Results");
    await waitForResult(page, { file: "invalid-email.csv", lang: "en" });
    const en = cliReport(file, "fujifilm-iwpro/add-users");
    assert.deepEqual(await messages(), en.diagnostics.map((d) => d.message));
    assert.equal(await page.getAttribute('[data-lang="en"]', "aria-pressed"), "true");
  });

  test("switching language keeps the selected diagnostic, on its page, and its preview", async () => {
    const { page } = await open({ locale: "ja-JP" });
    const header = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";
    const rows = Array.from({ length: 150 }, (_, i) => `user${i}${i === 130 ? ".example.com" : "@example.com"},山田,太郎,${i < 120 ? "JA" : "ja"},,NCS001,,,,,`);
    const file = join(TMP, "add-users_lang.csv");
    writeFileSync(file, [header, ...rows, ""].join("\r\n"));
    await chooseFiles(page, [file], { lang: "ja" });
    // The bad e-mail is on the second page (120 bad languages come first).
    await page.click("#page-next");
    await page.click('#diag-body tr[data-code="invalid-email"]');
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="132"] td.bad');
    assert.equal(await page.textContent("#preview-where"), "132 行目（物理行 132）・列 mail_address");

    await page.click('[data-lang="en"]');
    await waitForResult(page, { file: "add-users_lang.csv", lang: "en" });
    const selected = await page.$eval("#diag-body tr.selected", (tr) => [tr.dataset.row, tr.dataset.code, tr.querySelector(".message").firstChild.textContent]);
    assert.deepEqual(selected, ["132", "invalid-email", "not a valid e-mail address"]);
    assert.equal(await page.textContent("#diag-count"), "101–121 of 121");
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="132"] td.bad');
    assert.equal(await page.textContent("#preview-where"), "Row 132, line 132, column mail_address");
  });

  test("the result CSV and the JSON report downloads have the CLI's bytes and report", async () => {
    const { page } = await open();
    for (const [dir, name, lang] of [
      ["fujifilm-iwpro-add-users", "invalid-email.csv", "en"],
      ["flat-users-differential", "delimiter.csv", "ja"],
      ["fujifilm-iwpro-add-users", "shift-jis.csv", "ja"],
      ["learningbox-users", "valid-japanese-header.csv", "en"],
    ]) {
      const file = fixture(dir, name);
      if ((await page.getAttribute("html", "lang")) !== lang) await page.click(`[data-lang="${lang}"]`);
      await chooseFiles(page, [file], { lang });
      const profile = await page.getAttribute("#results", "data-profile");
      const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
      assert.equal(csv.suggestedFilename(), name.replace(/\.\w+$/, "_result.csv"));
      const shown = readFileSync(await csv.path());
      const expected = cliResultCsv(file, profile, ["--lang", lang]);
      assert.ok(shown.equals(expected), `${name}: the result CSV differs from the CLI's`);

      const [json] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
      const report = JSON.parse(readFileSync(await json.path(), "utf8"));
      assert.deepEqual(report, cliReport(file, profile, ["--lang", lang]), `${name}: the JSON report differs`);
    }
  });

  test("filters, paging, keyboard selection and the file preview", async () => {
    const { page } = await open();
    const file = fixture("fujifilm-iwpro-add-users", "invalid-email.csv");
    await chooseFiles(page, [file]);
    const report = cliReport(file, "fujifilm-iwpro/add-users");

    // One page: the pager's four buttons are disabled, look it (unlike an enabled button), and their
    // text still meets WCAG AA (4.5:1).
    const look = (selector) => page.$eval(selector, (b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    for (const id of ["page-first", "page-prev", "page-next", "page-last"]) {
      assert.ok(await page.isDisabled(`#${id}`), `#${id} is disabled`);
      assert.notDeepEqual(await look(`#${id}`), await look("#download-json"), `#${id} looks disabled`);
      const ratio = await contrastRatio(page, `#${id}`);
      assert.ok(ratio >= 4.5, `#${id}: contrast ${ratio.toFixed(2)}:1`);
    }

    await page.selectOption("#filter-code", "invalid-email");
    const codes = await page.$$eval("#diag-body tr", (rows) => rows.map((r) => r.dataset.code));
    assert.deepEqual(codes, report.diagnostics.filter((d) => d.code === "invalid-email").map((d) => d.code));
    await page.selectOption("#filter-code", "");
    await page.selectOption("#filter-column", "mail_address");
    // Three invalid addresses, one of them with a character outside the user-ID rule (a warning).
    assert.equal(await page.locator("#diag-body tr").count(), 4);
    await page.selectOption("#filter-column", "");
    await page.selectOption("#filter-severity", "warning");
    assert.equal(await page.locator("#diag-body tr").count(), 1);
    await page.selectOption("#filter-severity", "info");
    assert.equal(await page.locator("#diag-body tr").count(), 0);
    assert.ok(await page.isVisible("#diag-empty"));
    await page.selectOption("#filter-severity", "error");
    assert.equal(await page.locator("#diag-body tr").count(), report.summary.errors);

    // Keyboard: Tab reaches the table's first row; arrows move the selection and the preview follows.
    await page.focus("#page-size");
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.matches("#diag-body tr"))) && guard++ < 20) {
      await page.keyboard.press("Tab");
    }
    assert.ok(guard < 20, "Tab reaches the diagnostics table");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const selected = await page.$eval("#diag-body tr.selected", (tr) => ({ ...tr.dataset }));
    const diag = report.diagnostics[Number(selected.index)];
    assert.equal(selected.row, String(diag.row));
    await page.waitForSelector(`#preview-grid tr.target[data-preview-row="${diag.row}"] td.bad`);
    assert.equal(await page.textContent("#preview-grid td.bad"), diag.value);
    // Rows 2 to 4 (the header, row 1, is the grid's head).
    assert.equal(await page.locator("#preview-grid tbody tr").count(), 3);
    await screenshot(page, "served-preview");
  });

  test("a million rows: progress, a responsive page, Cancel, then 200,000 diagnostics paged", { timeout: 240000 }, async () => {
    const big = millionRows();
    const { page } = await open();
    await page.setInputFiles("#file-input", big.path);
    await page.waitForFunction(() => Number(document.getElementById("progress-bar").value) > 0.02, null, { timeout: 60000 });
    assert.match(await page.textContent("#progress-detail"), /MB of .*MB .* rows/);
    // Early enough that Cancel still finds the check running (it takes a few seconds here).
    await screenshot(page, "served-million-progress");
    const gap = await longestFrameGap(page, 500);
    console.log(`longest frame gap while checking in the worker: ${gap} ms`);
    assert.ok(gap < 250, `the page froze for ${gap} ms while checking`);
    await page.focus("#cancel-button");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#progress", { state: "hidden" });
    assert.equal(await page.textContent(".file-item .status"), "cancelled");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "check-button", "focus goes to Check, not to the page");
    assert.equal(await page.getAttribute("#results", "data-state"), "cancelled");

    const started = Date.now();
    await page.click("#check-button");
    await waitForResult(page, { file: basename(big.path), timeout: 180000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`1,000,000 rows (${(big.size / 1e6).toFixed(0)} MB) checked in the worker in ${seconds.toFixed(1)} s`);
    assert.equal(await page.textContent('[data-stat="rows"] dd'), "1,000,000");
    assert.equal(await page.textContent('[data-stat="errors"] dd'), big.errors.toLocaleString("en-US"));
    assert.ok(await page.isVisible("#capped-note"));
    assert.equal(await page.textContent("#diag-count"), "1–100 of 200,000");
    assert.equal(await page.locator("#diag-body tr").count(), 100);

    let t = Date.now();
    await page.click("#page-last");
    await page.waitForSelector("#diag-body tr:last-child[data-index='199999']");
    const last = Date.now() - t;
    t = Date.now();
    await page.selectOption("#filter-code", "not-in-list");
    const filtered = Date.now() - t;
    assert.ok(last < 2000 && filtered < 2000, `paging ${last} ms, filtering ${filtered} ms`);
    const first = await page.$eval("#diag-body tr", (tr) => ({ ...tr.dataset }));
    assert.deepEqual([first.row, first.column, first.code], ["8", "language", "not-in-list"]);
    await page.click("#diag-body tr");
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="8"] td.bad');
    assert.equal(await page.textContent("#preview-grid td.bad"), "JA");
    await screenshot(page, "served-million-done", { fullPage: true });
  });
});

/** Writes `lines` as a UTF-8 file with a BOM and CRLF line endings (Excel's "CSV UTF-8"). */
function utf8BomFile(name, lines) {
  const path = join(TMP, name);
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.map((l) => `${l}\r\n`).join(""))]));
  return path;
}

const IWPRO_HEADER = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";

describe("the suggestion, the table and the downloads on awkward files", () => {
  test("CELF users reduced to id,name: the file name tells them from groups, else groups is assumed and said so", async () => {
    const { page } = await open();
    const users = utf8BomFile("ユーザー一覧.csv", ["id,name", "user01,山田 太郎"]);
    await chooseFiles(page, [users]);
    await waitForResult(page, { file: "ユーザー一覧.csv", profile: "celf/users" });
    assert.equal(
      await page.textContent("#profile-reason"),
      "Suggested from the header: 2 of 2 labels match “CELF — user information”. " +
        "The file name (“ユーザ”) tells it from “CELF — group information”, whose header is the same.",
    );
    const unnamed = utf8BomFile("export.csv", ["id,name", "user01,山田 太郎"]);
    await page.setInputFiles("#file-input", unnamed);
    await waitForResult(page, { file: "export.csv", profile: "celf/groups" });
    assert.equal(
      await page.textContent("#profile-reason"),
      "Suggested from the header: 2 of 2 labels match “CELF — group information”. " +
        "1 other formats match the header as well (“CELF — user information”); pick the operation you mean. " +
        "A file name with “user” in it is taken as “CELF — user information”.",
    );
    // The two files are checked together; the assumed role is a warning, as the CLI's.
    const expected = JSON.parse(cli(["check", "--profile", "celf", "--format", "json", users, unnamed]).stdout);
    assert.deepEqual(expected.files.map((f) => [f.role, f.report.diagnostics.map((d) => d.code).join()]), [
      ["users", "required-for-new"],
      ["groups", "role-assumed"],
    ]);
    await page.waitForSelector("#progress[hidden]", { state: "attached" });
    assert.deepEqual(await shownTriples(page), reportTriples(expected.files[1].report));
  });

  test("a weak header match picks no format: the file name's format, else none; never a green guess", async () => {
    const { page } = await open();
    // IWpro's columns under Japanese labels: one label ("メールアドレス") is also learningBOX's, whose
    // columns are all optional, so a check against it would pass.
    const jpHeader = utf8BomFile("add-users_jpheader.csv", [
      "メールアドレス,姓,名,言語,グループ,オプション,会社名,部署名,役職名,デバイスユーザーID,ICカード番号",
      "taro.yamada@example.co.jp,山田,太郎,ja,,NCS001,,,,,",
    ]);
    await chooseFiles(page, [jpHeader]);
    await page.waitForFunction(() => document.getElementById("profile-reason").textContent !== "");
    assert.equal(await page.inputValue("#profile-select"), "fujifilm-iwpro/add-users");
    assert.equal(
      await page.textContent("#profile-reason"),
      "The file name follows the pattern of “FUJIFILM IWpro — add users”, but only 0 of 11 labels of the header match it: check that this is the format you mean.",
    );
    assert.equal(await page.getAttribute("#results", "data-valid"), "false");
    assert.equal(await page.textContent(".file-meta"), `${await page.$eval(".file-meta", (e) => e.textContent.split(" · ")[0])} · FUJIFILM IWpro — add users`);

    // CELF users under Japanese labels, a name without a pattern: no suggestion at all.
    const celf = utf8BomFile("celf_users_jp.csv", [
      "ID,名前,パスワード,管理者,アプリ開発者,DB管理者,CELFアプリ利用者,Webアプリ利用者,AI利用者,停止,個人開発者,2FA除外",
      "admin02,管理 者,Adm1n!pass,1,1,0,1,1,0,0,0,0",
    ]);
    await page.setInputFiles("#file-input", celf);
    await waitForResult(page, { file: "celf_users_jp.csv" });
    assert.equal(await page.textContent("#profile-reason"), "No format matches this header well; choose the target system yourself.");
    assert.notEqual(await page.inputValue("#profile-select"), "learningbox/users");
    assert.equal(await page.$$eval("#profile-select option", (o) => o.filter((x) => x.textContent.includes("suggested")).length), 0);
    assert.equal(await page.getAttribute("#results", "data-valid"), "false");

    // Ties are named by their titles.
    await page.setInputFiles("#file-input", fixture("fujifilm-iwpro-add-users", "valid.csv"));
    await waitForResult(page, { file: "valid.csv" });
    assert.match(
      await page.textContent("#profile-reason"),
      /3 other formats match the header as well \(“FUJIFILM IWpro — invite users”, “FUJIFILM IWpro — [^”]+”, “FUJIFILM IWpro — [^”]+”\)/,
    );
  });

  test("empty header cells are named by their index: table, column filter and preview", async () => {
    const { page } = await open({ locale: "ja-JP" });
    const file = utf8BomFile("add-users_trailing.csv", [
      `${IWPRO_HEADER},,`,
      "taro.yamada@example.co.jp,山田,太郎,ja,,NCS001,,,,,,,",
      ",,,,,,,,,,,,",
    ]);
    await chooseFiles(page, [file], { lang: "ja" });
    const blank = await page.$$eval('#diag-body tr[data-code="blank-label"]', (rows) => rows.map((r) => r.querySelector(".col").textContent));
    assert.deepEqual(blank, ["#12", "#13"]);
    const options = await page.$$eval("#filter-column option", (o) => o.map((x) => x.textContent));
    assert.ok(options.includes("#12（列名が空） (1)"), options.join(" / "));
    await page.selectOption("#filter-column", { label: "#13（列名が空） (1)" });
    assert.deepEqual(await page.$$eval("#diag-body tr", (rows) => rows.map((r) => r.querySelector(".col").textContent)), ["#13"]);
    await page.click("#diag-body tr");
    await page.waitForSelector("#preview-grid:not([hidden])");
    assert.equal(await page.textContent("#preview-where"), "1 行目（物理行 1）・列 #13");
    // A plain table has no selection in ARIA: the chosen row is "current", nothing is aria-selected.
    assert.equal(await page.locator("#diag-body [aria-selected]").count(), 0);
    assert.equal(await page.getAttribute("#diag-body tr.selected", "aria-current"), "true");
  });

  test("the preview shows the header row once, as the grid's head, unless the diagnostic is on it", async () => {
    const { page } = await open();
    const rowsShown = () => page.$$eval("#preview-grid tbody tr", (rows) => rows.map((r) => r.dataset.previewRow));
    const head = () => page.$$eval("#preview-grid thead th:not(.corner)", (cells) => cells.map((c) => c.textContent));
    const file = utf8BomFile("add-users_head.csv", [`${IWPRO_HEADER},`, "taro.yamada@example,山田,太郎,ja,,NCS001,,,,,,", "hanako@example.com,佐藤,花子,ja,,NCS001,,,,,,"]);
    await chooseFiles(page, [file]);
    await page.click('#diag-body tr[data-code="invalid-email"]');
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="2"]');
    assert.deepEqual(await rowsShown(), ["2", "3"]);
    assert.equal((await head())[0], "1 mail_address");
    // A diagnostic on the header itself: its row is shown, with the bad cell.
    await page.click('#diag-body tr[data-code="blank-label"]');
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="1"] td.bad');
    assert.deepEqual(await rowsShown(), ["1", "2", "3"]);

    // FLAT's differential import: the identification line (row 1) is data, the header is row 2.
    await chooseFiles(page, [fixture("flat-users-differential", "email.tsv")]);
    if ((await page.inputValue("#profile-select")) !== "flat/users-differential") {
      await page.selectOption("#profile-select", "flat/users-differential");
      await waitForResult(page, { file: "email.tsv", profile: "flat/users-differential" });
    }
    await page.click('#diag-body tr[data-code="missing-value"]');
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="3"]');
    assert.deepEqual((await rowsShown()).slice(0, 2), ["1", "3"]);
    assert.deepEqual((await head()).slice(0, 3), ["1 email", "2 tag", "3 permission"]);
  });

  test("a tab-separated file's result is .tsv; UTF-16 gives UTF-8 with BOM, as the hint says", async () => {
    const { page } = await open();
    const tsv = fixture("flat-users-total", "valid.tsv");
    await chooseFiles(page, [tsv]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.equal(download.suggestedFilename(), "valid_result.tsv");
    assert.ok(readFileSync(await download.path()).equals(cliResultCsv(tsv, await page.getAttribute("#results", "data-profile"))));

    // Excel's "Unicode text": UTF-16 LE with tabs.
    const unicode = join(TMP, "add-users_unicode.txt");
    const text = `${IWPRO_HEADER}\r\ntaro@example.com\t山田\t太郎\tja\t\tNCS001\t\t\t\t\t\r\n`.replace(/,/g, "\t");
    writeFileSync(unicode, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    await page.setInputFiles("#file-input", unicode);
    await waitForResult(page, { file: "add-users_unicode.txt" });
    const [utf16] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.equal(utf16.suggestedFilename(), "add-users_unicode_result.tsv");
    assert.deepEqual([...readFileSync(await utf16.path()).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(await page.textContent('[data-i18n="downloads.resultCsvHint"]'), /UTF-8 and UTF-16 files.*give UTF-8 with BOM/);
  });

  test("an empty file says so and offers no fixed file; the same file twice is listed once", async () => {
    const { page } = await open();
    const empty = join(TMP, "empty.csv");
    writeFileSync(empty, "");
    await chooseFiles(page, [empty]);
    await page.waitForFunction(() => document.getElementById("profile-reason").textContent !== "");
    assert.equal(await page.textContent("#profile-reason"), "The file is empty: there is nothing to check.");
    assert.ok(await page.isHidden("#download-fixed"), "nothing to convert");
    assert.ok(await page.isHidden("#download-csv"), "no row to annotate: the result CSV would be a BOM alone");
    assert.equal(await page.textContent('[data-detected="delimiter"] dd'), "none");

    await page.setInputFiles("#file-input", empty);
    assert.equal(await page.textContent("#files-note"), "Already in the list, not added again: empty.csv.");
    assert.equal(await page.locator(".file-item").count(), 1);
  });

  test("an image named .csv says it is not text and offers neither a fixed file nor a result CSV", async () => {
    const { page } = await open();
    const png = join(TMP, "add-users_photo.csv");
    writeFileSync(png, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));
    await chooseFiles(page, [png]);
    assert.equal(
      await page.textContent("#profile-reason"),
      "This is not a text file (a workbook, an archive, a PDF or an image?): there is nothing to check. Choose the CSV or TSV file itself.",
    );
    assert.deepEqual(await page.$$eval("#diag-body tr", (rows) => rows.map((r) => r.dataset.code)), ["not-text"]);
    assert.ok(await page.isHidden("#download-fixed"), "nothing to convert");
    assert.ok(await page.isHidden("#download-csv"), "no row to annotate");
    assert.ok(await page.isVisible("#download-json"));
    // A file with a header and no data row still has its result CSV and fixed file.
    const header = utf8BomFile("add-users_header-only.csv", [IWPRO_HEADER]);
    await chooseFiles(page, [header]);
    assert.ok(await page.isVisible("#download-csv"));
    assert.ok(await page.isVisible("#download-fixed"));
  });
});
