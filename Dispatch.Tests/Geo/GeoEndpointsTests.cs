using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Geo;
using Dispatch.Tests.Support;
using static Dispatch.Tests.Geo.GeoJsonAreaReaderTests;

namespace Dispatch.Tests.Geo;

/// <summary>The geo API on a real server: import, then locate without a restart.</summary>
[NonParallelizable]
public sealed class GeoEndpointsTests
{
    private RunningServer server = null!;
    private HttpClient admin = null!;
    private HttpClient person = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = await RunningServer.StartAsync();

        // Areas are imported by an admin; any signed-in person locates a point (here an operator).
        admin = await server.AsAsync("admin");
        person = await server.AsAsync("operator");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        person.Dispose();
        await server.DisposeAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(string query, string body, string contentType = "application/geo+json") =>
        admin.PostAsync("/api/geo/areas/import?" + query, new StringContent(body, Encoding.UTF8, contentType));

    [Test]
    public async Task ImportThenLocate_AnswersWithoutRestart()
    {
        var body = Collection(Feature("S-EP-1", "东坡街道", "Polygon", $"[{Square(120.10, 30.20, 0.05)}]"));

        var import = await ImportAsync("level=street&codeProp=code&nameProp=name", body);
        var locate = await person.GetAsync("/api/geo/locate?lon=120.12&lat=30.22");

        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());
        var json = await locate.Content.ReadAsStringAsync();
        Assert.That(json, Does.Contain("\"street\":{\"code\":\"S-EP-1\",\"name\":\"东坡街道\"}"));
        Assert.That(json, Does.Contain("\"district\":null"));
        Assert.That(json, Does.Contain("\"onBoundary\":false"));
        var report = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(report.GetProperty("level").GetString(), Is.EqualTo("street"));
    }

    [Test]
    public async Task Areas_AfterAnImport_DrawsThatLevelAsGeoJsonWithALabelInside()
    {
        var body = Collection(Feature("C-MAP-1", "地图社区", "Polygon", $"[{Square(121.30, 31.10, 0.02)}]"));
        var import = await ImportAsync("level=community&codeProp=code&nameProp=name", body);
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());

        var answer = await person.GetAsync("/api/geo/areas?level=community");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/geo+json"));
        var features = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray().ToList();
        var feature = features.Single(f => f.GetProperty("id").GetString() == "C-MAP-1");
        Assert.That(feature.GetProperty("properties").GetProperty("name").GetString(), Is.EqualTo("地图社区"));
        Assert.That(feature.GetProperty("properties").GetProperty("level").GetString(), Is.EqualTo("community"));
        Assert.That(feature.GetProperty("geometry").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
        var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.That(ring.GetArrayLength(), Is.EqualTo(5), "a closed square");
        var label = feature.GetProperty("properties").GetProperty("label");
        Assert.That(label[0].GetDouble(), Is.InRange(121.30, 121.32));
        Assert.That(label[1].GetDouble(), Is.InRange(31.10, 31.12));
        Assert.That(features.All(f => f.GetProperty("properties").GetProperty("level").GetString() == "community"), "only the level asked for");
    }

    [Test]
    public async Task Areas_WhenTheLevelIsUnknown_Answers400NamingIt()
    {
        var answer = await person.GetAsync("/api/geo/areas?level=grid,ward");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("ward"));
    }

    [Test]
    public async Task Map_WithNoTilesConfigured_SaysPlainBackground()
    {
        var settings = await person.GetFromJsonAsync<JsonElement>("/api/geo/map");

        Assert.That(settings.GetProperty("tileUrl").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(settings.GetProperty("tileCrs").GetString(), Is.EqualTo("wgs84"));
    }

    // WGS-84 (120.3001, 30.3001) in GCJ-02 and BD-09, worked out apart from ChinaCoordinates with the published
    // formulas (as in the coordtransform library) and rounded to 1e-7 degrees (about 1 cm).
    [TestCase("gcj02", 120.3045929, 30.2976943)]
    [TestCase("bd09", 120.3111835, 30.3033444)]
    public async Task Locate_WhenThePointIsGcj02OrBd09_ConvertsItFirst(string crs, double lon, double lat)
    {
        // A 20 m cell: the ~500 m GCJ-02 shift lands far outside it unless the server converts.
        await ImportAsync("level=grid&codeProp=code&nameProp=name", Collection(Feature("G-TINY", "小网格", "Polygon", $"[{Square(120.3000, 30.3000, 0.0002)}]")));

        var converted = await person.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/geo/locate?lon={lon:R}&lat={lat:R}&crs={crs}"));
        var unconverted = await person.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/geo/locate?lon={lon:R}&lat={lat:R}"));

        Assert.That(converted.GetProperty("grid").GetProperty("code").GetString(), Is.EqualTo("G-TINY"));
        Assert.That(unconverted.GetProperty("grid").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("lat=30", "lon", "required")]
    [TestCase("lon=120", "lat", "required")]
    [TestCase("lon=NaN&lat=30", "lon", "not a number")]
    [TestCase("lon=120&lat=Infinity", "lat", "not a number")]
    [TestCase("lon=abc&lat=30", "lon", "not a number")]
    [TestCase("lon=181&lat=30", "lon", "out of range")]
    [TestCase("lon=120&lat=-90.5", "lat", "out of range")]
    [TestCase("lon=120&lat=30&crs=cgcs2000", "crs", "not one of wgs84, gcj02, bd09")]
    public async Task Locate_WhenAQueryParameterIsBad_Answers400NamingIt(string query, string field, string message)
    {
        var response = await person.GetAsync("/api/geo/locate?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
    }

    [Test]
    public async Task Import_WhenFeaturesAreInvalid_Answers400PerFeatureAndWritesNothing()
    {
        var body = Collection(
            Feature("G-BAD-OK", "好", "Polygon", $"[{Square(121.0, 31.0, 0.01)}]"),
            Feature("G-BAD-1", "坏", "Polygon", "[[[121.1,31.1],[121.2,31.2],[121.2,31.1],[121.1,31.2],[121.1,31.1]]]"));

        var response = await ImportAsync("level=grid&codeProp=code&nameProp=name", body);
        var located = await person.GetFromJsonAsync<JsonElement>("/api/geo/locate?lon=121.005&lat=31.005");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("features[1]")[0].GetString(), Does.Contain("(G-BAD-1) invalid geometry: Self-intersection"));
        Assert.That(located.GetProperty("grid").ValueKind, Is.EqualTo(JsonValueKind.Null), "nothing may be written");
    }

    [TestCase("codeProp=code&nameProp=name", "level")]
    [TestCase("level=ward&codeProp=code&nameProp=name", "level")]
    [TestCase("level=grid&nameProp=name", "codeProp")]
    [TestCase("level=grid&codeProp=code", "nameProp")]
    [TestCase("level=grid&codeProp=code&nameProp=name&crs=bd09", "crs")]
    [TestCase("level=precinct&codeProp=code&nameProp=name&parentProp=street", "parentProp")]
    public async Task Import_WhenAnOptionIsBad_Answers400NamingIt(string query, string field)
    {
        var response = await ImportAsync(query, Collection());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Import_WhenTheBodyIsNotAFeatureCollection_Answers400()
    {
        var response = await ImportAsync("level=grid&codeProp=code&nameProp=name", """{"type":"Feature"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("not a GeoJSON FeatureCollection"));
    }

    [Test]
    public async Task Import_WhenTheBodyIsOver20MB_Answers413()
    {
        // Expect: 100-continue, as curl sends for large bodies: the server refuses on Content-Length alone,
        // before the client has sent the 20 MB (otherwise the refusal races the upload and breaks the pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geo/areas/import?level=grid&codeProp=code&nameProp=name")
        {
            Content = new StringContent(new string(' ', (int)GeoEndpoints.MaxImportBytes + 1), Encoding.UTF8, "application/geo+json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }
}
