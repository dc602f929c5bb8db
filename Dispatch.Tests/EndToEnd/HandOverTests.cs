using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.EndToEnd;

/// <summary>An incident not settled on scene is handed over: a task order reaches the department with its due time.</summary>
[NonParallelizable]
public sealed class HandOverTests
{
    [Test]
    public async Task HandOver_OfARoutedDispute_IssuesATaskOrderDueInFiveWorkingDays()
    {
        await using var running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        using var platform = running.Machine();
        using var operatorSession = await running.AsAsync("operator");
        using var admin = await running.AsAsync("admin");
        var at = running.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007002003")!;
        var alertId = "110-handover-" + Guid.NewGuid().ToString("N")[..8];
        await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "neighbour-dispute", description = "楼上漏水，邻居争执不下",
            location = new { lon = at.Lon, lat = at.Lat },
        });
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorSession.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(10), "the incident");

        var handOver = await operatorSession.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { instructions = "现场未能调解，请司法所组织调解" });

        Assert.That(handOver.StatusCode, Is.EqualTo(HttpStatusCode.OK), await handOver.Content.ReadAsStringAsync());
        var order = await Eventually.GetValueAsync(async () =>
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/task-orders");
            var items = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items");
            return items.EnumerateArray().Where(o => o.GetProperty("incidentId").GetGuid() == id).Select(o => (JsonElement?)o).FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the task order");
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("Issued"));
        Assert.That(order.GetProperty("organisation").GetProperty("code").GetString(), Is.EqualTo("SF-YUNFENG"), "a neighbour dispute goes to the justice office (司法所) for mediation");
        // Instants travel in UTC; in Asia/Shanghai the deadline is the end (23:59:59) of the 5th working day.
        var due = order.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.That(due.TimeOfDay, Is.EqualTo(new TimeSpan(23, 59, 59)));
        Assert.That(order.GetProperty("workingDays").GetInt32(), Is.EqualTo(5));
    }
}
