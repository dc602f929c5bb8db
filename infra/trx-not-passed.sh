#!/usr/bin/env bash
# Names every .NET test in TRX files (dotnet test --logger trx) whose outcome is not Passed, one per line as
#   not passed (Outcome): TestName
# so that the last lines of a CI log say which test to look at, not only how many failed.
# Usage: infra/trx-not-passed.sh results/*.trx
set -euo pipefail
for trx in "$@"; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*>' "$trx" \
    | sed -n 's/.* testName="\([^"]*\)".* outcome="\([^"]*\)".*/\2\t\1/p' \
    | awk -F'\t' '$1 != "Passed" { print "not passed (" $1 "): " $2 }' \
    | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
done
