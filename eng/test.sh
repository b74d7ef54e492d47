#!/usr/bin/env bash
# Builds the solution and runs every test project against real PostgreSQL and RabbitMQ (started by the tests
# themselves through the AppHost's local-process provider). Ends with one line: "N passed, N failed".
# Arguments are passed to each 'dotnet test', e.g. --filter "FullyQualifiedName~Intake".
set -uo pipefail
cd "$(dirname "$0")/.."
eng/prerequisites.sh || exit 1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

echo "Building..."
if ! dotnet build PetitionPlatform.sln -nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# One project at a time: each starts its own database and broker, and the machine has two cores.
status=0
for project in tests/UnitTests tests/InfrastructureTests tests/IntegrationTests tests/EndToEndTests; do
  [ -d "$project" ] || continue
  name=$(basename "$project")
  echo "=== $name"
  if ! dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"; then
    status=1
  fi
done

passed=0
failed=0
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
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
