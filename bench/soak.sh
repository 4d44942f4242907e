#!/usr/bin/env bash
# The soak (issue 20): one Minsheng server (Release, response cache on) on its own PostgreSQL cluster, loopback only, under
# a steady mix of dashboard polling, ad-hoc page reads, writes with a stale-read check, report filing and plan imports
# for a bounded time; reports errors, p99 and the server's memory window by window (bench/tools/soak.mjs).
#
#   bench/soak.sh                 10 minutes, results in bench/results/<stamp>-soak.md and .json
#   bench/soak.sh --seconds 60    a shorter run, results in bench/.work/results-smoke/
#
# Environment (all optional): BENCH_SOAK_PG_PORT (55492), BENCH_SOAK_PORT (5194), BENCH_SKIP_BUILD=1 (reuse the last
# build of bench/run.sh), BENCH_SEEDS (the plan documents to import; default ../shared/seeds beside the repository).
set -Eeuo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/.work"
SECONDS_TO_RUN=600
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_TO_RUN=$2; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
RESULTS="$BENCH/results"; ((SECONDS_TO_RUN < 600)) && RESULTS="$WORK/results-smoke"
PG_PORT=${BENCH_SOAK_PG_PORT:-55492}
PORT=${BENCH_SOAK_PORT:-5194}
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$WORK/runs/$STAMP-soak"
PGDATA_DIR="$WORK/soak-pgdata"
mkdir -p "$RUN" "$RESULTS"
LOG_NAME=soak
source "$BENCH/lib.sh"

ensure_node
if [[ ${BENCH_SKIP_BUILD:-0} != 1 || ! -f "$WORK/bin/server/Minsheng.Server.dll" || ! -f "$WORK/bin/setup/Minsheng.Bench.Setup.dll" ]]; then
  log "building (Release): server, bench setup"
  dotnet publish "$ROOT/src/Minsheng.Server" -c Release -o "$WORK/bin/server" --nologo >"$RUN/build.log" 2>&1 || die "build failed (see $RUN/build.log)"
  dotnet publish "$BENCH/Minsheng.Bench.Setup" -c Release -o "$WORK/bin/setup" --nologo >>"$RUN/build.log" 2>&1 || die "build failed (see $RUN/build.log)"
fi

log "PostgreSQL: cluster, migrations, 200 synthetic tenants"
[[ -f "$PGDATA_DIR/postmaster.pid" ]] && timeout 40 dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll" down "$PGDATA_DIR" "$PG_PORT" >/dev/null 2>&1 || true
rm -rf "$PGDATA_DIR"
timeout 600 dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll" up "$PGDATA_DIR" "$PG_PORT" "$RUN/facts.json" --tenants 200 --projects 20 --months 12 \
  >"$RUN/setup.log" 2>&1 || { tail -20 "$RUN/setup.log"; die "setup failed"; }
APP_CONNECTION=$("$NODE" -p 'require(process.argv[1]).appConnection' "$RUN/facts.json")

log "server on 127.0.0.1:$PORT"
start_server "$APP_CONNECTION" RateLimits__Enabled=false DOTNET_NOLOGO=1
"$NODE" "$BENCH/tools/tokens.mjs" "http://127.0.0.1:$PORT" "$RUN/auth.txt" "$RUN/facts.tenants.txt" | sed 's/^/  /'

SEEDS="${BENCH_SEEDS:-$ROOT/../shared/seeds}"; [[ -d $SEEDS ]] || { log "no plan documents at $SEEDS: the soak runs without imports"; SEEDS=-; }
log "soak: $SECONDS_TO_RUN s"
status=0
"$NODE" "$BENCH/tools/soak.mjs" "http://127.0.0.1:$PORT" "$RUN/auth.txt" "$RUN/facts.tenants.txt" "$SEEDS" "$SECONDS_TO_RUN" "$SERVER_PID" \
  "$RESULTS/$STAMP-soak.json" "$RESULTS/$STAMP-soak.md" || status=$?
grep -q "Unhandled exception\|fail:" "$RUN/server.log" && log "the server logged failures (see $RUN/server.log)" && status=1
log "results: $RESULTS/$STAMP-soak.md and .json"
exit "$status"
