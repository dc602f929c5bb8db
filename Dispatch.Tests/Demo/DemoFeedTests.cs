using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Demo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Demo;

[NonParallelizable]
public sealed class DemoFeedTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Test]
    public async Task Feed_WhenOnAndTimePasses_OpensIncidentsAndPlaysTheRespondersButNeverTheHumansUnit()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Demo:Feed"] = "true",
            ["Demo:FeedSeed"] = "8",
            ["Demo:FeedIntervalSeconds"] = "15",
            ["Demo:FeedTickMs"] = "40",
        };
        await using var running = await RunningServer.StartAsync(clock: clock, settings: settings);
        using var admin = await running.AsAsync("admin");
        using var operatorClient = await running.AsAsync("operator");
        using var machine = running.Machine();
        var seeded = DemoUnits.Load(DateTimeOffset.UnixEpoch).ToDictionary(u => u.Code, u => u.Position);
        var human = ResponderSimulator.HumanUnit;

        // The human responder's unit waits off duty for its person; they sign on (here through the API).
        await Eventually.GetAsync(async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/units/{human}")).GetProperty("status").GetString() == "OffDuty" ? "" : null,
            TimeSpan.FromSeconds(15), "the feed to sign the human's unit off duty");
        using (var signOn = await operatorClient.PostAsJsonAsync($"/api/units/{human}/duty", new { onDuty = true }))
        {
            Assert.That(signOn.IsSuccessStatusCode, await signOn.Content.ReadAsStringAsync());
        }

        // The human responder's unit gets work of its own: a theft in the street, with YF-PC01 sent as reinforcement.
        const string alertId = "110-feed-human-1";
        var post = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = clock.GetUtcNow().ToString("O"), categoryCode = "theft", description = "电动车被偷", location = new { lon = 120.216439, lat = 30.305619 },
        });
        Assert.That(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var ours = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await admin.GetAsync($"/api/incidents/{ours}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(15), "our incident");
        var sent = await operatorClient.PostAsJsonAsync($"/api/incidents/{ours}/dispatch", new { units = new[] { new { code = human, role = "reinforcement" } } });
        Assert.That(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        // Demo time runs 3 s per step; the feed looks every 40 ms of real time.
        Progress? progress = null;
        for (var step = 1; step <= 400 && progress is not { Done: true }; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            await Task.Delay(60);
            if (step % 20 == 0)
            {
                progress = await ProgressAsync(admin, seeded, human, ours);
            }
        }

        progress ??= await ProgressAsync(admin, seeded, human, ours);
        Assert.That(progress.FeedIncidents, Is.GreaterThanOrEqualTo(3), "the feed opened incidents");
        Assert.That(progress.Acknowledged, Is.GreaterThan(0), "a simulated unit acknowledged");
        Assert.That(progress.OnScene, Is.GreaterThan(0), "a simulated unit arrived");
        Assert.That(progress.Moved, Is.Not.Empty, "a simulated unit's position changed");
        Assert.That(progress.HumanAssignments, Is.GreaterThan(0), "YF-PC01 had work to be left alone with");
        Assert.That(progress.HumanDriven, Is.False, "no acknowledge, en route or on scene on YF-PC01's assignments");
        Assert.That(progress.HumanMoved, Is.False, "YF-PC01 stays where it was seeded");
    }

    private sealed record Progress(int FeedIncidents, int Acknowledged, int OnScene, IReadOnlyList<string> Moved, int HumanAssignments, bool HumanDriven, bool HumanMoved)
    {
        public bool Done => FeedIncidents >= 3 && Acknowledged > 0 && OnScene > 0 && Moved.Count > 0;
    }

    private static async Task<Progress> ProgressAsync(HttpClient admin, Dictionary<string, GeoPoint?> seeded, string human, Guid ours)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/incidents?pageSize=200");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var all = new List<AssignmentSummary>();
        foreach (var id in ids)
        {
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
            all.AddRange(detail.GetProperty("assignments").Deserialize<List<AssignmentSummary>>(Json)!);
        }

        var units = await admin.GetFromJsonAsync<List<JsonElement>>("/api/units");
        var moved = units!.Where(u => u.GetProperty("position").Deserialize<GeoPoint>(Json) != seeded[u.GetProperty("code").GetString()!])
            .Select(u => u.GetProperty("code").GetString()!).ToList();
        var others = all.Where(a => a.UnitCode != human).ToList();
        var humans = all.Where(a => a.UnitCode == human).ToList();
        return new Progress(
            ids.Count(id => id != ours),
            others.Count(a => a.AcknowledgedAt is not null),
            others.Count(a => a.OnSceneAt is not null),
            moved.Where(c => c != human).ToList(),
            humans.Count,
            humans.Any(a => a.AcknowledgedAt is not null || a.EnRouteAt is not null || a.OnSceneAt is not null),
            moved.Contains(human));
    }
}
