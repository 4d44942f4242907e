// Month-end burst (issue 17): many counties' unit clerks filing a month's report and their unit heads signing it off,
// at once, through /graphql with their own tokens.
//   node burst.mjs <minsheng base url> <tenants file> <out json> [tenants=40] [concurrency=32] [period=yyyy-MM|random] [flow=steps|file] [skip=0]
// With BURST_SERVER_PID set (the server's process id), the server's CPU time per mutation during the timed burst is
// reported too: steadier than throughput on a shared two-core machine, so changes to the write path can be compared; with
// BURST_POSTMASTER_PID, PostgreSQL's too; the load generator's own CPU and the machine's busy time per mutation always.
// Setup (not timed): per tenant, as its developer (Development's X-Tenant), a clerk and a head bound to the lead units,
// each signed in through the authorization code flow with PKCE, as the console does. Burst (timed): every top-level
// project of those tenants gets, with flow "steps", saveReportDraft (with one figure) → submitReport by the clerk →
// approveReport by the head; with flow "file", saveReportDraft(submit: true) — the form's 提交, written and submitted in
// one step — → approveReport; C workers at once. The tenants are those after the first `skip` of the file, so two flows
// in one run file reports for different counties. Then each report is read back through GraphQL: none lost, none duplicated, all signed off.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { signIn as signInAt } from "./lib.mjs";

const [base, tenantsFile, out, tenantCount = "40", concurrencyArg = "32", periodArg = "random", flow = "steps", skipArg = "0"] = process.argv.slice(2);
if (flow !== "steps" && flow !== "file") throw new Error(`flow must be steps or file, not ${flow}`);
const codes = readFileSync(tenantsFile, "utf8").split(/\s+/).filter(Boolean).slice(Number(skipArg), Number(skipArg) + Number(tenantCount));
const concurrency = Number(concurrencyArg);
// A month earlier runs on this database are unlikely to have used (840 to choose from): each run files a fresh month,
// and a collision would show as errors, not as a figure.
const period = periodArg !== "random" ? periodArg : `${2030 + Math.floor(Math.random() * 70)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
const stamp = Date.now().toString(36);
const password = "Burst-2026-pass";

// node:http with kept-alive connections rather than fetch: on two cores the load generator's CPU is taken from the server
// it measures, and fetch spends about twice as much of it per request.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const endpoint = new URL(`${base}/graphql`);
function gql(headers, query, variables) {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: endpoint.hostname, port: endpoint.port, path: endpoint.pathname, method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        try { resolve({ status: res.statusCode, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) }); } catch (e) { reject(e); }
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function must(headers, query, variables) {
  const { status, json } = await gql(headers, query, variables);
  if (status !== 200 || json.errors) throw new Error(`${query.slice(0, 60)}: HTTP ${status} ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

const signIn = (userName) => signInAt(base, userName, password);

// --- setup -------------------------------------------------------------------------------------------------------
const setupStart = performance.now();
const work = [];
for (let i = 0; i < codes.length; i += 8) {
  await Promise.all(codes.slice(i, i + 8).map(async (code) => {
    const dev = { "X-Tenant": code };
    const data = await must(dev, "{ projects(first: 100) { nodes { id parent { id } leadUnits { id } indicators { id targetValue } } } }");
    const projects = data.projects.nodes.filter((p) => !p.parent && p.leadUnits.length > 0 && p.indicators.length > 0);
    const units = [...new Set(projects.flatMap((p) => p.leadUnits.map((u) => u.id)))];
    const create = "mutation($u: String!, $p: String!, $r: [String!], $units: [ID!]) { createUser(input: { userName: $u, displayName: $u, password: $p, roles: $r, unitIds: $units }) { id } }";
    const clerkName = `burst-${code}-${stamp}-clerk`, headName = `burst-${code}-${stamp}-head`;
    await must(dev, create, { u: clerkName, p: password, r: ["unit_clerk"], units });
    await must(dev, create, { u: headName, p: password, r: ["unit_head"], units });
    const clerk = await signIn(clerkName), head = await signIn(headName);
    for (const p of projects) work.push({ code, clerk, head, project: p.id, indicator: p.indicators[0].id, value: Math.round(Number(p.indicators[0].targetValue) * 0.5 * 100) / 100 });
  }));
}
const setupSeconds = (performance.now() - setupStart) / 1000;
console.log(`setup: ${codes.length} tenants, ${work.length} projects, ${2 * codes.length} people signed in, ${setupSeconds.toFixed(1)} s; period ${period}`);

// --- burst -------------------------------------------------------------------------------------------------------
const latencies = { saveReportDraft: [], submitReport: [], approveReport: [] };
const errors = [];
const ids = new Map();
async function timed(kind, headers, query, variables) {
  const t0 = performance.now();
  const { status, json } = await gql(headers, query, variables);
  latencies[kind].push(performance.now() - t0);
  if (status !== 200 || json.errors) { errors.push({ kind, status, error: json.errors?.[0]?.extensions?.code ?? status }); return null; }
  return json.data;
}
// Warm-up: the first fifth of the projects (at most BURST_WARMUP, 300), at the same concurrency, not timed — the server's write
// paths are compiled and its pools filled, as they would be by the first clerks of the morning.
let next = 0, submitted = 0, limit = Math.min(Number(process.env.BURST_WARMUP ?? 300), Math.floor(work.length / 5));
const worker = async () => {
  while (next < limit) {
    const w = work[next++];
    const saved = await timed("saveReportDraft", w.clerk, "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id status } }",
      { input: { projectId: w.project, period, progress: "按计划推进", problems: "无", nextSteps: "继续推进", actuals: [{ indicatorId: w.indicator, value: w.value }],
        submit: flow === "file" } });
    if (!saved) continue;
    const id = saved.saveReportDraft.id;
    ids.set(w.project, id);
    if (flow === "steps" && !(await timed("submitReport", w.clerk, "mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", { id }))) continue;
    if (flow === "file" && saved.saveReportDraft.status !== "SUBMITTED") { errors.push({ kind: "saveReportDraft", error: `status ${saved.saveReportDraft.status}` }); continue; }
    submitted++;
    await timed("approveReport", w.head, "mutation($id: ID!) { approveReport(input: { id: $id }) { status } }", { id });
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const warmed = next;
console.log(`warm-up: ${warmed} projects filed, untimed; the burst starts in ${Number(process.env.BURST_SETTLE_MS ?? 10000) / 1000} s`);
// Then a pause (BURST_SETTLE_MS, 10 s): with both cores busy, the runtime's background compiler falls behind, and the
// sign-ins and warm-up leave it a backlog of methods to optimize (measured: 13 % of the machine's CPU still went to the
// tiered compiler 50 s after start). A server that has run all month has no such backlog.
await new Promise((r) => setTimeout(r, Number(process.env.BURST_SETTLE_MS ?? 10000)));
for (const xs of Object.values(latencies)) xs.length = 0;
errors.length = 0;
submitted = 0;
limit = work.length;
// The fields of /proc/<pid>/stat after the command name (so [1] is the parent, [11] to [14] utime, stime, cutime,
// cstime in clock ticks), or null for a process gone meanwhile.
const statOf = (pid) => { try { return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ").map(Number); } catch { return null; } };
const serverPid = process.env.BURST_SERVER_PID;
// utime + stime of the server process.
const serverTicks = () => {
  if (!serverPid) return null;
  const f = statOf(serverPid);
  return f[11] + f[12];
};
// With BURST_POSTMASTER_PID too, PostgreSQL's: the postmaster, its exited children (cutime, cstime) and its live ones
// (backends, WAL writer, ...); a child reaped between the reads moves into cutime, so the read is repeated then.
const postmasterPid = process.env.BURST_POSTMASTER_PID;
const postgresTicks = () => {
  if (!postmasterPid) return null;
  for (let attempt = 0; ; attempt++) {
    const before = statOf(postmasterPid);
    let children = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry) || entry === postmasterPid) continue;
      const f = statOf(entry);
      if (f && String(f[1]) === postmasterPid) children += f[11] + f[12] + f[13] + f[14];
    }
    const after = statOf(postmasterPid);
    if (before[13] + before[14] === after[13] + after[14] || attempt === 4) return after[11] + after[12] + after[13] + after[14] + children;
  }
};
// The whole machine's busy ticks, for what the three above leave (other processes on the machine).
const machineTicks = () => readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number)
  .reduce((busy, v, i) => (i === 3 || i === 4 ? busy : busy + v), 0);
const ticksBefore = serverTicks(), postgresBefore = postgresTicks(), machineBefore = machineTicks(), ownBefore = process.cpuUsage();
const burstStart = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const burstSeconds = (performance.now() - burstStart) / 1000;
const tick = Number(process.env.CLK_TCK ?? 100);
const serverCpuSeconds = serverPid ? (serverTicks() - ticksBefore) / tick : null;
const postgresCpuSeconds = postmasterPid ? (postgresTicks() - postgresBefore) / tick : null;
const machineBusySeconds = (machineTicks() - machineBefore) / tick;
const ownUsage = process.cpuUsage(ownBefore), ownCpuSeconds = (ownUsage.user + ownUsage.system) / 1e6;

// --- check -------------------------------------------------------------------------------------------------------
const byTenant = new Map();
for (const w of work) byTenant.set(w.code, [...(byTenant.get(w.code) ?? []), w]);
let found = 0, duplicated = 0, approved = 0;
for (const [code, items] of byTenant) {
  const data = await must({ "X-Tenant": code }, "{ projects(first: 100) { nodes { id reports { id period status } } } }");
  for (const w of items) {
    const node = data.projects.nodes.find((n) => n.id === w.project);
    const reports = (node?.reports ?? []).filter((r) => r.period === period);
    if (reports.length >= 1) found++;
    if (reports.length > 1) duplicated++;
    if (reports.some((r) => r.status === "APPROVED")) approved++;
  }
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null; };
const all = Object.values(latencies).flat();
const result = {
  flow, tenants: codes.length, projects: work.length, warmUpProjects: warmed, concurrency, period, setupSeconds: +setupSeconds.toFixed(1), burstSeconds: +burstSeconds.toFixed(2),
  mutations: all.length, mutationsPerSecond: +(all.length / burstSeconds).toFixed(1),
  submissions: submitted, submissionsPerSecond: +(submitted / burstSeconds).toFixed(1),
  latencyMs: Object.fromEntries(Object.entries(latencies).filter(([, xs]) => xs.length).map(([k, xs]) => [k, { p50: +pct(xs, 50)?.toFixed(1), p99: +pct(xs, 99)?.toFixed(1) }])),
  p99Ms: +pct(all, 99)?.toFixed(1),
  serverCpuMsPerMutation: serverCpuSeconds === null ? null : +((1000 * serverCpuSeconds) / all.length).toFixed(3),
  postgresCpuMsPerMutation: postgresCpuSeconds === null ? null : +((1000 * postgresCpuSeconds) / all.length).toFixed(3),
  loadGeneratorCpuMsPerMutation: +((1000 * ownCpuSeconds) / all.length).toFixed(3),
  machineBusyMsPerMutation: +((1000 * machineBusySeconds) / all.length).toFixed(3),
  errors: errors.length, errorCodes: Object.fromEntries([...new Set(errors.map((e) => `${e.kind}:${e.error}`))].map((k) => [k, errors.filter((e) => `${e.kind}:${e.error}` === k).length])),
  check: { expected: work.length, found, lost: work.length - found, duplicated, approved },
};
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`burst (${flow}): ${result.mutations} mutations in ${result.burstSeconds} s = ${result.mutationsPerSecond}/s; ${submitted} submissions = ${result.submissionsPerSecond}/s; ` +
  `p99 ${result.p99Ms} ms;${serverPid ? ` server CPU ${result.serverCpuMsPerMutation} ms/mutation;` : ""}${postmasterPid ? ` PostgreSQL ${result.postgresCpuMsPerMutation};` : ""} load generator ${result.loadGeneratorCpuMsPerMutation}; machine busy ${result.machineBusyMsPerMutation}; errors ${result.errors}; lost ${result.check.lost}, duplicated ${duplicated}, approved ${approved}/${work.length}`);
if (result.check.lost || duplicated || errors.length) process.exitCode = 1;
