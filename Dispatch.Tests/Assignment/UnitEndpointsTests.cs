using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Demo;
using Dispatch.Server.Geo;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Assignment;

/// <summary>The unit endpoints on the real server (SQLite, in-memory bus) with the demo units and a clock the test holds.</summary>
public sealed class UnitEndpointsTests
{
    // Whole seconds, so that times written in requests with milliseconds read back equal.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private readonly FakeTimeProvider clock = new(Start);
    private RunningServer running = null!;
    private HttpClient http = null!;
    private HttpClient responder = null!;
    private HttpClient tracker = null!;
    private IReadOnlyList<UnitSummary> demo = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        // The demo street with its areas and organisations: an operator reads the units of the organisations serving their street.
        running = await RunningServer.StartAsync(clock: clock, settings: new Dictionary<string, string>(Session.DemoSettings));

        // An operator reads units; the responder of YF-PC01 reports for that car; a tracker (API key) for any unit.
        http = await running.AsAsync("operator");
        responder = await running.AsAsync("responder");
        tracker = running.Machine();
        await DemoUnits.SeedAsync(new UnitStore(running.Database.Database), Start, CancellationToken.None);
        demo = DemoUnits.Load(Start);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        http.Dispose();
        responder.Dispose();
        tracker.Dispose();
        await running.DisposeAsync();
    }

    // AdjustTime, not SetUtcNow: only it may go back, as a clock set right does; this server runs no timer the tests rely on.
    [SetUp]
    public void ResetClock() => clock.AdjustTime(Start);

    private static string Iso(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> UnitAsync(string code) =>
        await (await http.GetAsync($"/api/units/{code}")).Content.ReadFromJsonAsync<JsonElement>();

    private Task<JsonElement> PositionAtAsync(string code, DateTimeOffset at) =>
        Eventually.GetValueAsync(async () =>
        {
            var unit = await UnitAsync(code);
            return unit.GetProperty("positionAt").GetDateTimeOffset() == at ? unit : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), $"the position of {code} at {at:O}");

    [Test]
    public async Task ReportPosition_WhenValid_Answers202AndTheConsumerStoresIt()
    {
        var at = Start.AddSeconds(10);
        var response = await responder.PostAsJsonAsync("/api/units/YF-PC01/location", new { lon = 120.2150, lat = 30.2900, at = Iso(at), accuracy = 12.5 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/api/units/YF-PC01"));
        var unit = await PositionAtAsync("YF-PC01", at);
        Assert.That(unit.GetProperty("position").GetProperty("lon").GetDouble(), Is.EqualTo(120.2150));
        Assert.That(unit.GetProperty("accuracyMetres").GetDouble(), Is.EqualTo(12.5));
        Assert.That(unit.GetProperty("kind").GetString(), Is.EqualTo("PatrolCar"));
    }

    [Test]
    public async Task ReportPosition_WhenAResponderReportsForAnotherUnit_Answers403AndStoresNothing()
    {
        using var watch = new BusWatch<UnitPositionReported>(running, r => r.UnitCode == "YF-PC04");
        var response = await responder.PostAsJsonAsync("/api/units/YF-PC04/location", new { lon = 120.2150, lat = 30.2900, at = Iso(Start.AddSeconds(15)) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(watch.Published, Is.Empty, "the endpoint publishes before it answers: nothing published, nothing to land");
        Assert.That((await UnitAsync("YF-PC04")).GetProperty("positionAt").GetDateTimeOffset(), Is.EqualTo(Start));
    }

    [Test]
    public async Task ReportPosition_InGcj02_StoresWgs84()
    {
        var at = Start.AddSeconds(20);
        // WGS-84 (120.2200, 30.2850) in GCJ-02, worked out apart from ChinaCoordinates with the published formulas
        // (as in the coordtransform library) and rounded to 1e-7 degrees (about 1 cm).
        const double gLon = 120.2245182, gLat = 30.2825643;

        var response = await tracker.PostAsJsonAsync("/api/units/XT-PC01/location", new { lon = gLon, lat = gLat, crs = "gcj02", at = Iso(at) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var position = (await PositionAtAsync("XT-PC01", at)).GetProperty("position");
        var stored = new GeoPoint(position.GetProperty("lon").GetDouble(), position.GetProperty("lat").GetDouble());
        Assert.That(GreatCircle.DistanceMetres(stored, new GeoPoint(120.2200, 30.2850)), Is.LessThan(0.1));
    }

    [Test]
    public async Task ReportPosition_WhenOlderThanTheStoredOne_IsIgnored()
    {
        var newer = Start.AddSeconds(30);
        await tracker.PostAsJsonAsync("/api/units/YF-PC02/location", new { lon = 120.2100, lat = 30.2800, at = Iso(newer) });
        await PositionAtAsync("YF-PC02", newer);

        using var watch = new BusWatch<UnitPositionReported>(running, r => r.UnitCode == "YF-PC02" && r.At == newer.AddSeconds(-5));
        var late = await tracker.PostAsJsonAsync("/api/units/YF-PC02/location", new { lon = 120.2300, lat = 30.3000, at = Iso(newer.AddSeconds(-5)) });

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await watch.ConsumedAsync(TimeSpan.FromSeconds(10)); // the consumer has finished with the late report
        var unit = await UnitAsync("YF-PC02");
        Assert.That(unit.GetProperty("positionAt").GetDateTimeOffset(), Is.EqualTo(newer));
        Assert.That(unit.GetProperty("position").GetProperty("lon").GetDouble(), Is.EqualTo(120.2100));
    }

    [TestCase("lon", """{"lon":500,"lat":30.29}""")]
    [TestCase("lat", """{"lon":120.2}""")]
    [TestCase("lat", """{"lon":120.2,"lat":"NaN"}""")]
    [TestCase("crs", """{"lon":120.2,"lat":30.29,"crs":"mars"}""")]
    [TestCase("at", """{"lon":120.2,"lat":30.29,"at":"2026-11-22 09:30"}""")]
    [TestCase("accuracy", """{"lon":120.2,"lat":30.29,"accuracy":-1}""")]
    [TestCase("speed", """{"lon":120.2,"lat":30.29,"speed":3}""")]
    public async Task ReportPosition_WhenAFieldIsBad_Answers400NamingIt(string field, string body)
    {
        var response = await tracker.PostAsync("/api/units/YF-PC03/location", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task ReportPosition_WhenAtIsBeyondTheClockSkew_Answers400()
    {
        var ahead = Start + PositionRules.MaxClockSkew + TimeSpan.FromSeconds(5);
        var withinSkew = Start + PositionRules.MaxClockSkew - TimeSpan.FromSeconds(5);

        var refused = await tracker.PostAsJsonAsync("/api/units/YF-PC03/location", new { lon = 120.21, lat = 30.28, at = Iso(ahead) });
        var taken = await tracker.PostAsJsonAsync("/api/units/XT-PC03/location", new { lon = 120.21, lat = 30.28, at = Iso(withinSkew) });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await refused.Content.ReadAsStringAsync()), Does.Contain("in the future"));
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task ReportPosition_WhenTheUnitIsUnknown_Answers404Problem()
    {
        var response = await tracker.PostAsJsonAsync("/api/units/NO-SUCH/location", new { lon = 120.21, lat = 30.28 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("NO-SUCH"));
    }

    [Test]
    public async Task List_WithFilters_ReturnsThoseUnitsWithAge()
    {
        clock.SetUtcNow(Start.AddMinutes(3));

        var cars = await http.GetFromJsonAsync<JsonElement>("/api/units?organisation=PS-XINTANG&kind=patrolcar");
        var all = await http.GetFromJsonAsync<JsonElement>("/api/units");

        Assert.That(cars.EnumerateArray().Select(u => u.GetProperty("code").GetString()), Is.EqualTo(new[] { "XT-PC01", "XT-PC02", "XT-PC03", "XT-PC04" }));
        Assert.That(all.GetArrayLength(), Is.EqualTo(demo.Count));
        var untouched = all.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "SF-T01");
        Assert.That(untouched.GetProperty("ageSeconds").GetDouble(), Is.EqualTo(180));
        Assert.That(untouched.GetProperty("stale").GetBoolean(), Is.False);
    }

    [Test]
    public async Task List_WhenKindIsUnknown_Answers400()
    {
        var response = await http.GetAsync("/api/units?kind=tank");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("PatrolCar"));
    }

    [Test]
    public async Task Get_WhenTheUnitIsUnknown_Answers404()
    {
        var response = await http.GetAsync("/api/units/NO-SUCH");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Nearest_AtAUnitsStartingPosition_RanksItFirstWithinTheLimit()
    {
        var unit = demo.Single(u => u.Code == "SJ-T01");

        var ranking = await http.GetFromJsonAsync<JsonElement>(
            $"/api/units/nearest?lon={unit.Position!.Lon}&lat={unit.Position.Lat}&organisation=SJ-YUNFENG&limit=3");

        var units = ranking.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units.Select(u => u.GetProperty("code").GetString()), Is.EqualTo(new[] { "SJ-T01" }));
        Assert.That(units[0].GetProperty("distanceMetres").GetDouble(), Is.Zero);
        Assert.That(units[0].GetProperty("etaSeconds").GetDouble(), Is.Zero);
    }

    [Test]
    public async Task Nearest_LeavesOutUnitsThatAreOffDutyOrBusy()
    {
        // YF-PC03 signs off through the route; YF-PC04 is made busy as a dispatch would, straight in the store.
        var store = new UnitStore(running.Database.Database);
        var audit = new AuditEntry(Start, "test", null, "unit.test", "unit", "YF-PC04", null, null);
        using (var signOff = await http.PostAsJsonAsync("/api/units/YF-PC03/duty", new { onDuty = false }))
        {
            Assert.That(signOff.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signOff.Content.ReadAsStringAsync());
        }

        Assert.That(await store.ChangeStatusAsync("YF-PC04", UnitStatus.Available, UnitStatus.EnRoute, audit, CancellationToken.None), Is.True);
        try
        {
            var ranking = await http.GetFromJsonAsync<JsonElement>("/api/units/nearest?lon=120.22&lat=30.29&organisation=PS-YUNFENG&limit=50");

            var codes = ranking.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
            Assert.That(codes, Does.Not.Contain("YF-PC03").And.Not.Contain("YF-PC04"));
            Assert.That(codes, Does.Contain("YF-PC02"), "an available unit of the same organisation is still ranked");
        }
        finally
        {
            await store.ChangeStatusAsync("YF-PC04", UnitStatus.EnRoute, UnitStatus.Available, audit, CancellationToken.None);
            (await http.PostAsJsonAsync("/api/units/YF-PC03/duty", new { onDuty = true })).Dispose();
        }
    }

    [Test]
    public async Task Nearest_WithALimit_AnswersThatManyInOrder()
    {
        var ranking = await http.GetFromJsonAsync<JsonElement>("/api/units/nearest?lon=120.22&lat=30.29&limit=4");

        var eta = ranking.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("etaSeconds").GetDouble()).ToList();
        Assert.That(eta, Has.Count.EqualTo(4));
        Assert.That(eta, Is.Ordered);
    }

    [Test]
    public async Task Nearest_WhenPositionsAreOld_MarksThemStale()
    {
        clock.SetUtcNow(Start.AddHours(1));

        var ranking = await http.GetFromJsonAsync<JsonElement>("/api/units/nearest?lon=120.22&lat=30.29&kind=GridMember&limit=50");

        var units = ranking.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units, Has.Count.EqualTo(demo.Count(u => u.Kind == UnitKind.GridMember)));
        Assert.That(units.Select(u => u.GetProperty("stale").GetBoolean()), Is.All.True);
    }

    [TestCase("lon=NaN&lat=30.29", "lon")]
    [TestCase("lon=120.2&lat=abc", "lat")]
    [TestCase("lon=120.2", "lat")]
    [TestCase("lon=120.2&lat=95", "lat")]
    [TestCase("lon=120.2&lat=30.29&crs=utm", "crs")]
    [TestCase("lon=120.2&lat=30.29&limit=0", "limit")]
    [TestCase("lon=120.2&lat=30.29&limit=51", "limit")]
    public async Task Nearest_WhenAParameterIsBad_Answers400NamingIt(string query, string field)
    {
        var response = await http.GetAsync("/api/units/nearest?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }
}
