#!/bin/sh
# Entry point of petitionplatform/postgres. On an empty data directory it creates the cluster with POSTGRES_USER (default
# postgres) and POSTGRES_PASSWORD, and POSTGRES_DB (default: the user's name) while the server listens on no TCP port,
# so a TCP readiness probe (pg_isready --host localhost) only succeeds once the real server is up. Then it runs the
# server listening on every interface; arguments starting with "-" are passed to it ("-c max_connections=300").
set -eu

if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi
shift

user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "petitionplatform/postgres: POSTGRES_PASSWORD must be set (it becomes the password of '$user')." >&2
    exit 1
  fi
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  # Clients come from the host through Docker's port mapping, i.e. from outside the container's loopback.
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

  if [ "$database" != postgres ]; then
    pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait --silent start
    quoted=$(printf '%s' "$database" | sed 's/"/""/g')
    psql --quiet --no-psqlrc --set=ON_ERROR_STOP=1 --username="$user" --dbname=postgres \
      --command="CREATE DATABASE \"$quoted\"" >/dev/null
    pg_ctl --pgdata="$PGDATA" --mode=fast --wait --silent stop
  fi
  echo "PostgreSQL init process complete; ready for start up."
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
