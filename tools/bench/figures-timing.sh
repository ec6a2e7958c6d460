#!/bin/sh
# Times the public figures pages of a running instance, N requests each, one at a time (see docs/benchmarks.md).
#   tools/bench/figures-timing.sh http://localhost:8080 <process slug> <département id> <living area id> <commune id> [N]
set -eu
BASE=$1 PROCESS=$2 DEPARTEMENT=$3 AREA=$4 COMMUNE=$5 N=${6:-5}
YEAR=$(date +%Y)
for path in "/chiffres" "/chiffres?period=30d" "/chiffres?period=year" "/chiffres?from=$YEAR-01-15&to=$YEAR-06-30" \
            "/chiffres?process=$PROCESS" "/chiffres?process=$PROCESS&period=30d" \
            "/chiffres?process=$PROCESS&from=$YEAR-01-15&to=$YEAR-06-30" \
            "/chiffres?territory=$DEPARTEMENT" "/chiffres?territory=$DEPARTEMENT&period=year" \
            "/chiffres?territory=$DEPARTEMENT&from=$YEAR-01-15&to=$YEAR-06-30" \
            "/chiffres?territory=$AREA" "/chiffres?territory=$COMMUNE" "/chiffres/contributions.csv?process=$PROCESS"; do
  curl -s -o /dev/null "$BASE$path"   # warm-up
  times=""
  i=0
  while [ $i -lt "$N" ]; do
    t=$(curl -s -o /dev/null -w '%{time_total}' "$BASE$path")
    times="$times $(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')"
    i=$((i + 1))
  done
  echo "$path:$times ms (median $(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms)"
done
