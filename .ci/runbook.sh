#!/usr/bin/env bash
# The least-privilege runbook, walked with the real AWS CLI against `trent serve --auth enforce`: an IAM user who
# may only assume a signing role, the role's trust and KMS policies, a key policy that names the role; then who
# am I, assume the role, get the public key and sign with the role's temporary credentials (OpenSSL verifies the
# signature), the same refused with the user's own credentials, and the policy simulator's verdicts.
# Expects server/target/trent.jar (mvn verify builds it). Exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
work="$(mktemp -d)"
log="$work/server.log"
server_pid=""
account=000000000000

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Nothing here may reach real AWS or read the user's configuration.
export AWS_CONFIG_FILE="$work/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER=""
export AWS_DEFAULT_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_KMS AWS_PROFILE

failures=0
die() {
    echo "FAIL: $*" >&2
    sed 's/^/      /' "$log" >&2
    exit 1
}
check() { # NAME COMMAND...
    local name="$1"
    shift
    if "$@" >"$work/step.out" 2>&1; then
        echo "PASS  $name"
    else
        echo "FAIL  $name"
        sed 's/^/      /' "$work/step.out"
        failures=$((failures + 1))
    fi
}

java -jar "$repo/server/target/trent.jar" serve --in-memory --port 0 --auth enforce >"$log" 2>&1 &
server_pid=$!
for ((waited = 0; waited < 60; waited++)); do
    grep -qx 'Ready.' "$log" && break
    kill -0 "$server_pid" 2>/dev/null || die "trent serve exited before printing Ready."
    sleep 1
done
grep -qx 'Ready.' "$log" || die "no 'Ready.' line within 60 s"
endpoint="$(grep -o 'http://[^ ]*' "$log" | head -n 1)"

# as CREDENTIALS-VARIABLE-PREFIX: runs the AWS CLI with one identity's credentials.
as() {
    local who="$1"
    shift
    local id_var="${who}_id" secret_var="${who}_secret" token_var="${who}_token"
    AWS_ACCESS_KEY_ID="${!id_var}" AWS_SECRET_ACCESS_KEY="${!secret_var}" AWS_SESSION_TOKEN="${!token_var:-}" \
        aws --endpoint-url "$endpoint" "$@"
}
root_id=test root_secret=test

# The administrator (the account root) sets everything up.
user_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::'$account':role/release-signer"}]}'
trust_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'$account':user/release-bot"},"Action":"sts:AssumeRole"}]}'
role_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:GetPublicKey","kms:Sign"],"Resource":"*"}]}'
key_policy='{"Version":"2012-10-17","Statement":[
  {"Sid":"Admin","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'$account':root"},"Action":"kms:*","Resource":"*"},
  {"Sid":"Signer","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'$account':role/release-signer"},
   "Action":["kms:GetPublicKey","kms:Sign"],"Resource":"*"}]}'

setup() {
    as root iam create-user --user-name release-bot >/dev/null || return 1
    read -r user_id user_secret < <(as root iam create-access-key --user-name release-bot \
        --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text) || return 1
    as root iam put-user-policy --user-name release-bot --policy-name assume-signer \
        --policy-document "$user_policy" || return 1
    as root iam create-role --role-name release-signer --assume-role-policy-document "$trust_policy" >/dev/null \
        || return 1
    as root iam put-role-policy --role-name release-signer --policy-name sign --policy-document "$role_policy" \
        || return 1
    key_id="$(as root kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY --policy "$key_policy" \
        --query KeyMetadata.KeyId --output text)" || return 1
    export user_id user_secret key_id
    [[ "$user_id" == AKIA* && -n "$key_id" ]]
}
setup >"$work/setup.out" 2>&1 || { cat "$work/setup.out"; die "setting up the user, role and key failed"; }
echo "PASS  the root sets up user release-bot, role release-signer and a key whose policy names the role"

caller_is_user() {
    [[ "$(as user sts get-caller-identity --query Arn --output text)" == "arn:aws:iam::$account:user/release-bot" ]]
}
check "sts get-caller-identity names the user" caller_is_user

assume() {
    read -r role_id role_secret role_token < <(as user sts assume-role \
        --role-arn "arn:aws:iam::$account:role/release-signer" --role-session-name release-42 \
        --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text) || return 1
    export role_id role_secret role_token
    [[ "$role_id" == ASIA* ]] && [[ "$(as role sts get-caller-identity --query Arn --output text)" \
        == "arn:aws:sts::$account:assumed-role/release-signer/release-42" ]]
}
check "sts assume-role gives ASIA credentials that act as the role's session" assume

sign_as_role() {
    as role kms get-public-key --key-id "$key_id" --query PublicKey --output text | base64 -d >"$work/public.der" \
        || return 1
    printf 'release 42' >"$work/message"
    as role kms sign --key-id "$key_id" --message fileb://"$work/message" --message-type RAW \
        --signing-algorithm ECDSA_SHA_256 --query Signature --output text | base64 -d >"$work/signature" || return 1
    openssl dgst -sha256 -verify <(openssl pkey -pubin -inform DER -in "$work/public.der") \
        -signature "$work/signature" "$work/message"
}
check "kms get-public-key and kms sign as the role; OpenSSL verifies the signature" sign_as_role

refused_as_user() {
    local answer
    if answer="$(as user kms sign --key-id "$key_id" --message fileb://"$work/message" --message-type RAW \
        --signing-algorithm ECDSA_SHA_256 2>&1)"; then
        echo "the user's own credentials signed: $answer"
        return 1
    fi
    echo "$answer"
    grep -q "AccessDeniedException" <<<"$answer" \
        && grep -q "User: arn:aws:iam::$account:user/release-bot is not authorized to perform: kms:Sign" <<<"$answer"
}
check "kms sign with the user's own credentials is AccessDeniedException" refused_as_user

simulate() {
    local verdicts
    verdicts="$(as root iam simulate-principal-policy \
        --policy-source-arn "arn:aws:iam::$account:role/release-signer" --action-names kms:Sign kms:Decrypt \
        --query 'EvaluationResults[].[EvalActionName,EvalDecision]' --output text)" || return 1
    echo "$verdicts"
    grep -qx $'kms:Sign\tallowed' <<<"$verdicts" && grep -qx $'kms:Decrypt\timplicitDeny' <<<"$verdicts"
}
check "iam simulate-principal-policy: kms:Sign allowed, kms:Decrypt implicitDeny" simulate

if ((failures > 0)); then
    echo "runbook: $failures failed"
    exit 1
fi
echo "runbook: PASS"
