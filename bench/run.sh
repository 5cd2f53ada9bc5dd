#!/usr/bin/env bash
# Measures data-plane throughput of a locally started Trent with wrk (Debian package `wrk`), on loopback only.
# Usage: bench/run.sh [seconds per operation, default 10] [connections, default 32] [server jar, default ./trent]
# AUTH=verify or AUTH=enforce starts the server with that --auth mode and signs every request as the default
# account's root (test/test) with bench/sign.py (needs python3-botocore); wrk then replays each signed request,
# which a server accepts for five minutes, as AWS does. AUDIT=on starts it with --audit-trail.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
jar=${3:-}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
auth=${AUTH:-off}
audit=()
[[ "${AUDIT:-off}" == on ]] && audit=(--audit-trail)
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
if [[ -n "$jar" ]]; then
  java -jar "$jar" serve --in-memory --port "$port" --auth "$auth" "${audit[@]}" >"$log" 2>&1 &
else
  ./trent serve --in-memory --port "$port" --auth "$auth" "${audit[@]}" >"$log" 2>&1 &
fi
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do grep -qx 'Ready.' "$log" && break; sleep 0.5; done
grep -qx 'Ready.' "$log" || { cat "$log"; exit 1; }

url=http://127.0.0.1:$port/
# The signature headers of one request, as curl arguments (none with --auth off).
signature() {
  [[ "$auth" == off ]] && return 0
  python3 bench/sign.py "$url" "$1" "$2" | while IFS= read -r header; do printf -- '-H\n%s\n' "$header"; done
}
call() {
  local headers=()
  mapfile -t headers < <(signature "$1" "$2")
  curl -sf "$url" -H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: TrentService.$1" \
    "${headers[@]}" -d "$2"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

aes=$(call CreateKey '{}' | field '["KeyMetadata"]["KeyId"]')
rsa=$(call CreateKey '{"KeySpec":"RSA_2048","KeyUsage":"SIGN_VERIFY"}' | field '["KeyMetadata"]["KeyId"]')
plaintext=$(head -c 32 /dev/urandom | base64 -w0)
blob=$(call Encrypt "{\"KeyId\":\"$aes\",\"Plaintext\":\"$plaintext\"}" | field '["CiphertextBlob"]')
digest=$(head -c 32 /dev/urandom | base64 -w0)

bench() {
  local authorization='' date=''
  if [[ "$auth" != off ]]; then
    local signed
    signed=$(python3 bench/sign.py "$url" "$1" "$2")
    authorization=$(sed -n 's/^Authorization: //p' <<<"$signed")
    date=$(sed -n 's/^X-Amz-Date: //p' <<<"$signed")
  fi
  TARGET=$1 BODY=$2 AUTHORIZATION=$authorization AMZ_DATE=$date \
    wrk -t2 -c"$connections" -d"$3" -s bench/kms.lua "$url"
}
operations=(
  "GenerateRandom|{\"NumberOfBytes\":32}"
  "Encrypt|{\"KeyId\":\"$aes\",\"Plaintext\":\"$plaintext\"}"
  "Decrypt|{\"CiphertextBlob\":\"$blob\"}"
  "GenerateDataKey|{\"KeyId\":\"$aes\",\"KeySpec\":\"AES_256\"}"
  "Sign|{\"KeyId\":\"$rsa\",\"Message\":\"$digest\",\"MessageType\":\"DIGEST\",\"SigningAlgorithm\":\"RSASSA_PSS_SHA_256\"}"
)
# Warm the JIT on every operation first, so the order of the measurements does not matter.
for op in "${operations[@]}"; do
  [[ -n "${OPERATIONS:-}" && " $OPERATIONS " != *" ${op%%|*} "* ]] && continue
  bench "${op%%|*}" "${op#*|}" 3s >/dev/null
done
only=${OPERATIONS:-}
for op in "${operations[@]}"; do
  [[ -n "$only" && " $only " != *" ${op%%|*} "* ]] && continue
  echo "== ${op%%|*} (--auth $auth)"
  bench "${op%%|*}" "${op#*|}" "${seconds}s" | grep -E 'Requests/sec|Latency|Non-2xx'
done
