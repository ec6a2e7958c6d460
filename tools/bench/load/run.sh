#!/usr/bin/env bash
# Agora's load benchmark (issue 10; method and figures in docs/benchmarks.md, "Load benchmark").
# Runs wrk against a running Agora whose PostgreSQL database was filled by `java -jar target/agora.jar generate`,
# scenario by scenario, and prints a Markdown table of throughput, p50/p95/p99 latency and errors; after the write
# scenarios it counts the support rows (none lost, none duplicated) and checks the proposals' counters.
# Usage: tools/bench/load/run.sh [base-url] [psql-connection] [seconds] [connections]
#   defaults: http://127.0.0.1:8080  "host=127.0.0.1 user=postgres dbname=agora_bench"  30  50
# Environment: BENCH_SESSIONS (signed-in people for the write scenarios, default 100),
#   BENCH_PASSWORD (the generated accounts' password, default agora-bench-2026), THREADS (wrk threads, default 2).
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
db=${2:-"host=127.0.0.1 user=postgres dbname=agora_bench"}
seconds=${3:-30}
connections=${4:-50}
threads=${THREADS:-2}
sessions=${BENCH_SESSIONS:-100}
password=${BENCH_PASSWORD:-agora-bench-2026}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
sql() { psql "$db" -XAtq -F $'\t' -c "$1"; }

# The busiest process, its busiest département, a proposal with at least 50 comments, a frequent title word.
slug=$(sql "SELECT p.slug FROM participatory_process p JOIN proposal x ON x.process_id = p.id
            GROUP BY p.slug ORDER BY count(*) DESC LIMIT 1")
process=$(sql "SELECT id FROM participatory_process WHERE slug = '$slug'")
departement=$(sql "SELECT d.id FROM territory d JOIN territory t ON t.path LIKE d.path || '%'
                   JOIN proposal x ON x.territory_id = t.id AND x.process_id = $process
                   WHERE d.kind = 'DEPARTEMENT' GROUP BY d.id ORDER BY count(*) DESC LIMIT 1")
read -r proposal_id reference < <(sql "SELECT id, reference FROM proposal WHERE process_id = $process
            AND status = 'PUBLISHED' AND comment_count >= 50 ORDER BY comment_count LIMIT 1")
word=$(sql "SELECT w FROM (SELECT lower(split_part(title, ' ', 1)) w FROM proposal WHERE process_id = $process
            LIMIT 10000) s WHERE length(w) > 4 GROUP BY w ORDER BY count(*) DESC LIMIT 1")
echo "process $slug ($process), département $departement, proposal $reference ($proposal_id), search word '$word'" >&2

list="/processes/$slug/proposals?territory=$departement&sort=supported"
declare -A reads=(
  [home]="/"
  [process]="/processes/$slug"
  [list-page-1]="$list"
  [list-page-50]="$list&page=50"
  [proposal-50-comments]="/processes/$slug/proposals/$reference"
  [search]="/search?q=$word"
)
order=(home process list-page-1 list-page-50 proposal-50-comments search)

# Sign in BENCH_SESSIONS generated people; keep each session's cookie and a CSRF token from a page it can see.
: > "$work/people"
sql "SELECT id, email FROM account WHERE email LIKE 'bench-%' AND deleted_at IS NULL ORDER BY id LIMIT $sessions" |
while IFS=$'\t' read -r account email; do
  jar="$work/jar-$account"
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
       --data-urlencode "_csrf=$csrf" "$base/login"
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/processes/$slug/proposals/$reference" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  cookie=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1)
  printf '%s\t%s\t%s\n' "$account" "$cookie" "$csrf" >> "$work/people"
done
people=$(cut -f1 "$work/people" | paste -sd, -)
[ -n "$people" ] || { echo "no generated account could sign in" >&2; exit 1; }

# Each person supports proposals of the process they do not support yet, then withdraws those same supports.
targets() {  # account → space-separated support paths
  sql "SELECT '/processes/$slug/proposals/' || reference || '/$1' FROM proposal x
       WHERE process_id = $process AND status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM proposal_support s
       WHERE s.proposal_id = x.id AND s.account_id = $2) ORDER BY id LIMIT 400 OFFSET ($2 * 7919) % 20000" | paste -sd' ' -
}
: > "$work/support"; : > "$work/comment"
while IFS=$'\t' read -r account cookie csrf; do
  printf '%s\t%s\t\t%s\n' "$cookie" "$csrf" "$(targets support "$account")" >> "$work/support"
  printf '%s\t%s\t&resourceType=proposal&resourceId=%s&stance=FOR&body=Je+soutiens+cette+proposition%%2C+elle+changerait+la+vie+de+notre+commune.\t%s\n' \
         "$cookie" "$csrf" "$proposal_id" "$(yes /comments | head -200 | paste -sd' ' -)" >> "$work/comment"
done < "$work/people"
sed 's#/support\([ ]\|$\)#/unsupport\1#g' "$work/support" > "$work/unsupport"

run() {  # name mode file
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/agora.lua" "$base" -- "$2" "$3" "$threads" |
    grep '^{' | sed "s/^{/{\"scenario\":\"$1\",/"
}
supports() { sql "SELECT count(*) FROM proposal_support WHERE account_id IN ($people)"; }
drift() { sql "SELECT count(*) FROM proposal x WHERE process_id = $process AND supports_count <>
               (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = x.id)"; }

echo "| scenario | requests/s | p50 ms | p95 ms | p99 ms | requests | errors |"
echo "|---|---|---|---|---|---|---|"
row() { python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print("| %s | %.0f | %.1f | %.1f | %.1f | %d | %d |" % (r["scenario"], r["rps"], r["p50"], r["p95"], r["p99"], r["requests"], r["errors"]))'; }
for name in "${order[@]}"; do
  echo "${reads[$name]}" > "$work/get"
  run "$name" get "$work/get" | tee -a "$work/results" | row
done
before=$(supports)
result=$(run support post "$work/support"); echo "$result" >> "$work/results"; echo "$result" | row
after=$(supports)
given=$(echo "$result" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["successes"])')
result=$(run unsupport post "$work/unsupport"); echo "$result" >> "$work/results"; echo "$result" | row
withdrawn=$(echo "$result" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["successes"])')
final=$(supports)
run comment post "$work/comment" | tee -a "$work/results" | row
echo
echo "supports by the signed-in people: $before before, $after after $given successful supports" \
     "($((after - before - given)) lost or duplicated), $final after $withdrawn withdrawals"
echo "proposals of the process whose supports_count differs from their support rows: $(drift)"
