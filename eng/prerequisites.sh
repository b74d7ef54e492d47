#!/usr/bin/env bash
# Makes sure this machine has what the platform runs on: the .NET 10 SDK, and PostgreSQL and RabbitMQ from the
# Debian packages (the AppHost and the tests start their own instances of them; no system service is used).
# With --tests, also Debian's chromium for the dashboard's browser tests (test tools never download a browser here).
# With --containers, also what the container mode needs here: Docker's engine (docker.io) and debootstrap, which
# eng/images/build.sh uses to build the images without a registry.
# Installs what is missing when it can (root, or sudo without a password); otherwise says what to run.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
for option in "$@"; do
  case "$option" in
    --tests) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
    --containers)
      command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
      command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
      ;;
  esac
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "PetitionPlatform needs the Debian packages: ${missing[*]}." >&2
    echo "Install them once with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from the Debian packages..."
  # The packages' own system services are not used; keep apt from starting them where policy allows.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "PetitionPlatform needs the .NET 10 SDK on PATH (dotnet --list-sdks shows none)." >&2
  exit 1
fi
