// Roll-ups on national data (issue 20): a province analyst's regionSummary(410000) and a national analyst's
// regionSummary(000000) — totals, the drill-down by child region and the catalog tasks — through /graphql with each
// analyst's own token (POST: computed every time, never from the response cache).
//   BENCH_ANALYST_PASSWORD=… node rollup-national.mjs <base url> <out json> [runs=20]
// Signs in bench-province-analyst (410000) and bench-national-analyst (000000); 2 untimed requests each, then <runs>
// sequential timed ones; checks that the country's total is the sum of its provinces and Henan's share is Henan's total.
import { writeFileSync } from "node:fs";
import { median, percentile, signIn } from "./lib.mjs";

const [base, out, runsArg = "20"] = process.argv.slice(2);
const password = process.env.BENCH_ANALYST_PASSWORD;
const query = (code) => `{ regionSummary(regionCode: "${code}", year: 2024) { regionCode name
  total { tenants projects targets reportsFiled reportsSignedOff }
  children { regionCode counts { tenants projects targets reportsFiled reportsSignedOff } }
  tasks { taskKey governments projects lights { green yellow red unrecorded } lagging { regionCode }
    targets { aggregationKey figure { figure { planned actual completionPercent } } } } } }`;

// The tasks some counted project is under (a catalog names its tasks whether or not any government counts one).
const countedTasks = (summary) => summary.tasks.filter((t) => t.projects > 0);

async function measure(user, code) {
  const headers = { "Content-Type": "application/json", ...(await signIn(base, user, password)) };
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, { method: "POST", headers, body: JSON.stringify({ query: query(code) }) });
    const json = await response.json();
    const ms = performance.now() - started;
    if (response.status !== 200 || json.errors) throw new Error(`${code}: HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
    return { ms, summary: json.data.regionSummary };
  };
  for (let i = 0; i < 2; i++) await ask();
  const timings = [];
  let summary;
  for (let i = 0; i < Number(runsArg); i++) ({ ms: timings[i], summary } = await ask());
  return { regionCode: code, runs: timings.length, medianMs: +median(timings).toFixed(1), p90Ms: +percentile(timings, 90).toFixed(1),
    total: summary.total, children: summary.children.length, tasks: summary.tasks.length,
    tasksCounted: countedTasks(summary).length, summary };
}

const province = await measure("bench-province-analyst", "410000");
const national = await measure("bench-national-analyst", "000000");
const sum = (field) => national.summary.children.reduce((n, c) => n + c.counts[field], 0);
const henan = national.summary.children.find((c) => c.regionCode === "410000")?.counts;
// Only Henan's governments carry catalog links in the national data: the country's counted tasks are the province's.
const counted = (summary) => JSON.stringify(countedTasks(summary)
  .map((t) => [t.taskKey, t.governments, t.projects, t.targets.map((x) => [x.aggregationKey, x.figure?.figure])]).sort());
const checks = {
  countryIsSumOfProvinces: ["tenants", "projects", "targets", "reportsFiled", "reportsSignedOff"].every((f) => sum(f) === national.total[f]),
  henanShareIsHenanTotal: JSON.stringify(henan) === JSON.stringify(province.total),
  provinceCountsTasks: province.tasksCounted > 0,
  countryTasksAreHenans: counted(national.summary) === counted(province.summary),
};
const strip = ({ summary, ...rest }) => rest;
const result = { province: strip(province), national: strip(national), checks,
  aims: { provinceMs: 100, nationalMs: 1500, provinceMet: province.medianMs < 100, nationalMet: national.medianMs < 1500 } };
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`province 410000: median ${province.medianMs} ms, p90 ${province.p90Ms} ms (${province.total.tenants} governments, ${province.total.projects} projects); ` +
  `country: median ${national.medianMs} ms, p90 ${national.p90Ms} ms (${national.total.tenants} governments, ${national.total.projects} projects, ${national.total.reportsFiled} reports); ` +
  `checks ${JSON.stringify(checks)}`);
if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
