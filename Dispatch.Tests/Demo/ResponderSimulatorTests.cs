using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Demo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Demo;

/// <summary>The simulated responders act through the production handlers, so the handlers' checks hold for them too.</summary>
[NonParallelizable]
public sealed class ResponderSimulatorTests
{
    private const string ReinforcementRequested = "incident.reinforcement-requested";

    [Test]
    public async Task RequestReinforcement_OnAClosedIncident_IsRefusedAndLeavesNoTrace()
    {
        await using var running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        using var machine = running.Machine();
        using var operatorClient = await running.AsAsync("operator");
        var open = await OpenIncidentAsync(machine, operatorClient, "fight");
        var closed = await OpenIncidentAsync(machine, operatorClient, "theft");
        using (var resolved = await operatorClient.PostAsJsonAsync($"/api/incidents/{closed}/resolve", new { result = "已处置" }))
        {
            Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolved.Content.ReadAsStringAsync());
        }

        var simulator = running.App.Services.GetRequiredService<ResponderSimulator>();
        await using var scope = running.App.Services.CreateAsyncScope();
        var hands = scope.ServiceProvider.GetRequiredService<DemoHands>();

        var onClosed = await simulator.RequestReinforcementAsync(hands, closed, ResponderSimulator.FeedActing, feedSends: true, CancellationToken.None);
        var notOnScene = await simulator.RequestReinforcementAsync(hands, open, ResponderSimulator.ResponderOf("YF-PC02"), feedSends: false, CancellationToken.None);
        var onOpen = await simulator.RequestReinforcementAsync(hands, open, ResponderSimulator.FeedActing, feedSends: false, CancellationToken.None);

        Assert.That(onClosed, Is.False, "a closed incident gets no reinforcement");
        Assert.That(notOnScene, Is.False, "a responder asks only from the scene");
        Assert.That(onOpen, Is.True, "the control: an open incident does");
        var closedDetail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{closed}");
        Assert.That(Actions(closedDetail), Has.No.Member(ReinforcementRequested));
        Assert.That(closedDetail.GetProperty("assignments").GetArrayLength(), Is.Zero, "nothing was sent to the closed incident");
        Assert.That(Actions(await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{open}")).Count(a => a == ReinforcementRequested), Is.EqualTo(1));
    }

    private static List<string?> Actions(JsonElement detail) =>
        detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();

    private static async Task<Guid> OpenIncidentAsync(HttpClient machine, HttpClient operatorClient, string category)
    {
        var alertId = "110-simulator-" + Guid.NewGuid().ToString("N");
        using var sent = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description = "现场需要增援", address = "云峰路88号",
            location = new { lon = 120.2100, lat = 30.2800 },
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorClient.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the incident to be stored");
        return id;
    }
}
