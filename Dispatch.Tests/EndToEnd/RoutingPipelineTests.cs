using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Demo;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Alerts and grid events through the whole pipeline on the demo street (seeded at start): each ends at the
/// right organisation, joins a duplicate, or waits in triage with its reasons; corrections move it on.
/// </summary>
[NonParallelizable]
public sealed class RoutingPipelineTests
{
    private const string Grid = "330102007001001";
    private RunningServer running = null!;
    private HttpClient http = null!;
    private HttpClient platform = null!;
    private GeoPoint inGrid = null!;
    private JurisdictionIndex index = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // Routing's own outcomes: auto-dispatch would move urgent police incidents on to InProgress meanwhile.
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });

        // The demo street's operator reads, triages and corrects; the 110 platform and grid app post with the API key.
        http = await running.AsAsync("operator");
        platform = running.Machine();
        index = running.App.Services.GetRequiredService<JurisdictionIndex>();
        inGrid = index.PointInside(AreaLevel.Grid, Grid)!;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        platform.Dispose();
        http.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task PoliceAlert_GoesToThePrecinctsStationWithItsJurisdiction()
    {
        // The grid straddles the precinct line, so the expected station is read from the demo data, not worked out
        // by the server's own lookup: in infra/geo/precincts.geojson the line through the grid runs from
        // (120.21714, 30.30225) to (120.21772, 30.30781), and this point lies about 150 m west of it, in 云峰派出所;
        // the grid's own west edge passes x = 120.2142 at this latitude.
        var westOfTheLine = new GeoPoint(120.2160, 30.3060);
        var incident = await SendAlertAsync(category: "theft", "报警人称停放在楼下的电动车被盗", westOfTheLine);

        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Open"));
        Assert.That(Organisation(incident), Is.EqualTo("PS-YUNFENG"), "police work goes to the precinct's station");
        Assert.That(incident.GetProperty("jurisdiction").GetProperty("grid").GetProperty("code").GetString(), Is.EqualTo(Grid));
        Assert.That(incident.GetProperty("jurisdiction").GetProperty("community").GetProperty("code").GetString(), Is.EqualTo("330102007001"));
    }

    [Test]
    public async Task UncodedAlert_IsClassifiedFromItsWordsAndGoesToTheStreetsDepartment()
    {
        var incident = await SendAlertAsync(category: null, "小区门口有商贩占道经营，堵住了人行道", index.PointInside(AreaLevel.Grid, "330102007002001")!);

        Assert.That(incident.GetProperty("categoryCode").GetString(), Is.EqualTo("street-vending"));
        Assert.That(Organisation(incident), Is.EqualTo("CG-YUNFENG"));
    }

    [Test]
    public async Task UnclearAlert_WaitsInTriageWithItsReasons()
    {
        // A text that hints at nothing. (A caller who hung up before saying what happened is no longer this case: the
        // model gives the life-threatening categories 0.26 together for it, so it rings as urgent triage.)
        var incident = await SendAlertAsync(category: null, "有个事情想反映一下，具体的我也说不好", inGrid);

        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        var triage = await http.GetFromJsonAsync<JsonElement>("/api/triage?pageSize=200");
        var waiting = triage.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == incident.GetProperty("id").GetGuid());
        Assert.That(waiting.GetProperty("routing").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("category is unclear"));
    }

    [Test]
    public async Task AlertWithoutLocation_WaitsInTriageSayingSo()
    {
        var incident = await SendAlertAsync(category: "theft", "手机被偷了", location: null);

        Assert.That(incident.GetProperty("routing").GetProperty("reasons").EnumerateArray().Last().GetString(), Does.Contain("no location"));
    }

    [Test]
    public async Task SecondCallerNearbySoonAfter_JoinsTheFirstIncident()
    {
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var place = index.PointInside(AreaLevel.Grid, "330102007003001")!;
        var first = await SendAlertAsync("fight", "饭店门口两名男子互殴", place);
        var firstId = first.GetProperty("id").GetGuid();
        var updated = screen.WaitForCallAsync("IncidentUpdated", i => i.GetProperty("id").GetGuid() == firstId, TimeSpan.FromSeconds(10));

        var secondId = "110-dup-" + Guid.NewGuid().ToString("N")[..8];
        await PostAlertAsync(secondId, "fight", "又有人报警说饭店门口有人打架", new GeoPoint(place.Lon + 0.0003, place.Lat));

        var joined = await updated;
        Assert.That(joined.GetProperty("alertCount").GetInt32(), Is.EqualTo(2));
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{IncidentReference.ForAlert(secondId)}");
        Assert.That(detail.GetProperty("incident").GetProperty("id").GetGuid(), Is.EqualTo(firstId), "the second caller's reference leads to the incident it joined");
        Assert.That(detail.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("description").GetString()),
            Is.EqualTo(new[] { "饭店门口两名男子互殴", "又有人报警说饭店门口有人打架" }));
    }

    [Test]
    public async Task ReclassifyThenReturn_MovesTheIncidentAndAuditsBoth()
    {
        // Another grid, far from the other tests' thefts, so that it does not join one of them.
        var incident = await SendAlertAsync(category: "theft", "店里的货被偷了", index.PointInside(AreaLevel.Grid, "330102007005002")!);
        var id = incident.GetProperty("id").GetGuid();

        var reclassified = await http.PostAsJsonAsync($"/api/incidents/{id}/reclassify", new { categoryCode = "market-complaint", reason = "实为商家短斤缺两" });

        // The market regulator it now goes to hands it back.
        using var regulator = await SignInNewAsync(Roles.DepartmentHandler, "SJ-YUNFENG");
        var returned = await regulator.PostAsJsonAsync($"/api/incidents/{id}/return", new { reason = "不属于本所职责" });
        var noReason = await regulator.PostAsJsonAsync($"/api/incidents/{id}/return", new { reason = " " });

        Assert.That(reclassified.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Organisation(await reclassified.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("SJ-YUNFENG"));
        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        // The response clock's steps share the timeline; this test is about the incident's own.
        Assert.That(detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).Where(a => a!.StartsWith("incident.", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "incident.opened", "incident.reclassified", "incident.returned" }));
    }

    [Test]
    public async Task Return_ByAHandlerOfAnotherOrganisation_Answers403AndLeavesTheIncident()
    {
        var incident = await SendAlertAsync(category: "theft", "停在楼道里的自行车被偷", index.PointInside(AreaLevel.Grid, "330102007004003")!);
        var id = incident.GetProperty("id").GetGuid();
        var station = Organisation(incident);
        Assert.That(station, Does.StartWith("PS-"), "police work goes to a station, not to the demo handler's CG-YUNFENG");
        using var urbanManagement = await running.AsAsync("handler");

        var refused = await urbanManagement.PostAsJsonAsync($"/api/incidents/{id}/return", new { reason = "不是我们的" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await refused.Content.ReadAsStringAsync());
        var after = await IncidentAsync(id);
        Assert.That((after.GetProperty("status").GetString(), Organisation(after)), Is.EqualTo(("Open", station)));
    }

    [Test]
    public async Task OperatorOfAnotherStreet_DoesNotFindTheIncidentNorSeeItInTheLists()
    {
        var incident = await SendAlertAsync(category: null, "门口有人叫我", index.PointInside(AreaLevel.Grid, "330102007002005")!);
        var id = incident.GetProperty("id").GetGuid();
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        using var elsewhere = await SignInNewAsync(Roles.Operator, "330102008");

        var detail = await elsewhere.GetAsync($"/api/incidents/{id}");
        var list = await elsewhere.GetFromJsonAsync<JsonElement>("/api/incidents?pageSize=200");
        var triage = await elsewhere.GetFromJsonAsync<JsonElement>("/api/triage?pageSize=200");

        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Ids(list), Does.Not.Contain(id));
        Assert.That(Ids(triage), Does.Not.Contain(id));

        // The street's own operator does see it there, so the lists above are not empty by accident.
        Assert.That(Ids(await http.GetFromJsonAsync<JsonElement>("/api/incidents?pageSize=200")), Does.Contain(id));
        Assert.That(Ids(await http.GetFromJsonAsync<JsonElement>("/api/triage?pageSize=200")), Does.Contain(id));
    }

    [Test]
    public async Task TriagedIncident_RoutedByHand_OpensForThatOrganisation()
    {
        var incident = await SendAlertAsync(category: "theft", "手机在地铁上被偷", location: null);
        var id = incident.GetProperty("id").GetGuid();

        var unknown = await http.PostAsJsonAsync($"/api/incidents/{id}/route", new { organisationCode = "NOPE", reason = "x" });
        var routed = await http.PostAsJsonAsync($"/api/incidents/{id}/route", new { organisationCode = "PS-XINTANG", reason = "报警人到新塘派出所报案" });

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var after = await routed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((after.GetProperty("status").GetString(), Organisation(after)), Is.EqualTo(("Open", "PS-XINTANG")));
    }

    [TestCase("minor", "Closed", "SQ-YUNFENG")]
    [TestCase("major", "Open", "SQ-YUNFENG")]
    [TestCase("complex", "Open", "CG-YUNFENG")]
    public async Task GridEvent_IsRoutedByItsTier(string tier, string status, string organisation)
    {
        var eventId = "GE-" + Guid.NewGuid().ToString("N")[..10];

        var response = await platform.PostAsJsonAsync("/api/intake/grid-events", new
        {
            eventId, reportedAt = DateTimeOffset.UtcNow.ToString("O"), reporter = "WG-" + Grid, categoryCode = "street-vending",
            description = "小区门口流动摊贩占道经营", gridCode = Grid, tier,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = await IncidentAsync(IncidentReference.ForGridEvent(eventId));
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo(status));
        Assert.That(Organisation(incident), Is.EqualTo(organisation));
        Assert.That(incident.GetProperty("jurisdiction").GetProperty("grid").GetProperty("code").GetString(), Is.EqualTo(Grid), "placed by its grid code");
    }

    [Test]
    public async Task SmokeAlarmReportedAsMinor_IsNotClosedButGoesToTheFireService()
    {
        var eventId = "GE-" + Guid.NewGuid().ToString("N")[..10];
        await platform.PostAsJsonAsync("/api/intake/grid-events", new
        {
            eventId, reportedAt = DateTimeOffset.UtcNow.ToString("O"), reporter = "SENSOR-SMOKE-0001", reporterKind = "sensor", categoryCode = "fire",
            description = "独立烟感报警：楼道烟雾浓度超标", gridCode = "330102007004001", tier = "minor",
        });

        var incident = await IncidentAsync(IncidentReference.ForGridEvent(eventId));

        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Open"));
        Assert.That(Organisation(incident), Is.EqualTo("XF-YUNFENG"));
    }

    [Test]
    public async Task ClosedIncident_CannotBeReclassified()
    {
        var eventId = "GE-" + Guid.NewGuid().ToString("N")[..10];
        await platform.PostAsJsonAsync("/api/intake/grid-events", new
        {
            eventId, reportedAt = DateTimeOffset.UtcNow.ToString("O"), reporter = "WG-" + Grid, categoryCode = "exposed-rubbish",
            description = "垃圾桶满溢，已清理", gridCode = Grid, tier = "minor",
        });
        var id = (await IncidentAsync(IncidentReference.ForGridEvent(eventId))).GetProperty("id").GetGuid();

        var response = await http.PostAsJsonAsync($"/api/incidents/{id}/reclassify", new { categoryCode = "noise", reason = "试一下" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Closed"));
    }

    [Test]
    public async Task MixedDemoStream_EndsRoutedOrInTriageWithReasons()
    {
        var now = DateTimeOffset.UtcNow;
        var alerts = new DemoAlertGenerator(new Random(7), "mix" + Guid.NewGuid().ToString("N")[..4]).Generate(40, now);
        var events = new DemoGridEventGenerator(new Random(7), "mix" + Guid.NewGuid().ToString("N")[..4]).Generate(40, now);
        var references = new List<Guid>();
        foreach (var alert in alerts)
        {
            Assert.That((await platform.PostAsJsonAsync("/api/intake/alerts", alert)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            references.Add(IncidentReference.ForAlert(alert.AlertId!));
        }

        foreach (var gridEvent in events)
        {
            Assert.That((await platform.PostAsJsonAsync("/api/intake/grid-events", gridEvent)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            references.Add(IncidentReference.ForGridEvent(gridEvent.EventId!));
        }

        // One call in ten comes from the neighbouring streets, outside the street operator's scope: the
        // district's supervisor sees them all.
        using var supervisor = await running.AsAsync("supervisor");
        var incidents = new List<JsonElement>();
        foreach (var reference in references)
        {
            incidents.Add(await IncidentAsync(reference, supervisor));
        }

        var routed = incidents.Count(i => i.GetProperty("routing").GetProperty("outcome").GetString() == "Routed");
        Assert.That(incidents.Where(i => i.GetProperty("routing").GetProperty("outcome").GetString() == "Routed"),
            Is.All.Matches<JsonElement>(i => i.GetProperty("routing").GetProperty("organisation").ValueKind == JsonValueKind.Object));
        Assert.That(incidents.Where(i => i.GetProperty("status").GetString() == "NeedsTriage"),
            Is.All.Matches<JsonElement>(i => i.GetProperty("routing").GetProperty("reasons").GetArrayLength() > 0));
        var triaged = incidents.Where(i => i.GetProperty("status").GetString() == "NeedsTriage")
            .Select(i => i.GetProperty("description").GetString() + " ⇒ " + i.GetProperty("routing").GetProperty("reasons").EnumerateArray().Last().GetString());
        Assert.That(routed, Is.GreaterThanOrEqualTo(incidents.Count * 3 / 4), $"{routed} of {incidents.Count} routed; in triage:\n" + string.Join("\n", triaged));
    }

    private static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    /// <summary>A new person with this role and scope, made as an admin would, signed in.</summary>
    private async Task<HttpClient> SignInNewAsync(string role, string scope)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        await running.App.Services.GetRequiredService<AccountService>()
            .CreateAsync(userName, userName, role, scope, Session.DemoPassword, "test", CancellationToken.None);
        return await Session.SignInAsync(running.Address, userName);
    }

    private static string? Organisation(JsonElement incident) =>
        incident.GetProperty("routing").GetProperty("organisation") is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("code").GetString() : null;

    [Test]
    public async Task AlertWithOnlyAnAddress_IsLocatedFromTheRegisterAndRoutedThere()
    {
        var incident = await SendAlertAsync("fight", "两名男子在楼道里打架", location: null, address: "杭州市上城区兴隆花园十二幢三单元801室");

        var match = incident.GetProperty("addressMatch");
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Open"));
        Assert.That(match.GetProperty("used").GetBoolean(), Is.True);
        Assert.That(match.GetProperty("best").GetProperty("addressId").GetString(), Is.EqualTo("YF-C16-B12-U3"));
        Assert.That(match.GetProperty("best").GetProperty("score").GetDouble(), Is.GreaterThanOrEqualTo(0.8));
        Assert.That(incident.GetProperty("jurisdiction").GetProperty("community").GetProperty("code").GetString(), Is.EqualTo("330102007004"));
        Assert.That(incident.GetProperty("routing").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("located by its address"));
    }

    [Test]
    public async Task AlertWithAnUnsureAddress_WaitsInTriageUntilTheOperatorPicksOne()
    {
        var incident = await SendAlertAsync("theft", "电动车被偷", location: null, address: "兴隆花园99幢");
        var id = incident.GetProperty("id").GetGuid();
        var best = incident.GetProperty("addressMatch").GetProperty("best");

        var unknown = await http.PostAsJsonAsync($"/api/incidents/{id}/address", new { addressId = "NO-SUCH", reason = "按地址库选定" });
        var picked = await http.PostAsJsonAsync($"/api/incidents/{id}/address", new { addressId = best.GetProperty("addressId").GetString(), reason = "按地址库选定" });

        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        Assert.That(best.GetProperty("addressId").GetString(), Is.EqualTo("YF-C16"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(picked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await picked.Content.ReadAsStringAsync());
        var after = await picked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("Open"));
        Assert.That(after.GetProperty("addressMatch").GetProperty("used").GetBoolean(), Is.True);
        Assert.That(after.GetProperty("jurisdiction").GetProperty("community").GetProperty("code").GetString(), Is.EqualTo("330102007004"));
        Assert.That(Organisation(after), Is.Not.Null);
    }

    [Test]
    public async Task AlertWithALocationFarFromItsAddress_KeepsTheLocationAndSaysHowFar()
    {
        var place = index.PointInside(AreaLevel.Grid, "330102007006001")!;

        var incident = await SendAlertAsync("street-vending", "商贩占道经营", place, address: "兴隆花园12幢");

        Assert.That(incident.GetProperty("location").GetProperty("lon").GetDouble(), Is.EqualTo(place.Lon));
        Assert.That(incident.GetProperty("addressMatch").GetProperty("used").GetBoolean(), Is.False);
        Assert.That(incident.GetProperty("addressMatch").GetProperty("distanceFromGivenMetres").GetDouble(), Is.GreaterThan(500));
        Assert.That(incident.GetProperty("routing").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("the location is used"));
    }

    [Test]
    public async Task GridEventWithOnlyAnAddress_IsLocatedFromTheRegister()
    {
        var eventId = "GE-" + Guid.NewGuid().ToString("N")[..10];
        var response = await platform.PostAsJsonAsync("/api/intake/grid-events", new
        {
            eventId, reportedAt = DateTimeOffset.UtcNow.ToString("O"), reporter = "WG-330102007004001", categoryCode = "street-vending",
            description = "小区门口流动摊贩占道经营", address = "龙兴公寓5栋2单元门口", tier = "major",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var incident = await IncidentAsync(IncidentReference.ForGridEvent(eventId));
        Assert.That(incident.GetProperty("addressMatch").GetProperty("best").GetProperty("addressId").GetString(), Is.EqualTo("YF-C17-B05-U2"));
        Assert.That(incident.GetProperty("jurisdiction").GetProperty("community").GetProperty("code").GetString(), Is.EqualTo("330102007004"));
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Open"));
    }

    private async Task<JsonElement> SendAlertAsync(string? category, string description, GeoPoint? location, string? address = null)
    {
        var alertId = "110-route-" + Guid.NewGuid().ToString("N")[..8];
        await PostAlertAsync(alertId, category, description, location, address);
        return await IncidentAsync(IncidentReference.ForAlert(alertId));
    }

    private async Task PostAlertAsync(string alertId, string? category, string description, GeoPoint? location, string? address = null)
    {
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description, address,
            location = location is null ? null : new { lon = location.Lon, lat = location.Lat },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> IncidentAsync(Guid reference, HttpClient? reader = null)
    {
        var detail = await Eventually.GetValueAsync(async () =>
        {
            var r = await (reader ?? http).GetAsync($"/api/incidents/{reference}");
            return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), $"incident {reference}");
        return detail.GetProperty("incident");
    }
}
