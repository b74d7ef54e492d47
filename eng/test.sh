#!/usr/bin/env bash
# Builds the solution and runs every test project against real PostgreSQL and RabbitMQ, exercising both providers:
#   local pass      UnitTests, InfrastructureTests and an AppHost smoke run, with PostgreSQL and RabbitMQ as local
#                   processes of the Debian packages (PETITION_INFRASTRUCTURE=local);
#   container pass  IntegrationTests and EndToEndTests through Testcontainers (PETITION_INFRASTRUCTURE=containers),
#                   after starting dockerd if none answers and building the images from Debian packages (no registry).
# PETITION_TEST_CONTAINERS=0 skips the container pass and runs those two suites in the local pass instead (a machine
# without Docker). Ends with one line adding up every pass: "N passed, N failed".
# Arguments are passed to each 'dotnet test', e.g. --filter "FullyQualifiedName~Intake".
set -uo pipefail
cd "$(dirname "$0")/.."

containers=${PETITION_TEST_CONTAINERS:-1}
if [ "$containers" = 1 ]; then
  eng/prerequisites.sh --tests --containers || exit 1
else
  eng/prerequisites.sh --tests || exit 1
fi

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
started=$(date +%s)
status=0
extra_passed=0
extra_failed=0

echo "Building..."
if ! dotnet build PetitionPlatform.sln -nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# run_suite <project> <mode>: one project at a time (each starts its own database and broker; the machine has two cores).
run_suite() {
  local project=$1 mode=$2 name
  name="$(basename "$project")"
  [ -d "$project" ] || return 0
  echo "=== $name ($mode)"
  local begin=$(date +%s)
  # xunit's diagnostic messages carry the fixture's "Infrastructure: …" line, so the log shows which provider ran.
  if ! PETITION_INFRASTRUCTURE=$mode dotnet test "$project" --no-build -nologo \
      --logger "trx;LogFileName=$name-$mode.trx" --results-directory "$results" "${test_args[@]}" -- xUnit.DiagnosticMessages=true; then
    status=1
  fi
  echo "=== $name ($mode): $(( $(date +%s) - begin )) s"
}

# The AppHost as a developer starts it, in local mode: every resource healthy behind the gateway and listed by the
# dashboard, then a clean stop on
# SIGTERM (a background job of a script ignores SIGINT). Counted as one test in the summary.
apphost_smoke() {
  local data port dashboard pid code=1 begin=$(date +%s)
  data=$(mktemp -d /tmp/petition-smoke.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dashboard=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "=== AppHost smoke (local)"
  # The built AppHost itself, not 'dotnet run', so that the signal reaches it.
  PETITION_INFRASTRUCTURE=local dotnet AppHost/bin/Debug/net10.0/PetitionPlatform.AppHost.dll \
    "--AppHost:DataDirectory=$data" "--Gateway:Port=$port" "--Dashboard:Port=$dashboard" >"$results/apphost-smoke.log" 2>&1 &
  pid=$!
  for _ in $(seq 240); do
    # Healthy behind the gateway, and the dashboard lists what runs.
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 \
      && curl -fsS "http://127.0.0.1:$dashboard/api/resources" | grep -q '"gateway"'; then code=0; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if [ "$code" -eq 0 ]; then
    kill -TERM "$pid" 2>/dev/null
    # A clean stop exits 0 once every service and server has stopped.
    wait "$pid"; code=$?
  else
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  fi
  rm -rf "$data"
  if [ "$code" -eq 0 ]; then
    extra_passed=$((extra_passed + 1))
    echo "=== AppHost smoke (local): passed in $(( $(date +%s) - begin )) s"
  else
    extra_failed=$((extra_failed + 1)); status=1
    echo "=== AppHost smoke (local): FAILED (log: $results/apphost-smoke.log)"
    tail -n 20 "$results/apphost-smoke.log"
  fi
}

test_args=("$@")

# The engine and the images first when there is a container pass: InfrastructureTests (local pass) then also test the
# container provider itself rather than skip those tests.
engine_ready=0
if [ "$containers" = 1 ]; then
  export PETITION_POSTGRES_IMAGE=${PETITION_POSTGRES_IMAGE:-petitionplatform/postgres:15}
  export PETITION_RABBITMQ_IMAGE=${PETITION_RABBITMQ_IMAGE:-petitionplatform/rabbitmq:3-management}
  begin=$(date +%s)
  if eng/docker-engine.sh && eng/images/build.sh; then
    engine_ready=1
    echo "=== Docker engine and images ready: $(( $(date +%s) - begin )) s"
  else
    echo "=== Container pass: the Docker engine or the images are not available (see above)."
    extra_failed=$((extra_failed + 1)); status=1
  fi
fi

# Local pass.
local_suites=(tests/UnitTests tests/InfrastructureTests)
[ "$containers" = 1 ] || local_suites+=(tests/IntegrationTests tests/EndToEndTests)
for project in "${local_suites[@]}"; do
  run_suite "$project" local
done
if [ ${#test_args[@]} -eq 0 ]; then
  apphost_smoke
fi

# Container pass.
if [ "$engine_ready" = 1 ]; then
  for project in tests/IntegrationTests tests/EndToEndTests; do
    run_suite "$project" containers
  done
fi

passed=$extra_passed
failed=$extra_failed
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

# A test host that crashed writes no counters; it must not read as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "Total time: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
