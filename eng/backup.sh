#!/usr/bin/env bash
# Backs up the local stack's PostgreSQL server, every database at one consistent point, into a new timestamped folder.
#   eng/backup.sh [--out DIR]                        the running stack of PETITION_DATA (default .data); DIR default backups/
#   eng/backup.sh --host H --port P [--out DIR]      any server; PGUSER (default postgres) and PGPASSWORD
#   eng/backup.sh --container ID [--out DIR]         a server in a container of petitionplatform/postgres
# The last line printed is the backup's folder. Restore it with eng/restore.sh.
# A physical backup (pg_basebackup), not a dump per database: the services hand events to each other through their
# outboxes, and dumps taken one after the other could restore an event marked sent whose receiver never saw it.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: eng/backup.sh [--out DIR] [--host H --port P | --container ID]"
out=${PETITION_BACKUPS:-backups} host= port= container=
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=${2:?$usage}; shift 2 ;;
    --host) host=${2:?$usage}; shift 2 ;;
    --port) port=${2:?$usage}; shift 2 ;;
    --container) container=${2:?$usage}; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
data=${PETITION_DATA:-.data}
user=${PGUSER:-postgres}

# Which server: as given, else the stack's local process (its postmaster.pid names the port), else the stack's container
# (the one that mounts the volume the AppHost names after the data directory, see InfrastructureSettings.VolumeName).
if [ -z "$host$port$container" ]; then
  pidfile="$data/local/postgres/postmaster.pid"
  if [ -f "$pidfile" ] && kill -0 "$(head -n 1 "$pidfile")" 2>/dev/null; then
    host=127.0.0.1
    port=$(sed -n 4p "$pidfile")
    if [ -z "${PGPASSWORD:-}" ]; then
      PGPASSWORD=$(cat "$data/secrets/postgres-password")
      export PGPASSWORD
    fi
  else
    hash=$(printf '%s' "$(realpath -sm "$data")" | sha256sum | cut -c1-12)
    volume="petitionplatform-postgres-$hash"
    container=$(docker ps -q --filter "volume=$volume" 2>/dev/null | head -n 1 || true)
    if [ -z "$container" ]; then
      echo "No running PostgreSQL of the stack in $data: neither a local server ($pidfile) nor a container with volume $volume. Start eng/run.sh, or give --host/--port or --container." >&2
      exit 1
    fi
  fi
elif [ -n "$host$port" ] && [ -z "$port" ]; then
  echo "$usage" >&2
  exit 2
fi
host=${host:-127.0.0.1}

# SQL on the server's maintenance database, unaligned, one row a line.
sql() {
  if [ -n "$container" ]; then
    docker exec -u postgres "$container" sh -c 'psql -X -At -v ON_ERROR_STOP=1 -U "${POSTGRES_USER:-postgres}" -d postgres -c "$1"' sh "$1"
  else
    "$client/psql" -X -At -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d postgres -c "$1"
  fi
}

# The client of the server's own major version: pg_basebackup refuses a server newer than itself.
if [ -z "$container" ]; then
  client=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
major=$(( $(sql "SHOW server_version_num") / 10000 ))
if [ -z "$container" ]; then
  client=/usr/lib/postgresql/$major/bin
  [ -x "$client/pg_basebackup" ] || { echo "The server is PostgreSQL $major; install its client (Debian package postgresql-client-$major)." >&2; exit 1; }
fi
[ "$(sql "SHOW wal_level")" != minimal ] || { echo "The server's wal_level is minimal; a base backup needs replica (the default)." >&2; exit 1; }

mkdir -p "$out"
name=petitionplatform-$(date -u +%Y%m%dT%H%M%S.%3NZ)
target="$out/$name"
mkdir -m 0700 "$target"
started=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
# Tar format, compressed; the WAL written meanwhile is streamed in beside it (pg_wal.tar.gz), so the backup restores
# on its own to the point where it ended. A fast checkpoint starts it at once instead of at the next spread one.
if [ -n "$container" ]; then
  # Inside the container, over its Unix socket (local connections are trusted there), so the server needs no
  # replication entry for outside clients; then copied out and removed.
  inside=/tmp/$name
  docker exec -u postgres "$container" sh -c 'pg_basebackup -U "${POSTGRES_USER:-postgres}" -D "$1" -Ft -z -X stream -c fast -l "$2" --no-password' sh "$inside" "$name"
  docker cp -q "$container:$inside/." "$target"
  docker exec -u postgres "$container" rm -rf "$inside"
else
  "$client/pg_basebackup" -h "$host" -p "$port" -U "$user" -D "$target" -Ft -z -X stream -c fast -l "$name" --no-password
fi
finished=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)

{
  echo "backup: $name"
  echo "started: $started"
  echo "finished: $finished"
  echo "server_version: $(sql "SHOW server_version")"
  echo "major: $major"
  echo "superuser: $(if [ -n "$container" ]; then docker exec "$container" sh -c 'echo "${POSTGRES_USER:-postgres}"'; else echo "$user"; fi)"
  echo "source: $(if [ -n "$container" ]; then echo "container $container"; else echo "$host:$port"; fi)"
  echo "databases (name, bytes when the backup ended):"
  sql "SELECT datname || ' ' || pg_database_size(datname) FROM pg_database WHERE datallowconn ORDER BY datname" | sed 's/^/  /'
} >"$target/manifest.txt"
echo "Backed up PostgreSQL $major ($(du -sh "$target" | cut -f1)) into:"
echo "$target"
