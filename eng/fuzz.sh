#!/usr/bin/env bash
# Runs the fuzz test alone (tests/IntegrationTests/Fuzz: generated hostile requests over every endpoint of the
# authorisation matrix, failing on any 5xx or dropped connection) with a seed of your choosing, so new inputs can be
# tried and a failure found with them sent again: the same seed sends the same requests.
#   eng/fuzz.sh [--seed N] [--requests M]
# Without --seed a seed is drawn and printed; --requests defaults to the suite's 10,000. Local processes of PostgreSQL
# and RabbitMQ unless PETITION_INFRASTRUCTURE says otherwise. The suite itself (eng/test.sh) always uses its fixed seed.
set -euo pipefail
cd "$(dirname "$0")/.."

seed=$(( (RANDOM << 15 | RANDOM) ))
requests=10000
usage() { echo "usage: eng/fuzz.sh [--seed N] [--requests M]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) [ $# -ge 2 ] || usage; seed=$2; shift 2 ;;
    --requests) [ $# -ge 2 ] || usage; requests=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ "$seed" =~ ^-?[0-9]+$ ]] || { echo "--seed takes a whole number, not '$seed'." >&2; exit 2; }
[[ "$requests" =~ ^[0-9]+$ ]] && [ "$requests" -ge 1 ] || { echo "--requests takes a positive whole number, not '$requests'." >&2; exit 2; }

eng/prerequisites.sh --tests
echo "Building..."
dotnet build PetitionPlatform.sln -nologo -clp:ErrorsOnly
echo "Fuzz: seed $seed, $requests requests (repeat with: eng/fuzz.sh --seed $seed --requests $requests)"
PETITION_FUZZ_SEED=$seed PETITION_FUZZ_REQUESTS=$requests PETITION_INFRASTRUCTURE=${PETITION_INFRASTRUCTURE:-local} \
  dotnet test tests/IntegrationTests --no-build -nologo --filter "FullyQualifiedName~Fuzz.FuzzTests"
