using Dispatch.Contracts;
using Dispatch.Server.Addresses;
using Dispatch.Server.Clock;
using Dispatch.Server.Geo;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Routing;

/// <summary>
/// Opens an incident for each grid event: classify → locate (by position, else by address, else inside the named grid) → route by
/// tier → store (with its clocks, in one transaction) → publish. A redelivered event opens nothing new and is
/// announced again.
/// </summary>
public sealed class OpenIncidentFromGridEventConsumer(
    IncidentStore incidents,
    CategoryCatalogue catalogue,
    ClassifierSettings classifier,
    JurisdictionIndex jurisdictions,
    AddressRegister addresses,
    AddressOptions addressOptions,
    ResponsibleLookup responsible,
    ClockStarter clocks,
    TimeProvider clock,
    DispatchMetrics metrics,
    ILogger<OpenIncidentFromGridEventConsumer> logger) : IConsumer<GridEventReported>
{
    public async Task Consume(ConsumeContext<GridEventReported> context)
    {
        var report = context.Message;
        var now = clock.GetUtcNow();
        var classification = Classifier.Classify(report.CategoryCode, report.Description, catalogue.Current, classifier.Threshold);

        // A grid member may write an address or name the grid instead of sending a position: a sure address match is
        // more precise than the grid, and a point inside the grid places the event when the address does not.
        var located = AddressLocator.Decide(report.Location, report.Address, addresses.Current, addressOptions);
        var location = located.Location ?? (report.GridCode is { } grid ? jurisdictions.PointInside(AreaLevel.Grid, grid) : null);
        var where = location is null ? null : jurisdictions.Locate(location.Lon, location.Lat);
        var routed = IncidentRouter.WithReason(
            IncidentRouter.RouteGridEvent(report.Tier, report.Reporter, classification, location, where, responsible), located.Reason);
        var incident = new IncidentSummary(
            report.IncidentId, report.ReportedAt, now, routed.Status, classification.Kind,
            classification.Category?.Code ?? report.CategoryCode, classification.Category?.NameZh,
            report.Description, report.Address, location, AlertCount: 1,
            classification.Category?.Priority, where, routed.Decision, IncidentSource.GridEvent, report.Tier, located.Match);
        var stored = new StoredGridEvent(report.EventId, report.ReportedAt, report.Reporter, report.ReporterKind, report.Tier,
            report.CategoryCode, report.Description, report.Location, report.GridCode, report.PhotoUrls, now);

        var started = clocks.Decide(incident, now);
        var outcome = await incidents.OpenFromGridEventAsync(incident, stored, clocks.InTransaction(started, now), context.CancellationToken);
        if (outcome.Opened)
        {
            metrics.IncidentOpened(incident.Kind.ToString());
            logger.LogInformation("Incident {IncidentId} opened from grid event {EventId} ({Tier}): {Outcome} to {Organisation}",
                incident.Id, report.EventId, report.Tier, routed.Decision.Outcome, routed.Decision.Organisation?.Code);
        }

        var views = outcome.Opened
            ? [.. started.Select(c => c.ToView())]
            : await clocks.ViewsAsync(outcome.Incident.Id, context.CancellationToken);
        await context.Publish(new IncidentOpened(outcome.Incident, views), context.CancellationToken);
    }
}
