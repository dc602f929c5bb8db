namespace Dispatch.Server.Operations.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public static IResult Scrape(PrometheusExporter exporter) =>
        TypedResults.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8");
}
