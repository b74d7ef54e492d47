#!/bin/sh
# rabbitmq.sh <node directory>, run by run-as.sh as the rabbitmq user, with RABBITMQ_NODE_PORT and
# RABBITMQ_MANAGEMENT_PORT (chosen by DCP), RABBITMQ_DIST_PORT and ERL_EPMD_PORT (the node's own epmd resource), and
# RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (the administrator created on first start).
# Everything the node reads lives in its directory, so the system's RabbitMQ configuration never applies to it.
set -eu
base=$1
mkdir -p "$base/mnesia" "$base/log"
umask 077
cat >"$base/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$RABBITMQ_NODE_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBITMQ_MANAGEMENT_PORT
default_user = $RABBITMQ_DEFAULT_USER
default_pass = $RABBITMQ_DEFAULT_PASS
loopback_users = none
log.console = true
log.console.level = info
log.console.use_colors = off
log.file = false
CONF
# Management for its UI and API; shovel so that operators can move messages out of error queues from that UI.
printf '[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].\n' >"$base/enabled_plugins"
# Stands in for /etc/rabbitmq/rabbitmq-env.conf, which the server script would otherwise read.
: >"$base/rabbitmq-env.conf"
export HOME="$base" \
  RABBITMQ_NODENAME=rabbit@localhost \
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  RABBITMQ_MNESIA_BASE="$base/mnesia" \
  RABBITMQ_LOG_BASE="$base/log" \
  RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
  RABBITMQ_ADVANCED_CONFIG_FILE="$base/advanced.config" \
  RABBITMQ_CONF_ENV_FILE="$base/rabbitmq-env.conf" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
  RABBITMQ_PID_FILE="$base/rabbitmq.pid" \
  ERL_CRASH_DUMP="$base/log/erl_crash.dump" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false"
exec /usr/lib/rabbitmq/bin/rabbitmq-server
