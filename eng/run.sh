#!/usr/bin/env bash
# Runs the whole platform on this machine under .NET Aspire: PostgreSQL, RabbitMQ, the five services, the gateway
# (http://localhost:5080) and Aspire's dashboard (http://localhost:18888, its login link is printed).
# PostgreSQL and RabbitMQ run in containers where a Docker engine has the images eng/images/build.sh makes, else as
# local processes of the Debian packages; PETITION_INFRASTRUCTURE=containers|local forces one. Arguments go to the
# AppHost, e.g. --Gateway:Port=5081. Stop with Ctrl+C; data stays under .data/.
# Built in Release, as an operator runs it (the services run in the AppHost's configuration): the benchmark measures
# this stack (docs/performance.md). A developer who wants a debugger runs `dotnet run --project AppHost` (Debug).
set -euo pipefail
cd "$(dirname "$0")/.."
eng/prerequisites.sh
exec dotnet run -c Release --project AppHost -- "$@"
