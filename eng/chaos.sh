#!/usr/bin/env bash
# The chaos program: the kill test (tests/EndToEndTests/Faults/KillTests.cs) for as many rounds as you like. While
# petitions are registered steadily through the gateway of a whole stack, each round kills every service with SIGKILL
# in turn (the app host's restart policy brings each back; nobody presses Start), restarts PostgreSQL and RabbitMQ as
# an operator does, and kills the broker; afterwards every accepted petition must have exactly one case, acceptance
# stage, receipt and new-case notice. Prints the counts checked and each recovery time. CI runs one round as part of
# eng/test.sh, in both modes; PETITION_INFRASTRUCTURE=containers runs this one in containers (dockerd and the images
# as eng/test.sh prepares them).
#   eng/chaos.sh [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
usage() { echo "usage: eng/chaos.sh [--rounds N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ "$rounds" =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] || { echo "--rounds takes a positive whole number, not '$rounds'." >&2; exit 2; }

eng/prerequisites.sh --tests
echo "Building..."
dotnet build PetitionPlatform.sln -nologo -clp:ErrorsOnly
echo "Chaos: $rounds round(s)"
PETITION_CHAOS_ROUNDS=$rounds PETITION_INFRASTRUCTURE=${PETITION_INFRASTRUCTURE:-local} \
  dotnet test tests/EndToEndTests --no-build -nologo --filter "FullyQualifiedName~Faults.KillTests" --logger "console;verbosity=detailed"
