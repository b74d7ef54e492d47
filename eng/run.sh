#!/usr/bin/env bash
# Runs the whole platform on this machine: PostgreSQL, RabbitMQ, the five services and the gateway.
# Arguments go to the AppHost, e.g. --Gateway:Port=5081. Stop with Ctrl+C; data stays under .data/.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
