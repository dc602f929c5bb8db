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
        var http = running.Http;
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var opened = screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == IncidentReference.ForAlert("110-metrics-1"), TimeSpan.FromSeconds(10));

        await http.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-metrics-1", receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft", description = "电动车被盗" });
        await http.PostAsync("/api/intake/alerts", new StringContent("""{"alertId":"x"}""", Encoding.UTF8, "application/json"));
        await opened;

        var text = await Eventually.GetAsync(async () =>
        {
            var body = await http.GetStringAsync("/metrics");
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

        var response = await running.Http.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Where(l => !l.StartsWith('#')), Is.All.Match(SampleLine()));
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
