// Province roll-up (issue 18): the province's analyst asks regionSummary(410000).tasks through /graphql with its own token.
//   BENCH_ANALYST_PASSWORD=… node rollup.mjs <minsheng base url> <floor json> <out json> [runs=30] [analyst user name]
// Signs the analyst in (authorization code flow, as the console does), sends 3 untimed requests, then <runs> sequential
// timed ones; checks every aggregation key's province figure against the hand-written floor's.
import { readFileSync, writeFileSync } from "node:fs";
import { median, percentile, signIn } from "./lib.mjs";

const [base, floorFile, out, runsArg = "30", analyst = "bench-henan-analyst"] = process.argv.slice(2);
const password = process.env.BENCH_ANALYST_PASSWORD;
const floor = JSON.parse(readFileSync(floorFile, "utf8"));
const query = `{ regionSummary(regionCode: "410000", year: 2024) { tasks { taskKey name governments projects
  lights { green yellow red unrecorded } lagging { regionCode redProjects laggingProjects }
  targets { aggregationKey unit figure { basis figure { planned actual completionPercent } }
    children { regionCode basis figure { planned actual completionPercent } } disagreements { regionCode } } } } }`;

const headers = { "Content-Type": "application/json", ...(await signIn(base, analyst, password)) };
async function ask() {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });
  const json = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200 || json.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json)}`);
  return { ms, tasks: json.data.regionSummary.tasks };
}

for (let i = 0; i < 3; i++) await ask();
const timings = [];
let tasks = [];
for (let i = 0; i < Number(runsArg); i++) {
  const answer = await ask();
  timings.push(answer.ms);
  tasks = answer.tasks;
}

// The same figures as the hand-written statement, key by key.
const mismatches = [];
const figures = {};
for (const task of tasks) for (const target of task.targets) {
  if (!target.figure) continue;
  figures[target.aggregationKey] = target.figure.figure;
  const expected = floor.figures[target.aggregationKey];
  if (!expected || Number(expected.planned) !== Number(target.figure.figure.planned) || Number(expected.actual) !== Number(target.figure.figure.actual))
    mismatches.push({ key: target.aggregationKey, api: target.figure.figure, floor: expected ?? null });
}
for (const key of Object.keys(floor.figures)) if (!(key in figures)) mismatches.push({ key, api: null, floor: floor.figures[key] });

const result = {
  runs: timings.length,
  medianMs: Math.round(median(timings) * 100) / 100,
  p90Ms: Math.round(percentile(timings, 90) * 100) / 100,
  tasks: tasks.length,
  keysWithFigures: Object.keys(figures).length,
  projectsCounted: tasks.reduce((n, t) => n + t.projects, 0),
  disagreements: tasks.reduce((n, t) => n + t.targets.reduce((m, x) => m + x.disagreements.length, 0), 0),
  laggingGovernments: tasks.reduce((n, t) => n + t.lagging.length, 0),
  mismatches,
};
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(JSON.stringify({ ...result, mismatches: mismatches.length }));
if (mismatches.length > 0) process.exit(1);
