#!/usr/bin/env bash
# Smoke test of the command line: starts `./trent serve --in-memory` on a free port, drives it with the real
# AWS CLI (v1 or v2), then stops it with SIGTERM and expects a clean exit. Exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
work="$(mktemp -d)"
log="$work/server.log"
server_pid=""
verify_pid=""
ready_timeout=60
stop_timeout=30

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null
    fi
    if [[ -n "$verify_pid" ]] && kill -0 "$verify_pid" 2>/dev/null; then
        kill -KILL "$verify_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Dummy credentials and no user configuration: nothing here may reach real AWS or depend on ~/.aws.
export AWS_ACCESS_KEY_ID=trent-smoke-test
export AWS_SECRET_ACCESS_KEY=trent-smoke-test
export AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER=""

passed=()
failed=()
endpoint=""
port=""
key_id=""
sign_key_id=""

die() {
    echo "FAIL: $*" >&2
    echo "---- server output ----" >&2
    cat "$log" >&2 2>/dev/null
    echo "CLI smoke test: FAIL" >&2
    exit 1
}

# run_step NAME FUNCTION: runs one check in this shell (steps share key ids), records PASS/FAIL, keeps going.
run_step() {
    local name="$1"
    if "$2" >"$work/step.out" 2>&1; then
        echo "PASS  $name"
        passed+=("$name")
    else
        echo "FAIL  $name"
        sed 's/^/      /' "$work/step.out"
        failed+=("$name")
    fi
}

kms() {
    aws --endpoint-url "$endpoint" --region us-east-1 kms "$@"
}

expect_equal() { # what expected actual
    if [[ "$2" != "$3" ]]; then
        echo "$1: expected '$2', got '$3'"
        return 1
    fi
}

cd "$work" || exit 1

# Build (if needed) before the clock starts: ./trent compiles when the jar is missing or stale.
"$repo/trent" --version >/dev/null || die "./trent --version failed"
command -v aws >/dev/null || die "the AWS CLI (aws) is not installed"
echo "using $(aws --version 2>&1)"

# A LocalStack-style ready.d script, run by Trent once it is ready, with awslocal on its PATH.
mkdir -p "$work/ready.d"
cat >"$work/ready.d/01-alias.sh" <<'SCRIPT'
key=$(awslocal kms create-key --description "made by an init script" --query KeyMetadata.KeyId --output text)
awslocal kms create-alias --alias-name alias/from-init-script --target-key-id "$key"
SCRIPT

"$repo/trent" serve --in-memory --port 0 --init-dir "$work/ready.d" >"$log" 2>&1 &
server_pid=$!

for ((waited = 0; waited < ready_timeout; waited++)); do
    grep -qx 'Ready.' "$log" && break
    kill -0 "$server_pid" 2>/dev/null || die "trent serve exited before printing Ready."
    sleep 1
done
grep -qx 'Ready.' "$log" || die "no 'Ready.' line within ${ready_timeout}s"
endpoint="$(grep -o 'http://[^ ]*' "$log" | head -n 1)"
[[ "$endpoint" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || die "no endpoint in the start-up output"
port="${endpoint##*:}"
echo "trent is ready at $endpoint"

step_create_key() {
    key_id="$(kms create-key --description "trent smoke test" --query KeyMetadata.KeyId --output text)" || return 1
    [[ "$key_id" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || {
        echo "not a key id: '$key_id'"
        return 1
    }
}

step_encrypt() {
    head -c 3000 /dev/urandom >plain.bin
    kms encrypt --key-id "$key_id" --plaintext fileb://plain.bin --query CiphertextBlob --output text |
        base64 -d >ciphertext.bin || return 1
    [[ -s ciphertext.bin ]] || { echo "empty ciphertext"; return 1; }
    ! cmp -s plain.bin ciphertext.bin
}

step_decrypt_without_key_id() {
    local key_arn plaintext
    read -r key_arn plaintext < <(kms decrypt --ciphertext-blob fileb://ciphertext.bin \
        --query '[KeyId, Plaintext]' --output text) || return 1
    [[ "$key_arn" == arn:aws:kms:us-east-1:000000000000:key/"$key_id" ]] || {
        echo "unexpected KeyId '$key_arn'"
        return 1
    }
    base64 -d <<<"$plaintext" >decrypted.bin || return 1
    cmp plain.bin decrypted.bin
}

step_alias() {
    kms create-alias --alias-name alias/trent-smoke --target-key-id "$key_id" || return 1
    expect_equal "describe-key via alias" "$key_id" \
        "$(kms describe-key --key-id alias/trent-smoke --query KeyMetadata.KeyId --output text)"
}

step_generate_data_key() {
    local plaintext ciphertext
    read -r plaintext ciphertext < <(kms generate-data-key --key-id alias/trent-smoke --key-spec AES_256 \
        --query '[Plaintext, CiphertextBlob]' --output text) || return 1
    base64 -d <<<"$plaintext" >data-key.bin || return 1
    expect_equal "data key length" 32 "$(wc -c <data-key.bin | tr -d ' ')" || return 1
    base64 -d <<<"$ciphertext" >data-key.enc || return 1
    kms decrypt --ciphertext-blob fileb://data-key.enc --query Plaintext --output text |
        base64 -d >data-key.dec || return 1
    cmp data-key.bin data-key.dec
}

step_sign_verify() {
    sign_key_id="$(kms create-key --key-spec RSA_2048 --key-usage SIGN_VERIFY \
        --query KeyMetadata.KeyId --output text)" || return 1
    printf 'signed by trent' >message.txt
    kms sign --key-id "$sign_key_id" --message fileb://message.txt --message-type RAW \
        --signing-algorithm RSASSA_PSS_SHA_256 --query Signature --output text | base64 -d >signature.bin || return 1
    expect_equal "SignatureValid" True "$(kms verify --key-id "$sign_key_id" --message fileb://message.txt \
        --message-type RAW --signature fileb://signature.bin --signing-algorithm RSASSA_PSS_SHA_256 \
        --query SignatureValid --output text)" || return 1
    printf 'tampered' >tampered.txt
    local rejected
    if rejected="$(kms verify --key-id "$sign_key_id" --message fileb://tampered.txt --message-type RAW \
        --signature fileb://signature.bin --signing-algorithm RSASSA_PSS_SHA_256 2>&1)"; then
        echo "a signature over another message verified"
        return 1
    fi
    grep -q KMSInvalidSignatureException <<<"$rejected" || { echo "$rejected"; return 1; }
}

step_openssl_verifies_signature() {
    command -v openssl >/dev/null || { echo "openssl is not installed"; return 1; }
    kms get-public-key --key-id "$sign_key_id" --query PublicKey --output text | base64 -d >public.der || return 1
    openssl pkey -pubin -inform DER -in public.der -out public.pem || return 1
    openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
        -verify public.pem -signature signature.bin message.txt
}

step_schedule_key_deletion() {
    kms schedule-key-deletion --key-id "$key_id" --pending-window-in-days 7 >/dev/null || return 1
    expect_equal "KeyState" PendingDeletion \
        "$(kms describe-key --key-id "$key_id" --query KeyMetadata.KeyState --output text)" || return 1
    local refused
    if refused="$(kms encrypt --key-id "$key_id" --plaintext fileb://plain.bin 2>&1)"; then
        echo "a key pending deletion still encrypts"
        return 1
    fi
    grep -q KMSInvalidStateException <<<"$refused" || { echo "$refused"; return 1; }
}

step_key_lifecycle() {
    local out
    out="$("$repo/trent" key lifecycle "$key_id" --endpoint "$endpoint")" || { echo "$out"; return 1; }
    grep -q 'NIST phase:  deactivated' <<<"$out" || { echo "$out"; return 1; }
    grep -q 'ScheduleKeyDeletion by access key trent-smoke-test' <<<"$out" || { echo "$out"; return 1; }
}

step_clock_advance_deletes_key() {
    local out
    out="$("$repo/trent" clock advance 8d --endpoint "$endpoint")" || { echo "$out"; return 1; }
    grep -q 'Fired: 1 key deleted' <<<"$out" || { echo "$out"; return 1; }
    local refused
    if refused="$(kms describe-key --key-id "$key_id" 2>&1)"; then
        echo "the key outlived its deletion window"
        return 1
    fi
    grep -q NotFoundException <<<"$refused" || { echo "$refused"; return 1; }
    "$repo/trent" clock reset --endpoint "$endpoint" >/dev/null
}

step_init_script_ran() {
    local description=""
    for ((waited = 0; waited < 30; waited++)); do
        description="$(kms describe-key --key-id alias/from-init-script --query KeyMetadata.Description \
            --output text 2>/dev/null)" && break
        sleep 1
    done
    expect_equal "description of the init script's key" "made by an init script" "$description"
}

step_port_in_use() {
    local rc=0
    timeout "$ready_timeout" "$repo/trent" serve --in-memory --port "$port" >second.out 2>second.err || rc=$?
    expect_equal "exit code" 1 "$rc" || { cat second.out second.err; return 1; }
    expect_equal "stderr lines" 1 "$(wc -l <second.err | tr -d ' ')" || { cat second.err; return 1; }
    grep -q '^trent: ' second.err || { cat second.err; return 1; }
}

step_non_loopback_host_needs_auth_or_allow_remote() {
    local rc=0
    "$repo/trent" serve --in-memory --port 0 --host 0.0.0.0 >remote.out 2>remote.err || rc=$?
    expect_equal "exit code" 1 "$rc" || { cat remote.out remote.err; return 1; }
    expect_equal "stderr lines" 1 "$(wc -l <remote.err | tr -d ' ')" || { cat remote.err; return 1; }
    grep -q '^trent: refusing to listen on 0.0.0.0 with --auth off' remote.err || { cat remote.err; return 1; }
}

# A second server with --auth verify: the AWS CLI's own SigV4 signatures are checked, and so are trent's.
step_auth_verify_checks_the_cli_signatures() {
    "$repo/trent" serve --in-memory --port 0 --auth verify >verify.log 2>&1 &
    verify_pid=$!
    local waited
    for ((waited = 0; waited < ready_timeout; waited++)); do
        grep -qx 'Ready.' verify.log && break
        sleep 1
    done
    grep -qx 'Ready.' verify.log || { cat verify.log; return 1; }
    local at out
    at="$(grep -o 'http://[^ ]*' verify.log | head -n 1)"
    out="$(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url "$at" --region eu-west-1 kms \
        create-key --query KeyMetadata.Arn --output text)" || return 1
    [[ "$out" == arn:aws:kms:eu-west-1:000000000000:key/* ]] || { echo "unexpected ARN '$out'"; return 1; }
    out="$(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=wrong aws --endpoint-url "$at" kms list-keys 2>&1)" &&
        { echo "a wrong secret was accepted"; return 1; }
    grep -q 'InvalidSignatureException' <<<"$out" || { echo "$out"; return 1; }
    out="$(aws --endpoint-url "$at" --no-sign-request kms list-keys 2>&1)" &&
        { echo "an unsigned request was accepted"; return 1; }
    grep -q 'MissingAuthenticationTokenException' <<<"$out" || { echo "$out"; return 1; }
    "$repo/trent" clock --endpoint "$at" >/dev/null 2>&1 && { echo "trent clock signed with unknown keys"; return 1; }
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "$repo/trent" clock advance 1h --endpoint "$at" || return 1
    kill -TERM "$verify_pid"
    wait "$verify_pid"
    verify_pid=""
}

step_sigterm_stops_cleanly() {
    kill -TERM "$server_pid" || return 1
    local waited
    for ((waited = 0; waited < stop_timeout; waited++)); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
        echo "still running ${stop_timeout}s after SIGTERM"
        return 1
    fi
    local rc=0
    wait "$server_pid" || rc=$?
    server_pid=""
    expect_equal "exit code after SIGTERM" 0 "$rc" || return 1
    grep -qx 'Stopped.' "$log" || { echo "no 'Stopped.' line"; return 1; }
}

run_step "create-key (SYMMETRIC_DEFAULT)" step_create_key
run_step "encrypt a file" step_encrypt
run_step "decrypt without key id, same bytes back" step_decrypt_without_key_id
run_step "create-alias, describe-key via alias" step_alias
run_step "generate-data-key (AES_256), decrypt its ciphertext" step_generate_data_key
run_step "sign/verify with RSA_2048, RSASSA_PSS_SHA_256" step_sign_verify
run_step "get-public-key, openssl verifies the signature" step_openssl_verifies_signature
run_step "schedule-key-deletion, key refuses to encrypt" step_schedule_key_deletion
run_step "ready.d init script ran with awslocal" step_init_script_ran
run_step "trent key lifecycle shows the deactivated phase and who scheduled it" step_key_lifecycle
run_step "trent clock advance 8d deletes the key" step_clock_advance_deletes_key
run_step "second server on the same port fails with one 'trent:' line" step_port_in_use
run_step "a non-loopback --host with --auth off is refused in one 'trent:' line" \
    step_non_loopback_host_needs_auth_or_allow_remote
run_step "--auth verify checks the AWS CLI's signatures and trent clock's" step_auth_verify_checks_the_cli_signatures
run_step "SIGTERM: exit code 0 and 'Stopped.'" step_sigterm_stops_cleanly

echo
if ((${#failed[@]} > 0)); then
    echo "---- server output ----"
    cat "$log"
    echo "CLI smoke test: FAIL (${#failed[@]} of $((${#passed[@]} + ${#failed[@]})) steps failed)"
    printf '  failed: %s\n' "${failed[@]}"
    exit 1
fi
echo "CLI smoke test: PASS (${#passed[@]} steps)"
