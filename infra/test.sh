#!/usr/bin/env bash
# Runs every test against real servers: installs and starts RabbitMQ, PostgreSQL and Chromium when missing,
# gives the tests a throw-away PostgreSQL role and RabbitMQ user and virtual host, runs `dotnet test`, stops what it
# started, and ends with the line "N passed, N failed" (the line before it counts what did not run). Every .NET
# test that did not pass (skipped, inconclusive, timed out, aborted) counts as failed, and so does a run with no
# .NET test at all.
# Usage: infra/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Intake]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=services.sh
source infra/services.sh

run_id="$(date +%s)-$$"
vhost="dispatch-test-$run_id"
# The tests' own RabbitMQ user: the fault test takes the broker away from this user only, never from others.
rabbit_user="dispatch-test-$run_id"
rabbit_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
pg_role="dispatch_test"
pg_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
results="$root/TestResults/$run_id"

cleanup() {
  rabbitmqctl delete_vhost "$vhost" >/dev/null 2>&1 || true
  rabbitmqctl delete_user "$rabbit_user" >/dev/null 2>&1 || true
  stop_started
}
trap cleanup EXIT

start_postgres
start_rabbitmq
install_chromium

# A role that may create and drop the per-fixture test databases; a new password every run.
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pg_role') THEN
    CREATE ROLE $pg_role LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE $pg_role PASSWORD '$pg_password';
-- DROP DATABASE ... WITH (FORCE) may meet an autovacuum worker, which only pg_signal_backend may end.
GRANT pg_signal_backend TO $pg_role;
SQL
rabbitmqctl add_vhost "$vhost" >/dev/null
rabbitmqctl add_user "$rabbit_user" "$rabbit_password" >/dev/null
rabbitmqctl set_permissions -p "$vhost" "$rabbit_user" ".*" ".*" ".*" >/dev/null

export DISPATCH_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=$pg_role;Password=$pg_password;Database=postgres;Pooling=true"
export DISPATCH_TEST_RABBITMQ="amqp://$rabbit_user:$rabbit_password@127.0.0.1:5672/$vhost"
export DISPATCH_TEST_CHROMIUM="/usr/bin/chromium"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
dotnet test Dispatch.sln -c Release \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" --blame-hang-timeout 10m "$@" || status=$?

# A green run is one where every .NET test ran and passed: none skipped, inconclusive, timed out or aborted,
# and at least one ran at all (a filter that matches nothing is a mistake, not a success).
read -r total passed failed error timeout aborted inconclusive not_executed not_runnable passed_but_aborted disconnected \
  < <(infra/trx-counts.sh "$results"/*.trx)
not_passed=$((error + timeout + aborted + inconclusive + not_executed + not_runnable + passed_but_aborted + disconnected))
summary=".NET: $total tests, $passed passed, $failed failed, $inconclusive inconclusive, $((not_executed + not_runnable)) skipped or not executed, $timeout timed out, $((aborted + passed_but_aborted + disconnected)) aborted, $error errors"
failed=$((failed + not_passed))
if [ "$total" -eq 0 ]; then
  echo "No .NET test ran: the build failed, the test host died, or the filter matched nothing." >&2
  failed=$((failed + 1))
fi

# The browser app's own unit tests (vitest); `dotnet test` has built it and installed its packages.
client=Dispatch.Server/ClientApp
if [ -d "$client/node_modules" ]; then
  vitest_status=0
  (cd "$client" && npx --no-install vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || vitest_status=$?
  if [ -f "$results/vitest.json" ]; then
    read -r p f k < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)' "$results/vitest.json")
    passed=$((passed + p)); failed=$((failed + f + k))
    summary="$summary; vitest: $p passed, $f failed, $k skipped"
  fi
  [ "$vitest_status" -eq 0 ] || status=$vitest_status
else
  echo "vitest skipped: $client/node_modules is missing (the server build did not run)" >&2
  failed=$((failed + 1))
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could report.
  failed=1
fi
infra/trx-not-passed.sh "$results"/*.trx || true
echo "$summary"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
