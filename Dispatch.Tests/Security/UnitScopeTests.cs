using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>
/// Unit reads, duty changes and unit pushes follow the same scope as incidents: 云峰's operator sees and signs on or
/// off 云峰's units only; the second street's unit does not exist for them (404), as its incidents do not. And a
/// position report from far outside the unit's street is refused.
/// </summary>
[NonParallelizable]
public sealed class UnitScopeTests
{
    private const string DemoUnit = "YF-PC01";

    private RunningServer running = null!;
    private HttpClient admin = null!;
    private HttpClient operatorOnDuty = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        admin = await running.AsAsync("admin");
        operatorOnDuty = await running.AsAsync("operator");
        await SecondStreet.CreateAsync(running, admin);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        operatorOnDuty.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task UnitList_ShowsOnlyTheUnitsServingTheOperatorsStreet()
    {
        var mine = await CodesAsync(operatorOnDuty, "/api/units");
        var theirs = await CodesAsync(await running.AsAsync("operator2"), "/api/units");
        var all = await CodesAsync(admin, "/api/units");

        Assert.That(mine, Does.Contain(DemoUnit).And.Not.Contain(SecondStreet.Unit));
        Assert.That(theirs, Is.EqualTo(new[] { SecondStreet.Unit }));
        Assert.That(all, Does.Contain(DemoUnit).And.Contain(SecondStreet.Unit));
    }

    [Test]
    public async Task UnitDetail_OfAnotherStreet_IsNotFound()
    {
        using var other = await operatorOnDuty.GetAsync($"/api/units/{SecondStreet.Unit}");
        using var own = await operatorOnDuty.GetAsync($"/api/units/{DemoUnit}");

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task NearestUnits_RanksOnlyUnitsInScope()
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/units/nearest?lon={SecondStreet.Lon}&lat={SecondStreet.Lat}&limit=50");
        var ranked = await operatorOnDuty.GetFromJsonAsync<JsonElement>(path);
        var byAdmin = await admin.GetFromJsonAsync<JsonElement>(path);

        Assert.That(Codes(ranked.GetProperty("units")), Does.Not.Contain(SecondStreet.Unit));
        Assert.That(Codes(byAdmin.GetProperty("units")).First(), Is.EqualTo(SecondStreet.Unit));
    }

    [Test]
    public async Task DutyChange_OfAnotherStreetsUnit_IsNotFoundAndChangesNothing()
    {
        using var refused = await operatorOnDuty.PostAsJsonAsync($"/api/units/{SecondStreet.Unit}/duty", new { onDuty = false });
        var unit = await admin.GetFromJsonAsync<JsonElement>($"/api/units/{SecondStreet.Unit}");
        using var own = await operatorOnDuty.PostAsJsonAsync($"/api/units/{DemoUnit}/duty", new { onDuty = true });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unit.GetProperty("status").GetString(), Is.Not.EqualTo("OffDuty"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task UnitPushes_ReachOnlyTheScreensOfTheUnitsStreet()
    {
        await using var screen = await running.ConnectHubAsync("operator");
        await screen.InvokeAsync("WatchIncidents");
        await using var everything = await running.ConnectHubAsync("admin");
        await everything.InvokeAsync("WatchIncidents");

        // The other street's change first, seen through to the admin's screen; then one of 云峰's, which the operator waits for.
        await TouchAsync(SecondStreet.Unit, "测试二街道城管1号", "CG-SECOND", "LinkageSquad");
        await everything.WaitForCallAsync("UnitChanged", u => u.GetProperty("code").GetString() == SecondStreet.Unit, TimeSpan.FromSeconds(20));
        await TouchAsync(DemoUnit, "云峰派出所巡逻车1号", "PS-YUNFENG", "PatrolCar");

        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var (target, argument) in screen.CallsAsync(timeout.Token))
        {
            if (target == "UnitChanged")
            {
                seen.Add(argument.GetProperty("code").GetString()!);
                if (seen[^1] == DemoUnit)
                {
                    break;
                }
            }
        }

        Assert.That(seen, Does.Contain(DemoUnit).And.Not.Contain(SecondStreet.Unit));
    }

    [Test]
    public async Task PositionReport_FarOutsideTheUnitsStreet_Is400SayingSoAndMovesNothing()
    {
        using var machine = running.Machine();
        using var shanghai = await machine.PostAsJsonAsync($"/api/units/{SecondStreet.Unit}/location", new { lon = 121.4737, lat = 31.2304 });
        using var otherStreet = await machine.PostAsJsonAsync($"/api/units/{DemoUnit}/location", new { lon = SecondStreet.Lon, lat = SecondStreet.Lat });
        var unit = await admin.GetFromJsonAsync<JsonElement>($"/api/units/{SecondStreet.Unit}");

        Assert.That(shanghai.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shanghai.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await shanghai.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("lon")[0].GetString(), Does.Contain("km outside the areas").And.Contain(SecondStreet.Organisation));
        Assert.That(otherStreet.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unit.GetProperty("position").GetProperty("lon").GetDouble(), Is.LessThan(121), "the refused report moved nothing");
    }

    [Test]
    public async Task PositionReport_JustOutsideTheUnitsStreet_IsTakenWithinTheMargin()
    {
        // About 1 km east of the street's edge: a unit crosses its street's edge on a call.
        using var machine = running.Machine();
        using var response = await machine.PostAsJsonAsync($"/api/units/{SecondStreet.Unit}/location",
            new { lon = SecondStreet.East + 0.0104, lat = SecondStreet.Lat });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private async Task TouchAsync(string code, string name, string organisation, string kind)
    {
        using var response = await admin.PutAsJsonAsync($"/api/units/{code}", new { code, name, organisation, kind });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string path) =>
        Codes(await client.GetFromJsonAsync<JsonElement>(path));

    private static List<string> Codes(JsonElement units) =>
        units.EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
}
