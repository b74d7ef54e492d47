#!/usr/bin/env bash
# The benchmark (issue 14): against a running stack (eng/run.sh in another terminal), registrations through the gateway
# at a rate or flat out, a sample followed to its case, every petition checked in the services' databases afterwards,
# and the PostgreSQL server's own durable-commit rate beside it. Prints the figures; --record docs/performance.md keeps
# them. Timings are never asserted in tests: this is where they are read.
#   eng/bench.sh [chain|bound|all] [--rate N | --flat-out] [--duration S] [--gateway URL] [--data DIR] [--record FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build eng/bench -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
exec dotnet eng/bench/bin/Release/net10.0/PetitionPlatform.Bench.dll "$@"
