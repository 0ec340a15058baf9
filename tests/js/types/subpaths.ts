// The package's subpath entries by name, for every resolution the type tests use: with `exports`
// (nodenext, bundler) and without (node10, where `typesVersions` maps them). Nothing here runs.
import { check, type Report } from "csv-preflight";
import init, { Checker, type CheckResult } from "csv-preflight/web";
import { CsvPreflightError, checkFile, type FileProgress } from "csv-preflight/worker";

declare const file: File;

async function subpaths(): Promise<Report> {
  await init();
  const result: CheckResult = check(new Uint8Array(), { profile: "fujifilm-iwpro/add-users" });
  const streamed: Report = new Checker({ profile: "fujifilm-iwpro/add-users" }).finish();
  const onProgress = (p: FileProgress) => console.log(p.total, result.type, streamed.valid);
  return checkFile(file, { profile: "fujifilm-iwpro/add-users" }, { onProgress }).catch((error: unknown) => {
    if (error instanceof CsvPreflightError && error.kind === "unknownProfile") console.log(error.detail.id);
    throw error;
  });
}

export { subpaths };
