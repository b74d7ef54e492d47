#!/usr/bin/env bash
# Prints an access token for a client of the local stack, got from the gateway's /connect/token as an agency gets one.
#   eng/token.sh 130724/hrss            a demo client (Development stack): secret from .data/identity/clients.json
#   eng/token.sh operator               the operators' client: secret from .data/secrets/identity-operator-secret
#   eng/token.sh <client_id> <secret>   any client
# GATEWAY (default http://localhost:5080) and PETITION_DATA (default .data) point elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
client=${1:?usage: eng/token.sh <client_id> [secret]}
data=${PETITION_DATA:-.data}
gateway=${GATEWAY:-http://localhost:5080}
if [ $# -ge 2 ]; then
  secret=$2
elif [ "$client" = operator ] && [ -f "$data/secrets/identity-operator-secret" ]; then
  secret=$(cat "$data/secrets/identity-operator-secret")
elif [ -f "$data/identity/clients.json" ]; then
  secret=$(python3 -c 'import json, sys
clients = json.load(open(sys.argv[1]))
if sys.argv[2] not in clients: sys.exit(f"No demo client {sys.argv[2]!r} in {sys.argv[1]}.")
print(clients[sys.argv[2]]["secret"])' "$data/identity/clients.json" "$client")
else
  echo "No secret for $client: give it as the second argument (demo clients exist only in a Development stack)." >&2
  exit 1
fi
curl -fsS "$gateway/connect/token" -d grant_type=client_credentials --data-urlencode "client_id=$client" \
  --data-urlencode "client_secret=$secret" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
