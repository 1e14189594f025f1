#!/usr/bin/env bash
# Regenerates the bundled sample documents in samples/ from ../shared/data.
#
#   scripts/make-samples.sh [SHARED_DATA_DIR]      (default: ../shared/data)
#
# The text is copied byte for byte; only the grouping into files is ours:
#   samples/seeds/        the three seed articles, one file each, names kept
#   samples/flores200/    FLORES-200 devtest ckb_Arab, 50 consecutive lines per file
#   samples/kurdish-lid/  KurdishLID CentralKurdish-arab_train.txt, 100 lines per file
# File names carry the 1-based line range of the source file they hold. Every
# grouped file ends with a line feed (the KurdishLID file lacks a final one;
# the last group gains it), so concatenating a folder gives the source back
# up to that final line feed.
# Licence files and READMEs in samples/ are kept as they are (the KurdishLID
# LICENSE is copied again from the source so it cannot drift).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${1:-${KURDI_SHARED_DATA:-$root/../shared/data}}
samples=$root/samples
[ -d "$data" ] || { echo "make-samples: no shared data at $data" >&2; exit 1; }

# group SOURCE DEST_DIR PREFIX LINES_PER_FILE
group() {
  local src=$1 dir=$2 prefix=$3 n=$4 total
  total=$(awk 'END { print NR }' "$src")
  mkdir -p "$dir"
  rm -f "$dir/$prefix"-*.txt
  awk -v dir="$dir" -v prefix="$prefix" -v n="$n" -v total="$total" '
    (NR - 1) % n == 0 {
      if (out != "") close(out)
      last = NR + n - 1; if (last > total) last = total
      out = sprintf("%s/%s-%04d-%04d.txt", dir, prefix, NR, last)
    }
    { print > out }
  ' "$src"
  echo "$dir: $total lines -> $(ls "$dir/$prefix"-*.txt | wc -l) files of up to $n lines"
}

# (a) seed articles: the project's own sample input (see ../shared/data/seeds/SOURCE.txt).
mkdir -p "$samples/seeds"
rm -f "$samples/seeds/"*_*.txt
cp "$data"/seeds/[0-9]*_*.txt "$samples/seeds/"
echo "$samples/seeds: $(ls "$samples/seeds/"[0-9]*_*.txt | wc -l) articles"

# (b) FLORES-200 devtest, Central Kurdish (CC BY-SA 4.0, Meta AI / NLLB).
group "$data/script-normalization/flores200/ckb_Arab.devtest" \
      "$samples/flores200" ckb_Arab.devtest 50

# (c) KurdishLID Central Kurdish sentences (MIT, Sina Ahmadi).
group "$data/kurdish-lid/CentralKurdish-arab_train.txt" \
      "$samples/kurdish-lid" CentralKurdish-arab 100
cp "$data/kurdish-lid/LICENSE" "$samples/kurdish-lid/LICENSE"
