#!/usr/bin/env bash
# Builds Ember (Release) and runs the example program on it.
# Works on a fresh Debian machine as root or with sudo (bootstrap installs packages).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

echo "--- ember -noshell -pa build/examples -run hello main -s init stop"
build/bin/ember -noshell -pa build/examples -run hello main -s init stop
