#!/bin/sh
# run-as.sh <user> <directory> <command> [arguments...]
# Runs a server of a Debian package under the AppHost. As root, the server runs as the package's own user (PostgreSQL
# refuses root; RabbitMQ is meant to run as rabbitmq), which is handed <directory> first; as anyone else, as that user.
# Every step execs, so the process DCP started becomes the server itself and DCP's stop signal reaches it.
set -eu
user=$1 directory=$2
shift 2
if [ "$(id -u)" = 0 ]; then
  install -d -o "$user" -g "$user" -m 0700 "$directory"
  exec setpriv --reuid="$user" --regid="$user" --init-groups "$@"
fi
mkdir -p -m 0700 "$directory"
exec "$@"
