#!/usr/bin/env bash
# Refreshes the README's pictures in docs/screenshots: runs the browser tests that take them (through
# infra/test.sh, which starts what they need) with DISPATCH_DOC_SCREENSHOTS pointing there. An ordinary test run
# only keeps its screenshots with its results. Review the changed pictures with `git diff --stat docs/screenshots`.
# Usage: infra/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DISPATCH_DOC_SCREENSHOTS="$(pwd)/docs/screenshots"
# The fixtures that call Browser.SaveDocScreenshotAsync.
fixtures=$(grep -rl --include='*.cs' 'SaveDocScreenshotAsync' Dispatch.Tests/EndToEnd | xargs -n1 basename | sed 's/\.cs$//' \
  | sed 's/^/FullyQualifiedName~/' | paste -sd'|')
exec infra/test.sh --filter "$fixtures"
