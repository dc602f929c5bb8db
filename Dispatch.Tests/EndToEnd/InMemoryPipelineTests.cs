using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.EndToEnd;

/// <summary>The same slice on the embedded defaults: SQLite and the in-memory bus, a SignalR client on a real port.</summary>
[NonParallelizable]
public sealed class InMemoryPipelineTests
{
    [Test]
    public async Task HttpAlert_OnTheEmbeddedDefaults_ReachesASignalRClient()
    {
        await using var running = await RunningServer.StartAsync();
        using var intake = running.Machine();
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var expected = IncidentReference.ForAlert("110-inmem-1");
        var pushed = screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == expected, TimeSpan.FromSeconds(10));

        var response = await intake.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId = "110-inmem-1",
            receivedAt = DateTimeOffset.UtcNow.ToString("O"),
            description = "有个事情想反映一下，具体的我也说不好",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = await pushed;
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"), "no category: an operator must decide");
        Assert.That(incident.GetProperty("kind").GetString(), Is.EqualTo("Unknown"));
    }

    [Test]
    public async Task SubscriberThatDidNotWatch_ReceivesNothing()
    {
        await using var running = await RunningServer.StartAsync();
        using var intake = running.Machine();
        await using var idle = await running.ConnectHubAsync();
        await using var watching = await running.ConnectHubAsync();
        await watching.InvokeAsync("WatchIncidents");
        var expected = IncidentReference.ForAlert("110-inmem-2");
        var seen = watching.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == expected, TimeSpan.FromSeconds(10));
        var notSeen = idle.WaitForCallAsync("IncidentOpened", _ => true, TimeSpan.FromSeconds(2));

        await intake.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-inmem-2", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "x" });

        await seen;
        Assert.That(async () => await notSeen, Throws.InstanceOf<TimeoutException>());
    }
}
