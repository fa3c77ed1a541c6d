#!/usr/bin/env bash
# Two builds of the site against each other on the uncached article page (output cache off): each started on its own
# copy of a bench database, both pinned to the same cores, and every wrk row run before/after/before/after so each
# pair compares the same minutes of a noisy machine. Writes a markdown table to stdout (and bench/out/ab.md).
#
# usage: bench/ab.sh BEFORE_DIR AFTER_DIR DATABASE [--rounds N] [--duration SECONDS] [--rate REQUESTS_PER_SECOND]
#   BEFORE_DIR, AFTER_DIR: `dotnet publish -c Release -o DIR` output of each build
#   DATABASE: a bench database (bench/run.sh leaves one in bench/out/bench.db); it is copied, never written
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,8p "$0" >&2; exit 2; }
before=$(realpath "$1"); after=$(realpath "$2"); database=$(realpath "$3"); shift 3
rounds=2; duration=10; rate=1500; cores=0,1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
out=$PWD/bench/out/ab; mkdir -p "$out"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

declare -A port=([before]=5311 [after]=5312) dir=([before]=$before [after]=$after) pid=()
for side in before after; do
  # A copy each: the site migrates its database at start, and neither may see the other's page cache as its own.
  python3 -c "import sqlite3,sys; s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d)" "$database" "$out/$side.db"
  ASPNETCORE_ENVIRONMENT=Production taskset -c "$cores" dotnet "${dir[$side]}/NewsRoom.Web.dll" --urls="http://127.0.0.1:${port[$side]}" \
    --ConnectionStrings:NewsRoom="Data Source=$out/$side.db" --NewsRoom:ImportSeedsOnFirstStart=false \
    --NewsRoom:Admin:Password=Bench-Passw0rd --Serilog:MinimumLevel:Default=Warning --NewsRoom:OutputCache=false \
    >"$out/site-$side.log" 2>&1 &
  pids+=($!); pid[$side]=$!
done
for side in before after; do
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:${port[$side]}/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:${port[$side]}/healthz" >/dev/null || { echo "$side did not start" >&2; exit 1; }
done

# The article bench/run.sh measures: the published article in the middle of the Id order.
article_id=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); n=c.execute(\"select count(*) from Articles where Status='Published'\").fetchone()[0]; print(c.execute(\"select Id from Articles where Status='Published' order by Id limit 1 offset ?\", (n // 2,)).fetchone()[0])" "$out/before.db")
path=/articles/$article_id
# Past the JIT's recompiling of hot code (tiered compilation), as bench/run.sh does.
for side in before after; do taskset -c "$cores" wrk -t2 -c16 -d15s "http://127.0.0.1:${port[$side]}$path" >/dev/null 2>&1; done

parse() { # wrk output file -> "rps p50 p99 errors"
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v); x = float(m.group(1))
    return x / 1000 if m.group(2) == "us" else x * 1000 if m.group(2) == "s" else x * 60000 if m.group(2) == "m" else x
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
lat = {p: ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M)}
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", t))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
errors += int(non2xx.group(1)) if non2xx else 0
print(f"{rps:.0f} {lat.get('50', 0):.2f} {lat.get('99', 0):.2f} {errors}")
PY
}
# A fixed rate for the latency rows: wrk's delay() pauses each connection 5 ms between requests, so about 190
# requests a second per connection; the same connections for both builds, the rate each reached is reported.
printf 'function delay() return 5 end\n' >"$out/pace.lua"
paced_connections=$(( rate * 5 / 1000 + 1 ))

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table=$out/ab.md
{
  echo "| round | build | conns | req/s | p50 ms | p99 ms | errors |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$table"
for round in $(seq 1 "$rounds"); do
  for c in 16 64 256; do
    for side in before after; do
      taskset -c "$cores" wrk -t2 -c"$c" -d"${duration}s" --latency "http://127.0.0.1:${port[$side]}$path" >"$out/wrk.txt" 2>&1
      read -r rps p50 p99 err < <(parse "$out/wrk.txt")
      echo "| $round | $side | $c | $rps | $p50 | $p99 | $err |" >>"$table"
    done
  done
  for side in before after; do
    taskset -c "$cores" wrk -t2 -c"$paced_connections" -d"${duration}s" --latency -s "$out/pace.lua" "http://127.0.0.1:${port[$side]}$path" >"$out/wrk.txt" 2>&1
    read -r rps p50 p99 err < <(parse "$out/wrk.txt")
    echo "| $round | $side, paced (~$rate/s) | $paced_connections | $rps | $p50 | $p99 | $err |" >>"$table"
  done
done
rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
{
  echo
  echo "- $path on $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from Articles where Status='Published'\").fetchone()[0])" "$out/before.db") published articles; output cache off; sites and wrk on cores $cores; wrk -t2, ${duration} s a row"
  echo "- peak RSS (VmHWM after all rows): before $(rss_mb "${pid[before]}") MB, after $(rss_mb "${pid[after]}") MB"
  echo "- load average (1, 5, 15 min) before the rows: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M') UTC"
} >>"$table"
cat "$table"
