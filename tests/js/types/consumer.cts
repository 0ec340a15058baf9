// The same types reached from CommonJS (`require("csv-preflight")`, the `require` export
// condition), type-checked by types.test.mjs with Node.js resolution. Nothing here runs.
import { Checker, check, type CheckResult, type Diagnostic, type Report } from "csv-preflight";

const bytes: Uint8Array = new Uint8Array();
const result: CheckResult = check(bytes, { profile: "fujifilm-iwpro/add-users", fileName: "a.csv" });
if (result.type === "success") {
  const report: Report = result.report;
  const first: Diagnostic | undefined = report.diagnostics[0];
  const row: number | undefined = first?.row;
  void row;
} else {
  const kind: string = result.error.kind;
  void kind;
}

const checker = new Checker({ profile: "fujifilm-iwpro/add-users", fileName: "a.csv", fileSize: 3 });
checker.push(bytes);
const streamed: Report = checker.finish();
const rows: number = streamed.summary.rows;
void rows;
