// A strict consumer of the package's types (type-checked by types.test.mjs with tsc --noEmit, once
// with Node.js resolution and once with bundler resolution). Nothing here runs.
import {
  Baseline,
  BundleChecker,
  Checker,
  bundleRole,
  bundles,
  check,
  checkWithBaseline,
  convert,
  isCsvPreflightError,
  resultCsvWithBaseline,
  profile,
  profiles,
  resultCsv,
  type Bundle,
  type BundleCheckOptions,
  type BundleReport,
  type CheckOptions,
  type CheckResult,
  type Code,
  type CsvPreflightError as ThrownError,
  type Diagnostic,
  type ErrorKind,
  type Failure,
  type Profile,
  type ProfileInfo,
  type Progress,
  type Report,
  type Severity,
  type TextEncoding,
} from "csv-preflight";
import { CsvPreflightError, checkFile, type FileProgress } from "csv-preflight/worker";

declare const bytes: Uint8Array;
declare const file: File;

const options: CheckOptions = {
  profile: "fujifilm-iwpro/add-users",
  params: { allowedEmailDomains: ["example.com"], availableSeats: 10 },
  lang: "ja",
  fileName: "add-users_2026-11.csv",
  maxDiagnostics: 100,
  limits: { maxFieldBytes: 4096 },
  fileSize: file.size,
};

function describeFailure(error: Failure): string {
  const detail: ErrorKind = error.detail;
  switch (detail.kind) {
    case "unknownProfile":
      return `no profile ${detail.id}`;
    case "unknownParameter":
      return `${detail.name} is not one of ${detail.known.join(", ")}`;
    case "invalidParameter":
      return `${detail.name} needs ${detail.expected}`;
    case "unsupportedFormatVersion":
      return `${detail.found} > ${detail.supported}`;
    case "invalidProfile":
    case "invalidOptions":
      return detail.message;
    case "invalidPattern":
      return `${detail.pattern}: ${detail.message}`;
    default:
      // More kinds may come (the Rust enum is non-exhaustive).
      return error.message;
  }
}

// Testing `kind` narrows `detail` to that kind's fields (a Failure is a union, one member per kind).
function describeByKind(error: Failure): string {
  if (error.kind === "unknownParameter") {
    const known: string[] = error.detail.known;
    // @ts-expect-error: an unknown parameter has no `id` (that is unknownProfile's field)
    console.log(error.detail.id);
    return `${error.detail.name} is not one of ${known.join(", ")}`;
  }
  switch (error.kind) {
    case "unsupportedFormatVersion":
      return `${error.detail.found} > ${error.detail.supported}`;
    case "invalidPattern":
      return `${error.detail.pattern}: ${error.detail.message}`;
    default:
      return error.message;
  }
}

function where(d: Diagnostic): string {
  const code: Code = d.code;
  const severity: Severity = d.severity;
  const row: number | undefined = d.row;
  const column: string | undefined = d.column;
  return `${severity} ${code} ${row ?? "-"}:${d.columnIndex ?? "-"} ${column ?? ""} ${d.message}`;
}

const result: CheckResult = check(bytes, options);
if (result.type === "success") {
  const report: Report = result.report;
  const valid: boolean = report.valid;
  const rows: number = report.summary.rows;
  const notInList: number | undefined = report.summary.byCode["not-in-list"];
  const encoding: TextEncoding | null = report.detected.encoding;
  const lines: string[] = report.diagnostics.map(where);
  console.log(valid, rows, notInList, encoding, lines, report.diagnosticsCapped);
} else {
  console.log(describeFailure(result.error), describeByKind(result.error), result.error.kind, result.error.message);
}

// What the main entry throws: told apart by a type guard, its fields typed.
try {
  new Checker({ profile: "acme/users" });
} catch (error) {
  if (isCsvPreflightError(error)) {
    const thrown: ThrownError = error;
    const kind: ErrorKind["kind"] = error.kind;
    const detail: ErrorKind = error.detail;
    const name: "CsvPreflightError" = error.name;
    console.log(thrown.message, kind, detail, name, error.stack);
    if (error.kind === "unknownProfile") {
      const id: string = error.detail.id;
      // @ts-expect-error: an unknown profile has no `known` (that is unknownParameter's field)
      console.log(id, error.detail.known);
    }
  }
}

// A custom profile object, edited from a built-in one.
const builtin = profile("fujifilm-iwpro/add-users");
if (builtin.type === "success") {
  const custom: Profile = { ...builtin.profile, id: "acme/add-users", severities: { "column-order": "error" } };
  check(bytes, { profile: custom });
}
const infos: ProfileInfo[] = profiles();
const ids: string[] = infos.map((p) => `${p.id}: ${p.title.en} / ${p.title.ja}`);

// Streaming, with explicit resource management (the generated class is Disposable).
{
  using checker = new Checker({ profile: ids[0] ?? "fujifilm-iwpro/add-users" });
  checker.push(bytes);
  const progress: Progress = checker.progress;
  console.log(progress.bytes, progress.records);
}
const streamed: Report = new Checker({ profile: "fujifilm-iwpro/add-users" }).finish();

const csv = resultCsv(bytes, options);
if (csv.type === "success") {
  const out: Uint8Array = csv.bytes;
  const encoding: TextEncoding = csv.encoding;
  console.log(out.length, encoding, streamed.valid);
}

// Against the system's current export: the report carries a plan.
{
  using baseline = new Baseline({ profile: "flat/users-total" });
  baseline.push(bytes);
  const own: Report = baseline.end();
  const planned: CheckResult = checkWithBaseline(bytes, { profile: "flat/users-total" }, baseline);
  if (planned.type === "success" && planned.report.plan) {
    const { add, conflicts } = planned.report.plan;
    console.log(own.valid, planned.report.plan.mode, add.count, conflicts.count, conflicts.keys.join(", "));
  }
  const rows = resultCsvWithBaseline(bytes, { profile: "flat/users-total" }, baseline);
  if (rows.type === "success") console.log(rows.bytes.length, rows.encoding);
  using against = Checker.withBaseline({ profile: "flat/users-total" }, baseline);
  against.push(bytes);
  // @ts-expect-error: the baseline is a Baseline, not the export's bytes
  checkWithBaseline(bytes, { profile: "flat/users-total" }, bytes);
}

// CELF's files checked together (references across them).
{
  const celf: Bundle | undefined = bundles().find((b) => b.id === "celf");
  const bundleOptions: BundleCheckOptions = { bundle: celf?.id ?? "celf", lang: "ja" };
  const role: string | undefined = bundleRole(bytes, bundleOptions, "users.csv");
  using checker = new BundleChecker(bundleOptions, [role ?? "users"]);
  for (const r of checker.order()) {
    checker.begin(r, `${r}.csv`, role !== undefined);
    checker.push(bytes);
    checker.end();
  }
  const together: BundleReport = new BundleChecker(bundleOptions, []).finish();
  console.log(together.files.map((f) => `${f.role}: ${f.report.valid}`));
  const hints: string[] | undefined = celf?.roles[0]?.fileNameHints ?? undefined;
  console.log(hints);
  // @ts-expect-error: a bundle is named by `bundle`, not `profile`
  new BundleChecker({ profile: "celf" }, []);
}

// The Web Worker helper.
const controller = new AbortController();
checkFile(file, { profile: "fujifilm-iwpro/add-users", fileName: file.name }, {
  signal: controller.signal,
  baseline: file,
  onProgress: (p: FileProgress) => console.log(p.bytes / p.total, p.records),
})
  .then((report: Report) => console.log(report.summary.errors))
  .catch((error: unknown) => {
    if (error instanceof CsvPreflightError) {
      console.log(error.kind, error.detail, error.message);
      if (error.kind === "invalidParameter") console.log(error.detail.name, error.detail.expected);
      // @ts-expect-error: narrowed on its kind, an invalidParameter's detail has no `pattern`
      if (error.kind === "invalidParameter") console.log(error.detail.pattern);
    }
    // The worker's class is a CsvPreflightError of the main entry too.
    if (isCsvPreflightError(error)) console.log(error.kind);
    const asThrown: ThrownError = new CsvPreflightError({ kind: "internal", message: "x", detail: { kind: "internal", message: "x" } });
    console.log(asThrown);
    // @ts-expect-error: `kind` and `detail` must be of the same kind
    new CsvPreflightError({ kind: "internal", message: "x", detail: { kind: "unknownProfile", id: "x" } });
  });

// Conversion: the options may be left out.
const converted = convert(bytes, "fujifilm-iwpro/add-users");
if (converted.type === "success") console.log(converted.bytes.length, converted.result.status);
convert(bytes, "canon/users", { date: "2026-11-23" });

// @ts-expect-error: the language is "en" or "ja"
check(bytes, { profile: "fujifilm-iwpro/add-users", lang: "fr" });
// @ts-expect-error: a profile is required
check(bytes, { fileName: "a.csv" });
// @ts-expect-error: the input is bytes, not text
check("mail_address\r\n", options);
// @ts-expect-error: diagnostics codes are a closed set
const unknownCode: Code = "not-a-code";
// @ts-expect-error: a report exists only on success
console.log(result.report, unknownCode);
