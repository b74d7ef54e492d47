#!/bin/sh
# Entry point of petitionplatform/rabbitmq: writes the node's configuration from the environment, then runs the node.
# RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (default guest / guest) become the administrator on the node's first
# start; the administrator may connect from anywhere, since clients arrive through Docker's port mapping.
set -eu

user="${RABBITMQ_DEFAULT_USER:-guest}"
password="${RABBITMQ_DEFAULT_PASS:-guest}"
case "$user$password" in
  *'
'*) echo "petitionplatform/rabbitmq: RABBITMQ_DEFAULT_USER and RABBITMQ_DEFAULT_PASS must be single lines." >&2; exit 1 ;;
esac

umask 077
cat >"$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.default = 5672
management.tcp.port = 15672
loopback_users = none
default_user = $user
default_pass = $password
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
CONF

exec "$@"
