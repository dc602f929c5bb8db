#!/usr/bin/env bash
# Names every .NET test in TRX files (dotnet test --logger trx) whose outcome is not Passed, with the first lines of
# its message and the test file's line it stopped at, so that the last lines of a CI log say which test failed and
# where, not only how many:
#   not passed (Outcome): TestName
#     | message line …
#     | at Dispatch.Tests.… in …/File.cs:line N
# Usage: infra/trx-not-passed.sh results/*.trx
set -euo pipefail
for trx in "$@"; do
  [ -f "$trx" ] || continue
  awk '
    function unescape(s) {
      gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\x27", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    function attr(line, name) {
      if (match(line, " " name "=\"[^\"]*\"")) return unescape(substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4))
      return ""
    }
    /<UnitTestResult / {
      outcome = attr($0, "outcome")
      failing = outcome != "" && outcome != "Passed"
      if (failing) print "not passed (" outcome "): " attr($0, "testName")
      inMessage = 0; inStack = 0; lines = 0; firstFrame = ""; ownFrame = ""
      if ($0 ~ /\/>[ \t]*$/) failing = 0
      next
    }
    !failing { next }
    /<\/UnitTestResult>/ { failing = 0; next }
    /<Message>/ { inMessage = 1; sub(/.*<Message>/, "") }
    /<StackTrace>/ { inStack = 1; sub(/.*<StackTrace>/, "") }
    inMessage {
      text = $0; done = sub(/<\/Message>.*/, "", text)
      if (lines < 6 && text ~ /[^ \t]/) { print "    | " unescape(text); lines++ }
      if (done) inMessage = 0
      next
    }
    inStack {
      # The test file line: the first frame of the tests outside their helpers (Support), else the first of the tests.
      text = $0; done = sub(/<\/StackTrace>.*/, "", text); sub(/^[ \t]+/, "", text)
      if (text ~ /Dispatch\.Tests\..* in .*:line [0-9]+/) {
        if (firstFrame == "") firstFrame = text
        if (ownFrame == "" && text !~ /Dispatch\.Tests\.Support\./) ownFrame = text
      }
      if (done) {
        inStack = 0
        if (ownFrame != "") print "    | " unescape(ownFrame); else if (firstFrame != "") print "    | " unescape(firstFrame)
        firstFrame = ""; ownFrame = ""
      }
    }
  ' "$trx"
done
