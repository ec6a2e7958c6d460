#!/usr/bin/env bash
# Search latency on the demo data: starts Agora on an empty data folder (first start builds the index and logs how
# long it took), rebuilds the index once more as the administrator (POST /admin/search/reindex), then times N GET
# /search requests per query with curl and prints p50/p95/max. Uses only curl (and ab when installed, for throughput).
# Usage: tools/bench/search.sh [requests-per-query]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
requests=${1:-50}
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/agora.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${SERVER_PORT:-18081}
base="http://127.0.0.1:$port"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
(cd "$work" && SERVER_PORT=$port exec "$java" -jar "$jar" > "$work/agora.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# The runners (demo data, then the first index build) finish after Tomcat starts answering.
until grep -q 'Search index built' "$work/agora.log" 2>/dev/null && curl -fs -o /dev/null "$base/"; do
  kill -0 "$pid" 2>/dev/null || { echo "Agora stopped, see $work/agora.log" >&2; exit 1; }
  sleep 0.2
done
grep -o 'Search index built: .*' "$work/agora.log" | sed 's/^/first start: /' || true

# Sign in as the demo administrator (CSRF token from the login form), then rebuild the index.
jar_file="$work/cookies"
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -fs -c "$jar_file" -b "$jar_file" "$base/login" | token)
curl -fs -o /dev/null -c "$jar_file" -b "$jar_file" --data-urlencode "email=admin@example.org" \
     --data-urlencode "password=agora-demo-2026" --data-urlencode "_csrf=$csrf" "$base/login"
csrf=$(curl -fs -c "$jar_file" -b "$jar_file" "$base/admin/search" | token)
start=$(date +%s%N)
curl -fs -o /dev/null -c "$jar_file" -b "$jar_file" --data-urlencode "_csrf=$csrf" "$base/admin/search/reindex"
end=$(date +%s%N)
printf 'reindex (POST /admin/search/reindex, warm JVM): %d ms\n' $(( (end - start) / 1000000 ))
curl -fs -b "$jar_file" "$base/admin/search" | grep -o '[0-9]* contenus indexés en [0-9]* ms' | sed 's/^/reindex as measured by the server: /' || true

loiret=$(curl -fs "$base/search" | grep -o 'value="[0-9]*">[^<]*Loiret<' | head -1 | grep -o '[0-9]*' | head -1)
queries=("l%27%C3%A9cole" "velo" "transport+%C3%A0+la+demande" "jardin&type=proposal" "covoiturage&territory=$loiret"
         "%22zones+humides%22" "horaires&status=published&page=2")
for query in "${queries[@]}"; do
  curl -fs -o /dev/null "$base/search?q=$query"   # warm-up
done
times="$work/times"
: > "$times"
for query in "${queries[@]}"; do
  for _ in $(seq 1 "$requests"); do
    curl -fs -o /dev/null -w '%{time_total}\n' "$base/search?q=$query" >> "$times"
  done
done
percentiles() {
  sort -n "$1" | awk -v what="$2" '{ t[NR] = $1 * 1000 } END {
    printf "%s, %d requests one at a time: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
           what, NR, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}
percentiles "$times" "GET /search (${#queries[@]} queries)"

# For comparison under the same load: the proposal list of the demo process (SQL, no search).
list="$base/processes/democratie-permanente-centre-val-de-loire/proposals"
curl -fs -o /dev/null "$list"
: > "$times"
for _ in $(seq 1 "$requests"); do
  curl -fs -o /dev/null -w '%{time_total}\n' "$list" >> "$times"
done
percentiles "$times" "GET /processes/…/proposals (baseline)"
if command -v ab > /dev/null; then
  ab -q -n 500 -c 8 "$base/search?q=velo" | grep -E 'Requests per second|50%|95%|Failed requests'
fi
