using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Dispatch.Server.Intake;
using Dispatch.Server.Operations.Metrics;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Operations;

public sealed partial class MetricsEndpointTests
{
    [Test]
    public async Task Metrics_AfterAnAlertAndARejection_CountsThemAndTimesThePipeline()
    {
        await using var running = await RunningServer.StartAsync();
        using var intake = running.Machine();
        using var supervisor = await running.AsAsync("supervisor");
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var opened = screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == IncidentReference.ForAlert("110-metrics-1"), TimeSpan.FromSeconds(10));

        await intake.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-metrics-1", receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft", description = "电动车被盗" });
        await intake.PostAsync("/api/intake/alerts", new StringContent("""{"alertId":"x"}""", Encoding.UTF8, "application/json"));
        await opened;

        var text = await Eventually.GetAsync(async () =>
        {
            var body = await supervisor.GetStringAsync("/metrics");
            return body.Contains("stage=\"screen\"", StringComparison.Ordinal) ? body : null;
        }, TimeSpan.FromSeconds(5), "the screen push to be timed");

        Assert.That(Value(text, "dispatch_alerts_received_total{source=\"http\"}"), Is.EqualTo(1));
        Assert.That(Value(text, "dispatch_alerts_rejected_total{source=\"http\"}"), Is.EqualTo(1));
        Assert.That(Value(text, "dispatch_incidents_opened_total{kind=\"Police\"}"), Is.EqualTo(1));
        Assert.That(Value(text, "dispatch_pipeline_stage_duration_count{stage=\"route\"}"), Is.EqualTo(1));
        Assert.That(Value(text, "dispatch_pipeline_stage_duration_bucket{stage=\"route\",le=\"+Inf\"}"), Is.EqualTo(1));
        Assert.That(text, Does.Contain("# TYPE dispatch_pipeline_stage_duration histogram"));
        Assert.That(Value(text, "signalr_server_active_connections"), Is.GreaterThanOrEqualTo(1), "the hub client is connected");
    }

    [Test]
    public async Task Metrics_IsPrometheusText()
    {
        await using var running = await RunningServer.StartAsync();
        using var admin = await running.AsAsync("admin");

        var response = await admin.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Where(l => !l.StartsWith('#')), Is.All.Match(SampleLine()));
    }

    [Test]
    public async Task Metrics_WhenAnonymousOrAnOperator_IsRefusedButTheConfiguredBearerTokenGetsIn()
    {
        const string Token = "metrics-token-for-the-test-scraper";
        await using var running = await RunningServer.StartAsync(settings: new Dictionary<string, string> { ["Operations:MetricsToken"] = Token });
        using var operatorOnDuty = await running.AsAsync("operator");

        using var anonymous = await running.Http.GetAsync("/metrics");
        using var wrongToken = await SendWithBearerAsync(running.Http, Token + "x");
        using var byOperator = await operatorOnDuty.GetAsync("/metrics");
        using var scraper = await SendWithBearerAsync(running.Http, Token);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrongToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(byOperator.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(scraper.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await scraper.Content.ReadAsStringAsync(), Does.Contain("# TYPE"));
    }

    private static async Task<HttpResponseMessage> SendWithBearerAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request);
    }

    [TestCase("dispatch.alerts.received", "dispatch_alerts_received")]
    [TestCase("9lives", "_9lives")]
    [TestCase("a-b c", "a_b_c")]
    public void SanitiseName_MakesValidPrometheusNames(string name, string expected) =>
        Assert.That(PrometheusExporter.SanitiseName(name), Is.EqualTo(expected));

    [Test]
    public void Escape_EscapesQuotesBackslashesAndNewlines() =>
        Assert.That(PrometheusExporter.Escape("a\"b\\c\nd"), Is.EqualTo("a\\\"b\\\\c\\nd"));

    /// <summary>The value of the first sample whose series (name and labels) starts with <paramref name="series"/>.</summary>
    private static double Value(string text, string series)
    {
        var open = series.IndexOf('{', StringComparison.Ordinal);
        var line = text.Split('\n').FirstOrDefault(l => open < 0
            ? l.StartsWith(series + " ", StringComparison.Ordinal) || l.StartsWith(series + "{", StringComparison.Ordinal)
            : l.StartsWith(series[..^1], StringComparison.Ordinal) && l.Contains(series[open..^1].TrimStart('{') + "}", StringComparison.Ordinal) || l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, $"no sample {series} in:\n{text}");
        return double.Parse(line![(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.eE+\-]+$|^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? \+Inf$")]
    private static partial Regex SampleLine();
}
