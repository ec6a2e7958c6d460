#!/usr/bin/env bash
# Time from "java -jar" on an empty data folder to the home page showing the demo data, N times.
# Usage: tools/bench/first-start.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
runs=${1:-3}
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/agora.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${SERVER_PORT:-18080}
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$work" && SERVER_PORT=$port exec "$java" -jar "$jar" > "$work/agora.log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/" 2>/dev/null | grep -q 'class="card"'; do
    kill -0 "$pid" 2>/dev/null || { echo "Agora stopped, see $work/agora.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  printf 'run %d: home page with demo data after %d ms\n' "$run" $(( (end - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
done
