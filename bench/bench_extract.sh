#!/usr/bin/env bash
# bench_extract.sh — HTML article extraction and WARC reading, one thread.
#  * extract pages/s/core: `tidings extract` on the 85 pages of
#    ../shared/eval/extraction (gzipped HTML, ~190 KB each), 8 times over;
#  * WARC: the same pages packed as a CC-NEWS-like WARC (one gzip member
#    per record, request + response records; bench/warc_build.py) read by
#    `tidings extract`: pages/s and MB/s of archive (compressed and
#    inflated) — this includes extracting every page;
#  * WARC reading alone: the same archive with non-HTML responses, which
#    the reader inflates, frames and parses the HTTP headers of, but does
#    not hand to the HTML extractor: MB/s of inflated archive.
# Figures per CPU second, from `--stats`.
set -eu
: "${TIDINGS:?}" "${SHARED:?}" "${OUT:?}"
here=$(cd "$(dirname "$0")" && pwd)
pages=("$SHARED"/eval/extraction/pages/*.html.gz)
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }

list=()
for i in 1 2 3 4 5 6 7 8; do list+=("${pages[@]}"); done
stats=$("$TIDINGS" extract -j 1 --stats "${list[@]}" 2>&1 >/dev/null | grep '^stats:')
printf 'extract pages/s/core\t%s\tpages/s\n' "$(field docs_per_cpu_s "$stats")"
printf 'extract peak memory\t%s\tMB\n' "$(field peak_rss_mb "$stats")"

warc="$OUT/pages.warc.gz"
python3 "$here/warc_build.py" "$SHARED/eval/extraction/pages" "$warc" 4
raw=$(python3 -c "import gzip,sys;print(len(gzip.open(sys.argv[1]).read())/1e6)" "$warc")
gzmb=$(python3 -c "import os,sys;print(os.path.getsize(sys.argv[1])/1e6)" "$warc")
stats=$("$TIDINGS" extract -j 1 --stats --kind warc "$warc" 2>&1 >/dev/null | grep '^stats:')
cpu=$(field cpu "$stats")
printf 'warc extract pages/s/core\t%s\tpages/s\n' "$(field docs_per_cpu_s "$stats")"
printf 'warc extract MB/s/core\t%s\tMB/s (inflated archive, with extraction)\n' \
    "$(python3 -c "print(round($raw/$cpu,1))")"
printf 'warc extract gz MB/s/core\t%s\tMB/s (gzip archive, with extraction)\n' \
    "$(python3 -c "print(round($gzmb/$cpu,1))")"
printf 'warc extract peak memory\t%s\tMB\n' "$(field peak_rss_mb "$stats")"

bin="$OUT/binary.warc.gz"
python3 "$here/warc_build.py" "$SHARED/eval/extraction/pages" "$bin" 8 application/octet-stream
raw=$(python3 -c "import gzip,sys;print(len(gzip.open(sys.argv[1]).read())/1e6)" "$bin")
stats=$("$TIDINGS" extract -j 1 --stats --kind warc "$bin" 2>&1 >/dev/null | grep '^stats:' || true)
cpu=$(field cpu "$stats")
printf 'warc read MB/s/core\t%s\tMB/s (inflated archive, records framed, no extraction)\n' \
    "$(python3 -c "print(round($raw/max($cpu,1e-6),1))")"
