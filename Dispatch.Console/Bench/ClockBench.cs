using System.CommandLine;
using System.Diagnostics;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Dispatch.Console.Bench;

/// <summary>
/// <c>dispatch bench clocks</c>: N open clocks due over a short window in a fresh database, the server's own sweep
/// loop on the real clock, and how late each fired (fired − due).
/// </summary>
public static class ClockBench
{
    // Set-up must finish before the first clock falls due, or the lateness measures the set-up, not the sweeper.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);

    public static Command Build()
    {
        var count = new Option<int>("--count") { Description = "Open clocks to insert.", DefaultValueFactory = _ => 100_000 };
        var window = new Option<int>("--window") { Description = "Seconds over which they fall due, starting a few seconds after set-up.", DefaultValueFactory = _ => 60 };
        var postgres = new Option<string?>("--postgres") { Description = "Also run on PostgreSQL: an admin connection string (a scratch database is created and dropped)." };
        var command = new Command("clocks", "Response-clock sweeper: lateness of firing for many open clocks (target p99 ≤ 1 s).") { count, window, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var results = new List<(string Engine, Stats Stats)>();
            var folder = Path.Combine(Path.GetTempPath(), "dispatch-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            try
            {
                results.Add(("SQLite", await RunAsync(new Dispatch.Server.Storage.Database(SqlDialect.For(DatabaseProvider.Sqlite), $"Data Source={Path.Combine(folder, "bench.db")}"),
                    parse.GetValue(count), parse.GetValue(window), cancellationToken)));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            if (parse.GetValue(postgres) is { } admin)
            {
                var name = "dispatch_bench_" + Guid.NewGuid().ToString("N")[..8];
                await AdminAsync(admin, $"CREATE DATABASE {name}");
                try
                {
                    var csb = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name };
                    results.Add(("PostgreSQL", await RunAsync(new Dispatch.Server.Storage.Database(SqlDialect.For(DatabaseProvider.PostgreSql), csb.ConnectionString),
                        parse.GetValue(count), parse.GetValue(window), cancellationToken)));
                }
                finally
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                }
            }

            var table = new Table().AddColumns("Engine", "Clocks", "Set-up s", "Fired", "p50 ms", "p95 ms", "p99 ms", "max ms", "Target p99 ≤ 1000 ms");
            foreach (var (engine, s) in results)
            {
                table.AddRow(engine, s.Count.ToString("N0"), s.SetUp.TotalSeconds.ToString("N1"), s.Fired.ToString("N0"), Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max),
                    s.SetUp > Lead ? $"invalid: set-up > {Lead.TotalSeconds:N0} s lead" : s.P99 <= TimeSpan.FromSeconds(1) ? "met" : "MISSED");
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) }).Write(table);
            return results.All(r => r.Stats.SetUp <= Lead && r.Stats.P99 <= TimeSpan.FromSeconds(1) && r.Stats.Fired == r.Stats.Count) ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return command;
    }

    private sealed record Stats(int Count, TimeSpan SetUp, int Fired, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max);

    private static async Task<Stats> RunAsync(Dispatch.Server.Storage.Database database, int count, int windowSeconds, CancellationToken cancellationToken)
    {
        StorageSetup.RegisterTypeHandlers();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).MigrateAsync(TimeProvider.System, cancellationToken);
        var store = new ClockStore(database);
        var options = new ClockOptions();

        // Due from the lead after set-up began, spread evenly over the window; warnings far away so only breaches fire.
        var setUp = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow;
        var clocks = Enumerable.Range(0, count).Select(i =>
        {
            var due = start + Lead + TimeSpan.FromSeconds(windowSeconds * (double)i / count);
            return new IncidentClock(Guid.NewGuid(), ClockKind.Respond, due.AddMinutes(-1), due.AddYears(1), due, ClockState.Running, null, null, null, false, start);
        }).ToList();
        foreach (var chunk in clocks.Chunk(10_000))
        {
            await store.SeedAsync(chunk, cancellationToken);
        }

        setUp.Stop();
        var lateness = new List<TimeSpan>(count);
        var sweep = new ClockSweep(store, options);
        var last = clocks[^1].DueAt + TimeSpan.FromSeconds(5);
        while (lateness.Count < count && DateTimeOffset.UtcNow < last)
        {
            // The server's loop: a pass, then the interval unless the batch was full.
            var (fired, more) = await sweep.RunOnceAsync(DateTimeOffset.UtcNow, cancellationToken);
            var firedAt = DateTimeOffset.UtcNow;
            lateness.AddRange(fired.Select(f => firedAt - f.After.DueAt));
            if (!more)
            {
                await Task.Delay(options.SweepInterval, cancellationToken);
            }
        }

        lateness.Sort();
        TimeSpan At(double q) => lateness.Count == 0 ? TimeSpan.MaxValue : lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(q * lateness.Count) - 1)];
        return new Stats(count, setUp.Elapsed, lateness.Count, At(0.50), At(0.95), At(0.99), lateness.Count == 0 ? TimeSpan.MaxValue : lateness[^1]);
    }

    private static string Ms(TimeSpan t) => t == TimeSpan.MaxValue ? "-" : t.TotalMilliseconds.ToString("N0");

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
