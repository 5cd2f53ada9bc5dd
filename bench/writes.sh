#!/usr/bin/env bash
# Measures control-plane writes that reach the disk (CreateKey, then TagResource on one key) against a Trent
# started on a fresh data dir, with wrk (Debian package `wrk`), on loopback only. Every answered write has been
# committed to SQLite (synchronous=FULL) and recorded in the commit witness.
# Usage: bench/writes.sh [seconds per operation, default 10] [connections, default 4] [server jar, default ./trent]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-4}
jar=${3:-}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
log=$(mktemp)
if [[ -n "$jar" ]]; then
  java -jar "$jar" serve --data-dir "$data/trent-data" --port "$port" >"$log" 2>&1 &
else
  ./trent serve --data-dir "$data/trent-data" --port "$port" >"$log" 2>&1 &
fi
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$log" "$data"' EXIT
for _ in $(seq 1 120); do grep -qx 'Ready.' "$log" && break; sleep 0.5; done
grep -qx 'Ready.' "$log" || { cat "$log"; exit 1; }

url=http://127.0.0.1:$port/
call() { curl -sf "$url" -H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: TrentService.$1" -d "$2"; }
key=$(call CreateKey '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["KeyMetadata"]["KeyId"])')

bench() {
  TARGET=$1 BODY=$2 wrk -t1 -c"$connections" -d"$3" -s bench/kms.lua "$url"
}
operations=(
  "CreateKey|{}"
  "TagResource|{\"KeyId\":\"$key\",\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"payments\"}]}"
)
for op in "${operations[@]}"; do bench "${op%%|*}" "${op#*|}" 2s >/dev/null; done
for op in "${operations[@]}"; do
  printf '%-12s ' "${op%%|*}"
  bench "${op%%|*}" "${op#*|}" "${seconds}s" | awk '/Requests\/sec/ {print $2 " req/s"} /Non-2xx/ {print "  non-2xx: " $NF}'
done
