using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Intake;

/// <summary>The HTTP intake as the 110 platform meets it, on the real server (SQLite, in-memory bus).</summary>
public sealed class AlertIntakeEndpointTests
{
    private RunningServer running = null!;
    private TestDatabase db = null!;
    private HttpClient intake = null!;
    private HttpClient http = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        running = await RunningServer.StartAsync();
        db = running.Database;

        // The 110 platform posts with its API key; an operator reads the incidents it opens.
        intake = running.Machine();
        http = await running.AsAsync("operator");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        intake.Dispose();
        http.Dispose();
        await running.DisposeAsync();
    }

    private static object Alert(string alertId, string? description = "报警人称其电动车被盗") => new
    {
        alertId,
        receivedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
        categoryCode = "theft",
        description,
        address = "杭州市上城区彭埠街道云峰家园3幢",
        location = new { lon = 120.2, lat = 30.28, crs = "wgs84" },
        callerPhone = "13800000000",
    };

    [Test]
    public async Task Post_WhenValid_Answers202WithTheReferenceAndOpensTheIncident()
    {
        var response = await intake.PostAsJsonAsync("/api/intake/alerts", Alert("110-http-1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var accepted = await response.Content.ReadFromJsonAsync<AlertAccepted>();
        Assert.That(accepted!.IncidentId, Is.EqualTo(IncidentReference.ForAlert("110-http-1")));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/incidents/{accepted.IncidentId}"));
        var detail = await Eventually.GetValueAsync(async () =>
        {
            var r = await http.GetAsync(response.Headers.Location);
            return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), "the incident");
        Assert.That(detail.GetProperty("incident").GetProperty("kind").GetString(), Is.EqualTo("Police"));
        // Personal data: masked in every view; the full number is read, audited, from /caller-phones.
        Assert.That(detail.GetProperty("alerts")[0].GetProperty("callerPhone").GetString(), Is.EqualTo("138****0000"));
        Assert.That(detail.GetProperty("timeline")[0].GetProperty("action").GetString(), Is.EqualTo("incident.opened"));
    }

    [Test]
    public async Task Post_WhenTheSameAlertIdComesAgain_AnswersTheSameReferenceAndOpensNothingNew()
    {
        var first = await (await intake.PostAsJsonAsync("/api/intake/alerts", Alert("110-http-dup"))).Content.ReadFromJsonAsync<AlertAccepted>();
        await Eventually.GetAsync(async () => (await http.GetAsync($"/api/incidents/{first!.IncidentId}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the first incident");

        using var watch = new BusWatch<AlertReceived>(running, a => a.AlertId == "110-http-dup" && a.Description == "再次报警");
        var second = await intake.PostAsJsonAsync("/api/intake/alerts", Alert("110-http-dup", "再次报警"));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await second.Content.ReadFromJsonAsync<AlertAccepted>())!.IncidentId, Is.EqualTo(first!.IncidentId));
        await watch.ConsumedAsync(TimeSpan.FromSeconds(10)); // the consumer has finished with the repeat: whatever it wrote is written
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id = '110-http-dup'"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync<string>($"SELECT description FROM incidents WHERE id = '{first.IncidentId}'"), Is.EqualTo("报警人称其电动车被盗"));
    }

    [TestCase("alertId", """{"alertId":"","receivedAt":"2026-11-22T10:00:00Z","description":"x"}""")]
    [TestCase("receivedAt", """{"alertId":"a","receivedAt":"22/11/2026","description":"x"}""")]
    [TestCase("description", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z"}""")]
    [TestCase("location.lat", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z","description":"x","location":{"lon":120,"lat":"north"}}""")]
    [TestCase("location.lon", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z","description":"x","location":{"lon":500,"lat":30}}""")]
    [TestCase("location.crs", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z","description":"x","location":{"lon":120,"lat":30,"crs":"bd09x"}}""")]
    [TestCase("callerPhone", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z","description":"x","callerPhone":"<script>"}""")]
    [TestCase("callerphone2", """{"alertId":"a","receivedAt":"2026-11-22T10:00:00Z","description":"x","callerphone2":"1"}""")]
    [TestCase("alertId", """{"alertId":12,"receivedAt":"2026-11-22T10:00:00Z","description":"x"}""")]
    public async Task Post_WhenAFieldIsBad_Answers400NamingIt(string field, string body)
    {
        var response = await PostRaw(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(field.Split('.')[^1]));
    }

    [TestCase("{")]
    [TestCase("[1,2]")]
    [TestCase("null")]
    [TestCase("")]
    public async Task Post_WhenTheBodyIsNotAnAlertObject_Answers400(string body)
    {
        var response = await PostRaw(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Post_WhenTheBodyIsTooLarge_Answers413()
    {
        var response = await PostRaw(JsonSerializer.Serialize(Alert("110-big", new string('长', 40_000))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("KiB"));
    }

    [Test]
    public async Task Post_WhenTheBodyIsTooLargeWithoutContentLength_Answers413()
    {
        var json = JsonSerializer.Serialize(Alert("110-big-chunked", new string('长', 40_000)));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/alerts") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await intake.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Post_WhenNotJson_Answers415()
    {
        var response = await intake.PostAsync("/api/intake/alerts", new StringContent("alertId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Post_WhenRejected_StoresNothing()
    {
        var before = await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts");
        using var watch = new BusWatch<AlertReceived>(running, a => a.AlertId == "110-rejected");

        await PostRaw("""{"alertId":"110-rejected","receivedAt":"2026-11-22T10:00:00","description":"x"}""");

        // The endpoint publishes before it answers: nothing published by now means nothing will be stored.
        Assert.That(watch.Published, Is.Empty);
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts"), Is.EqualTo(before));
    }

    [TestCase("?status=Bogus", "status")]
    [TestCase("?page=0", "page")]
    [TestCase("?pageSize=1000", "pageSize")]
    [TestCase("?from=notatime", "from")]
    [TestCase("?from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "to")]
    public async Task List_WhenAQueryParameterIsBad_Answers400NamingIt(string query, string field)
    {
        var response = await http.GetAsync("/api/incidents" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), Is.True);
    }

    [Test]
    public async Task Get_WhenTheIncidentDoesNotExist_Answers404Problem()
    {
        var response = await http.GetAsync($"/api/incidents/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    private Task<HttpResponseMessage> PostRaw(string body) =>
        intake.PostAsync("/api/intake/alerts", new StringContent(body, Encoding.UTF8, "application/json"));
}
