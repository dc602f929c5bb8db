using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Routing;

/// <summary>
/// Opens an incident for each 110 alert: classify → store → publish <see cref="IncidentOpened"/>.
/// A redelivered or resent alert opens nothing new; its incident is announced again, because the first
/// announcement may be the one that was lost (consumers of <see cref="IncidentOpened"/> are idempotent).
/// </summary>
public sealed class OpenIncidentFromAlertConsumer(
    IncidentStore incidents,
    CategoryCatalogue catalogue,
    TimeProvider clock,
    DispatchMetrics metrics,
    ILogger<OpenIncidentFromAlertConsumer> logger) : IConsumer<AlertReceived>
{
    public async Task Consume(ConsumeContext<AlertReceived> context)
    {
        var alert = context.Message;
        var decision = IncidentClassifier.Classify(alert.CategoryCode, catalogue);
        var now = clock.GetUtcNow();
        var incident = new IncidentSummary(
            alert.IncidentId, alert.ReceivedAt, now, decision.Status, decision.Kind,
            decision.Category?.Code ?? alert.CategoryCode, decision.Category?.NameZh,
            alert.Description, alert.Address, alert.Location, AlertCount: 1);
        var stored = new StoredAlert(alert.AlertId, alert.ReceivedAt, alert.CategoryCode, alert.Description,
            alert.Address, alert.Location, alert.CallerPhone, alert.Source, now);

        var outcome = await incidents.OpenFromAlertAsync(incident, stored, context.CancellationToken);
        if (outcome.Opened)
        {
            metrics.IncidentOpened(decision.Kind.ToString());
            if (context.SentTime is { } sent)
            {
                metrics.StageDuration("route", now - new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)));
            }

            logger.LogInformation("Incident {IncidentId} opened from alert {AlertId}: {Kind}, {Status} ({Reason})",
                incident.Id, alert.AlertId, decision.Kind, decision.Status, decision.Reason);
        }
        else
        {
            logger.LogInformation("Alert {AlertId} was already stored under incident {IncidentId}; announcing it again",
                alert.AlertId, outcome.Incident.Id);
        }

        await context.Publish(new IncidentOpened(outcome.Incident), context.CancellationToken);
    }
}
