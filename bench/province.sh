#!/usr/bin/env bash
# Issue 18's figures, side by side in one run, on a synthetic Henan (see bench/README.md, "Province roll-up"):
#   1. the province roll-up through the API (regionSummary(410000).tasks, the province analyst's token) against the
#      same roll-up as one hand-written SQL statement (the floor), both as the application role under the same
#      row-level security; the API's figures must equal the floor's;
#   2. the cost of being a plugin: the project page on counties running both plugins against counties running none.
#
#   bench/province.sh            results in bench/results/<stamp>-province.md and .json
#   bench/province.sh --smoke    shorter page runs, results in bench/.work/results-smoke/
#
# Environment (all optional): BENCH_PROVINCE_PG_PORT (55491), BENCH_PROVINCE_PORT (5193), BENCH_KEEP_DB=1 (reuse the
# loaded cluster), BENCH_SKIP_BUILD=1 (reuse the last build of bench/run.sh or this script), BENCH_ROLLUP_RUNS (30),
# BENCH_PAGE_ROUNDS (4), BENCH_PAGE_SECONDS (15), BENCH_CONNECTIONS (16), BENCH_THREADS (2).
set -Eeuo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/.work"
MODE=full
for arg in "$@"; do
  case "$arg" in
    --smoke) MODE=smoke ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
if [[ $MODE == smoke ]]; then
  PAGE_SECONDS=${BENCH_PAGE_SECONDS:-3}; ROUNDS=${BENCH_PAGE_ROUNDS:-2}; RUNS=${BENCH_ROLLUP_RUNS:-5}; RESULTS="$WORK/results-smoke"
else
  PAGE_SECONDS=${BENCH_PAGE_SECONDS:-15}; ROUNDS=${BENCH_PAGE_ROUNDS:-4}; RUNS=${BENCH_ROLLUP_RUNS:-30}; RESULTS="$BENCH/results"
fi
PG_PORT=${BENCH_PROVINCE_PG_PORT:-55491}
PORT=${BENCH_PROVINCE_PORT:-5193}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$WORK/runs/$STAMP-province"
PGDATA_DIR="$WORK/pgdata-province"
mkdir -p "$RUN" "$RESULTS"
LOG_NAME=province
source "$BENCH/lib.sh"

command -v dotnet >/dev/null || die ".NET SDK not found (dotnet)"
command -v wrk >/dev/null || die "wrk not found (bench/run.sh installs it: apt-get install -y wrk)"
ensure_node
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT is already in use"

if [[ ${BENCH_SKIP_BUILD:-0} != 1 || ! -f "$WORK/bin/server/Minsheng.Server.dll" || ! -f "$WORK/bin/setup/Minsheng.Bench.Setup.dll" || ! -f "$WORK/bin/cli/minsheng.dll" ]]; then
  log "building (Release): server, bench setup"
  dotnet publish "$ROOT/src/Minsheng.Server" -c Release -o "$WORK/bin/server" --nologo >>"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; die "build failed"; }
  dotnet publish "$BENCH/Minsheng.Bench.Setup" -c Release -o "$WORK/bin/setup" --nologo >>"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; die "build failed"; }
  dotnet publish "$ROOT/src/Minsheng.Cli" -c Release -o "$WORK/bin/cli" --nologo >>"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; die "build failed"; }
fi
SETUP=(dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll")

if [[ ${BENCH_KEEP_DB:-0} != 1 || ! -f "$WORK/province.facts.json" ]]; then
  [[ -f "$PGDATA_DIR/postmaster.pid" ]] && timeout 40 "${SETUP[@]}" down "$PGDATA_DIR" "$PG_PORT" >/dev/null 2>&1 || true
  rm -rf "$PGDATA_DIR"
  log "PostgreSQL: cluster, migrations, synthetic Henan"
  timeout 900 "${SETUP[@]}" province "$PGDATA_DIR" "$PG_PORT" "$WORK/province.facts.json" | tee "$RUN/setup.log" | sed 's/^/  /'
  # The province's analyst, as an installation creates its first users (the CLI).
  BENCH_ANALYST_PASSWORD=Bench-analyst-2026 timeout 120 dotnet "$WORK/bin/cli/minsheng.dll" users add bench-henan-analyst --role region_analyst \
    --region 410000 --password-env BENCH_ANALYST_PASSWORD \
    --connection "$("$NODE" -e 'console.log(require(process.argv[1]).appConnection)' "$WORK/province.facts.json")" | sed 's/^/  /'
fi
cp "$WORK/province.facts.json" "$RUN/facts.json"
APP_CONNECTION=$("$NODE" -e 'console.log(require(process.argv[1]).appConnection)' "$WORK/province.facts.json")

log "floor: the roll-up as one hand-written statement"
timeout 600 "${SETUP[@]}" province-floor "$PGDATA_DIR" "$PG_PORT" "$RUNS" >"$RUN/floor.json"

log "server (Release)"
start_server "$APP_CONNECTION"

log "roll-up through the API ($RUNS sequential requests after 3 untimed)"
BENCH_ANALYST_PASSWORD=Bench-analyst-2026 "$NODE" "$BENCH/tools/rollup.mjs" "http://127.0.0.1:$PORT" "$RUN/floor.json" "$RUN/rollup.json" "$RUNS" | sed 's/^/  /'

log "the project page with and without plugins ($ROUNDS rounds of ${PAGE_SECONDS} s each, after a warm-up)"
"$NODE" "$BENCH/tools/probe.mjs" body minsheng "$RUN/body.json"
page() { # group seconds -> BENCH_RESULT json
  timeout $(($2 + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency --timeout 10s -s "$BENCH/page.lua" \
    "http://127.0.0.1:$PORT/graphql" -- "$WORK/province.facts.$1.txt" "$RUN/body.json" >"$RUN/wrk-$1-$3.txt" 2>&1 || die "wrk failed"
  grep '^BENCH_RESULT ' "$RUN/wrk-$1-$3.txt" | sed 's/^BENCH_RESULT //'
}
page with-plugins 5 warmup >/dev/null
page without-plugins 5 warmup >/dev/null
: >"$RUN/page.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  # Each round in the other order, so neither group always runs first.
  groups="with-plugins without-plugins"; ((round % 2 == 0)) && groups="without-plugins with-plugins"
  for group in $groups; do
    echo "{\"group\":\"$group\",\"round\":$round,\"result\":$(page "$group" "$PAGE_SECONDS" "$round")}" >>"$RUN/page.jsonl"
  done
done

"$NODE" - "$RUN" "$RESULTS/$STAMP-province" <<'EOF'
const { readFileSync, writeFileSync } = require("node:fs");
const [run, out] = process.argv.slice(2);
const facts = JSON.parse(readFileSync(`${run}/facts.json`, "utf8"));
const floor = JSON.parse(readFileSync(`${run}/floor.json`, "utf8"));
const rollup = JSON.parse(readFileSync(`${run}/rollup.json`, "utf8"));
const rounds = readFileSync(`${run}/page.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const rps = (g) => rounds.filter((r) => r.group === g).map((r) => r.result.rps);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const errors = rounds.reduce((n, r) => n + (r.result.non2xx ?? 0) + (r.result.graphql_errors ?? 0), 0);
const withPlugins = mean(rps("with-plugins")), without = mean(rps("without-plugins"));
const result = {
  facts, floor: { medianMs: floor.medianMs, p90Ms: floor.p90Ms, runs: floor.runs }, rollup: { ...rollup, mismatches: rollup.mismatches.length },
  rollupToFloor: Math.round((rollup.medianMs / floor.medianMs) * 100) / 100,
  page: { withPluginsRps: Math.round(withPlugins), withoutPluginsRps: Math.round(without), costPercent: Math.round((1 - withPlugins / without) * 1000) / 10, errors, rounds },
};
writeFileSync(`${out}.json`, JSON.stringify(result, null, 2));
writeFileSync(`${out}.md`, `# Province roll-up and the cost of plugins (${out.split("/").pop()})

Synthetic Henan: ${facts.tenants} governments on the real codes of province 410000 (${facts.counties} counties), ${facts.projects} projects,
${facts.indicators} targets, ${facts.reports} monthly reports; ${facts.catalogLinks} targets of ${facts.projectsCounted} projects counted under the
provincial catalog's keys.

| | median | p90 | runs |
|---|---|---|---|
| API: \`regionSummary(410000).tasks\` (HTTP, token, JSON) | ${rollup.medianMs} ms | ${rollup.p90Ms} ms | ${rollup.runs} |
| floor: one hand-written SQL statement (same RLS) | ${floor.medianMs} ms | ${floor.p90Ms} ms | ${floor.runs} |

API / floor: **${result.rollupToFloor}×**; aim: the API under 100 ms. ${rollup.tasks} tasks, ${rollup.keysWithFigures} keys with figures, all equal to the
floor's: ${rollup.mismatches.length === 0 ? "yes" : `NO (${rollup.mismatches.length} differ)`}; ${rollup.disagreements} city/province disagreements flagged;
${rollup.laggingGovernments} lagging governments listed.

**The cost of being a plugin** (the project page, wrk ${rounds.length / 2} rounds per group, counties with both plugins vs counties with none):
${result.page.withPluginsRps} vs ${result.page.withoutPluginsRps} requests/s → **${result.page.costPercent} %** slower with plugins (aim: within 10 %);
errors: ${errors}.
`);
console.log(readFileSync(`${out}.md`, "utf8"));
EOF
