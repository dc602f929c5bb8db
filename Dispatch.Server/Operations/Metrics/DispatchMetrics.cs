using System.Diagnostics.Metrics;

namespace Dispatch.Server.Operations.Metrics;

/// <summary>
/// Dispatch's own instruments (meter <c>Dispatch</c>), created through <see cref="IMeterFactory"/> so that
/// each server in a test process counts only its own work.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "Dispatch";

    private readonly Counter<long> alertsReceived;
    private readonly Counter<long> alertsRejected;
    private readonly Counter<long> gridEventsReceived;
    private readonly Counter<long> gridEventsRejected;
    private readonly Counter<long> incidentsOpened;
    private readonly Histogram<double> stageDuration;
    private readonly Counter<long> clocksWarned;
    private readonly Counter<long> clocksBreached;
    private readonly Counter<long> clocksMet;
    private readonly Histogram<double> clockLateness;

    public DispatchMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        alertsReceived = Meter.CreateCounter<long>("dispatch.alerts.received", "{alert}", "Alerts accepted by intake and put on the bus.");
        alertsRejected = Meter.CreateCounter<long>("dispatch.alerts.rejected", "{alert}", "Alerts refused by intake as invalid.");
        gridEventsReceived = Meter.CreateCounter<long>("dispatch.grid_events.received", "{event}", "Grid events accepted by intake and put on the bus.");
        gridEventsRejected = Meter.CreateCounter<long>("dispatch.grid_events.rejected", "{event}", "Grid events refused by intake as invalid.");
        incidentsOpened = Meter.CreateCounter<long>("dispatch.incidents.opened", "{incident}", "Incidents opened (not counting redeliveries).");
        stageDuration = Meter.CreateHistogram<double>("dispatch.pipeline.stage.duration", "s",
            "Time a message spent between two pipeline stages: route = intake to stored incident, screen = stored incident to push.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        clocksWarned = Meter.CreateCounter<long>("dispatch.clocks.warned", "{clock}", "Response clocks that reached their warning point, by kind.");
        clocksBreached = Meter.CreateCounter<long>("dispatch.clocks.breached", "{clock}", "Response clocks that fell due unmet, by kind and whether the breach fired late.");
        clocksMet = Meter.CreateCounter<long>("dispatch.clocks.met", "{clock}", "Response clocks met in time, by kind.");
        clockLateness = Meter.CreateHistogram<double>("dispatch.clocks.firing.lateness", "s",
            "Time between a clock's warning or due point and the sweeper firing it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30, 300] });
    }

    public Meter Meter { get; }

    public void AlertReceived(string source) => alertsReceived.Add(1, new KeyValuePair<string, object?>("source", source));

    public void AlertRejected(string source) => alertsRejected.Add(1, new KeyValuePair<string, object?>("source", source));

    public void GridEventReceived(string source) => gridEventsReceived.Add(1, new KeyValuePair<string, object?>("source", source));

    public void GridEventRejected(string source) => gridEventsRejected.Add(1, new KeyValuePair<string, object?>("source", source));

    public void IncidentOpened(string kind) => incidentsOpened.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void StageDuration(string stage, TimeSpan duration) =>
        stageDuration.Record(Math.Max(0, duration.TotalSeconds), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>The sweeper fired a clock: a warning, or a breach (late when the server was down at its due time).</summary>
    public void ClockFired(string kind, bool breached, bool late, TimeSpan lateness)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        if (breached)
        {
            clocksBreached.Add(1, kindTag, new KeyValuePair<string, object?>("late", late));
        }
        else
        {
            clocksWarned.Add(1, kindTag);
        }

        clockLateness.Record(Math.Max(0, lateness.TotalSeconds), kindTag);
    }

    public void ClockMet(string kind) => clocksMet.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
