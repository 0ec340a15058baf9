// A generated million-row IWpro file with a known number of errors (written once per run, in the
// temporary directory), and a measure of how long the page's main thread was blocked.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, symlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HEADER =
  "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";
const ROWS = 1_000_000;

/**
 * add-users_million.csv: 1,000,000 data rows; data row i (spreadsheet row i + 2) has an e-mail
 * without "@" when i % 5 == 2 (invalid-email) and language "JA" when i % 7 == 6 (not-in-list).
 */
export function millionRows() {
  const path = join(tmpdir(), "csv-preflight-e2e-add-users_million.csv");
  let errors = 0;
  for (let i = 0; i < ROWS; i++) errors += Number(i % 5 === 2) + Number(i % 7 === 6);
  if (!existsSync(path) || statSync(path).mtimeMs < Date.now() - 86400000) {
    const fd = openSync(`${path}.tmp`, "w");
    writeSync(fd, HEADER);
    let chunk = "";
    for (let i = 0; i < ROWS; i++) {
      const mail = i % 5 === 2 ? `user${i}.example.com` : `user${i}@example.com`;
      const language = i % 7 === 6 ? "JA" : i % 2 ? "ja" : "en";
      chunk += `${mail},山田,太郎${i % 100},${language},,NCS001,,,,,\r\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    // Renamed into place so that a run stopped halfway never leaves a short file behind.
    renameSync(`${path}.tmp`, path);
  }
  // The name the page sees must match IWpro's pattern (add-users_*.csv) for no file-name error.
  return { path: linkAs(path, "add-users_million.csv"), size: statSync(path).size, errors };
}

function linkAs(path, name) {
  const dir = join(tmpdir(), "csv-preflight-e2e-big");
  mkdirSync(dir, { recursive: true });
  const link = join(dir, name);
  if (!existsSync(link)) symlinkSync(path, link);
  return link;
}

/** The longest time between two animation frames over `ms` milliseconds (main-thread blocking). */
export function longestFrameGap(page, ms) {
  return page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        const start = performance.now();
        let last = start;
        let longest = 0;
        const frame = (now) => {
          longest = Math.max(longest, now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(frame);
          else resolve(Math.round(longest));
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}
