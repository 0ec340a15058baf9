// The plan (a summary box shown when the file was checked against the system's current export):
// what the import would do, how many users it adds, changes, leaves, deletes and refuses, and whose.
import { $, el } from "./dom.js";
import { num, t } from "./i18n.js";

/** The plan's lists whose keys are named (who is added, changed, deleted), and how many of each. */
const PLAN_KEYS = ["add", "update", "delete", "rejected", "conflicts"];
const MAX_PLAN_KEYS = 20;

/** Shows the report's plan, or hides the box when the file was checked without an export. */
export function renderPlan(lang, plan) {
  $("plan-box").hidden = !plan;
  const list = $("plan");
  list.replaceChildren();
  if (!plan) return;
  const records = num(lang, plan.baselineRecords);
  const rows = [
    ["baseline", plan.baselineCapped ? t(lang, "plan.capped", { n: records }) : records],
    ["add", num(lang, plan.add.count)],
    ["update", num(lang, plan.update.count)],
    ["unchanged", num(lang, plan.unchanged.count)],
    // A delete import with a rejected row fails as a whole: nothing is deleted yet.
    ["delete", num(lang, plan.delete.count), plan.mode === "delete" && plan.rejected.count ? "wouldDelete" : "delete"],
  ];
  if (plan.rejected.count) rows.push(["rejected", num(lang, plan.rejected.count)]);
  // Rows the system refuses (key-conflict): neither added nor changed, so counted apart.
  if (plan.conflicts.count) rows.push(["conflicts", num(lang, plan.conflicts.count)]);
  if (plan.rowsWithoutKey) rows.push(["withoutKey", num(lang, plan.rowsWithoutKey)]);
  rows.push(["after", num(lang, plan.recordsAfter)]);
  if (plan.seats) {
    const { counted, limit } = plan.seats;
    rows.push(["seats", limit == null ? num(lang, counted) : `${num(lang, counted)} / ${num(lang, limit)}`]);
  }
  for (const [key, value, label = key] of rows) {
    const row = document.createElement("div");
    row.dataset.plan = key;
    row.append(el("dt", t(lang, `plan.${label}`)), el("dd", value));
    const keys = PLAN_KEYS.includes(key) ? planKeys(lang, plan[key]) : "";
    if (keys) row.append(el("dd", keys, "plan-keys"));
    list.append(row);
  }
}

/** The first keys of a plan list ("a@x, b@x and 3 more"); the engine lists at most 100, counts all. */
function planKeys(lang, list) {
  if (!list?.count || !list.keys?.length) return "";
  const shown = list.keys.slice(0, MAX_PLAN_KEYS).join(lang === "ja" ? "、" : ", ");
  const more = list.count - Math.min(list.keys.length, MAX_PLAN_KEYS);
  return more > 0 ? t(lang, "plan.more", { keys: shown, n: num(lang, more) }) : shown;
}
