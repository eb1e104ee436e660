#!/usr/bin/env bash
# Installs every Debian package Ember's build, tests and benchmarks need.
# Idempotent: does nothing (and needs no network) when all are present.
set -euo pipefail

packages=(
  cmake make gcc g++ pkg-config
  libuv1-dev libssl-dev zlib1g-dev libjemalloc-dev libasmjit-dev
  check libgmp-dev libpcre2-dev
  erlang-base erlang-nox elixir
  gnuplot-nox time tmux wrk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
