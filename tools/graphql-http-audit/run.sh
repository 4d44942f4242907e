#!/usr/bin/env bash
# Starts the server on its embedded database (a throwaway data folder), runs the graphql-http audit suite
# against it, and stops it. Exit status is non-zero when any MUST audit fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${AUDIT_PORT:-5099}"
work="$(mktemp -d)"
chmod 755 "$work"

(cd "$here" && npm ci --no-audit --no-fund --silent)

dotnet build "$root/src/Minsheng.Server" -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Embedded__DataDirectory="$work/pgdata" Embedded__Port=0 Logging__LogLevel__Default=Warning \
  dotnet run --no-build --no-launch-profile --project "$root/src/Minsheng.Server" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done
node "$here/audit.mjs" "http://127.0.0.1:$port/graphql" 411302
