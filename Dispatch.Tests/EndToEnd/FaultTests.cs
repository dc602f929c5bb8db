using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;
using RabbitMQ.Client;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Lose nothing when things fail, on a real RabbitMQ and PostgreSQL with the server as its own process:
/// a SIGKILL mid-stream, the broker going away, the database going away. Each test counts what arrived.
/// The outages are the test's own (its RabbitMQ user and virtual host, its database): servers that others share
/// are never stopped.
/// </summary>
[NonParallelizable]
public sealed class FaultTests
{
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestDatabase.CreateAsync("PostgreSql");

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private Dictionary<string, string> Settings(IDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(db.Settings) { ["Bus:Transport"] = "RabbitMq" };
        foreach (var (key, value) in DispatchApp.RabbitSettings(TestEnvironment.RabbitMq).Concat(extra ?? new Dictionary<string, string>()))
        {
            settings[key] = value;
        }

        return settings;
    }

    [Test]
    public async Task KillDashNineMidStream_ThenRestart_OpensEveryIncidentExactlyOnce()
    {
        const int count = 5000;
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var server = new ServerProcess(Settings());
        await server.StartAsync();

        // The 110 platform keeps publishing while the server dies: raw JSON to the intake exchange, confirmed.
        var publishing = PublishRawAlertsAsync(runId, count);
        await Eventually.GetAsync(async () => await CountAsync(runId) >= 300 ? "" : null, TimeSpan.FromSeconds(60), "a few hundred incidents before the kill");
        server.Kill();
        var atKill = await CountAsync(runId);
        await publishing;
        await server.StartAsync();

        var watch = Stopwatch.StartNew();
        await Eventually.GetAsync(async () => await CountAsync(runId) >= count ? "" : null, TimeSpan.FromSeconds(180), $"all {count} incidents after the restart");
        // Redeliveries of what was in hand at the kill come first; once the broker holds nothing, all were handled.
        await RabbitQueues.IdleAsync(TimeSpan.FromSeconds(60));

        Assert.That(atKill, Is.LessThan(count), "the kill must land mid-stream for this test to mean anything");
        Assert.That(await CountAsync(runId), Is.EqualTo(count), server.Log);
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id LIKE @Prefix", new { Prefix = $"110-kill-{runId}-%" }), Is.EqualTo(count));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM (SELECT alert_id FROM alerts GROUP BY alert_id HAVING COUNT(*) > 1) d"), Is.Zero);
        TestContext.Out.WriteLine($"{atKill} incidents before the kill; the rest {watch.Elapsed.TotalSeconds:0.0} s after the restart.");
    }

    [Test]
    public async Task BrokerGoesAwayAndComesBack_ServerReconnectsAndEveryAcceptedAlertBecomesAnIncident()
    {
        await using var server = new ServerProcess(Settings());
        await server.StartAsync();
        var key = await CreateApiKeyAsync(server);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        var refused = 0;
        using var stop = new CancellationTokenSource();

        async Task PostLoopAsync(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var alertId = $"110-outage-{worker}-{i}-{Guid.NewGuid().ToString("N")[..6]}";
                try
                {
                    var response = await http.PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "断网测试" });
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        accepted.Add(alertId);
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref refused);
                }

                await Task.Delay(50);
            }
        }

        var posters = Enumerable.Range(0, 8).Select(PostLoopAsync).ToArray();
        try
        {
            await Task.Delay(2000);
            var outage = new BrokerOutage();
            try
            {
                await outage.BeginAsync();
                await Task.Delay(15000);
            }
            finally
            {
                // Whatever happens meanwhile, the test's user gets its permissions back.
                await outage.EndAsync();
            }

            await Eventually.GetAsync(async () => (await http.GetAsync("/readyz")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(90), "the server to reconnect");
            await Task.Delay(3000);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(posters);
        }

        var ids = accepted.ToArray();
        await Eventually.GetAsync(async () => await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id LIKE '110-outage-%'") >= ids.Length ? "" : null,
            TimeSpan.FromSeconds(60), $"all {ids.Length} accepted alerts as incidents");
        var stored = (await QueryAsync("SELECT alert_id FROM alerts WHERE alert_id LIKE '110-outage-%'")).ToHashSet();
        Assert.That(ids.Where(id => !stored.Contains(id)), Is.Empty, "every alert answered 202 became an incident");
        Assert.That(refused, Is.GreaterThan(0), "while the broker was away, intake refused (503) rather than pretending");
        TestContext.Out.WriteLine($"{ids.Length} accepted, {refused} refused during the outage.");
    }

    [Test]
    public async Task DatabaseDownForThirtySeconds_MessagesWaitAndNothingIsLost()
    {
        // Retries that outlast the outage: about a minute in all.
        await using var server = new ServerProcess(Settings(new Dictionary<string, string>
        {
            ["Bus:Retry:Limit"] = "12",
            ["Bus:Retry:MinIntervalMs"] = "500",
            ["Bus:Retry:MaxIntervalMs"] = "8000",
        }));
        await server.StartAsync();
        var runId = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = server.Address };

        try
        {
            await db.BeginOutageAsync();
            await PublishRawAlertsAsync(runId, 200);
            var ready = await Eventually.GetAsync(async () =>
            {
                var r = await http.GetAsync("/readyz");
                return r.StatusCode == HttpStatusCode.ServiceUnavailable ? await r.Content.ReadAsStringAsync() : null;
            }, TimeSpan.FromSeconds(20), "readiness to report the database");
            Assert.That(ready, Does.Contain("database"));
            await Task.Delay(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await db.EndOutageAsync();
        }

        await Eventually.GetAsync(async () => await CountAsync(runId, prefix: "110-kill-") >= 200 ? "" : null, TimeSpan.FromSeconds(120), "all 200 incidents after the database is back");
        Assert.That(await CountAsync(runId, prefix: "110-kill-"), Is.EqualTo(200), server.Log);
        Assert.That((await http.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<int> CountAsync(string runId, string prefix = "110-kill-")
    {
        try
        {
            return await db.ScalarAsync<int>("SELECT COUNT(*) FROM incidents i JOIN alerts a ON a.incident_id = i.id WHERE a.alert_id LIKE @Prefix",
                new { Prefix = $"{prefix}{runId}-%" });
        }
        catch (Npgsql.NpgsqlException)
        {
            return 0; // the database is away in one of the tests
        }
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = await db.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, sql)).ToList();
    }

    /// <summary>Publishes <paramref name="count"/> alerts with no location (so none joins another) as raw JSON, each confirmed.</summary>
    private static async Task PublishRawAlertsAsync(string runId, int count)
    {
        var factory = new ConnectionFactory { Uri = TestEnvironment.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        var pending = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { alertId = $"110-kill-{runId}-{i:00000}", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = $"压力测试警情 {i}" });
            pending.Add(channel.BasicPublishAsync("dispatch.intake.alerts", "", mandatory: true, properties, body).AsTask());
            if (pending.Count == 200)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private async Task<string> CreateApiKeyAsync(ServerProcess server)
    {
        _ = server;
        var store = new Dispatch.Server.Security.ApiKeyStore(db.Database);
        var (_, secret) = await store.CreateAsync("fault-test", DateTimeOffset.UtcNow, "test", CancellationToken.None);
        return secret;
    }
}
