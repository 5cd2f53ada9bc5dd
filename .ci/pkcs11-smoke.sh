#!/usr/bin/env bash
# Smoke test of Trent on SoftHSM2 through the launcher and the real AWS CLI: the root of trust in one token, a
# custom key store on another, keys used inside it, a restart with a wrong and then the right PIN. Needs
# softhsm2-util, openssl and aws. Exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
work="$(mktemp -d)"
server_pid=""
cluster=cluster-234567abcdefg

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=trent-smoke-test AWS_SECRET_ACCESS_KEY=trent-smoke-test AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""

fail() {
    echo "FAIL: $*" >&2
    [[ -f "$work/server.log" ]] && sed 's/^/      /' "$work/server.log" >&2
    echo "PKCS#11 smoke test: FAIL" >&2
    exit 1
}

library=""
for candidate in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
        /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so; do
    [[ -f "$candidate" ]] && library="$candidate" && break
done
[[ -n "$library" ]] || fail "no SoftHSM2 library found"

# Tokens of this run only: SoftHSM2 reads its token directory from SOFTHSM2_CONF.
mkdir -p "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$work/tokens" >"$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
export ROOT_PIN=root-pin-1234 CLUSTER_PIN=cluster-pin-1234
softhsm2-util --init-token --free --label trent-root --so-pin so-pin-1234 --pin "$ROOT_PIN" >/dev/null \
    || fail "cannot create the root token"
softhsm2-util --init-token --free --label trent-cluster --so-pin so-pin-1234 --pin "$CLUSTER_PIN" >/dev/null \
    || fail "cannot create the cluster token"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" -days 1 \
    -subj /CN=trent-smoke 2>/dev/null || fail "cannot make a trust anchor certificate"

start() { # PIN variable name
    "$repo/trent" serve --data-dir "$work/data" --port 0 --root-of-trust pkcs11 --pkcs11-library "$library" \
        --pkcs11-token-label trent-root --pkcs11-pin-env "$1" \
        --cloudhsm-cluster "$cluster=$library:trent-cluster" >"$work/server.log" 2>&1 &
    server_pid=$!
    for ((waited = 0; waited < 60; waited++)); do
        grep -qx 'Ready.' "$work/server.log" && break
        kill -0 "$server_pid" 2>/dev/null || fail "trent serve exited before Ready."
        sleep 1
    done
    grep -qx 'Ready.' "$work/server.log" || fail "no Ready. within 60s"
    endpoint="$(grep -o 'http://[^ ]*' "$work/server.log" | head -n 1)"
    grep -q "PKCS#11 token 'trent-root'" "$work/server.log" || fail "the start-up line does not name the token"
}

stop() {
    kill -TERM "$server_pid" && wait "$server_pid"
    server_pid=""
}

kms() {
    aws --endpoint-url "$endpoint" kms "$@"
}

"$repo/trent" --version >/dev/null || fail "./trent --version failed"
start ROOT_PIN
echo "trent with its root of trust in SoftHSM2 is ready at $endpoint"

store="$(kms create-custom-key-store --custom-key-store-name smoke --cloud-hsm-cluster-id "$cluster" \
    --trust-anchor-certificate "file://$work/ca.pem" --key-store-password "$CLUSTER_PIN" \
    --query CustomKeyStoreId --output text)" || fail "create-custom-key-store"
kms connect-custom-key-store --custom-key-store-id "$store" || fail "connect-custom-key-store"
state="$(kms describe-custom-key-stores --custom-key-store-id "$store" \
    --query 'CustomKeyStores[0].ConnectionState' --output text)"
[[ "$state" == CONNECTED ]] || fail "store is $state, not CONNECTED"
echo "PASS  custom key store on a SoftHSM2 token is CONNECTED"

key="$(kms create-key --origin AWS_CLOUDHSM --custom-key-store-id "$store" --query KeyMetadata.KeyId \
    --output text)" || fail "create-key in the custom key store"
printf 'kept inside the token' >"$work/plain.txt"
kms encrypt --key-id "$key" --plaintext "fileb://$work/plain.txt" --query CiphertextBlob --output text \
    | base64 -d >"$work/blob" || fail "encrypt with the token key"
kms decrypt --ciphertext-blob "fileb://$work/blob" --query Plaintext --output text | base64 -d >"$work/back.txt" \
    || fail "decrypt with the token key"
cmp -s "$work/plain.txt" "$work/back.txt" || fail "decrypt gave other bytes"
echo "PASS  key generated in the token encrypts and decrypts"

kms disconnect-custom-key-store --custom-key-store-id "$store" || fail "disconnect-custom-key-store"
if refused="$(kms encrypt --key-id "$key" --plaintext "fileb://$work/plain.txt" 2>&1)"; then
    fail "a key of a disconnected store still encrypts"
fi
grep -q KMSInvalidStateException <<<"$refused" || fail "unexpected refusal: $refused"
echo "PASS  keys of a disconnected store are refused (KMSInvalidStateException)"
kms connect-custom-key-store --custom-key-store-id "$store" || fail "reconnect"
stop

export WRONG_PIN=not-the-pin
rc=0
timeout 60 "$repo/trent" serve --data-dir "$work/data" --port 0 --root-of-trust pkcs11 \
    --pkcs11-library "$library" --pkcs11-token-label trent-root --pkcs11-pin-env WRONG_PIN \
    >"$work/wrong.out" 2>"$work/wrong.err" || rc=$?
[[ "$rc" == 1 && "$(wc -l <"$work/wrong.err" | tr -d ' ')" == 1 ]] && grep -q '^trent: ' "$work/wrong.err" \
    || fail "a wrong PIN gave exit $rc and: $(cat "$work/wrong.out" "$work/wrong.err")"
echo "PASS  a wrong PIN is one 'trent:' line and exit 1"

start ROOT_PIN
kms decrypt --ciphertext-blob "fileb://$work/blob" --query Plaintext --output text | base64 -d >"$work/back.txt" \
    || fail "decrypt after the restart"
cmp -s "$work/plain.txt" "$work/back.txt" || fail "decrypt after the restart gave other bytes"
echo "PASS  after a restart the store reconnects and the token key decrypts"
stop
echo "PKCS#11 smoke test: PASS"
