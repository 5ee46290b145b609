#!/usr/bin/env bash
# VoteAlign next to the Python peer (../shared/bench), on the same generated roll calls, in one run.
#   bench/run.sh [OUTDIR] [SIZES...]        default OUTDIR /tmp/votealign-bench, SIZES nec house ep
# For each size: generate the data once (the peer's generator, seeded), run the peer pipeline once as a cold process,
# then VoteAlign's whole run as a cold process (and, with RUNS > 1, the peer again with each stage run RUNS times for its
# median):
#   votealign graph votes.csv --members members.csv -o graph.graphml --min-shared 10 --timings
# (load, agreement, blocs with k chosen, 2-D MDS, GraphML: the peer's stages), timed per stage by --timings and as a
# whole with its peak memory by /usr/bin/time. Then the agreement integers of every pair are checked against the
# peer's pairs.csv, and bench/report.py writes the side-by-side table to bench/RESULTS.md.
# Needs: the .NET SDK, /usr/bin/time, and the peer's Debian packages (see ../shared/bench/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
peer=${PEER_DIR:-$repo/../shared/bench}
out=${1:-/tmp/votealign-bench}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(nec house ep)
py=/usr/bin/python3
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)"; exit 1; }

echo "== publishing VoteAlign (Release, ReadyToRun)"
# Published for this machine's runtime identifier, so the assemblies are precompiled (see VoteAlign.Cli.csproj).
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish "$repo/VoteAlign.Cli" -c Release -r "$rid" --self-contained false -o "$out/bin" -v quiet -nologo > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
cli=("dotnet" "$out/bin/votealign.dll")

for s in "${sizes[@]}"; do
  data="$out/$s"
  [ -f "$data/votes.csv" ] || "$py" "$peer/gen_rollcall.py" --preset "$s" --out "$data"
  echo "== $s: peer"
  # The cold process runs the pipeline once (its wall time and peak memory are the ones compared); VoteAlign's cold
  # run comes straight after it, so the two meet the machine alike. With RUNS > 1 a third process repeats each peer
  # stage RUNS times for the stage medians (a process of RUNS runs is no cold run), after both.
  /usr/bin/time -f "%e %M" -o "$data/peer.time" "$py" "$peer/peer_pipeline.py" "$data" --runs 1 > "$data/peer.log" 2>&1
  echo "== $s: votealign"
  va="$data/votealign"; mkdir -p "$va"
  /usr/bin/time -f "%e %M" -o "$va/whole.time" "${cli[@]}" graph "$data/votes.csv" --members "$data/members.csv" \
    -o "$va/graph.graphml" --min-shared 10 --timings > "$va/graph.out" 2> "$va/graph.err"
  # Every pair's agreement integers, for the check against the peer's pairs.csv (not timed).
  "${cli[@]}" graph "$data/votes.csv" --members "$data/members.csv" -o "$va/pairs.json" --threshold 0 --ideal off --quiet > /dev/null 2>&1
  if [ "${RUNS:-1}" -gt 1 ]; then echo "== $s: peer stage medians ($RUNS runs)"; "$py" "$peer/peer_pipeline.py" "$data" --runs "$RUNS" >> "$data/peer.log" 2>&1; fi
done

"$py" "$here/report.py" "$out" "${sizes[@]}" --md "$here/RESULTS.md"
echo "results: $here/RESULTS.md"
