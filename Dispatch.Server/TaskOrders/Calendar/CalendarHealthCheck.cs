using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>
/// Degraded, not unhealthy, when this year (or from 1 December the next) has no notice: the node still works,
/// counting Monday–Friday, and <c>/readyz</c> stays 200 with the reason in its checks.
/// </summary>
public sealed class CalendarHealthCheck(CalendarProvider provider, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Current.StatusOn(WorkingCalendar.Today(clock));
        return Task.FromResult(status.FallbackYears.Count == 0
            ? HealthCheckResult.Healthy(status.Message)
            : HealthCheckResult.Degraded(status.Message));
    }
}
