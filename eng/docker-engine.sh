#!/usr/bin/env bash
# Makes sure a Docker engine answers: uses the one that does, else starts dockerd in the background (root only), its
# log in artifacts/dockerd.log, and waits for it. The engine is left running for the next run and for the AppHost.
# Fails with one sentence when no engine can be had: container mode must not quietly become local mode in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if docker info >/dev/null 2>&1; then
  exit 0
fi

log=artifacts/dockerd.log
if [ "$(id -u)" -ne 0 ] || ! command -v dockerd >/dev/null 2>&1; then
  echo "No Docker engine answers and this script cannot start one (it needs root and dockerd from docker.io); start dockerd, or run with PETITION_TEST_CONTAINERS=0." >&2
  exit 1
fi

mkdir -p artifacts
echo "Starting dockerd (log in $log)..."
# setsid: the engine outlives this script and is not hit by a Ctrl+C meant for the tests.
setsid nohup dockerd >"$log" 2>&1 </dev/null &
for _ in $(seq 60); do
  docker info >/dev/null 2>&1 && exit 0
  kill -0 $! 2>/dev/null || break
  sleep 1
done
echo "dockerd did not start (last lines of $log below); the container pass cannot run." >&2
tail -n 5 "$log" >&2
exit 1
