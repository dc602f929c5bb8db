using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Server.Operations;

/// <summary>The state of one dependency, as <c>/readyz</c> reports it.</summary>
public sealed record ReadinessCheck(string Name, string Status, string? Detail);

/// <summary><c>/readyz</c>: ready, with each dependency's state.</summary>
public sealed record Readiness(string Status, string Node, IReadOnlyList<ReadinessCheck> Checks);

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Alive: the process answers HTTP. Says nothing of the database or bus on purpose.</summary>
    public static IResult Alive() => TypedResults.Ok(new { status = "alive" });

    /// <summary>
    /// Ready: database and bus reachable; otherwise 503 naming what is not. A degraded check (e.g. the calendar
    /// counting Monday–Friday for a year without a notice) still answers 200: the node works, and says how.
    /// </summary>
    public static async Task<IResult> Ready(HealthCheckService health, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var checks = report.Entries
            .Select(e => new ReadinessCheck(Rename(e.Key), e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message))
            .ToList();
        var node = LoggingSetup.NodeName(configuration);
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(new Readiness("ready", node, checks));
        }

        var failing = checks.Where(c => c.Status == nameof(HealthStatus.Unhealthy)).ToList();
        return TypedResults.Problem(
            title: "未就绪 / Not ready",
            detail: "Not ready: " + string.Join("; ", failing.Select(c => $"{c.Name} is {c.Status.ToLowerInvariant()} ({c.Detail})")),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["node"] = node, ["checks"] = checks });
    }

    // MassTransit names its check after the bus; operators look for "bus".
    private static string Rename(string key) => key.StartsWith("masstransit", StringComparison.OrdinalIgnoreCase) ? "bus" : key;
}
