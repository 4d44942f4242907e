// The soak (issue 20): a bounded, loopback-only mix of what a county platform sees all day, against one server with its
// response cache on, reporting errors, p99 and the server's memory window by window.
//   node soak.mjs <base url> <auth file> <tenants file> <seeds dir or -> <seconds> <server pid> <out json> <out md>
// The mix, all at once for <seconds>:
//   dashboards  6 loops: the persisted ProjectPage with GET and the tenant's bearer token (the response cache)
//   staff       2 loops: the same page POSTed as an ad-hoc query (never cached)
//   writes      5/s: a lead unit renamed (X-Tenant, Development), then that tenant's dashboard read at once: an answer
//               without the new name is a stale read
//   reports     5/s: a clerk filing a month's report in one step (saveReportDraft, submit: true)
//   imports     one every 10 s: a seed plan document imported into the next tenant
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDir } from "./lib.mjs";

const [base, authFile, tenantsFile, seedsDir, secondsArg, pidArg, outJson, outMd] = process.argv.slice(2);
const seconds = Number(secondsArg), pid = Number(pidArg);
const auth = readFileSync(authFile, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t")).map(([code, token]) => ({ code, token }));
const tenants = readFileSync(tenantsFile, "utf8").split(/\s+/).filter(Boolean);
const seeds = seedsDir === "-" ? [] : readdirSync(seedsDir).filter((f) => /\.(txt|docx|xlsx)$/.test(f)).sort()
  .map((name) => ({ name, content: readFileSync(join(seedsDir, name)).toString("base64") }));
const pageQuery = readFileSync(join(benchDir, "queries", "minsheng.graphql"), "utf8");
const pageUrl = `${base}/graphql?documentId=ProjectPage&variables=${encodeURIComponent(JSON.stringify({ first: 20 }))}`;
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

// ---- measurements, per window ------------------------------------------------------------------------------------
const windowSeconds = Math.max(5, Math.min(60, Math.round(seconds / 10)));
const windows = [];
let current;
const openWindow = () => { current = { start: performance.now(), byKind: {}, staleReads: 0, firstErrors: [] }; };
function record(kind, ms, ok, detail) {
  const k = (current.byKind[kind] ??= { n: 0, errors: 0, ms: [] });
  k.n++; k.ms.push(ms);
  if (!ok) { k.errors++; if (current.firstErrors.length < 3) current.firstErrors.push(`${kind}: ${detail}`); }
}
const rssMb = () => {
  try { return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024); } catch { return null; }
};
const p99 = (xs) => { if (!xs.length) return null; const s = [...xs].sort((a, b) => a - b); return +s[Math.min(s.length - 1, Math.floor(s.length * 0.99))].toFixed(1); };
function closeWindow() {
  const w = current;
  const kinds = Object.fromEntries(Object.entries(w.byKind).map(([k, v]) => [k, { requests: v.n, errors: v.errors, p99Ms: p99(v.ms) }]));
  windows.push({ atSeconds: Math.round((performance.now() - started) / 1000), kinds,
    requests: Object.values(w.byKind).reduce((a, v) => a + v.n, 0), errors: Object.values(w.byKind).reduce((a, v) => a + v.errors, 0),
    staleReads: w.staleReads, rssMb: rssMb(), firstErrors: w.firstErrors });
  const last = windows.at(-1);
  console.log(`  ${String(last.atSeconds).padStart(4)} s: ${last.requests} requests, ${last.errors} errors, ${last.staleReads} stale, ` +
    `dashboard p99 ${kinds.dashboard?.p99Ms ?? "—"} ms, write p99 ${kinds.write?.p99Ms ?? "—"} ms, RSS ${last.rssMb} MB`);
  openWindow();
}

async function call(kind, url, init, check) {
  const t0 = performance.now();
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    const ok = response.status === 200 && !text.includes('"errors"') && (!check || check(text));
    record(kind, performance.now() - t0, ok, ok ? "" : `${response.status} ${text.slice(0, 200)}`);
    return ok ? text : null;
  } catch (e) {
    record(kind, performance.now() - t0, false, String(e));
    return null;
  }
}
const gqlPost = (headers, query, variables) => ({ method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });

// ---- setup: a unit and the projects of each tenant ----------------------------------------------------------------
const units = new Map(), projects = [];
for (const code of tenants.slice(0, 100)) {
  const r = await fetch(`${base}/graphql`, gqlPost({ "X-Tenant": code }, "{ projects(first: 50) { nodes { id leadUnit { id } indicators { id } } } }")).then((x) => x.json());
  const nodes = r.data?.projects?.nodes ?? [];
  if (nodes[0]?.leadUnit) units.set(code, nodes[0].leadUnit.id);
  for (const p of nodes) if (p.indicators[0]) projects.push({ code, project: p.id, indicator: p.indicators[0].id });
}
const tokenOf = new Map(auth.map((a) => [a.code, a.token]));
const writers = [...units.keys()].filter((c) => tokenOf.has(c));

// ---- the mix ------------------------------------------------------------------------------------------------------
const started = performance.now();
openWindow();
const until = started + seconds * 1000;
const running = () => performance.now() < until;
const ticker = setInterval(closeWindow, windowSeconds * 1000);

const loops = [];
for (let i = 0; i < 6; i++) loops.push((async () => {
  while (running()) { const a = pick(auth); await call("dashboard", pageUrl, { headers: { Authorization: `Bearer ${a.token}` } }); }
})());
for (let i = 0; i < 2; i++) loops.push((async () => {
  while (running()) { const a = pick(auth); await call("page", `${base}/graphql`, gqlPost({ Authorization: `Bearer ${a.token}` }, pageQuery)); }
})());
function paced(perSecond, step) {
  return (async () => {
    for (let i = 0; running(); i++) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!running()) break;
      await step(i);
    }
  })();
}
loops.push(paced(5, async (i) => {
  const code = writers[i % writers.length];
  const name = `区民政局${Date.now().toString(36)}${i}`;
  const written = await call("write", `${base}/graphql`, gqlPost({ "X-Tenant": code },
    "mutation($id: ID!, $name: String!) { updateUnit(input: { id: $id, name: $name }) { id } }", { id: units.get(code), name }));
  if (!written) return;
  const read = await call("dashboard", pageUrl, { headers: { Authorization: `Bearer ${tokenOf.get(code)}` } });
  if (read && !read.includes(name)) current.staleReads++;
}));
loops.push(paced(5, async (i) => {
  const p = projects[i % projects.length];
  const period = `2025-${String(1 + Math.floor(i / projects.length) % 12).padStart(2, "0")}`;
  await call("report", `${base}/graphql`, gqlPost({ "X-Tenant": p.code }, "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }",
    { input: { projectId: p.project, period, progress: "按计划推进", actuals: [{ indicatorId: p.indicator, value: 1 + (i % 50) }], submit: true } }));
}));
if (seeds.length) loops.push(paced(0.1, async (i) => {
  const seed = seeds[i % seeds.length];
  const code = tenants[(Math.floor(i / seeds.length) + 100) % tenants.length];
  await call("import", `${base}/graphql`, gqlPost({ "X-Tenant": code },
    "mutation($name: String!, $content: String!) { importPlan(input: { fileName: $name, contentBase64: $content }) { succeeded } }",
    { name: seed.name, content: seed.content }), (text) => text.includes('"succeeded":true'));
}));
await Promise.all(loops);
clearInterval(ticker);
closeWindow();

// ---- result -------------------------------------------------------------------------------------------------------
const total = (k) => windows.reduce((a, w) => a + (w.kinds[k]?.requests ?? 0), 0);
const kinds = [...new Set(windows.flatMap((w) => Object.keys(w.kinds)))];
const rss = windows.map((w) => w.rssMb).filter((x) => x != null);
// Flat memory: the last windows against the first full ones, once the server has warmed up.
const early = rss.slice(1, 3), late = rss.slice(-2);
const growthMb = early.length && late.length ? Math.max(...late) - Math.max(...early) : null;
const result = {
  seconds, windowSeconds, tenants: tenants.length, dashboards: auth.length,
  requests: Object.fromEntries(kinds.map((k) => [k, total(k)])),
  errors: windows.reduce((a, w) => a + w.errors, 0), staleReads: windows.reduce((a, w) => a + w.staleReads, 0),
  rssMb: { first: rss[0] ?? null, max: rss.length ? Math.max(...rss) : null, last: rss.at(-1) ?? null, growthAfterWarmUp: growthMb },
  windows,
};
writeFileSync(outJson, JSON.stringify(result, null, 2));
const md = [
  `# Soak, ${Math.round(seconds / 60)} minutes (issue 20)`, "",
  `One server (Release, response cache on), loopback only. At once, for ${seconds} s: 6 dashboard loops (persisted \`ProjectPage\` with GET and ` +
  `a bearer token, over ${auth.length} tenants), 2 staff loops (the page as an ad-hoc POST), 5 writes/s each followed by the writer's dashboard read ` +
  `(stale-read check), 5 report filings/s, one plan import every 10 s. Windows of ${windowSeconds} s.`, "",
  "| at s | requests | errors | stale | dashboard p99 ms | page p99 ms | write p99 ms | report p99 ms | import p99 ms | RSS MB |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...windows.map((w) => `| ${w.atSeconds} | ${w.requests} | ${w.errors} | ${w.staleReads} | ${w.kinds.dashboard?.p99Ms ?? "—"} | ${w.kinds.page?.p99Ms ?? "—"} | ` +
    `${w.kinds.write?.p99Ms ?? "—"} | ${w.kinds.report?.p99Ms ?? "—"} | ${w.kinds.import?.p99Ms ?? "—"} | ${w.rssMb ?? "—"} |`),
  "",
  `Totals: ${kinds.map((k) => `${k} ${total(k)}`).join(", ")}. Errors: **${result.errors}**, stale reads: **${result.staleReads}**. ` +
  `Memory: ${result.rssMb.first} MB in the first window, ${result.rssMb.max} MB at most, ${result.rssMb.last} MB in the last; ` +
  `growth after warm-up ${growthMb ?? "—"} MB.`,
  ...windows.flatMap((w) => w.firstErrors.map((e) => `- at ${w.atSeconds} s: ${e}`)),
];
writeFileSync(outMd, md.join("\n") + "\n");
console.log(`soak: ${Object.values(result.requests).reduce((a, b) => a + b, 0)} requests, ${result.errors} errors, ${result.staleReads} stale reads, RSS ${result.rssMb.first} → ${result.rssMb.last} MB (max ${result.rssMb.max})`);
if (result.errors || result.staleReads) process.exitCode = 1;
