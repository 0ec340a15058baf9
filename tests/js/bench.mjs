// Benchmark (not a test): the full check of a 1,000,000-row FUJIFILM IWpro add-users file by the
// wasm `Checker` in Node (pushed in 1 MiB chunks), against Papa Parse *parsing only* the same bytes.
// Usage (after `bash pkg-template/build.sh`): node tests/js/bench.mjs [rows]
import { performance } from "node:perf_hooks";
import Papa from "papaparse";
import { Checker } from "csv-preflight";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 1 << 20;
const RUNS = 3;

const FAMILY = ["山田", "佐藤", "鈴木", "高橋", "田中", "Smith", "Müller", "伊藤", "渡辺", "中村"];
const GIVEN = ["太郎", "花子", "John", "Anna", "翔太", "美咲", "健一", "由美", "Lukas", "さくら"];
const OPTIONS = ["", "NCS001", "NCS002", "NCS001|NCS003", ""];

/** A valid add-users file: header + `rows` distinct users, UTF-8, CRLF (as Excel writes it); the
 * columns IWpro says need not be entered are left empty. */
function iwproFile(rows) {
  const lines = [
    "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number",
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `user${String(i).padStart(7, "0")}@example.co.jp`,
        FAMILY[i % 10],
        GIVEN[(i * 7) % 10],
        i % 3 === 0 ? "en" : "ja",
        "",
        OPTIONS[i % 5],
        "",
        "",
        "",
        "",
        "",
      ].join(","),
    );
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

function time(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function best(fn) {
  let out;
  for (let i = 0; i < RUNS; i++) {
    const run = time(fn);
    if (!out || run.ms < out.ms) out = run;
  }
  return out;
}

const bytes = iwproFile(ROWS);
const mb = bytes.length / 1e6;

const wasm = best(() => {
  const checker = new Checker({ profile: "fujifilm-iwpro/add-users", fileName: "add-users_bench.csv" });
  for (let at = 0; at < bytes.length; at += CHUNK) checker.push(bytes.subarray(at, at + CHUNK));
  return checker.finish();
});
const report = wasm.result;
if (report.summary.rows !== ROWS || !report.valid) {
  throw new Error(`unexpected report: ${JSON.stringify(report.summary)}`);
}

const decoder = new TextDecoder();
const papa = best(() => {
  const text = decoder.decode(bytes);
  return Papa.parse(text, { delimiter: ",", newline: "\r\n" });
});
if (papa.result.data.length !== ROWS + 2 || papa.result.errors.length !== 0) {
  throw new Error(`unexpected Papa Parse result: ${papa.result.data.length} rows`);
}
const text = decoder.decode(bytes);
const papaText = best(() => Papa.parse(text, { delimiter: ",", newline: "\r\n" }));

const rate = (ms) => mb / (ms / 1000);
const line = (name, ms) => `${name.padEnd(58)} ${rate(ms).toFixed(1).padStart(7)} MB/s  (${ms.toFixed(0)} ms)`;
console.log(`${ROWS.toLocaleString("en")} rows, ${mb.toFixed(1)} MB (UTF-8, CRLF); best of ${RUNS} runs; node ${process.version}`);
console.log(line("csv-preflight Checker, full check (1 MiB chunks)", wasm.ms));
console.log(line("Papa Parse, parse only (bytes: TextDecoder + parse)", papa.ms));
console.log(line("Papa Parse, parse only (string already decoded)", papaText.ms));
console.log(`ratio: ${(papa.ms / wasm.ms).toFixed(2)}x Papa Parse on the same bytes, ${(papaText.ms / wasm.ms).toFixed(2)}x Papa Parse on a decoded string`);
