#!/usr/bin/env bash
# Builds the solution and runs every test project against real PostgreSQL and RabbitMQ, in both infrastructure modes:
#   local pass      UnitTests, IntegrationTests and EndToEndTests with PostgreSQL and RabbitMQ as local processes of the
#                   Debian packages (PETITION_INFRASTRUCTURE=local), then eng/run.sh itself (smoke run) and the
#                   deployment manifest (eng/manifest.sh);
#   container pass  IntegrationTests (Testcontainers) and EndToEndTests (Aspire's container resources) with
#                   PETITION_INFRASTRUCTURE=containers, after starting dockerd if none answers and building the images
#                   from Debian packages (no registry is reachable).
# PETITION_TEST_CONTAINERS=0 skips the container pass (a machine without Docker). Ends with one line adding up every
# pass: "N passed, N failed".
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

# The README's first command as a developer runs it, in local mode: the console shows Aspire's start-up and the
# dashboard's login link (not the services' logs), the gateway answers /health, the dashboard's telemetry API answers
# with the key kept in the data directory, the services are not in Development (no /dev endpoint), a registration
# needs a token, and a client the operators make (with the secret generated at first start) registers a petition
# with the keys generated then, and SIGTERM stops everything: exit 0 and no server process left.
# Counted as one test in the summary.
apphost_smoke() {
  local data gateway dashboard otlp resources pid code=1 begin=$(date +%s) log="$results/apphost-smoke.log"
  data=$(mktemp -d /tmp/petition-smoke.XXXXXX)
  read -r gateway dashboard otlp resources < <(python3 -c 'import socket
ports = []
for _ in range(4):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); ports.append(s)
print(*[s.getsockname()[1] for s in ports])')
  echo "=== AppHost smoke (local)"
  # Stopped with SIGTERM, as a service manager stops it: a script's background job ignores the SIGINT of a Ctrl+C.
  PETITION_INFRASTRUCTURE=local eng/run.sh "--AppHost:DataDirectory=$data" "--Gateway:Port=$gateway" \
    "--ASPNETCORE_URLS=http://localhost:$dashboard" "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:$otlp" \
    "--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:$resources" >"$log" 2>&1 &
  pid=$!
  # Up to ten minutes: eng/run.sh first builds the AppHost and every service in Release (the first such smoke run took
  # 259 s on two cores until the gateway answered, that build included).
  for _ in $(seq 600); do
    if curl -fsS "http://127.0.0.1:$gateway/health" >/dev/null 2>&1 \
      && curl -fsS -H "x-api-key: $(cat "$data/secrets/dashboard-api-key" 2>/dev/null)" \
           "http://localhost:$dashboard/api/telemetry/resources" 2>/dev/null | grep -q '"gateway"'; then code=0; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if [ "$code" -eq 0 ] && ! grep -q "Login to the dashboard at http://localhost:$dashboard/login" "$log"; then
    echo "The console does not show the dashboard's login link."; code=1
  fi
  if [ "$code" -eq 0 ] && grep -q "MassTransit" "$log"; then
    echo "The console shows the services' own log lines."; code=1
  fi
  # Aspire has every project export its metrics each second when the AppHost runs in Development; the services keep
  # ServiceDefaults' interval (docs/performance.md). The gateway of this run is the one exporting to this run's dashboard.
  if [ "$code" -eq 0 ]; then
    local service_env=""
    for p in $(pgrep -f 'PetitionPlatform\.Gateway'); do
      local environment
      environment=$(tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null) || continue
      if grep -qx "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:$otlp" <<<"$environment"; then service_env=$environment; fi
    done
    if [ -z "$service_env" ]; then
      echo "The gateway of this run was not found among the processes."; code=1
    elif grep -q '^OTEL_METRIC_EXPORT_INTERVAL=' <<<"$service_env"; then
      echo "The services export their metrics at Aspire's development interval: $(grep '^OTEL_METRIC_EXPORT_INTERVAL=' <<<"$service_env")"; code=1
    fi
  fi
  # As README's "Connecting an agency": the operators sign in with the secret generated at first start, register a
  # client for Guyuan's petition bureau, and that client registers a petition; without a token it is refused.
  local petition='{"channel":"online","kind":"complaint","topic":"wage-arrears","subject":"s","content":"c","regionCode":"130724102","petitioner":{"name":"王建国","address":"沽源县"}}'
  local token_of='import json, sys; print(json.load(sys.stdin)["access_token"])'
  if [ "$code" -eq 0 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$gateway/api/intake/petitions" \
      -H 'Content-Type: application/json' -d "$petition")" != 401 ]; then
    echo "A registration without a token is not refused with 401."; code=1
  fi
  if [ "$code" -eq 0 ]; then
    local operator bureau_secret bureau
    operator=$(curl -fsS "http://127.0.0.1:$gateway/connect/token" -d grant_type=client_credentials -d client_id=operator \
      --data-urlencode "client_secret=$(cat "$data/secrets/identity-operator-secret")" | python3 -c "$token_of")
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $operator" \
        "http://127.0.0.1:$gateway/api/supervision/dev/evaluate")" != 404 ]; then
      echo "A /dev endpoint answers outside Development."; code=1
    fi
    bureau_secret=$(curl -fsS "http://127.0.0.1:$gateway/api/identity/clients" -H "Authorization: Bearer $operator" \
      -H 'Content-Type: application/json' -d '{"orgId":"130724/petition-bureau","roles":["bureau"]}' \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
    bureau=$(curl -fsS "http://127.0.0.1:$gateway/connect/token" -d grant_type=client_credentials \
      --data-urlencode client_id=130724/petition-bureau --data-urlencode "client_secret=$bureau_secret" | python3 -c "$token_of")
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$gateway/api/intake/petitions" \
        -H "Authorization: Bearer $bureau" -H 'Content-Type: application/json' -d "$petition")" != 202 ]; then
      echo "A client made by the operators could not register a petition with the generated keys."; code=1
    fi
  fi
  kill -TERM "$pid" 2>/dev/null
  local exit_code=0
  wait "$pid" || exit_code=$?
  if [ "$exit_code" -ne 0 ]; then
    echo "The AppHost exited with $exit_code after SIGTERM."; code=1
  fi
  # DCP runs detached and watches the AppHost's process: what the AppHost's own stop did not finish, DCP stops after the
  # AppHost has exited. So the servers get a minute to end (PostgreSQL's stop alone may take 8 s); anything still
  # naming the data directory after that leaked.
  for _ in $(seq 60); do
    pgrep -f "$data" >/dev/null || break
    sleep 1
  done
  if pgrep -f "$data" >/dev/null; then
    echo "Processes of the run were left behind a minute after the AppHost exited:"; pgrep -af "$data"
    echo "DCP processes still running:"; pgrep -af "/dcp " || echo "(none)"
    code=1
    pkill -KILL -f "$data"
  fi
  rm -rf "$data"
  if [ "$code" -eq 0 ]; then
    extra_passed=$((extra_passed + 1))
    echo "=== AppHost smoke (local): passed in $(( $(date +%s) - begin )) s"
  else
    extra_failed=$((extra_failed + 1)); status=1
    echo "=== AppHost smoke (local): FAILED (log: $log)"
    tail -n 20 "$log"
  fi
}

# The deployment description: eng/manifest.sh writes and checks it. Counted as one test in the summary.
manifest_check() {
  echo "=== Manifest"
  if eng/manifest.sh; then
    extra_passed=$((extra_passed + 1))
  else
    extra_failed=$((extra_failed + 1)); status=1
  fi
}

test_args=("$@")

# The engine and the images first, when there is a container pass.
engine_ready=0
if [ "$containers" = 1 ]; then
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
for project in tests/UnitTests tests/IntegrationTests tests/EndToEndTests; do
  run_suite "$project" local
done
if [ ${#test_args[@]} -eq 0 ]; then
  apphost_smoke
  manifest_check
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
