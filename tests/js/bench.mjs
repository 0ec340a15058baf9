// Benchmark (not a test): the full check of a 1,000,000-row FUJIFILM IWpro add-users file by the
// wasm `Checker` in Node (pushed in 1 MiB chunks, told the file's size as `checkFile` tells it),
// against Papa Parse *parsing only* the same bytes.
// Usage (after `bash pkg-template/build.sh`): node tests/js/bench.mjs [rows]
// Figures depend on the machine and its load: compare the two rates of one run, not runs.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";
import { consumerDir, join } from "./helpers.mjs";

// The package as npm installs it (pkg/ packed), imported by name.
const entry = join(consumerDir(), "bench-entry.mjs");
writeFileSync(entry, 'export * from "csv-preflight";\n');
const { Checker, profile } = await import(pathToFileURL(entry).href);

const ROWS = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 1 << 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const FAMILY = ["山田", "佐藤", "鈴木", "高橋", "田中", "Smith", "Müller", "伊藤", "渡辺", "中村"];
const GIVEN = ["太郎", "花子", "John", "Anna", "翔太", "美咲", "健一", "由美", "Lukas", "さくら"];
const OPTIONS = ["", "NCS001", "NCS002", "NCS001|NCS003", ""];

/** A valid add-users file: header + `rows` distinct users, UTF-8, CRLF (as Excel writes it); the
 * columns IWpro says need not be entered are left empty. */
function iwproFile(rows) {
  return new TextEncoder().encode(iwproText(rows, FAMILY));
}

/** The text of the add-users file, with these family names. */
function iwproText(rows, family) {
  const lines = [
    "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number",
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `user${String(i).padStart(7, "0")}@example.co.jp`,
        family[i % 10],
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
  return lines.join("\r\n") + "\r\n";
}

/** An encoder to Shift_JIS (CP932) for the characters of the bench, built from the platform's
 * decoder: JavaScript has no Shift_JIS encoder. */
function shiftJisEncoder() {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a character.
      }
    }
  }
  return (text) => {
    const out = new Uint8Array(text.length * 2);
    let n = 0;
    for (const char of text) {
      const code = char.charCodeAt(0);
      if (code < 0x80) {
        out[n++] = code;
        continue;
      }
      const pair = table.get(char);
      if (!pair) throw new Error(`not in Shift_JIS: ${char}`);
      out[n++] = pair[0];
      out[n++] = pair[1];
    }
    return out.subarray(0, n);
  };
}

/** Runs `fn`, returning wall and CPU (user + system, all threads) milliseconds. */
function time(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, result };
}

const bytes = iwproFile(ROWS);
// The same rows as Excel writes CSV in Japan: Shift_JIS ("Müller" has no Shift_JIS form), checked
// with the profile's copy that accepts it (IWpro itself wants UTF-8).
const sjisBytes = shiftJisEncoder()(
  iwproText(ROWS, FAMILY.map((f) => (f === "Müller" ? "小林" : f))),
);
const sjisMb = sjisBytes.length / 1e6;
const sjisDecoder = new TextDecoder("shift_jis");
const IWPRO = "fujifilm-iwpro/add-users";
const iwpro = profile(IWPRO);
const sjisProfile = JSON.parse(JSON.stringify(iwpro.profile ?? iwpro));
sjisProfile.file.encodings = ["shift_jis"];
const mb = bytes.length / 1e6;
const decoder = new TextDecoder();
const text = decoder.decode(bytes);

/** The streaming check of `input` against `spec` (a profile id or object), told its size (as
 * `checkFile` tells it) or not; the report must be valid, of every row, in `encoding`. */
function checkStream(input, spec, encoding, sized) {
  const options = { profile: spec, fileName: "add-users_bench.csv" };
  const checker = new Checker(sized ? { ...options, fileSize: input.length } : options);
  for (let at = 0; at < input.length; at += CHUNK) checker.push(input.subarray(at, at + CHUNK));
  const report = checker.finish();
  if (report.summary.rows !== ROWS || !report.valid || report.detected.encoding !== encoding) {
    throw new Error(`unexpected ${encoding} report: ${JSON.stringify(report.summary)}`);
  }
}

/** Papa Parse over `input` decoded by `textDecoder`; every row must come out. */
function papaParse(input, textDecoder) {
  const result = Papa.parse(textDecoder.decode(input), { delimiter: ",", newline: "\r\n" });
  if (result.data.length !== ROWS + 2 || result.errors.length !== 0) {
    throw new Error(`unexpected Papa Parse result: ${result.data.length} rows`);
  }
}

const contenders = {
  checker: () => checkStream(bytes, IWPRO, "utf-8", true),
  checkerUnsized: () => checkStream(bytes, IWPRO, "utf-8", false),
  papaBytes: () => papaParse(bytes, decoder),
  papaText: () => Papa.parse(text, { delimiter: ",", newline: "\r\n" }),
  checkerSjis: () => checkStream(sjisBytes, sjisProfile, "shift_jis", true),
  papaSjis: () => papaParse(sjisBytes, sjisDecoder),
};

// Interleaved, so that a change in the machine's load touches every contender alike.
const best = {};
for (let run = 0; run < RUNS; run++) {
  for (const [name, fn] of Object.entries(contenders)) {
    const t = time(fn);
    best[name] = {
      wall: Math.min(best[name]?.wall ?? Infinity, t.wall),
      cpu: Math.min(best[name]?.cpu ?? Infinity, t.cpu),
    };
  }
}

const rate = (ms, size = mb) => (size / (ms / 1000)).toFixed(1).padStart(7);
const line = (label, { wall, cpu }, size = mb) =>
  `${label.padEnd(54)} ${rate(wall, size)} MB/s  (${wall.toFixed(0)} ms; CPU time: ${rate(cpu, size)} MB/s)`;
console.log(
  `${ROWS.toLocaleString("en")} rows, ${mb.toFixed(1)} MB (UTF-8, CRLF); best of ${RUNS} interleaved runs; node ${process.version}`,
);
console.log(line("csv-preflight Checker, full check, 1 MiB chunks", best.checker));
console.log(line("  the same, not told the file's size (no fileSize)", best.checkerUnsized));
console.log(line("Papa Parse, parse only (TextDecoder + parse)", best.papaBytes));
console.log(line("Papa Parse, parse only (string already decoded)", best.papaText));
const ratio = (a, b, clock = "wall") => (best[b][clock] / best[a][clock]).toFixed(2);
console.log(
  `ratio (wall): ${ratio("checker", "papaBytes")}x Papa Parse on the same bytes, ` +
    `${ratio("checker", "papaText")}x on an already decoded string`,
);
// Papa Parse's garbage collection runs partly on other threads, so its CPU time exceeds its wall
// time; the wall ratio is the one the target is judged by.
console.log(
  `ratio (CPU time): ${ratio("checker", "papaBytes", "cpu")}x on the same bytes, ` +
    `${ratio("checker", "papaText", "cpu")}x on an already decoded string`,
);
console.log(
  `the same rows in Shift_JIS, ${sjisMb.toFixed(1)} MB, checked with a copy of the profile that accepts it:`,
);
console.log(line("csv-preflight Checker, full check, 1 MiB chunks", best.checkerSjis, sjisMb));
console.log(line("Papa Parse, parse only (TextDecoder + parse)", best.papaSjis, sjisMb));
console.log(
  `ratio (wall): ${ratio("checkerSjis", "papaSjis")}x; ` +
    `(CPU time): ${ratio("checkerSjis", "papaSjis", "cpu")}x`,
);
