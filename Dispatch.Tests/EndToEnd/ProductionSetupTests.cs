using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The production setup end to end: PostgreSQL, RabbitMQ, the server as its own process in the Production
/// environment with no demo settings, so nothing is seeded. The test installs it as an installer would — the first
/// admin and the 110 platform's key with the CLI on the database, then areas, organisations, units and people
/// through the CLI and the API — and then runs the routing pipeline and one dispatch from alert to closing.
/// </summary>
[NonParallelizable]
public sealed class ProductionSetupTests
{
    private const string OperatorPassword = "install-operator-secret-1";
    private const string ResponderPassword = "install-responder-secret-1";

    [Test]
    public async Task InstalledByTheCliAndApi_RoutesAlertsAndDispatchesFromAlertToClosing()
    {
        await using var install = await ProductionInstall.OnNewDatabaseAsync();
        var db = install.Db;

        // 1-2. The schema, the first admin and the 110 platform's key with the CLI on the database; then the server in
        // Production on PostgreSQL and RabbitMQ, with nothing but its connections configured.
        await install.StartServerAsync();
        var server = install.Server;
        Assert.That(await db.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM areas) + (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM organisations)"),
            Is.Zero, "Production seeds no demo street");
        Assert.That(await db.ScalarAsync<long>("SELECT COUNT(*) FROM users"), Is.EqualTo(1), "Production creates no demo accounts: only the CLI's admin");

        // 3. Through the server, as the admin: the jurisdiction layers, the organisations, the units.
        await install.ImportReferenceDataAsync();

        // 4. The people: the street's duty operator, and the responder of patrol car YF-PC01.
        await install.AddUserAsync("duty-zhang", "Operator", "330102007", "值班 张三", OperatorPassword);
        await install.AddUserAsync("yf-wang", "Responder", "YF-PC01", "民警 王五", ResponderPassword);

        using var operatorClient = await Session.SignInAsync(server.Address, "duty-zhang", OperatorPassword);
        using var responder = await Session.SignInAsync(server.Address, "yf-wang", ResponderPassword);
        using var platform = Session.WithApiKey(server.Address, install.PlatformKey);

        // The operator's screen shares the operator's session: logins are rate-limited per address (10 a minute), and
        // the installer's seven commands above each signed in once.
        await using var screen = await HubTestClient.ConnectAsync(server.Address, "/hubs/command", operatorClient.DefaultRequestHeaders.GetValues("Cookie").Single());
        await screen.InvokeAsync("WatchIncidents");
        var seen = Collect(screen);

        // The car comes on shift and its phone reports where it is (its starting point in units.json).
        var car = (Lon: 120.209533, Lat: 30.279369);
        Assert.That((await responder.PostAsJsonAsync("/api/units/YF-PC01/location", new { lon = car.Lon, lat = car.Lat })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Eventually.GetAsync(async () => (await operatorClient.GetFromJsonAsync<JsonElement>("/api/units/YF-PC01")).GetProperty("position").ValueKind == JsonValueKind.Object ? "" : null,
            TimeSpan.FromSeconds(10), "the car's position to be stored");
        var located = await operatorClient.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/geo/locate?lon={car.Lon}&lat={car.Lat}"));
        var precinct = located.GetProperty("precinct").GetProperty("code").GetString();

        // 5. The 110 platform posts three alerts: police work, a street matter, and one nobody can place.
        var police = await PostAlertAsync(platform, "gambling", "有人在出租屋内聚众赌博", car.Lon, car.Lat);
        var vending = await PostAlertAsync(platform, "street-vending", "小区门口有商贩占道经营", 120.223932, 30.306781);
        var unclear = await PostAlertAsync(platform, null, "有个事情想反映一下，具体的我也说不好", 120.235865, 30.283618);

        var policeIncident = await IncidentAsync(operatorClient, police);
        Assert.That((policeIncident.GetProperty("status").GetString(), Organisation(policeIncident)), Is.EqualTo(("Open", precinct)),
            "police work goes to the station of the precinct the place is in");
        Assert.That(precinct, Is.EqualTo("PS-YUNFENG"));
        var vendingIncident = await IncidentAsync(operatorClient, vending);
        Assert.That((vendingIncident.GetProperty("status").GetString(), Organisation(vendingIncident)), Is.EqualTo(("Open", "CG-YUNFENG")), "street vending goes to 城管");
        var unclearIncident = await IncidentAsync(operatorClient, unclear);
        Assert.That(unclearIncident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        Assert.That(unclearIncident.GetProperty("routing").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("category is unclear"));
        await Eventually.GetAsync(() => Task.FromResult(seen.Any(c => c.Target == "IncidentOpened" && Id(c.Argument) == police) ? "" : null),
            TimeSpan.FromSeconds(10), "the police incident on the operator's screen");

        // 6. The operator dispatches the recommended car; its responder acknowledges, drives, arrives and resolves.
        var recommended = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{police}/recommendations");
        Assert.That(recommended.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetProperty("code").GetString()), Is.EqualTo(new[] { "YF-PC01" }),
            "the only unit that has reported a position");
        var dispatched = await operatorClient.PostAsJsonAsync($"/api/incidents/{police}/dispatch", new { units = new[] { new { code = "YF-PC01", role = "primary" } } });
        Assert.That(dispatched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatched.Content.ReadAsStringAsync());

        var mine = await responder.GetFromJsonAsync<JsonElement>("/api/assignments/mine");
        var assignment = mine.EnumerateArray().Single().GetProperty("assignment");
        Assert.That(assignment.GetProperty("incidentId").GetGuid(), Is.EqualTo(police));
        var assignmentId = assignment.GetProperty("id").GetGuid();
        foreach (var step in new[] { "acknowledge", "en-route", "on-scene" })
        {
            var answer = await responder.PostAsync($"/api/assignments/{assignmentId}/{step}", null);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{step}: {await answer.Content.ReadAsStringAsync()}");
        }

        var resolved = await responder.PostAsJsonAsync($"/api/incidents/{police}/resolve", new { result = "现场查获赌具，人员已带回所里处理" });
        Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolved.Content.ReadAsStringAsync());

        // 7. The operator's screen followed it all without a refresh: every step of the car, then the incident closing.
        await Eventually.GetAsync(() => Task.FromResult(seen.Any(c => c.Target == "IncidentUpdated" && Id(c.Argument) == police
            && c.Argument.GetProperty("status").GetString() == "Closed") ? "" : null), TimeSpan.FromSeconds(10), "the incident closing on the operator's screen");
        var steps = seen.Where(c => c.Target == "AssignmentChanged" && c.Argument.GetProperty("id").GetGuid() == assignmentId)
            .Select(c => c.Argument.GetProperty("state").GetString()).Distinct().ToList();
        Assert.That(steps, Is.SupersetOf(new[] { "Dispatched", "Acknowledged", "EnRoute", "OnScene" }), string.Join(", ", steps));
        var unit = await operatorClient.GetFromJsonAsync<JsonElement>("/api/units/YF-PC01");
        Assert.That(unit.GetProperty("status").GetString(), Is.EqualTo("Available"), "the car is free again");

        // Every installer step is in the audit log under the one who did it.
        await using var connection = await db.OpenAsync();
        var actors = (await Dapper.SqlMapper.QueryAsync<(string Action, string Actor)>(connection,
            "SELECT action AS Action, actor AS Actor FROM audit_log WHERE action IN ('user.created', 'unit.updated', 'organisation.updated')")).ToList();
        Assert.That(actors.Where(a => a.Action == "user.created").Select(a => a.Actor.StartsWith("cli:", StringComparison.Ordinal)), Is.EqualTo(new[] { true, true, true }));
        Assert.That(actors.Where(a => a.Action == "unit.updated").Select(a => a.Actor), Is.EqualTo(Enumerable.Repeat("admin-li", 24)));
        Assert.That(actors.Where(a => a.Action == "organisation.updated").Select(a => a.Actor), Is.EqualTo(Enumerable.Repeat("admin-li", 24)));
    }

    private static async Task<Guid> PostAlertAsync(HttpClient platform, string? category, string description, double lon, double lat)
    {
        var alertId = "110-install-" + Guid.NewGuid().ToString("N")[..8];
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description, location = new { lon, lat },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return IncidentReference.ForAlert(alertId);
    }

    private static async Task<JsonElement> IncidentAsync(HttpClient reader, Guid id)
    {
        var detail = await Eventually.GetValueAsync(async () =>
        {
            var r = await reader.GetAsync($"/api/incidents/{id}");
            return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(15), $"incident {id}");
        return detail.GetProperty("incident");
    }

    private static string? Organisation(JsonElement incident) =>
        incident.GetProperty("routing").GetProperty("organisation") is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("code").GetString() : null;

    private static Guid Id(JsonElement incident) => incident.GetProperty("id").GetGuid();

    /// <summary>Everything the server pushes to the screen, in a list the test can look through at any time.</summary>
    private static ConcurrentQueue<(string Target, JsonElement Argument)> Collect(HubTestClient screen)
    {
        var seen = new ConcurrentQueue<(string, JsonElement)>();
        _ = Task.Run(async () =>
        {
            await foreach (var call in screen.CallsAsync(CancellationToken.None))
            {
                seen.Enqueue(call);
            }
        });
        return seen;
    }
}
