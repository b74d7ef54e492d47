#!/usr/bin/env bash
# Runs the whole platform on this machine: PostgreSQL, RabbitMQ, the five services, the gateway and the dashboard.
# Arguments go to the AppHost, e.g. --Gateway:Port=5081. Stop with Ctrl+C; data stays under .data/.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/prerequisites.sh
# Where a Docker engine answers, the AppHost runs PostgreSQL and RabbitMQ in containers (PETITION_INFRASTRUCTURE=local
# forces processes). Images built here by eng/images/build.sh are preferred over the official ones, which a machine
# without a registry cannot pull.
if command -v docker >/dev/null 2>&1; then
  if [ -z "${PETITION_POSTGRES_IMAGE:-}" ] && docker image inspect petitionplatform/postgres:15 >/dev/null 2>&1; then
    export PETITION_POSTGRES_IMAGE=petitionplatform/postgres:15
  fi
  if [ -z "${PETITION_RABBITMQ_IMAGE:-}" ] && docker image inspect petitionplatform/rabbitmq:3-management >/dev/null 2>&1; then
    export PETITION_RABBITMQ_IMAGE=petitionplatform/rabbitmq:3-management
  fi
fi
exec dotnet run --project AppHost -- "$@"
