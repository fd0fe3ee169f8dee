#!/usr/bin/env bash
# Words per second of `dossier extract --jobs 1` over a JSONL feed, median of 3 runs after a
# warm-up (protocol: ../shared/design/guide.md, Benchmarks). Extra arguments go to extract,
# e.g. `--skip times` to measure a component's added cost.
#   bench/extract-speed.sh FEED.jsonl [--skip NAME,...]
set -euo pipefail
feed=$1; shift
bin=${DOSSIER_BIN:-target/release/dossier}
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1]) if l.strip()))" "$feed")
"$bin" extract --jobs 1 "$@" "$feed" > /dev/null
times=()
for _ in 1 2 3; do
  s=$(date +%s.%N); "$bin" extract --jobs 1 "$@" "$feed" > /dev/null; e=$(date +%s.%N)
  times+=("$(echo "$e - $s" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
printf 'dossier extract --jobs 1 %s: %d words, median %.3f s, %.0f words/s\n' "$*" "$words" "$median" "$(echo "$words / $median" | bc -l)"
