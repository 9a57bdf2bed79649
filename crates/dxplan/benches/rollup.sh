#!/usr/bin/env bash
# Times `dxplan rollup` on N copies of the two examples (alternating, issuer renamed so they sort
# apart), for N = 100 and 1000; prints a Markdown row per N and format. Uses target/release/dxplan:
# `cargo build --release` first. Figures go to docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/dxplan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 100 1000; do
  rm -rf "$work/plans" && mkdir -p "$work/plans"
  for i in $(seq 1 "$n"); do
    ex=tinh-ha-lam; [ $((i % 2)) -eq 0 ] && ex=bo-hang-hai
    cp -r "examples/$ex" "$work/plans/p$i"
    sed -i "s/^full_name = \"\(.*\)\"/full_name = \"\1 $i\"/" "$work/plans/p$i/dxplan.toml"
  done
  for fmt in json xlsx; do
    start=$(date +%s.%N)
    "$bin" rollup "$work/plans" -o "$work/r.$fmt" 2>/dev/null
    end=$(date +%s.%N)
    rss=$( { /usr/bin/time -f %M "$bin" rollup "$work/plans" -o "$work/r2.$fmt" 2>&1 >/dev/null; } | tail -1 )
    printf '| %s plans | %s | %.2f s | %s MiB |\n' "$n" "$fmt" "$(echo "$end - $start" | bc)" "$((rss / 1024))"
  done
done
