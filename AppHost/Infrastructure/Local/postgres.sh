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
# A fast shutdown still writes a checkpoint, and under load (a timed checkpoint half done, thousands of files to sync)
# that outlasted the ~15 s DCP and Aspire wait for a stop: the restart failed with "Failed to stop resource" and the
# server went on running. So, as pg_ctl does, an immediate shutdown (SIGQUIT) follows after $grace s (the stop window also
# covers the immediate shutdown, which may wait 5 s for busy backends, and DCP noticing the end): it writes no
# checkpoint, and the next start replays the WAL, which holds every committed transaction.
grace=3
"$bin/postgres" -D "$data" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= "$@" &
server=$!
stop() {
  echo "postgres.sh: stopping (fast shutdown; immediate after $grace s)"
  kill -INT "$server"
  # The timer takes its sleep with it when it is stopped: a sleep left behind would hold the log pipes DCP reads
  # and keep the resource "running" after the server ended.
  (trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM; sleep "$grace" & sleeper=$!; wait "$sleeper" && kill -QUIT "$server" 2>/dev/null) &
  timer=$!
}
timer=
trap stop TERM INT
wait "$server" || true
trap - TERM INT
status=0
wait "$server" || status=$?
[ -z "$timer" ] || kill "$timer" 2>/dev/null || true
exit "$status"
