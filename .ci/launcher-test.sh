#!/usr/bin/env bash
# Tests the ./trent launcher's rebuild rule: a changed test file does not rebuild the jar; a changed main source
# does, printing one plain progress line per module (no terminal escape codes in redirected output); a mistyped
# command is named, with the list of commands, and exits 2; a wrong option value exits 1.
# Expects server/target/trent.jar to have been built (mvn verify does). Exits non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
err="$(mktemp)"
trap 'rm -f "$err"' EXIT
failures=0

check() {
    if eval "$2"; then
        echo "PASS  $1"
    else
        echo "FAIL  $1"
        sed 's/^/      /' "$err"
        failures=$((failures + 1))
    fi
}

"$repo/trent" --version >/dev/null 2>"$err"
touch "$repo/server/src/test/java/dev/trent/server/app/DamagedStoreTest.java"
"$repo/trent" --version >/dev/null 2>"$err"
check "a changed test file does not rebuild the jar" '! grep -q "building" "$err"'

touch "$repo/server/src/main/java/dev/trent/server/app/Main.java"
version="$("$repo/trent" --version 2>"$err")"
check "a changed main source rebuilds the jar" 'grep -q "^trent: building the server jar" "$err"'
check "the build shows a line per module" 'grep -q "^trent:   4/4 Trent server" "$err"'
check "redirected build output holds no escape codes" '! grep -q $'"'"'\x1b'"'"' "$err"'
check "the rebuilt jar runs" '[[ "$version" == trent\ * ]]'

"$repo/trent" --version >/dev/null 2>"$err"
check "the next run does not rebuild again" '! grep -q "building" "$err"'

rc=0
"$repo/trent" bogus >/dev/null 2>"$err" || rc=$?
check "an unknown command exits 2" '((rc == 2))'
check "an unknown command is named and the commands listed" \
    'grep -q "^trent: unknown command '"'"'bogus'"'"'; the commands are serve, clock, key, rekey, fsck, audit, help" "$err"'
rc=0
"$repo/trent" serve --port abc >/dev/null 2>"$err" || rc=$?
check "a wrong option value exits 1" '((rc == 1))'

if ((failures > 0)); then
    echo "launcher test: $failures failed"
    exit 1
fi
echo "launcher test: PASS"
