using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Incidents;
using Dispatch.Server.Intake;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Metrics;
using Dispatch.Server.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// The live demo feed (<c>Demo:Feed</c>): every 20–40 s (<c>Demo:FeedIntervalSeconds</c>) an invented 110 alert or
/// grid event of the demo street goes on the bus exactly as intake would put it there (a fresh alert number each
/// time), so routing, duplicate merging, auto-dispatch and the clocks all run for real. The feed then dispatches a
/// share of its incidents itself, leaves the rest to the operator for a while, and <see cref="ResponderSimulator"/>
/// plays the responders. At most <c>Demo:FeedMaxOpen</c> of its incidents are open at once. Refused in Production.
/// Time comes from the injected <see cref="TimeProvider"/> only, so a test moves it with a fake clock.
/// </summary>
public sealed class DemoFeed(
    IOptions<DemoFeedOptions> options, IServiceScopeFactory scopes, IBus bus, IncidentStore incidents,
    AssignmentStore assignments, ResponderSimulator responders, CategoryCatalogue catalogue, DispatchMetrics metrics, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<DemoFeed> logger) : BackgroundService
{
    /// <summary>The channel intake metrics and validation record for the feed's arrivals.</summary>
    public const string Source = "demo";

    private readonly Dictionary<Guid, Followed> followed = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Outside Development and Demo the server does not start with Demo:Feed set (see DemoSetup).
        if (!settings.Feed)
        {
            return;
        }

        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        await ParkHumanUnitAsync(stoppingToken);
        var seed = settings.FeedSeed ?? Random.Shared.Next();
        var random = new Random(seed);
        var runId = DemoAlertGenerator.NewRunId();
        var alerts = new DemoAlertGenerator(random, runId, catalogue);
        var gridEvents = new DemoGridEventGenerator(random, runId);
        var nextArrival = clock.GetUtcNow() + DemoFeedRules.FirstArrival;
        logger.LogWarning(
            "Demo feed on (Demo:Feed; never in production): an arrival every {IntervalSeconds} s on average, seed {Seed}, run {RunId}, at most {MaxOpen} open incidents",
            settings.FeedIntervalSeconds, seed, runId, settings.FeedMaxOpen);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                await using var scope = scopes.CreateAsyncScope();
                var hands = scope.ServiceProvider.GetRequiredService<DemoHands>();
                var open = await FollowAsync(hands, random, now, stoppingToken);
                if (now >= nextArrival)
                {
                    if (DemoFeedRules.MayAdd(open, settings.FeedMaxOpen))
                    {
                        await ArriveAsync(random.NextDouble() < settings.FeedGridEventShare, alerts, gridEvents, random, now, stoppingToken);
                    }

                    nextArrival = now + DemoFeedRules.NextGap(settings.Interval, random.NextDouble());
                }

                await responders.RunAsync(hands, random, now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The bus or the database is away for a moment: the demo pauses, the host carries on.
                logger.LogError(ex, "Demo feed pass failed; trying again in {TickMs} ms", settings.FeedTickMs);
            }

            try
            {
                await Task.Delay(settings.Tick, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The responder account's unit waits off duty until a person signs on from the phone page: on duty with nobody
    /// holding the phone, auto-dispatch would give it work nobody answers, and its clocks would stay red for good.
    /// A unit with work in hand (after a restart) is left as it is.
    /// </summary>
    private async Task ParkHumanUnitAsync(CancellationToken cancellationToken)
    {
        var code = ResponderSimulator.HumanUnit;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var parked = await scope.ServiceProvider.GetRequiredService<DemoHands>().Duty
                .HandleAsync(code, onDuty: false, ResponderSimulator.FeedActing, cancellationToken);
            if (parked is { Refused: null, Unit.Status: UnitStatus.OffDuty })
            {
                logger.LogInformation("Demo feed: unit {UnitCode} is off duty until its responder signs on", code);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Demo feed could not sign unit {UnitCode} off duty; it stays as it was", code);
        }
    }

    /// <summary>Publishing needs the bus, which starts after the hosted services: the feed waits for the whole app.</summary>
    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Expected: either the app started or it is stopping.
        }

        return !stoppingToken.IsCancellationRequested;
    }

    private async Task ArriveAsync(
        bool gridEvent, DemoAlertGenerator alerts, DemoGridEventGenerator gridEvents, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Guid? reference;
        if (gridEvent)
        {
            var validation = GridEventValidator.Validate(gridEvents.Next(now), now, Source);
            reference = await PublishAsync(validation.Message, validation.Errors, "grid event", m => (m.EventId, m.IncidentId), cancellationToken);
            if (reference is not null)
            {
                metrics.GridEventReceived(Source);
            }
        }
        else
        {
            var validation = AlertValidator.Validate(alerts.Next(now), now, Source);
            reference = await PublishAsync(validation.Message, validation.Errors, "alert", m => (m.AlertId, m.IncidentId), cancellationToken);
            if (reference is not null)
            {
                metrics.AlertReceived(Source);
            }
        }

        if (reference is { } published)
        {
            followed[published] = new Followed(now, DemoFeedRules.PlanIncident(options.Value.FeedDispatchShare, random.NextDouble(), random.NextDouble()));
        }
    }

    /// <summary>Puts a validated arrival on the bus as intake does; its incident reference, or null when it was skipped.</summary>
    private async Task<Guid?> PublishAsync<T>(
        T? message, IReadOnlyDictionary<string, string[]> errors, string what, Func<T, (string Id, Guid IncidentId)> names, CancellationToken cancellationToken)
        where T : class
    {
        if (message is null)
        {
            // The generators' tests keep their output valid; one that is not is skipped, not retried.
            logger.LogWarning("Demo {Arrival} refused by validation: {Errors}", what, string.Join("; ", errors.Keys));
            return null;
        }

        var (id, incidentId) = names(message);
        if (await BusPublisher.TryPublishAsync(bus, message, cancellationToken) is { } failure)
        {
            logger.LogError(failure, "Demo {Arrival} {ArrivalId} could not be put on the bus", what, id);
            return null;
        }

        logger.LogInformation("Demo {Arrival} {ArrivalId} published as incident {IncidentId}", what, id, incidentId);
        return incidentId;
    }

    /// <summary>
    /// Looks after the feed's incidents (dispatch, close unattended triage, forget the closed ones) and answers how
    /// many distinct incidents are open. A caller who joined another incident counts with that one.
    /// </summary>
    private async Task<int> FollowAsync(DemoHands hands, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = new HashSet<Guid>();
        foreach (var (reference, follow) in followed.ToList())
        {
            // Not stored yet (routing is a consumer away): it counts as open and waits.
            if (await incidents.ResolveReferenceAsync(reference, cancellationToken) is not { } incident)
            {
                open.Add(reference);
                continue;
            }

            var hasOpenWork = (await assignments.ForIncidentAsync(incident.Id, cancellationToken)).Any(a => AssignmentTransitions.IsOpen(a.State));
            var step = open.Contains(incident.Id) ? FeedIncidentStep.Wait
                : DemoFeedRules.Next(incident.Status, hasOpenWork, now - follow.PublishedAt, follow.Plan, options.Value.OperatorGrace);
            try
            {
                switch (step)
                {
                    case FeedIncidentStep.Forget:
                        followed.Remove(reference);
                        continue;
                    case FeedIncidentStep.Dispatch when !await responders.DispatchNearestAsync(hands, incident, AssignmentRole.Primary, cancellationToken):
                        // No free unit (many departments have no field team here): a department's case becomes its
                        // task order, as the operator would hand it over; police work tries again later, not every pass.
                        if (await responders.HandOverAsync(hands, random, incident, cancellationToken))
                        {
                            followed.Remove(reference);
                            continue;
                        }

                        followed[reference] = follow with { Plan = new FeedIncidentPlan(null), PublishedAt = now };
                        break;
                    case FeedIncidentStep.CloseUnattended:
                        await hands.Resolve.HandleAsync(incident.Id, "非本街道事项，已转相邻街道处理（演示） / Not this street's: passed to the neighbouring street (demo)",
                            ResponderSimulator.FeedActing, cancellationToken);
                        followed.Remove(reference);
                        continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Demo feed could not act on incident {IncidentId}; retrying on the next pass", incident.Id);
            }

            open.Add(incident.Id);
        }

        return open.Count;
    }

    private sealed record Followed(DateTimeOffset PublishedAt, FeedIncidentPlan Plan);
}
