#!/usr/bin/env bash
# Checks deploy/ without a container engine (none runs on the development machines):
#   * the Dockerfile, linted with dockerfile-utils (installed from deploy/tools/package-lock.json);
#   * the Kubernetes manifests, rendered with kubectl kustomize (when kubectl is installed);
#   * with --publish: the image's build steps, run as the Dockerfile runs them (its `dotnet publish` lines, into a
#     scratch folder), and the files its ENTRYPOINT and migration command name found in that output.
set -euo pipefail
cd "$(dirname "$0")"
publish=0; [[ ${1:-} == --publish ]] && publish=1

(cd tools && npm ci --no-audit --no-fund --silent)
lint=$(node tools/node_modules/dockerfile-utils/bin/dockerfile-utils lint Dockerfile 2>&1 || true)
if [[ -n $lint ]]; then echo "Dockerfile lint:"; echo "$lint"; exit 1; fi
echo "Dockerfile lint: clean"

if command -v kubectl >/dev/null; then
  kubectl kustomize k8s/overlays/production >/dev/null
  echo "kubectl kustomize k8s/overlays/production: renders"
else
  echo "kubectl not installed: the manifests were not rendered"
fi

if [[ $publish == 1 ]]; then
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
  grep -oE 'dotnet publish [^&\\]+' Dockerfile | sed "s#/out/#$out/#g" | while read -r line; do (cd .. && eval "$line" >/dev/null) && echo "ran: $line"; done
  entry=$(grep -oE 'ENTRYPOINT \["dotnet", "[^"]+"' Dockerfile | grep -oE '[^"]+\.dll')
  [[ -f $out/server/$entry ]] || { echo "ENTRYPOINT names $entry, which the publish did not produce"; exit 1; }
  [[ -f $out/server/cli/minsheng.dll ]] || { echo "the migration command's cli/minsheng.dll was not produced"; exit 1; }
  [[ -f $out/server/console/index.html ]] || { echo "the web console was not in the server's publish output"; exit 1; }
  echo "publish as the Dockerfile does: $entry, cli/minsheng.dll and the console are there ($(du -sh "$out/server" | cut -f1))"
fi
