// Writes bench/results/<stamp>.json and .md from the files bench/run.sh left in its run folder.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const env = process.env;
const runDir = env.BENCH_RUN_DIR;
const read = (name) => (existsSync(join(runDir, name)) ? JSON.parse(readFileSync(join(runDir, name), "utf8")) : null);
const pairs = (s) => Object.fromEntries((s ?? "").split(";").filter(Boolean).map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));

const facts = read("facts.json");
const check = read("check.json");
const pages = read(join("pages", "pages.json"));
const runs = readFileSync(join(runDir, "runs.jsonl"), "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
const readyMs = pairs(env.BENCH_READY_MS);
const firstPageMs = pairs(env.BENCH_FIRST_PAGE_MS);
const servers = [...new Set(runs.filter((r) => r.phase === "measured").map((r) => r.server))];
const order = ["minsheng", "postgraphile", "floor"].filter((s) => servers.includes(s));
const roleOf = { minsheng: "minsheng_app", floor: "minsheng_app", postgraphile: facts.postgraphileRole };

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const round = (x, d = 2) => (x == null || Number.isNaN(x) ? null : Number(x.toFixed(d)));

function aggregate(list) {
  const requests = sum(list.map((r) => r.wrk.requests));
  return {
    runs: list.length,
    requestsPerSecond: round(mean(list.map((r) => r.wrk.rps)), 1),
    requestsPerSecondByRun: list.map((r) => round(r.wrk.rps, 1)),
    latencyMs: {
      p50: round(mean(list.map((r) => r.wrk.p50_ms)), 3),
      p90: round(mean(list.map((r) => r.wrk.p90_ms)), 3),
      p99: round(mean(list.map((r) => r.wrk.p99_ms)), 3),
      p99Worst: round(Math.max(...list.map((r) => r.wrk.p99_ms)), 3),
      max: round(Math.max(...list.map((r) => r.wrk.max_ms)), 3),
    },
    requests,
    non2xx: sum(list.map((r) => r.wrk.non2xx)),
    graphqlErrors: sum(list.map((r) => r.wrk.graphql_errors)),
    socketErrors: sum(list.map((r) => Object.values(r.wrk.socket_errors).reduce((a, b) => a + b, 0))),
    serverCpuMsPerRequest: round((1000 * sum(list.map((r) => r.serverCpuSeconds))) / requests, 4),
    postgresCpuMsPerRequest: round((1000 * sum(list.map((r) => r.pgCpuSeconds))) / requests, 4),
    loadgenCpuMsPerRequest: round((1000 * sum(list.map((r) => r.loadgenCpuSeconds ?? 0))) / requests, 4),
    machineBusy: round(mean(list.map((r) => r.machineBusy)), 3),
    // Busy share of the machine not spent by this server, PostgreSQL or wrk: other processes (a build, the idle servers).
    otherLoad: round(mean(list.map((r) => r.otherLoad ?? 0)), 3),
    rssMaxMb: round(Math.max(...list.map((r) => r.rssMaxKb)) / 1024, 1),
    loadavg: list.map((r) => r.loadavg),
  };
}

const results = {};
for (const server of order) {
  const measured = runs.filter((r) => r.server === server && r.phase === "measured");
  const probe = read(`statements-${server}-probe.json`);
  const pg = read(`statements-${server}-pg.json`);
  const role = pg?.[roleOf[server]];
  results[server] = {
    ...aggregate(measured),
    warmup: aggregate(runs.filter((r) => r.server === server && r.phase === "warmup")),
    startToReadyMs: readyMs[server] ?? null,
    startToFirstPageMs: firstPageMs[server] ?? null,
    statements: {
      // What PostgreSQL executed per request, from its statement log over sequential requests (BEGIN, SET, COMMIT included).
      postgresPerRequest: role && probe ? round(role.total / probe.requests, 2) : null,
      postgresDetail: role?.statements?.map((s) => ({ ...s, perRequest: round(s.calls / probe.requests, 2) })) ?? null,
      // What the server says it sent (Development headers of the Minsheng server).
      headerStatements: probe?.sqlStatements ?? null,
      headerRoundTrips: probe?.sqlRoundTrips ?? null,
      sequentialMedianMs: probe?.medianMs ?? null,
    },
  };
}

const ratio = (a, b) => (a != null && b ? round(a / b, 2) : null);
const rps = (s) => results[s]?.requestsPerSecond;
const ratios = {
  minshengToPostgraphile: ratio(rps("minsheng"), rps("postgraphile")),
  minshengToFloor: ratio(rps("minsheng"), rps("floor")),
  floorToPostgraphile: ratio(rps("floor"), rps("postgraphile")),
  minshengP99ToPostgraphileP99: ratio(results.minsheng?.latencyMs.p99, results.postgraphile?.latencyMs.p99),
  byRun: [...new Set(runs.filter((r) => r.phase === "measured").map((r) => r.run))].map((run) => {
    const get = (s) => runs.find((r) => r.server === s && r.phase === "measured" && r.run === run)?.wrk.rps;
    return { run, minshengToPostgraphile: ratio(get("minsheng"), get("postgraphile")), minshengToFloor: ratio(get("minsheng"), get("floor")) };
  }),
};
const goals = results.minsheng && results.postgraphile
  ? {
      throughputAtLeast2xPostgraphile: ratios.minshengToPostgraphile >= 2,
      p99NoWorseThanPostgraphile: results.minsheng.latencyMs.p99 <= results.postgraphile.latencyMs.p99,
      zeroGraphqlErrors: results.minsheng.graphqlErrors === 0 && results.minsheng.non2xx === 0,
    }
  : null;

// The page with status lights against PostGraphile's plain page, round by round (both measured in the "lights" phase).
const lightsRounds = [...new Set(runs.filter((r) => r.phase === "lights").map((r) => r.run))].map((run) => {
  const get = (s) => runs.find((r) => r.server === s && r.phase === "lights" && r.run === run);
  const m = get("minsheng"), p = get("postgraphile");
  return { run, minshengRps: m ? round(m.wrk.rps, 1) : null, minshengP99Ms: m ? round(m.wrk.p99_ms, 2) : null,
    minshengErrors: m ? m.wrk.graphql_errors + m.wrk.non2xx : null, postgraphileRps: p ? round(p.wrk.rps, 1) : null,
    ratio: ratio(m?.wrk.rps, p?.wrk.rps) };
});
const lights = lightsRounds.length > 0
  ? { rounds: lightsRounds, ratio: ratio(sum(lightsRounds.map((r) => r.minshengRps ?? 0)), sum(lightsRounds.map((r) => r.postgraphileRps ?? 0))) }
  : null;

// Dashboard polling (issue 20): the persisted page asked with GET (Minsheng's response cache) against PostGraphile's page,
// each round under the same steady writes, with the writer's stale-read check.
const dashboardRounds = [...new Set(runs.filter((r) => r.phase === "dashboard").map((r) => r.run))].map((run) => {
  const get = (s) => runs.find((r) => r.server === s && r.phase === "dashboard" && r.run === run);
  const m = get("minsheng"), p = get("postgraphile");
  const wm = read(`writer-minsheng-${run}.json`), wp = read(`writer-postgraphile-${run}.json`);
  return { run, minshengRps: m ? round(m.wrk.rps, 1) : null, minshengP99Ms: m ? round(m.wrk.p99_ms, 2) : null,
    minshengErrors: m ? m.wrk.graphql_errors + m.wrk.non2xx : null, minshengRssMaxMb: m ? round(m.rssMaxKb / 1024, 0) : null,
    postgraphileRps: p ? round(p.wrk.rps, 1) : null, ratio: ratio(m?.wrk.rps, p?.wrk.rps),
    writes: (wm?.writes ?? 0) + (wp?.writes ?? 0), staleReads: (wm?.staleReads ?? 0) + (wp?.staleReads ?? 0), writerErrors: (wm?.errors ?? 0) + (wp?.errors ?? 0),
    writesPerSecond: wm?.ratePerSecond ?? null };
});
const dashboard = dashboardRounds.length > 0
  ? { rounds: dashboardRounds, ratio: ratio(sum(dashboardRounds.map((r) => r.minshengRps ?? 0)), sum(dashboardRounds.map((r) => r.postgraphileRps ?? 0))),
      staleReads: sum(dashboardRounds.map((r) => r.staleReads)), writes: sum(dashboardRounds.map((r) => r.writes)) }
  : null;

// Server memory (issue 20, aim < 300 MB RSS): the largest resident set sampled during any Minsheng load run, by phase.
const memoryByPhase = {};
for (const r of runs.filter((r) => r.server === "minsheng" && r.rssMaxKb > 0))
  memoryByPhase[r.phase] = Math.max(memoryByPhase[r.phase] ?? 0, Math.round(r.rssMaxKb / 1024));
const afterImports = read("imports-rss.json");
if (afterImports?.rssKb) memoryByPhase["after imports"] = Math.round(afterImports.rssKb / 1024);
const afterNational = read("national-rss.json");
if (afterNational?.rssKb) memoryByPhase["after national roll-ups"] = Math.round(afterNational.rssKb / 1024);
// The daily round over the national data, on an instance of its own (the measured server has the round off).
const roundRead = read("round.json");
const dailyRound = roundRead
  ? { tenants: roundRead.tenants, seconds: roundRead.seconds, lightsChanged: roundRead.changed, maxRssMb: Math.round(roundRead.rssMaxKb / 1024) }
  : null;
const serverMemory = Object.keys(memoryByPhase).length
  ? { maxRssMb: Math.max(...Object.values(memoryByPhase)), byPhaseMb: memoryByPhase, dailyRound }
  : null;

const large = {};
for (const server of ["minsheng", "postgraphile"]) {
  if (!pages?.servers?.[server]) continue;
  const get = (which) => runs.find((r) => r.server === server && r.phase === `large-${which}`);
  large[server] = Object.fromEntries(["first", "deep"].map((which) => {
    const r = get(which);
    return [which, {
      ...pages.servers[server][which],
      load: r ? { requestsPerSecond: round(r.wrk.rps, 1), p50Ms: round(r.wrk.p50_ms, 3), p99Ms: round(r.wrk.p99_ms, 3), graphqlErrors: r.wrk.graphql_errors, non2xx: r.wrk.non2xx, otherLoad: r.otherLoad ?? null } : null,
    }];
  }));
}

const report = {
  stamp: env.BENCH_STAMP,
  mode: env.BENCH_MODE,
  settings: {
    connections: Number(env.BENCH_CONNECTIONS), threads: Number(env.BENCH_THREADS), warmupSeconds: Number(env.BENCH_WARMUP),
    runSeconds: Number(env.BENCH_DURATION), measuredRuns: Number(env.BENCH_RUNS), largeTenantRunSeconds: Number(env.BENCH_PAGE_SECONDS),
    tenantsInRotation: facts.tenants.length, loopbackOnly: true, order: servers,
  },
  versions: {
    dotnetSdk: env.V_DOTNET_SDK, aspnetcoreRuntime: env.V_DOTNET_RUNTIME, node: env.V_NODE, postgraphile: env.V_POSTGRAPHILE,
    postgres: facts.postgresVersion, wrk: env.V_WRK, commit: env.G_COMMIT, uncommittedFiles: Number(env.G_DIRTY),
  },
  machine: { nproc: Number(env.M_NPROC), cpu: env.M_CPU, memoryGb: round(Number(env.M_MEM_KB) / 1024 / 1024, 1), kernel: env.M_KERNEL },
  data: { requested: facts.requested, loaded: facts.data, largeTenant: facts.largeTenant, setupSeconds: facts.setupSeconds },
  results,
  ratios,
  goals,
  largeTenant: { tenant: pages?.tenant, deepPage: pages?.deepPage, deepPagesEqual: pages?.deepPagesEqual, servers: large },
  pageWithLights: lights,
  dashboardPolling: dashboard,
  imports: read("imports.json"),
  nationalData: read("national-load.json"),
  rollUps: read("rollups.json"),
  serverMemory,
  monthEndBurst: read("burst.json"),
  monthEndBurstFiledInOneStep: read("burst-file.json"),
  equality: check,
};

const base = join(env.BENCH_RESULTS_DIR, env.BENCH_STAMP);
writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + "\n");

// ---- markdown -----------------------------------------------------------------------------------------------------
const f = (x, d = 2) => (x == null ? "—" : Number(x).toFixed(d));
const yes = (b) => (b ? "yes" : "**no**");
const lines = [];
lines.push(`# Project-page benchmark, ${env.BENCH_STAMP}${env.BENCH_MODE === "smoke" ? " (smoke: not a measurement)" : ""}`);
lines.push("");
lines.push("The page: first 20 projects by sequence with name, category, lead unit name, targets (label, value, unit) and latest report " +
  "(period, status), for the tenant of the request — Minsheng: the tenant's own dashboard client's bearer token " +
  "(client credentials, validated on every request); PostGraphile and the floor: the `X-Tenant` header, as behind a gateway — rotated per request over " +
  `${facts.tenants.length} tenants. wrk on 127.0.0.1, ${env.BENCH_CONNECTIONS} connections, ${env.BENCH_THREADS} threads; ` +
  `${env.BENCH_WARMUP} s warm-up per server, then ${env.BENCH_RUNS} rounds of ${env.BENCH_DURATION} s per server (servers in turn: ${servers.join(", ")}). ` +
  "Server, PostgreSQL and wrk share the machine's cores.");
lines.push("");
lines.push(`Machine: ${env.M_NPROC} cores (${env.M_CPU}), ${report.machine.memoryGb} GiB, Linux ${env.M_KERNEL}. ` +
  `Versions: .NET SDK ${env.V_DOTNET_SDK} (ASP.NET Core ${env.V_DOTNET_RUNTIME}), Node ${env.V_NODE}, PostGraphile ${env.V_POSTGRAPHILE}, ` +
  `PostgreSQL ${facts.postgresVersion}, wrk ${env.V_WRK}. Commit ${env.G_COMMIT}${Number(env.G_DIRTY) ? ` with ${env.G_DIRTY} uncommitted files` : ""}.`);
lines.push("");
const d = facts.data;
lines.push(`Data (DemoDataGenerator): ${d.tenantsInRotation} tenants × ${d.projectsPerRotationTenant} projects plus tenant ${facts.largeTenant} with ` +
  `${facts.requested.largeTenantProjects} projects; ${d.projects} projects, ${d.indicators} targets (${d.indicatorsPerProject} per project — ` +
  `${Object.entries(d.projectsByIndicatorCount).map(([k, v]) => `${v} projects with ${k}`).join(", ")}), ` +
  `${d.units} units, ${d.milestones} milestones, ${d.progress_reports} monthly reports (${d.reportsPerProject} per project).`);
lines.push("");
lines.push("## Throughput and latency (measured rounds)");
lines.push("");
lines.push("| server | req/s (mean) | req/s by round | p50 ms | p90 ms | p99 ms | non-2xx | GraphQL errors | server CPU ms/req | PostgreSQL CPU ms/req | statements/req (PostgreSQL) | RSS max MB | start → ready ms | other load |");
lines.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const s of order) {
  const r = results[s];
  lines.push(`| ${s} | ${f(r.requestsPerSecond, 0)} | ${r.requestsPerSecondByRun.map((x) => f(x, 0)).join(", ")} | ${f(r.latencyMs.p50)} | ${f(r.latencyMs.p90)} | ` +
    `${f(r.latencyMs.p99)} | ${r.non2xx} | ${r.graphqlErrors} | ${f(r.serverCpuMsPerRequest, 3)} | ${f(r.postgresCpuMsPerRequest, 3)} | ` +
    `${f(r.statements.postgresPerRequest, 1)} | ${f(r.rssMaxMb, 0)} | ${r.startToReadyMs ?? "—"} | ${f(100 * r.otherLoad, 0)}% |`);
}
lines.push("");
lines.push("Latency percentiles are the mean over the rounds. CPU per request: utime+stime from /proc before and after each round, for the " +
  "server process and for the postmaster with all its children (live, and exited ones through cutime/cstime); wrk used " +
  order.map((s) => `${f(results[s].loadgenCpuMsPerRequest, 3)}`).join(" / ") + " ms per request (same order). Other load: the machine's busy " +
  "share not spent by the server under test, PostgreSQL or wrk — other processes on the machine; above a few per cent the figures are disturbed. " +
  "Statements per request: what PostgreSQL logged (log_statement = all, switched on only for this) over 50 sequential requests " +
  "after the load runs (caches warm), BEGIN/SET/COMMIT included." +
  (results.minsheng?.statements.headerStatements != null
    ? ` Minsheng's own count (X-Sql-Statements / X-Sql-Round-Trips): ${results.minsheng.statements.headerStatements} statements in ${results.minsheng.statements.headerRoundTrips} round trips.`
    : "") +
  ` Start → ready: from launching the process to the first 200 from /health (PostGraphile: a GraphQL query); to the first project page: ` +
  order.map((s) => `${s} ${results[s].startToFirstPageMs ?? "—"} ms`).join(", ") + ".");
lines.push("");
const disturbed = runs.filter((r) => r.phase === "measured" && r.otherLoad > 0.1);
if (disturbed.length) {
  lines.push(`**Disturbed**: other processes used more than 10 % of the machine during ${disturbed.map((r) => `${r.server} round ${r.run} (${Math.round(100 * r.otherLoad)} %)`).join(", ")}; ` +
    "latencies especially are not trustworthy. Re-run on a quiet machine.");
  lines.push("");
}
lines.push("## Ratios");
lines.push("");
lines.push(`- Minsheng ÷ PostGraphile, requests/s: **${f(ratios.minshengToPostgraphile)}** (by round: ${ratios.byRun.map((r) => f(r.minshengToPostgraphile)).join(", ")})`);
lines.push(`- Minsheng ÷ floor: **${f(ratios.minshengToFloor)}** (by round: ${ratios.byRun.map((r) => f(r.minshengToFloor)).join(", ")})`);
lines.push(`- floor ÷ PostGraphile: ${f(ratios.floorToPostgraphile)}`);
lines.push(`- Minsheng p99 ÷ PostGraphile p99: ${f(ratios.minshengP99ToPostgraphileP99)}`);
if (goals) {
  lines.push("");
  lines.push(`Issue 11's aim: ≥ 2× PostGraphile's requests/s: ${yes(goals.throughputAtLeast2xPostgraphile)}; ` +
    `p99 no worse than PostGraphile's: ${yes(goals.p99NoWorseThanPostgraphile)}; zero GraphQL errors and non-2xx: ${yes(goals.zeroGraphqlErrors)}.`);
}
if (lights) {
  lines.push("");
  lines.push("## The page with status lights (issue 17)");
  lines.push("");
  lines.push("Minsheng's page plus each project's `assessment { status light progressPercent reasons }`, against PostGraphile's plain page, in turn in each round.");
  lines.push("");
  lines.push("| round | Minsheng with lights req/s | p99 ms | errors | PostGraphile page req/s | ratio |");
  lines.push("|---:|---:|---:|---:|---:|---:|");
  for (const r of lights.rounds) lines.push(`| ${r.run} | ${f(r.minshengRps, 0)} | ${f(r.minshengP99Ms)} | ${r.minshengErrors} | ${f(r.postgraphileRps, 0)} | ${f(r.ratio)} |`);
  lines.push("");
  lines.push(`Minsheng with lights ÷ PostGraphile: **${f(lights.ratio)}** (aim ≥ 2).`);
}
if (dashboard) {
  lines.push("");
  lines.push("## Dashboard polling with writes (issue 20)");
  lines.push("");
  lines.push(`Every tenant's dashboard asks the persisted \`ProjectPage\` with GET (Minsheng's response cache) while ${dashboard.rounds[0].writesPerSecond} ` +
    "writes per second rename a lead unit in turn over the tenants, each followed at once by that tenant's dashboard reading its page (an answer " +
    "without the write is a stale read); PostGraphile serves its page under the same writes.");
  lines.push("");
  lines.push("| round | Minsheng req/s | p99 ms | errors | max RSS MB | PostGraphile req/s | ratio | writes | stale reads |");
  lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of dashboard.rounds)
    lines.push(`| ${r.run} | ${f(r.minshengRps, 0)} | ${f(r.minshengP99Ms)} | ${r.minshengErrors} | ${r.minshengRssMaxMb} | ${f(r.postgraphileRps, 0)} | ${f(r.ratio)} | ${r.writes} | ${r.staleReads} |`);
  lines.push("");
  lines.push(`Minsheng ÷ PostGraphile: **${f(dashboard.ratio)}** (aim ≥ 10), stale reads found: **${dashboard.staleReads}** of ${dashboard.writes} writes checked (aim 0).`);
}
const bursts = [read("burst.json"), read("burst-file.json")].filter(Boolean);
if (bursts.length) {
  lines.push("");
  lines.push("## Month-end burst (issue 17)");
  lines.push("");
  lines.push(`Each flow on its own ${bursts[0].tenants} tenants (${bursts[0].projects} projects, the first ${bursts[0].warmUpProjects ?? 0} an untimed warm-up), ` +
    `${bursts[0].concurrency} people at once, each with their own token (authorization code + PKCE). Flow **steps**: saveReportDraft → submitReport (clerk) → ` +
    "approveReport (head). Flow **file**: saveReportDraft with `submit: true` (the form's 提交: written and submitted in one step) → approveReport (head). " +
    "A submission is a report reaching SUBMITTED; every one of them is then signed off within the same timed run.");
  lines.push("");
  lines.push("| flow | period | mutations/s | submissions/s | p99 ms | save p50/p99 | submit p50/p99 | approve p50/p99 | server CPU ms/mutation | PostgreSQL CPU ms/mutation | load generator CPU ms/mutation | machine busy ms/mutation | errors | lost | duplicated | approved |");
  lines.push("|---|---|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const ms = (x) => (x == null ? "—" : f(x, 3));
  const pair = (x) => (x ? `${x.p50}/${x.p99}` : "—");
  for (const b of bursts) {
    const l = b.latencyMs;
    lines.push(`| ${b.flow ?? "steps"} | ${b.period} | ${f(b.mutationsPerSecond, 0)} | ${f(b.submissionsPerSecond, 0)} | ${f(b.p99Ms, 1)} | ${pair(l.saveReportDraft)} | ` +
      `${pair(l.submitReport)} | ${pair(l.approveReport)} | ${ms(b.serverCpuMsPerMutation)} | ${ms(b.postgresCpuMsPerMutation)} | ${ms(b.loadGeneratorCpuMsPerMutation)} | ${ms(b.machineBusyMsPerMutation)} | ${b.errors} | ${b.check.lost} | ${b.check.duplicated} | ${b.check.approved}/${b.check.expected} |`);
  }
  lines.push("");
  lines.push("CPU per mutation during the timed burst: the server process; PostgreSQL (the postmaster with its live and exited " +
    "children); the load generator itself; the whole machine's busy time. The machine's " + `${env.M_NPROC ?? "?"} cores give ` +
    `${env.M_NPROC ? Number(env.M_NPROC) * 1000 : "?"} ms a second, so that divided by the busy time per mutation bounds the mutations a second this machine could serve.`);
  lines.push("");
  lines.push("Aim: ≥ 400 report submissions/s: " + bursts.map((b) => `${b.flow ?? "steps"} ${b.submissionsPerSecond >= 400 ? "yes" : "**no**"}`).join("; ") + ".");
}
const imports = read("imports.json");
if (imports) {
  lines.push("");
  lines.push("## Import throughput (issue 20)");
  lines.push("");
  lines.push(`Clerks importing published plan documents (${imports.documents.join(", ")}) through \`importPlan\`, each tenant each document once, ` +
    `${imports.concurrency} at once, the tenant's developer header (Development).`);
  lines.push("");
  lines.push("| imports | projects | seconds | imports/s | projects/s | p50 ms | p99 ms | errors |");
  lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
  lines.push(`| ${imports.imports} | ${imports.projects} | ${imports.seconds} | ${imports.importsPerSecond} | ${imports.projectsPerSecond} | ${imports.p50Ms} | ${imports.p99Ms} | ${imports.errors} |`);
}
const nationalLoad = read("national-load.json"), rollUps = read("rollups.json");
if (nationalLoad || rollUps) {
  lines.push("");
  lines.push("## Roll-ups on national data (issue 20)");
  lines.push("");
  if (nationalLoad)
    lines.push(`National synthetic data added to the bench database: ${nationalLoad.tenantsLoaded} governments (${nationalLoad.tenants} in the division list), ` +
      `${nationalLoad.projects} projects, ${nationalLoad.reports} monthly reports, ${nationalLoad.lightRecords} light records — ${nationalLoad.rowsWritten} rows in ` +
      `${nationalLoad.loadSeconds} s; database ${nationalLoad.databaseMegabytes} MB. One PostgreSQL. ` +
      `Province 410000's governments: ${nationalLoad.provinceCatalogLinks ?? 0} targets linked to the provincial catalog (what the henan classifier finds without doubt in their plans).`);
  if (rollUps) {
    lines.push("");
    lines.push("`regionSummary` with totals, the drill-down by child region and the catalog tasks, POSTed (not cached) with the analyst's own token; sequential requests after two untimed.");
    lines.push("");
    lines.push("| region | governments | projects | reports filed | children | tasks (counted) | median ms | p90 ms | aim ms | met |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const [label, r, aim] of [["province 410000", rollUps.province, 100], ["country 000000", rollUps.national, 1500]])
      lines.push(`| ${label} | ${r.total.tenants} | ${r.total.projects} | ${r.total.reportsFiled} | ${r.children} | ${r.tasks} (${r.tasksCounted ?? "—"}) | ${r.medianMs} | ${r.p90Ms} | < ${aim} | ${r.medianMs < aim ? "yes" : "**no**"} |`);
    lines.push("");
    lines.push(`The country's total is the sum of its provinces: ${yes(rollUps.checks.countryIsSumOfProvinces)}; Henan's share of the country is Henan's own total: ${yes(rollUps.checks.henanShareIsHenanTotal)}; ` +
      `the province counts catalog tasks: ${yes(rollUps.checks.provinceCountsTasks)}; the country's counted tasks are Henan's: ${yes(rollUps.checks.countryTasksAreHenans)}.`);
  }
}
if (serverMemory) {
  lines.push("");
  lines.push("## Server memory (issue 20)");
  lines.push("");
  lines.push("Largest resident set of the Minsheng server sampled every 0.5 s during each phase's load runs: " +
    Object.entries(serverMemory.byPhaseMb).map(([k, v]) => `${k} ${v} MB`).join(", ") +
    `. Maximum **${serverMemory.maxRssMb} MB** (aim < 300 MB): ${serverMemory.maxRssMb < 300 ? "yes" : "**no**"}.`);
  if (serverMemory.dailyRound) {
    const r = serverMemory.dailyRound;
    lines.push("");
    lines.push(`The daily round (off on the measured server) on an instance of its own over the national data: ${r.tenants} governments in ` +
      `${r.seconds} s, ${r.lightsChanged} lights changed; largest resident set ${r.maxRssMb} MB.`);
  }
}
lines.push("");
lines.push(`## Large tenant ${pages?.tenant ?? ""} (${facts.requested.largeTenantProjects} projects): first page and page ${pages?.deepPage ?? "—"} reached with \`after\``);
lines.push("");
lines.push(`Sequential: median of ${pages?.samples ?? "—"} single requests measured by the client. Load: ${env.BENCH_PAGE_SECONDS} s of wrk on that one page.`);
lines.push("");
lines.push("| server | page | items | sequential median ms | sequential p90 ms | statements (header) | req/s under load | p50 ms | p99 ms | errors | other load |");
lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [s, byPage] of Object.entries(large)) {
  for (const [which, p] of Object.entries(byPage)) {
    lines.push(`| ${s} | ${which === "first" ? "first" : `page ${pages.deepPage}`} | ${p.items} | ${f(p.medianMs)} | ${f(p.p90Ms)} | ${p.sqlStatements ?? "—"} | ` +
      `${f(p.load?.requestsPerSecond, 0)} | ${f(p.load?.p50Ms)} | ${f(p.load?.p99Ms)} | ${(p.load?.graphqlErrors ?? 0) + (p.load?.non2xx ?? 0)} | ${f(100 * (p.load?.otherLoad ?? 0), 0)}% |`);
  }
}
lines.push("");
lines.push(`Page ${pages?.deepPage} of Minsheng and PostGraphile: ${pages?.deepPagesEqual === true ? "same projects" : `**differ**: ${pages?.deepPagesEqual}`}.`);
lines.push("");
lines.push("## Equality check");
lines.push("");
if (check) {
  lines.push(`${check.ok ? "Passed" : "**FAILED**"}: ${check.tenants.map((t) => `${t.tenant} (${t.items} projects: ${Object.entries(t.equalTo).map(([k, v]) => `${k} ${v === true ? "same" : "different"}`).join(", ")})`).join("; ")}. ` +
    `Without a tenant: ${Object.entries(check.noTenant).map(([k, v]) => `${k} HTTP ${v.status}, ${v.items ?? v.error} projects`).join("; ")}.`);
  for (const p of check.problems) lines.push(`- ${p}`);
} else {
  lines.push("not run");
}
lines.push("");
lines.push("## Statements per request, as PostgreSQL logged them");
lines.push("");
for (const s of order) {
  const detail = results[s].statements.postgresDetail;
  if (!detail) continue;
  lines.push(`- ${s}: ${detail.map((x) => `${x.perRequest} × \`${x.statement.length > 60 ? x.statement.slice(0, 60) + "…" : x.statement}\``).join("; ")}`);
}
lines.push("");
lines.push("## How the contenders are set up");
lines.push("");
lines.push("- **minsheng**: `src/Minsheng.Server` published in Release, `ASPNETCORE_ENVIRONMENT=Development` (for the `X-Tenant` header), " +
  "logging at Warning, connected as `minsheng_app` (owns nothing, NOBYPASSRLS); the public `/graphql` schema, `projects(first: 20)` (order SEQUENCE); " +
  "the daily round off (`Supervision__DailyRound__Enabled=false`; it is measured on its own, see Server memory).");
lines.push("- **postgraphile**: PostGraphile " + env.V_POSTGRAPHILE + " (Amber preset, `PgIndexBehaviorsPlugin` off so unit position / report period can order), " +
  "`NODE_ENV=production`, one Node process, pool of 16, connected as `" + facts.postgraphileRole + "` (NOBYPASSRLS, SELECT only); `X-Tenant` → tenant id " +
  "(looked up once at start) → `pgSettings { app.tenant_ids }`, set with set_config in the request's transaction; relations over the foreign keys " +
  "(`projectUnitsByTenantIdAndProjectId(condition: {role: \"Lead\"}, orderBy: POSITION_ASC, first: 1)`, `progressReportsByTenantIdAndProjectId(orderBy: PERIOD_DESC, first: 1)`); " +
  "RLS is its only tenant filter.");
lines.push("- **floor**: `bench/Minsheng.Bench.Floor`, ASP.NET Core minimal API, one batch `BEGIN; SET LOCAL app.tenant_ids; SELECT … json_agg …; COMMIT` " +
  "over Npgsql as `minsheng_app`, the SELECT filtering by `tenant_id` itself; no GraphQL parsing (it ignores the document).");
lines.push("");
writeFileSync(`${base}.md`, lines.join("\n"));
console.log(`results: ${base}.md and .json`);
for (const s of order)
  console.log(`  ${s}: ${f(results[s].requestsPerSecond, 0)} req/s, p99 ${f(results[s].latencyMs.p99)} ms, errors ${results[s].graphqlErrors}/${results[s].non2xx}`);
console.log(`  Minsheng ÷ PostGraphile ${f(ratios.minshengToPostgraphile)}, Minsheng ÷ floor ${f(ratios.minshengToFloor)}`);
