#!/bin/sh
# postgres.sh <data directory> [server arguments...], run by run-as.sh as the postgres user.
# Creates the cluster on first start (superuser postgres, password from POSTGRES_PASSWORD) and runs the server on
# 127.0.0.1:PGPORT, the port DCP chose, without a Unix socket (a long data path would not fit one).
set -eu
data=$1
shift
# The newest PostgreSQL the Debian packages installed.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ ! -s "$data/PG_VERSION" ]; then
  printf '%s\n' "$POSTGRES_PASSWORD" | "$bin/initdb" --pgdata="$data" --username=postgres --pwfile=/dev/stdin \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  echo "postgres.sh: created the cluster in $data"
fi
# DCP stops a process with SIGTERM, which PostgreSQL reads as "wait until every client has gone"; the services' pooled
# connections would keep it waiting until DCP kills it. SIGINT is the fast shutdown a developer's Ctrl+C means.
"$bin/postgres" -D "$data" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= "$@" &
server=$!
trap 'kill -INT "$server"' TERM INT
wait "$server" || true
trap - TERM INT
wait "$server"
