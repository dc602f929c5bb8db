using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Intake;

/// <summary>The grid event intake as the grid app meets it, on the real server (SQLite, in-memory bus).</summary>
public sealed class GridEventIntakeEndpointTests
{
    private RunningServer running = null!;
    private HttpClient intake = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        running = await RunningServer.StartAsync();

        // The grid app posts with its API key.
        intake = running.Machine();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        intake.Dispose();
        await running.DisposeAsync();
    }

    private static object GridEvent(string eventId, string description = "云峰路路口流动摊贩占道经营") => new
    {
        eventId,
        reportedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
        reporter = "WG-330102007001001",
        reporterKind = "gridMember",
        categoryCode = "street-vending",
        description,
        gridCode = "330102007001001",
        photoUrls = new[] { "https://photos.example.invalid/grid/2026/11/22/x.jpg" },
        tier = "minor",
    };

    [Test]
    public async Task Post_WhenValid_Answers202WithTheReference()
    {
        var response = await intake.PostAsJsonAsync("/api/intake/grid-events", GridEvent("GE-http-1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<GridEventAccepted>();
        Assert.That(accepted, Is.EqualTo(new GridEventAccepted(IncidentReference.ForGridEvent("GE-http-1"), "GE-http-1")));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/incidents/{accepted!.IncidentId}"));
    }

    [Test]
    public async Task Post_WhenTheSameEventIdComesAgain_AnswersTheSameReference()
    {
        var first = await (await intake.PostAsJsonAsync("/api/intake/grid-events", GridEvent("GE-dup"))).Content.ReadFromJsonAsync<GridEventAccepted>();
        var second = await (await intake.PostAsJsonAsync("/api/intake/grid-events", GridEvent("GE-dup", "再次上报"))).Content.ReadFromJsonAsync<GridEventAccepted>();

        Assert.That(second!.IncidentId, Is.EqualTo(first!.IncidentId));
    }

    [TestCase("eventId", """{"reportedAt":"2026-11-22T10:00:00Z","reporter":"r","description":"x","gridCode":"1","tier":"minor"}""")]
    [TestCase("tier", """{"eventId":"e","reportedAt":"2026-11-22T10:00:00Z","reporter":"r","description":"x","gridCode":"1","tier":"big"}""")]
    [TestCase("location", """{"eventId":"e","reportedAt":"2026-11-22T10:00:00Z","reporter":"r","description":"x","tier":"minor"}""")]
    [TestCase("photoUrls[0]", """{"eventId":"e","reportedAt":"2026-11-22T10:00:00Z","reporter":"r","description":"x","gridCode":"1","tier":"minor","photoUrls":["file:///etc/passwd"]}""")]
    [TestCase("photo", """{"eventId":"e","reportedAt":"2026-11-22T10:00:00Z","reporter":"r","description":"x","gridCode":"1","tier":"minor","photo":"x"}""")]
    public async Task Post_WhenAFieldIsBad_Answers400NamingIt(string field, string body)
    {
        var response = await PostRaw(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Post_WhenTheBodyIsTooLarge_Answers413()
    {
        var response = await PostRaw(JsonSerializer.Serialize(GridEvent("GE-big", new string('长', 40_000))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Post_WhenNotJson_Answers415()
    {
        var response = await intake.PostAsync("/api/intake/grid-events", new StringContent("eventId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Metrics_AfterAcceptedAndRejectedEvents_CountBoth()
    {
        await intake.PostAsJsonAsync("/api/intake/grid-events", GridEvent("GE-metrics"));
        await PostRaw("""{"eventId":"GE-metrics-bad"}""");

        using var supervisor = await running.AsAsync("supervisor");
        var text = await supervisor.GetStringAsync("/metrics");

        Assert.That(text, Does.Match("""dispatch_grid_events_received_total\{source="http"\} [1-9]"""));
        Assert.That(text, Does.Match("""dispatch_grid_events_rejected_total\{source="http"\} [1-9]"""));
    }

    private Task<HttpResponseMessage> PostRaw(string body) =>
        intake.PostAsync("/api/intake/grid-events", new StringContent(body, Encoding.UTF8, "application/json"));
}
