using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Two server processes on one RabbitMQ and one PostgreSQL, as behind a load balancer: each alert is handled once
/// whichever node takes it, a screen on either node sees everything, and losing a node loses nothing.
/// </summary>
[NonParallelizable]
public sealed class TwoNodeTests
{
    [Test]
    public async Task AlertsPostedToBothNodes_AreSeenOnceByAScreenOnEachNode_AndANodeLossLosesNothing()
    {
        await using var db = await TestDatabase.CreateAsync("PostgreSql");
        var settings = new Dictionary<string, string>(db.Settings) { ["Bus:Transport"] = "RabbitMq" };
        foreach (var (name, value) in DispatchApp.RabbitSettings(TestEnvironment.RabbitMq))
        {
            settings[name] = value;
        }

        await using var a = new ServerProcess(new Dictionary<string, string>(settings) { ["Node:Name"] = "node-a" });
        await using var b = new ServerProcess(new Dictionary<string, string>(settings) { ["Node:Name"] = "node-b" });
        await a.StartAsync();
        await b.StartAsync();
        var accounts = new AccountService(new UserStore(db.Database), new SessionStore(db.Database), new SignInThrottleStore(db.Database), TimeProvider.System);
        await accounts.CreateAsync("watcher", "值班", Roles.Admin, null, Session.DemoPassword, "test", CancellationToken.None);
        var (_, key) = await new ApiKeyStore(db.Database).CreateAsync("two-node", DateTimeOffset.UtcNow, "test", CancellationToken.None);

        using var readyA = new HttpClient { BaseAddress = a.Address };
        Assert.That(await readyA.GetStringAsync("/readyz"), Does.Contain("node-a"), "readiness names the node");

        await using var screenA = await HubTestClient.ConnectAsync(a.Address, "/hubs/command", await Session.SignInCookieAsync(a.Address, "watcher", Session.DemoPassword));
        await using var screenB = await HubTestClient.ConnectAsync(b.Address, "/hubs/command", await Session.SignInCookieAsync(b.Address, "watcher", Session.DemoPassword));
        await screenA.InvokeAsync("WatchIncidents");
        await screenB.InvokeAsync("WatchIncidents");
        var seenA = Collect(screenA);
        var seenB = Collect(screenB);

        var ids = Enumerable.Range(0, 40).Select(i => $"110-2node-{Guid.NewGuid().ToString("N")[..6]}-{i}").ToList();
        foreach (var (alertId, i) in ids.Select((id, i) => (id, i)))
        {
            using var http = new HttpClient { BaseAddress = i % 2 == 0 ? a.Address : b.Address };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var response = await http.PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "双节点测试" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        var expected = ids.Select(IncidentReference.ForAlert).ToHashSet();
        await Eventually.GetAsync(() => Task.FromResult(expected.IsSubsetOf(seenA.Keys) && expected.IsSubsetOf(seenB.Keys) ? "" : null), TimeSpan.FromSeconds(20),
            "every incident on both screens");

        // A second push would come from a message still in the broker, so wait until it holds none; then one more
        // alert: each screen receives its pushes in order, so once both have it, every earlier push has arrived.
        await RabbitQueues.IdleAsync(TimeSpan.FromSeconds(30));
        var marker = $"110-2node-marker-{Guid.NewGuid().ToString("N")[..6]}";
        using (var http = new HttpClient { BaseAddress = a.Address })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var response = await http.PostAsJsonAsync("/api/intake/alerts", new { alertId = marker, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "双节点测试标记" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        var markerId = IncidentReference.ForAlert(marker);
        await Eventually.GetAsync(() => Task.FromResult(seenA.ContainsKey(markerId) && seenB.ContainsKey(markerId) ? "" : null), TimeSpan.FromSeconds(20),
            "the marker incident on both screens");
        Assert.That(expected.Select(id => seenA[id]), Is.All.EqualTo(1), "node A's screen saw each incident once");
        Assert.That(expected.Select(id => seenB[id]), Is.All.EqualTo(1), "node B's screen saw each incident once");
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id LIKE '110-2node-%'"), Is.EqualTo(ids.Count + 1), "each alert handled once");

        // Reference data changed on one node is used by the other at once: a new year's holiday notice.
        using (var adminA = await Session.SignInAsync(a.Address, "watcher", Session.DemoPassword))
        using (var adminB = await Session.SignInAsync(b.Address, "watcher", Session.DemoPassword))
        {
            var import = await adminA.PostAsync("/api/calendar/years", new StringContent(
                """{"year":2031,"papers":[],"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());
            await Eventually.GetAsync(async () => (await adminB.GetStringAsync("/api/calendar/status")).Contains("2031", StringComparison.Ordinal) ? "" : null,
                TimeSpan.FromSeconds(10), "node B to know the year imported on node A");
        }

        // Incidents whose clocks started while node A was up: their one-minute respond clocks must still fire, once.
        var timed = Enumerable.Range(0, 4).Select(i => $"110-2node-clock-{Guid.NewGuid().ToString("N")[..6]}-{i}").ToList();
        using (var http = new HttpClient { BaseAddress = a.Address })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            foreach (var alertId in timed)
            {
                await http.PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft", description = "电动车被盗" });
            }
        }

        var timedIds = timed.Select(t => IncidentReference.ForAlert(t).ToString()).ToArray();
        await Eventually.GetAsync(async () => await CountClocksAsync(db, timedIds, "Running") >= timedIds.Length ? "" : null,
            TimeSpan.FromSeconds(20), "the respond clocks to start");

        // Node A dies; what is sent to node B keeps flowing, and nothing A had accepted is lost.
        a.Kill();
        var more = Enumerable.Range(0, 20).Select(i => $"110-2node-after-{Guid.NewGuid().ToString("N")[..6]}-{i}").ToList();
        using (var http = new HttpClient { BaseAddress = b.Address })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            foreach (var alertId in more)
            {
                await http.PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "节点故障后" });
            }
        }

        await Eventually.GetAsync(async () => await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id LIKE '110-2node-%'") == ids.Count + more.Count + timed.Count + 1 ? "" : null,
            TimeSpan.FromSeconds(30), "every alert after node A died");

        // Node B's sweeper fires the clocks node A started, each exactly once.
        await Eventually.GetAsync(async () => await CountClocksAsync(db, timedIds, "Breached") == timedIds.Length ? "" : null,
            TimeSpan.FromSeconds(100), "node B to fire the respond clocks node A had started");

        // A second firing would come from a sweeper pass still running: stopping node B waits for its current pass.
        await b.StopAsync();
        await using var connection = await db.OpenAsync();
        var breaches = await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'clock.breached' AND subject_id = ANY(@Ids)", new { Ids = timedIds });
        Assert.That(breaches, Is.EqualTo(timedIds.Length), "one breach per respond clock, fired by the surviving node");
    }

    private static async Task<int> CountClocksAsync(TestDatabase db, string[] incidentIds, string state)
    {
        await using var connection = await db.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection,
            "SELECT COUNT(*) FROM incident_clocks WHERE kind = 'Respond' AND state = @State AND incident_id = ANY(@Ids)", new { State = state, Ids = incidentIds });
    }

    private static System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Collect(HubTestClient screen)
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
        _ = Task.Run(async () =>
        {
            await foreach (var (target, incident) in screen.CallsAsync(CancellationToken.None))
            {
                if (target == "IncidentOpened")
                {
                    seen.AddOrUpdate(incident.GetProperty("id").GetGuid(), 1, (_, n) => n + 1);
                }
            }
        });
        return seen;
    }
}
