#!/usr/bin/env bash
# Smoke test of the audit trail: starts `./trent serve` on a fresh data dir, makes KMS calls with the real AWS
# CLI, searches them with `aws cloudtrail lookup-events` (an attribute, time bounds, paging), checks the trail
# with `trent audit verify` through the endpoint and, after a clean stop, from the data dir. Tampering is
# covered by the command's tests, which edit the SQLite file. Exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
work="$(mktemp -d)"
log="$work/server.log"
server_pid=""
ready_timeout=60

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export AWS_ACCESS_KEY_ID=trent-audit-smoke
export AWS_SECRET_ACCESS_KEY=trent-audit-smoke
export AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER=""

fail() {
    echo "FAIL: $*" >&2
    echo "---- server output ----" >&2
    cat "$log" >&2 2>/dev/null
    echo "audit smoke test: FAIL" >&2
    exit 1
}

cd "$work" || exit 1
"$repo/trent" --version >/dev/null || fail "./trent --version failed"
"$repo/trent" serve --audit-trail --data-dir "$work/data" --port 0 >"$log" 2>&1 &
server_pid=$!
for ((waited = 0; waited < ready_timeout; waited++)); do
    grep -qx 'Ready.' "$log" && break
    kill -0 "$server_pid" 2>/dev/null || fail "trent serve exited before printing Ready."
    sleep 1
done
grep -qx 'Ready.' "$log" || fail "no 'Ready.' line within ${ready_timeout}s"
endpoint="$(grep -o 'http://[^ ]*' "$log" | head -n 1)"
echo "trent is ready at $endpoint"

kms() { aws --endpoint-url "$endpoint" kms "$@"; }
trail() { aws --endpoint-url "$endpoint" cloudtrail lookup-events "$@"; }

started=$(($(date +%s) - 1))
key_arn="$(kms create-key --query KeyMetadata.Arn --output text)" || fail "create-key"
for _ in 1 2 3; do
    kms encrypt --key-id "$key_arn" --plaintext fileb://<(printf 'audit smoke') >/dev/null || fail "encrypt"
done
kms describe-key --key-id "${key_arn%/*}/00000000-0000-0000-0000-000000000000" >/dev/null 2>&1 &&
    fail "describe-key of a missing key succeeded"

names="$(trail --lookup-attributes "AttributeKey=ResourceName,AttributeValue=$key_arn" \
    --query 'Events[].EventName' --output text)" || fail "lookup-events by ResourceName"
[[ "$names" == $'Encrypt\tEncrypt\tEncrypt\tCreateKey' ]] || fail "events of the key: '$names'"
echo "PASS  lookup-events by ResourceName: $names"

count="$(trail --lookup-attributes AttributeKey=ResourceType,AttributeValue=AWS::KMS::Key \
    --start-time "$started" --query 'length(Events)' --output text)" || fail "lookup-events by ResourceType"
[[ "$count" -ge 5 ]] || fail "expected at least 5 events on KMS keys, got $count"
echo "PASS  lookup-events by ResourceType with --start-time: $count events"

error="$(trail --lookup-attributes AttributeKey=EventName,AttributeValue=DescribeKey \
    --query 'Events[0].CloudTrailEvent' --output text)" || fail "lookup-events by EventName"
[[ "$error" == *'"errorCode":"NotFoundException"'* ]] || fail "the refused call's event: $error"
echo "PASS  a refused call is recorded with its error code"

paged="$(trail --lookup-attributes "AttributeKey=ResourceName,AttributeValue=$key_arn" --page-size 1 \
    --query 'Events[].EventId' --output text | wc -w)" || fail "lookup-events paged"
[[ "$paged" -eq 4 ]] || fail "paging by one returned $paged events, expected 4"
echo "PASS  lookup-events paged one at a time: $paged events"

"$repo/trent" audit verify --endpoint "$endpoint" || fail "trent audit verify --endpoint"
echo "PASS  trent audit verify --endpoint"

kill -TERM "$server_pid"
wait "$server_pid" || fail "trent serve did not stop cleanly"
server_pid=""
"$repo/trent" audit verify --data-dir "$work/data" || fail "trent audit verify --data-dir"
echo "PASS  trent audit verify --data-dir after a clean stop"
echo "audit smoke test: PASS"
