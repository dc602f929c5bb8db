using Dispatch.Contracts;
using Dispatch.Server.Addresses;
using Dispatch.Server.Clock;
using Dispatch.Server.Geo;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Routing;

/// <summary>
/// Opens an incident for each 110 alert: classify → locate (by position, else by address from the register) → join a duplicate, or route → store (with its clocks,
/// in one transaction) → publish. A redelivered or resent alert opens nothing new; its incident is announced
/// again, because the first announcement may be the one that was lost (consumers of the announcements are
/// idempotent).
/// </summary>
public sealed class OpenIncidentFromAlertConsumer(
    IncidentStore incidents,
    CategoryCatalogue catalogue,
    ClassifierSettings classifier,
    RoutingOptions options,
    JurisdictionIndex jurisdictions,
    AddressRegister addresses,
    AddressOptions addressOptions,
    ResponsibleLookup responsible,
    ClockStarter clocks,
    TimeProvider clock,
    DispatchMetrics metrics,
    ILogger<OpenIncidentFromAlertConsumer> logger) : IConsumer<AlertReceived>
{
    public async Task Consume(ConsumeContext<AlertReceived> context)
    {
        var alert = context.Message;
        var now = clock.GetUtcNow();
        var stored = new StoredAlert(alert.AlertId, alert.ReceivedAt, alert.CategoryCode, alert.Description,
            alert.Address, alert.Location, alert.CallerPhone, alert.Source, now);
        var classification = Classifier.Classify(alert.CategoryCode, alert.Description, catalogue.Current, classifier.Threshold);
        var located = AddressLocator.Decide(alert.Location, alert.Address, addresses.Current, addressOptions);

        if (classification is { NeedsTriage: false, Category: { } category } && located.Location is { } location)
        {
            var nearby = await incidents.DuplicateCandidatesAsync(category.Code,
                alert.ReceivedAt - options.DuplicateWindow, alert.ReceivedAt + options.DuplicateWindow, location, options.DuplicateRadiusMetres, context.CancellationToken);
            if (IncidentRouter.FindDuplicate(location, alert.ReceivedAt, nearby, options.DuplicateRadiusMetres, options.DuplicateWindow) is { } same)
            {
                var joined = await incidents.JoinAsync(same.Id, alert.IncidentId, stored, context.CancellationToken);
                logger.LogInformation("Alert {AlertId} joined incident {IncidentId} ({AlertCount} callers)", alert.AlertId, joined.Incident.Id, joined.Incident.AlertCount);
                await context.Publish(new IncidentUpdated(joined.Incident, "alert-joined"), context.CancellationToken);
                return;
            }
        }

        var where = located.Location is { } at ? jurisdictions.Locate(at.Lon, at.Lat) : null;
        var routed = IncidentRouter.WithReason(IncidentRouter.Route(classification, located.Location, where, responsible), located.Reason);
        var incident = new IncidentSummary(
            alert.IncidentId, alert.ReceivedAt, now, routed.Status, classification.Kind,
            classification.Category?.Code ?? alert.CategoryCode, classification.Category?.NameZh,
            alert.Description, alert.Address, located.Location, AlertCount: 1,
            classification.Category?.Priority, where, routed.Decision, IncidentSource.Alert, AddressMatch: located.Match);

        var started = clocks.Decide(incident, now);
        var outcome = await incidents.OpenFromAlertAsync(incident, stored, clocks.InTransaction(started, now), context.CancellationToken);
        if (!outcome.Opened)
        {
            logger.LogInformation("Alert {AlertId} was already stored under incident {IncidentId}; announcing it again", alert.AlertId, outcome.Incident.Id);
            await (outcome.Incident.Id == alert.IncidentId
                ? context.Publish(new IncidentOpened(outcome.Incident, await clocks.ViewsAsync(outcome.Incident.Id, context.CancellationToken)), context.CancellationToken)
                : context.Publish(new IncidentUpdated(outcome.Incident, "alert-joined"), context.CancellationToken));
            return;
        }

        metrics.IncidentOpened(incident.Kind.ToString());
        if (context.SentTime is { } sent)
        {
            metrics.StageDuration("route", now - new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)));
        }

        logger.LogInformation("Incident {IncidentId} opened from alert {AlertId}: {Outcome} to {Organisation} ({Reasons})",
            incident.Id, alert.AlertId, routed.Decision.Outcome, routed.Decision.Organisation?.Code, string.Join("; ", routed.Decision.Reasons));
        await context.Publish(new IncidentOpened(incident, [.. started.Select(c => c.ToView())]), context.CancellationToken);
    }
}
