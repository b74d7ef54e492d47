#!/usr/bin/env bash
# Builds the PostgreSQL and RabbitMQ images the container provider runs, without any image registry: a Debian root
# file system from the mirror apt already uses (debootstrap), the Debian packages installed into it, imported as a base
# image, and a small Dockerfile layer on top (entry point, environment, ports, unprivileged user). Tags that already
# exist are skipped, so a second run costs a second.
#
#   eng/images/build.sh            builds both (needs root for debootstrap and chroot, and a running Docker engine)
#
# Environment:
#   PETITION_POSTGRES_IMAGE   tag of the PostgreSQL image   (default petitionplatform/postgres:15)
#   PETITION_RABBITMQ_IMAGE   tag of the RabbitMQ image     (default petitionplatform/rabbitmq:3-management)
#   DEBIAN_MIRROR             mirror URL  (default: the first Debian URI in /etc/apt/sources.list*)
#   DEBIAN_SUITE              suite       (default bookworm, whose PostgreSQL is 15)
#   PETITION_IMAGES_REBUILD=1 rebuild even if the tags exist
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

postgres_image="${PETITION_POSTGRES_IMAGE:-petitionplatform/postgres:15}"
rabbitmq_image="${PETITION_RABBITMQ_IMAGE:-petitionplatform/rabbitmq:3-management}"
suite="${DEBIAN_SUITE:-bookworm}"

fail() { echo "eng/images/build.sh: $*" >&2; exit 1; }

configured_mirror() {
  # deb822 sources (URIs: …) first, then one-line sources (deb URL suite …); only the Debian archive itself.
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | grep -m1 debian || true)
  [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -v -- '-security' | grep -m1 debian || true)
  echo "${uri:-http://deb.debian.org/debian}"
}
mirror="${DEBIAN_MIRROR:-$(configured_mirror)}"

docker info >/dev/null 2>&1 || fail "no Docker engine answers (start dockerd first)."

needed=()
for image in "$postgres_image" "$rabbitmq_image"; do
  if [ "${PETITION_IMAGES_REBUILD:-0}" != 1 ] && docker image inspect "$image" >/dev/null 2>&1; then
    echo "Image $image exists; skipped."
  else
    needed+=("$image")
  fi
done
[ ${#needed[@]} -gt 0 ] || exit 0

[ "$(id -u)" -eq 0 ] || fail "debootstrap and chroot need root; run as root (or with sudo)."
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is missing: apt-get install -y debootstrap."

work=$(mktemp -d /var/tmp/petition-images.XXXXXX)
mounted=()
cleanup() {
  for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "Debian $suite from $mirror into $work/base..."
debootstrap --variant=minbase "$suite" "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)."; }

# Installs packages into a copy of the base: the packages' maintainer scripts must not start their services inside the
# chroot (policy-rc.d says no), and apt's caches are dropped to keep the image small.
rootfs_with() {
  local name=$1; shift
  local root="$work/$name"
  cp -a "$work/base" "$root"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$work/$name-apt.log" 2>&1 \
    || { tail -n 20 "$work/$name-apt.log" >&2; fail "installing $* failed (log above)."; }
  chroot "$root" apt-get clean
  umount "$root/proc"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log "$root"/tmp/*
}

# Imports a root file system as "<image>-base" and builds the final tag from the Dockerfile next to this script.
import_and_build() {
  local image=$1 root=$2 context=$3
  local base="${image%%:*}-rootfs:${image##*:}"
  tar -C "$root" -c . | docker import - "$base" >/dev/null
  # The classic builder suffices (no BuildKit features are used); its notices go to the log, shown only on failure.
  DOCKER_BUILDKIT=0 docker build --build-arg "BASE=$base" -t "$image" "$context" >"$work/build-${base//[\/:]/-}.log" 2>&1 \
    || { tail -n 20 "$work/build-${base//[\/:]/-}.log" >&2; fail "docker build of $image failed (log above)."; }
  echo "Built $image."
}

for image in "${needed[@]}"; do
  case "$image" in
    "$postgres_image")
      rootfs_with postgres postgresql
      # The package's post-install made a 'main' cluster for the system service; the entry point makes its own.
      rm -rf "$work/postgres/etc/postgresql/"*/main "$work/postgres/var/lib/postgresql/"*/main
      import_and_build "$image" "$work/postgres" "$here/postgres"
      ;;
    "$rabbitmq_image")
      rootfs_with rabbitmq rabbitmq-server
      import_and_build "$image" "$work/rabbitmq" "$here/rabbitmq"
      ;;
  esac
done
