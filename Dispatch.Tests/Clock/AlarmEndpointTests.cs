using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Clock;

/// <summary>
/// /api/alarms against the real server: an alarm is listed to its street's operator only, acknowledging it is audited
/// with who and when, a second acknowledgement answers the first, and another street's operator can neither see nor
/// acknowledge it. A reinforcement request raises the alarm at once, so no clock has to run out.
/// </summary>
[NonParallelizable]
public sealed class AlarmEndpointTests
{
    private RunningServer running = null!;
    private HttpClient admin = null!;
    private HttpClient operatorOne = null!;
    private HttpClient operatorTwo = null!;
    private Guid incident;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Security:LoginAttemptsPerMinute"] = "1000" });
        admin = await running.AsAsync("admin");
        await SecondStreet.CreateAsync(running, admin);
        operatorOne = await running.AsAsync("operator");
        operatorTwo = await running.AsAsync("operator2");

        const string alertId = "110-alarm-noise";
        using (var alert = await running.Machine().PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "noise", description = "夜间施工噪音扰民", location = new { lon = 120.215, lat = 30.29 },
        }))
        {
            Assert.That((int)alert.StatusCode, Is.LessThan(300), await alert.Content.ReadAsStringAsync());
        }

        incident = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await admin.GetAsync($"/api/incidents/{incident}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(20), "the incident");
        using var dispatch = await operatorOne.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { code = "YF-PC01" } } });
        Assert.That(dispatch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatch.Content.ReadAsStringAsync());
        using var reinforce = await operatorOne.PostAsJsonAsync($"/api/incidents/{incident}/reinforcements", new { reason = "现场人员较多" });
        Assert.That((int)reinforce.StatusCode, Is.LessThan(300), await reinforce.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [Test]
    public async Task Acknowledge_IsAuditedOnce_AndStaysInItsStreet()
    {
        var alarm = (await AlarmsAsync(operatorOne)).Single(a => a.GetProperty("incidentId").GetGuid() == incident
            && a.GetProperty("kind").GetString() == "ReinforcementRequested");
        var id = alarm.GetProperty("id").GetString()!;
        Assert.That(alarm.GetProperty("category").GetString(), Is.Not.Empty);
        Assert.That(await AlarmsAsync(operatorTwo), Has.None.Matches<JsonElement>(a => a.GetProperty("id").GetString() == id), "another street's operator");

        using (var theirs = await operatorTwo.PostAsync($"/api/alarms/{id}/acknowledge", null))
        {
            Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "outside their street the alarm does not exist for them");
        }

        // Another screen of the street (the supervisor's) is told, so its list drops the alarm too.
        await using var screen = await running.ConnectHubAsync("supervisor");
        await screen.InvokeAsync("WatchIncidents");
        var told = screen.WaitForCallAsync("AlarmsChanged", a => a.GetGuid() == incident, TimeSpan.FromSeconds(15));

        var first = await AcknowledgeAsync(operatorOne, id);
        await told;
        Assert.That(first.GetProperty("acknowledgedBy").GetString(), Is.EqualTo("operator"));
        Assert.That(first.GetProperty("already").GetBoolean(), Is.False);
        var again = await AcknowledgeAsync(await running.AsAsync("supervisor"), id);
        Assert.That(again.GetProperty("already").GetBoolean(), Is.True, "acknowledging twice answers the first acknowledgement");
        Assert.That(again.GetProperty("acknowledgedBy").GetString(), Is.EqualTo("operator"));
        Assert.That(again.GetProperty("acknowledgedAt").GetDateTimeOffset(), Is.EqualTo(first.GetProperty("acknowledgedAt").GetDateTimeOffset()));

        Assert.That(await AlarmsAsync(operatorOne), Has.None.Matches<JsonElement>(a => a.GetProperty("id").GetString() == id));
        var timeline = (await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}")).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "alarm.acknowledged").ToList();
        Assert.That(timeline, Has.Count.EqualTo(1), "audited once");
        Assert.That(timeline[0].GetProperty("actor").GetString(), Is.EqualTo("operator"));
        Assert.That(timeline[0].GetProperty("at").GetDateTimeOffset(), Is.EqualTo(first.GetProperty("acknowledgedAt").GetDateTimeOffset()));
    }

    [Test]
    public async Task Acknowledge_WithAMalformedOrUnknownId_AnswersAProblem()
    {
        using var malformed = await operatorOne.PostAsync("/api/alarms/nonsense/acknowledge", null);
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(malformed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var unknown = await operatorOne.PostAsync($"/api/alarms/urgent-{Guid.NewGuid()}/acknowledge", null);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AcknowledgeAll_InAnotherStreet_LeavesThisStreetsAlarms()
    {
        using var theirs = await operatorTwo.PostAsync("/api/alarms/acknowledge-all", null);
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var acknowledged = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").EnumerateArray();
        Assert.That(acknowledged, Has.None.Matches<JsonElement>(a => a.GetProperty("incidentId").GetGuid() == incident));
    }

    private static async Task<List<JsonElement>> AlarmsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/alarms")).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> AcknowledgeAsync(HttpClient client, string id)
    {
        using var response = await client.PostAsync($"/api/alarms/{id}/acknowledge", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
