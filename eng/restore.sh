#!/usr/bin/env bash
# Restores a backup of eng/backup.sh into a fresh PostgreSQL server of its own and leaves that server running.
#   eng/restore.sh <backup folder> --into DIR [--port N] [--resend-minutes M]
# DIR must be empty or absent; it becomes the new server's data directory (restore into NEW/local/postgres and the stack
# can run on it: eng/run.sh --AppHost:DataDirectory=NEW, see README "Backups"). The server listens on 127.0.0.1:N
# (default: a free port); its superuser and password are the backed-up server's. PGPASSWORD gives that password, else
# PETITION_DATA/secrets/postgres-password (default .data) is read.
# Events a service had already handed to RabbitMQ but no consumer had taken yet are in no database: rows of every
# outbox sent in the M minutes (default 60) before the backup began are marked unsent, so the services publish them
# again; the consumers' inboxes drop those they had already processed. --resend-minutes 0 leaves the outboxes alone.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: eng/restore.sh <backup folder> --into DIR [--port N] [--resend-minutes M]"
backup=${1:?$usage}
shift
into= port= resend=60
while [ $# -gt 0 ]; do
  case $1 in
    --into) into=${2:?$usage}; shift 2 ;;
    --port) port=${2:?$usage}; shift 2 ;;
    --resend-minutes) resend=${2:?$usage}; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[ -n "$into" ] || { echo "$usage" >&2; exit 2; }
manifest="$backup/manifest.txt"
[ -f "$manifest" ] && [ -f "$backup/base.tar.gz" ] || { echo "$backup is not a backup of eng/backup.sh (no manifest.txt or base.tar.gz)." >&2; exit 1; }
if [ -e "$into" ] && [ -n "$(ls -A "$into")" ]; then
  echo "Refusing to restore into $into: it is not empty (a restore never overwrites a server's data)." >&2
  exit 1
fi
field() { sed -n "s/^$1: //p" "$manifest"; }
major=$(field major)
superuser=$(field superuser)
started=$(field started)
bin=/usr/lib/postgresql/$major/bin
[ -x "$bin/postgres" ] || { echo "The backup is of PostgreSQL $major; install that server (Debian package postgresql-$major)." >&2; exit 1; }
if [ -z "${PGPASSWORD:-}" ]; then
  secret="${PETITION_DATA:-.data}/secrets/postgres-password"
  [ -f "$secret" ] || { echo "Give the backed-up server's superuser password as PGPASSWORD (no $secret)." >&2; exit 1; }
  PGPASSWORD=$(cat "$secret")
  export PGPASSWORD
fi
port=${port:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

mkdir -p -m 0700 "$into"
tar -xzf "$backup/base.tar.gz" -C "$into"
mkdir -p "$into/pg_wal"
tar -xzf "$backup/pg_wal.tar.gz" -C "$into/pg_wal"
# PostgreSQL refuses to run as root: as root, the Debian package's postgres user owns and runs the copy.
as_server=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$into"
  as_server=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
chmod 0700 "$into"
into=$(realpath "$into")
# The backup_label inside makes the server replay the streamed WAL up to the backup's end before it opens. No Unix
# socket (a long data path would not fit one); loopback only; as many connections as the AppHost allows the stack.
"${as_server[@]}" "$bin/pg_ctl" --pgdata="$into" --log="$into/restore.log" --wait --timeout=300 --silent \
  --options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" start
pid=$(head -n 1 "$into/postmaster.pid")

sql() { "$bin/psql" -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$superuser" -d "$1" -c "$2"; }
if [ "$resend" != 0 ]; then
  for database in $(sql postgres "SELECT datname FROM pg_database WHERE datallowconn AND datname NOT IN ('postgres', 'template1')"); do
    if [ "$(sql "$database" "SELECT to_regclass('public.outbox_messages') IS NOT NULL")" = t ]; then
      count=$(sql "$database" "WITH reopened AS (UPDATE outbox_messages SET sent_at = NULL
        WHERE sent_at >= timestamptz '$started' - interval '$resend minutes' RETURNING 1) SELECT count(*) FROM reopened")
      [ "$count" = 0 ] || echo "$database: $count event(s) sent shortly before the backup will be published again."
    fi
  done
fi

cat <<DONE
Restored $(field backup) (PostgreSQL $(field server_version), taken $started to $(field finished)) into $into.
The server runs as process $pid on 127.0.0.1:$port; connect as $superuser with the backed-up server's password:
  Host=127.0.0.1;Port=$port;Username=$superuser;Password=...;Database=intakedb
Stop it with: kill -INT $pid
DONE
