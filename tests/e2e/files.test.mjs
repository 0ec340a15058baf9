// The list of files on the served page: removing a file (also while it is checked), Cancel, and
// what the queue of checks does then.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import { TMP, fixture, foreignRequests, launch, openPage, serveDist, waitForResult } from "./helpers.mjs";
import { millionRows } from "./large.mjs";

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
});
