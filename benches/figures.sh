#!/usr/bin/env bash
# Re-measures the end-to-end figures of BENCHMARKS.md with public tools (GNU time, cmp).
#   usage: bash benches/figures.sh [BENCH_DIR]   (default ../shared/corpus/bench)
# Prints one line per run: wall s, MB/s (input bytes / wall), user s, sys s, peak RSS.
# The scaling and 100k-article corpora are generated under $TMP (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
C=${1:-../shared/corpus/bench}
TMP=${TMPDIR:-/tmp}/diplograph-figures
mkdir -p "$TMP"
cargo build --release --quiet
B=target/release/diplograph

run() { # name input threads
    local name=$1 input=$2 threads=$3 out="$TMP/$1.t$3.json"
    local bytes
    bytes=$(stat -c %s "$input")
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" \
        "$B" build "$input" --output "$out" --threads "$threads" -q
    read -r wall user sys rss <"$TMP/time"
    printf '%-10s threads=%s  wall %6.2f s  %6.2f MB/s  user %6.2f s  sys %5.2f s  peak %4d MB\n' \
        "$name" "$threads" "$wall" "$(awk "BEGIN{print $bytes/1000000/$wall}")" "$user" "$sys" \
        "$((rss / 1024))"
}

for f in bbc reuters; do
    for t in 1 1 1 2 2 2; do run "$f" "$C/$f.jsonl" "$t"; done
    cmp "$TMP/$f.t1.json" "$TMP/$f.t2.json" && echo "$f: 1 and 2 threads byte-identical"
done
# the 2-thread speed-up: rounds that run 1 thread then 2 threads back to back (the machine's
# speed drifts over minutes, so each round's ratio compares runs made seconds apart)
speedup() { # name input rounds
    local ratios=() i a b
    for ((i = 0; i < $3; i++)); do
        /usr/bin/time -f "%e" -o "$TMP/t1" "$B" build "$2" --output "$TMP/su.json" --threads 1 -q
        /usr/bin/time -f "%e" -o "$TMP/t2" "$B" build "$2" --output "$TMP/su.json" --threads 2 -q
        a=$(cat "$TMP/t1") b=$(cat "$TMP/t2")
        ratios+=("$(awk "BEGIN{printf \"%.3f\", ($b > 0 ? $a/$b : 0)}")")
        echo "  $1 round $i: 1 thread $a s, 2 threads $b s"
    done
    printf '%s\n' "${ratios[@]}" | sort -n |
        awk -v n="$1" '{r[NR]=$1} END{printf "%s 2-thread speed-up, median of %d rounds: %.2fx (min %.2f, max %.2f)\n", n, NR, (NR%2 ? r[(NR+1)/2] : (r[NR/2]+r[NR/2+1])/2), r[1], r[NR]}'
}
speedup reuters "$C/reuters.jsonl" 7
speedup bbc "$C/bbc.jsonl" 7

echo "floor:"; /usr/bin/time -f "wc -w: %e s" wc -w "$C/bbc.jsonl" "$C/reuters.jsonl" >/dev/null

if [ ! -f "$TMP/bbc16.jsonl" ]; then
    python3 - "$C" "$TMP" <<'EOF'
import json, sys
C, T = sys.argv[1], sys.argv[2]
bbc = [json.loads(l) for l in open(C + '/bbc.jsonl')]
reu = [json.loads(l) for l in open(C + '/reuters.jsonl')]
def write(name, reps):
    with open(f'{T}/{name}', 'w') as f:
        for r in range(reps):
            for a in bbc:
                f.write(json.dumps(dict(a, id=f"r{r}/{a['id']}"), ensure_ascii=False) + '\n')
write('bbc4.jsonl', 4); write('bbc16.jsonl', 16)
n, r = 0, 0
with open(f'{T}/big100k.jsonl', 'w') as f:
    while n < 100000:
        for a in reu + bbc:
            if n == 100000: break
            f.write(json.dumps(dict(a, id=f"c{r}/{a['id']}",
                                    text=a['text'] + f"\n\nArchive copy {r}."),
                               ensure_ascii=False) + '\n'); n += 1
        r += 1
EOF
fi
run bbc1x "$C/bbc.jsonl" 1
run bbc4x "$TMP/bbc4.jsonl" 1
run bbc16x "$TMP/bbc16.jsonl" 1
run big100k "$TMP/big100k.jsonl" 2
for i in 1 2 3; do
    /usr/bin/time -f "who-spoke-with on 100k articles: %e s wall, %M KB" \
        "$B" query who-spoke-with --graph "$TMP/big100k.t2.json" >/dev/null
done
