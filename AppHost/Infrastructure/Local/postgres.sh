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
# A server of an earlier start may outlive its script (the script is not the server's parent, below, and DCP kills a
# script that outstays its stop): it holds the data directory, so it ends first, at once (immediate shutdown).
if [ -s "$data/postmaster.pid" ]; then
  old=$(head -n 1 "$data/postmaster.pid")
  if [ -r "/proc/$old/cmdline" ] && tr '\0' ' ' <"/proc/$old/cmdline" | grep -qF -- "-D $data "; then
    echo "postgres.sh: the server $old of an earlier start still runs; ending it"
    kill -QUIT "$old" 2>/dev/null || true
    tail --pid="$old" -s 0.2 -f /dev/null
  fi
fi
# DCP stops a process with SIGTERM, which PostgreSQL reads as "wait until every client has gone"; the services' pooled
# connections would keep it waiting until DCP kills it. SIGINT is the fast shutdown a developer's Ctrl+C means.
# A fast shutdown still writes a checkpoint, and under load (a timed checkpoint half done, thousands of files to sync)
# that outlasted the ~15 s DCP and Aspire wait for a stop: the restart failed with "Failed to stop resource" and the
# server went on running. So, as pg_ctl does, an immediate shutdown (SIGQUIT) follows after $grace s (the stop window also
# covers the immediate shutdown, which may wait 5 s for busy backends, and DCP noticing the end): it writes no
# checkpoint, and the next start replays the WAL, which holds every committed transaction.
grace=3
stopping=
server=
stop() {
  [ -z "$timer" ] || return 0
  stopping=1
  # A stop asked for before the server started is carried out as soon as it has.
  [ -n "$server" ] || return 0
  kill -INT "$server" 2>/dev/null || true
  echo "postgres.sh: stopping (fast shutdown; immediate after $grace s)"
  # The timer takes its sleep with it when it is stopped: a sleep left behind would hold the log pipes DCP reads
  # and keep the resource "running" after the server ended.
  (trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM; sleep "$grace" & sleeper=$!; wait "$sleeper" && kill -QUIT "$server" 2>/dev/null) &
  timer=$!
}
timer=
trap stop TERM INT
# The server runs outside this script's process tree (started from a subshell that exits at once, so it is re-parented
# and is not this script's descendant). DCP, before it sends its stop signal to the script, lists the script's whole
# process tree, and its listing reads every process of the machine once for each process of the tree: with a hundred
# client backends under load that took longer than the ~15 s DCP allows a stop, so the signal was never sent and the
# Restart failed with "Failed to stop resource" (issue 13). Measured: 150 descendants took 7 s idle and 10 s with both
# cores busy before DCP signalled at all. The server still writes to this script's output, which DCP logs.
exec 3>&1
server=$("$bin/postgres" -D "$data" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= "$@" >&3 3>&- &
  echo $!)
exec 3>&-
[ -z "$stopping" ] || stop
# Not its parent, the script cannot wait for the server; tail can, and a wait for tail is interrupted by the trap.
tail --pid="$server" -s 0.2 -f /dev/null &
watcher=$!
wait "$watcher" || true
wait "$watcher" || true
trap - TERM INT
[ -z "$timer" ] || kill "$timer" 2>/dev/null || true
if [ -z "$stopping" ]; then
  # Its exit status is its parent's to read, which this script is not: an end nobody asked for is a failure.
  echo "postgres.sh: the server ended without being asked to"
  exit 1
fi
exit 0
