using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Assignment;

[NonParallelizable]
public sealed class AutoDispatchTests
{
    [Test]
    public async Task UrgentPoliceIncident_IsAutoDispatchedOnce_EvenWhenIncidentOpenedIsRedelivered()
    {
        await using var running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        using var machine = running.Machine();
        using var admin = await running.AsAsync("admin");

        var id = await SendTheftAsync(machine, "110-auto-1");
        var first = await AssignmentsWhenDispatchedAsync(admin, id);
        var incident = (await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).GetProperty("incident").Deserialize<IncidentSummary>(JsonOptions)!;
        var bus = running.App.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bus.Publish(new IncidentOpened(incident with { Status = IncidentStatus.Open }))));

        // A later incident's whole pipeline runs after the redeliveries were published: once it is dispatched, they were consumed.
        await AssignmentsWhenDispatchedAsync(admin, await SendTheftAsync(machine, "110-auto-2"));
        var after = await AssignmentsWhenDispatchedAsync(admin, id);

        Assert.That(first.Select(a => (a.GetProperty("role").GetString(), a.GetProperty("dispatchedBy").GetString())), Is.EqualTo(new[] { ("Primary", "system") }));
        Assert.That(after, Has.Count.EqualTo(1), "a redelivered IncidentOpened does not dispatch twice");
        Assert.That((await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("InProgress"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<Guid> SendTheftAsync(HttpClient machine, string alertId)
    {
        await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft", description = "电动车被偷", location = new { lon = 120.2100, lat = 30.2800 },
        });
        return IncidentReference.ForAlert(alertId);
    }

    private static Task<List<JsonElement>> AssignmentsWhenDispatchedAsync(HttpClient admin, Guid id) =>
        Eventually.GetAsync<List<JsonElement>>(async () =>
        {
            var r = await admin.GetAsync($"/api/incidents/{id}");
            if (!r.IsSuccessStatusCode)
            {
                return null;
            }

            var assignments = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignments").EnumerateArray().ToList();
            return assignments.Count > 0 ? assignments : null;
        }, TimeSpan.FromSeconds(15), "the incident to be auto-dispatched");
}
