#!/usr/bin/env bash
# Latency of the public page « Ce que sont devenues vos propositions » (and of its CSV export) on 500 proposals:
# starts Agora on an empty data folder (demo data: ~100 proposals, about 60 % of them answered), brings the demo
# process to 500 public proposals through the ordinary web forms (draft then publish, as the demo participants
# citoyen01..30), then times N GET requests of each with curl and prints p50/p95/max.
# Usage: tools/bench/breakdown.sh [requests]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
requests=${1:-50}
target=${TARGET_PROPOSALS:-500}
jar=$(cd "$(dirname "$0")/../.." && pwd)/target/agora.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${SERVER_PORT:-18082}
base="http://127.0.0.1:$port"
slug=democratie-permanente-centre-val-de-loire
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
(cd "$work" && SERVER_PORT=$port exec "$java" -jar "$jar" > "$work/agora.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
until grep -q 'Search index built' "$work/agora.log" 2>/dev/null && curl -fs -o /dev/null "$base/processes/$slug/suites"; do
  kill -0 "$pid" 2>/dev/null || { echo "Agora stopped, see $work/agora.log" >&2; exit 1; }
  sleep 0.5
done

token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
public_count() { curl -fs "$base/processes/$slug/suites/proposals.csv" | tail -n +2 | grep -c $'\r$' || true; }
form="$(curl -fs "$base/processes/$slug/proposals")"
existing=$(public_count)
echo "public proposals before: $existing"
# Territories and themes offered by the proposal form (signed in), used in turn.
cookies="$work/cookies"
sign_in() {
  rm -f "$cookies"
  local csrf
  csrf=$(curl -fs -c "$cookies" -b "$cookies" "$base/login" | token)
  curl -fs -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=$1" \
       --data-urlencode "password=agora-demo-2026" --data-urlencode "_csrf=$csrf" "$base/login"
}
sign_in citoyen01@example.org
form="$(curl -fs -b "$cookies" "$base/processes/$slug/proposals/new")"
mapfile -t territories < <(sed -n '/id="territory"/,/<\/select>/p' <<< "$form" | grep -o 'option value="[0-9][0-9]*"' | grep -o '[0-9]*')
mapfile -t themes < <(sed -n '/id="theme"/,/<\/select>/p' <<< "$form" | grep -o 'option value="[^"]\+"' | sed 's/option value="//; s/"$//')
created=0
for ((index = existing; index < target; index++)); do
  if (( created % 20 == 0 )); then sign_in "$(printf 'citoyen%02d@example.org' $(( (created / 20) % 30 + 1 )))"; fi
  csrf=$(curl -fs -b "$cookies" -c "$cookies" "$base/processes/$slug/proposals/new" | token)
  draft=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$cookies" -c "$cookies" \
      --data-urlencode "_csrf=$csrf" --data-urlencode "title=Proposition de charge n° $((index + 1))" \
      --data-urlencode "body=Une proposition créée pour mesurer la page des suites, numéro $((index + 1))." \
      --data-urlencode "territory=${territories[index % ${#territories[@]}]}" \
      --data-urlencode "theme=${themes[index % ${#themes[@]}]}" "$base/processes/$slug/proposals")
  curl -fs -o /dev/null -b "$cookies" -c "$cookies" --data-urlencode "_csrf=$csrf" "$draft/publish"
  created=$((created + 1))
done
echo "public proposals now: $(public_count) ($created created)"

percentiles() {
  sort -n "$1" | awk -v what="$2" '{ t[NR] = $1 * 1000 } END {
    printf "%s, %d requests one at a time: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
           what, NR, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}
times="$work/times"
for path in "/processes/$slug/suites" "/processes/$slug/suites/proposals.csv" "/processes/$slug/proposals"; do
  curl -fs -o /dev/null "$base$path"   # warm-up
  : > "$times"
  for _ in $(seq 1 "$requests"); do
    curl -fs -o /dev/null -w '%{time_total}\n' "$base$path" >> "$times"
  done
  percentiles "$times" "GET $path"
done
