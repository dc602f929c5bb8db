using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Assignment.UseCases;
using Dispatch.Server.Incidents;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;
using Dispatch.Server.Security;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// Plays the demo street's responders: every open assignment of a demo unit on an incident in the street is driven
/// through the use-case handlers the responder's phone reaches through the endpoints (<see cref="DemoHands"/>), with
/// the same checks, and its unit moves toward the incident through the position path (<see cref="UnitPositionReported"/>
/// on the bus). The unit of the demo responder account is never touched: a person playing the responder has it to
/// themselves.
/// Not thread-safe: the feed's one loop calls it. Plans live in memory; after a restart new ones are drawn and
/// whatever fell due meanwhile happens at once, one step per pass.
/// </summary>
public sealed class ResponderSimulator(
    UnitStore units, AssignmentStore assignments, IncidentStore incidents, Recommender recommender, OrganisationDirectory organisations,
    CategoryCatalogue catalogue, IBus bus, IOptions<UnitOptions> unitOptions, ILogger<ResponderSimulator> logger)
{
    /// <summary>A moving unit reports its position this often (demo time), like a phone sharing its location.</summary>
    public static readonly TimeSpan MoveEvery = TimeSpan.FromSeconds(5);

    /// <summary>The feed's own hand, in the audit log, when it acts as the operator.</summary>
    public static readonly Actor FeedOperator = new("demo-feed", Roles.Operator);

    /// <summary>
    /// The feed as the operator: it also closes the incidents that are not the street's, so it sees every area, as the
    /// feed always could; what it may do there is still the handlers' to decide.
    /// </summary>
    public static readonly Acting FeedActing = new(FeedOperator, new AccessScope(Roles.Operator, true, []));

    private readonly HashSet<string> demoUnits = DemoUnits.Load(DateTimeOffset.UnixEpoch).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Played> played = [];

    /// <summary>The unit of the demo responder account (<c>responder</c>): left to the person who plays it.</summary>
    public static string HumanUnit { get; } = DemoAccountsSeeder.Accounts.First(a => a.Role == Roles.Responder).Scope!;

    /// <summary>The demo street (the demo operator's area).</summary>
    public static string DemoStreet { get; } = DemoAccountsSeeder.Accounts.First(a => a.Role == Roles.Operator).Scope!;

    /// <summary>Takes every step that is due at <paramref name="now"/>: at most one per assignment, so a backlog plays out in order.</summary>
    public async Task RunAsync(DemoHands hands, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        foreach (var stored in await units.ListAsync(null, null, cancellationToken))
        {
            var unit = stored.Unit;
            if (!demoUnits.Contains(unit.Code) || unit.Code == HumanUnit || unit.Status is not (UnitStatus.Dispatched or UnitStatus.EnRoute or UnitStatus.OnScene))
            {
                continue;
            }

            // The newest open assignment is the one the unit works on; work it was diverted from resumes after.
            if (await assignments.OpenOfUnitAsync(unit.Code, cancellationToken) is not [var assignment, ..])
            {
                continue;
            }

            seen.Add(assignment.Id);
            try
            {
                await PlayAsync(hands, random, unit, assignment, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One assignment failing (a clash with an operator, a database hiccup) must not stop the others.
                logger.LogWarning(ex, "Demo responder {UnitCode} could not play assignment {AssignmentId}; retrying on the next pass", unit.Code, assignment.Id);
            }
        }

        foreach (var gone in played.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            played.Remove(gone);
        }
    }

    private async Task PlayAsync(DemoHands hands, Random random, UnitSummary unit, AssignmentSummary assignment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!played.TryGetValue(assignment.Id, out var play))
        {
            if (await incidents.GetAsync(assignment.IncidentId, cancellationToken) is not { Location: { } target } incident
                || incident.Jurisdiction?.Street?.Code != DemoStreet)
            {
                // Outside the demo street, or nowhere to go: a person's case, not the demo's. Looked at once only.
                played[assignment.Id] = new Played(null, null, null);
                return;
            }

            var from = unit.Position ?? target;
            var travel = TimeSpan.FromHours(Geo.GreatCircle.DistanceMetres(from, target) / 1000 / unitOptions.Value.SpeedOf(unit.Kind));
            var expected = catalogue.Find(incident.CategoryCode)?.Response.ReinforceMinutes is not null;
            var plan = ResponderScript.Plan(assignment.Role, assignment.DispatchedAt - incident.ReceivedAt, travel, expected, random);
            play = new Played(plan, from, target);
            played[assignment.Id] = play;
        }

        if (play.Plan is not { } script)
        {
            return;
        }

        var elapsed = now - assignment.DispatchedAt;
        if (assignment.State == AssignmentState.EnRoute && now - play.LastMove >= MoveEvery)
        {
            await MoveAsync(unit.Code, ResponderScript.PositionAt(play.From!, play.To!, script, elapsed), now, cancellationToken);
            play.LastMove = now;
        }

        if (ResponderScript.Due(assignment.State, elapsed, script, play.ReinforcementRequested) is not { } step)
        {
            return;
        }

        var responder = ResponderOf(unit.Code);
        logger.LogDebug("Demo responder {UnitCode}: {Step} on incident {IncidentId}", unit.Code, step, assignment.IncidentId);
        switch (step)
        {
            case ResponderStep.Acknowledge or ResponderStep.EnRoute or ResponderStep.Clear:
                await StepAsync(hands, assignment, step == ResponderStep.Acknowledge ? AssignmentAction.Acknowledge
                    : step == ResponderStep.EnRoute ? AssignmentAction.EnRoute : AssignmentAction.Clear, responder, cancellationToken);
                break;
            case ResponderStep.OnScene:
                await MoveAsync(unit.Code, play.To!, now, cancellationToken);
                await StepAsync(hands, assignment, AssignmentAction.OnScene, responder, cancellationToken);
                break;
            case ResponderStep.RequestReinforcement:
                play.ReinforcementRequested = true;
                // From the scene the responder asks; before that it is the operator following the run card.
                await RequestReinforcementAsync(hands, assignment.IncidentId, assignment.State == AssignmentState.OnScene ? responder : FeedActing,
                    script.FeedSendsReinforcement, cancellationToken);
                break;
            case ResponderStep.Resolve:
                await ResolveAsync(hands, assignment.IncidentId, Pick(random, Results), responder, cancellationToken);
                break;
            case ResponderStep.HandOver:
                await HandOverAsync(hands, random, assignment.IncidentId, responder, cancellationToken);
                break;
        }
    }

    /// <summary>A simulated responder acts as the phone's signed-in responder would: for their own unit only.</summary>
    public static Acting ResponderOf(string unitCode) => new(new Actor("demo:" + unitCode, Roles.Responder), new AccessScope(Roles.Responder, false, [unitCode]));

    private static async Task StepAsync(DemoHands hands, AssignmentSummary assignment, AssignmentAction action, Acting responder, CancellationToken cancellationToken)
    {
        var result = await hands.Step.HandleAsync(assignment.Id, action, null, responder, cancellationToken);
        if (result.Refused is { } refusal)
        {
            // An operator moved it meanwhile; the next pass reads the new state.
            throw new InvalidOperationException($"{action} refused: {refusal.Detail}");
        }
    }

    private Task MoveAsync(string unitCode, GeoPoint position, DateTimeOffset now, CancellationToken cancellationToken) =>
        bus.Publish(new UnitPositionReported(unitCode, position, now, 10), cancellationToken);

    /// <summary>
    /// Asks for reinforcement through the same handler as <c>POST /api/incidents/{id}/reinforcements</c>, so its checks
    /// hold (a closed incident gets none); then, for a share, the feed sends the nearest free unit. False when refused.
    /// </summary>
    public async Task<bool> RequestReinforcementAsync(DemoHands hands, Guid incidentId, Acting acting, bool feedSends, CancellationToken cancellationToken)
    {
        const string reason = "现场人员不足，请求增援（演示） / More hands needed on scene (demo)";
        var asked = await hands.Reinforce.HandleAsync(incidentId, reason, acting, cancellationToken);
        if (asked.Refused is { } refusal)
        {
            logger.LogInformation("Demo reinforcement request on incident {IncidentId} refused: {Reason}", incidentId, refusal.Detail);
            return false;
        }

        if (feedSends && await incidents.GetAsync(incidentId, cancellationToken) is { } incident)
        {
            await DispatchNearestAsync(hands, incident, AssignmentRole.Reinforcement, cancellationToken);
        }

        return true;
    }

    /// <summary>Closes the incident as settled, through the same handler as <c>POST /api/incidents/{id}/resolve</c>.</summary>
    private async Task ResolveAsync(DemoHands hands, Guid incidentId, string result, Acting acting, CancellationToken cancellationToken)
    {
        if ((await hands.Resolve.HandleAsync(incidentId, result, acting, cancellationToken)).Refused is { } refusal)
        {
            // Closed meanwhile, or the unit no longer on scene (an operator was quicker): nothing is left for the demo to do.
            logger.LogDebug("Demo resolve of incident {IncidentId} refused: {Reason}", incidentId, refusal.Detail);
        }
    }

    private async Task HandOverAsync(DemoHands hands, Random random, Guid incidentId, Acting responder, CancellationToken cancellationToken)
    {
        // Police work that is not a dispute is settled by the police; the script's hand-over becomes a resolve.
        if (await incidents.GetAsync(incidentId, cancellationToken) is { } incident && !await HandOverAsync(hands, random, incident, cancellationToken))
        {
            await ResolveAsync(hands, incidentId, Pick(random, Results), responder, cancellationToken);
        }
    }

    /// <summary>
    /// Hands the incident to the department that should follow it up (a task order for the department desk), as the
    /// operator would; false when it is police work nobody takes over.
    /// </summary>
    public async Task<bool> HandOverAsync(DemoHands hands, Random random, IncidentSummary incident, CancellationToken cancellationToken)
    {
        if (DemoFeedRules.HandOverTarget(incident, organisations.Current.All) is not { } department)
        {
            return false;
        }

        var handedOver = await hands.HandOver.HandleAsync(incident.Id, Pick(random, Instructions), department.Code, FeedActing, cancellationToken);
        return handedOver.Refused is null;
    }

    /// <summary>
    /// Dispatches the nearest free unit of the responsible organisation, never the demo responder's own, as an
    /// operator's one click would. False when there is none (the incident waits for the operator).
    /// </summary>
    public async Task<bool> DispatchNearestAsync(DemoHands hands, IncidentSummary incident, AssignmentRole role, CancellationToken cancellationToken)
    {
        var (candidates, why) = await recommender.ForAsync(incident, 5, cancellationToken);
        foreach (var candidate in (candidates ?? []).Where(c => c.Unit.Code != HumanUnit))
        {
            var result = await hands.Dispatch.DispatchAsync(incident, new DispatchOrder([new DispatchLine(candidate.Unit.Code, role)]), FeedOperator, cancellationToken);
            if (result.Refused is null)
            {
                return true;
            }
        }

        logger.LogInformation("Demo feed found no unit for incident {IncidentId}: {Reason}", incident.Id, why ?? "no free unit");
        return false;
    }

    private static string Pick(Random random, string[] texts) => texts[random.Next(texts.Length)];

    private static readonly string[] Results =
    [
        "现场已处置完毕，当事人已离开（演示） / Settled on scene; the parties have left (demo)",
        "经现场调解，双方达成一致（演示） / Mediated on scene; both sides agreed (demo)",
        "已劝离，现场秩序恢复（演示） / Dispersed; order restored (demo)",
        "已登记情况，后续由责任单位跟进（演示） / Recorded; the responsible body follows up (demo)",
    ];

    private static readonly string[] Instructions =
    [
        "现场无法当场解决，请于五个工作日内处理并反馈（演示） / Not settled on scene: deal with it and report back within 5 working days (demo)",
        "当事人诉求涉及本部门职责，请跟进办理（演示） / The request is yours to handle: follow it up (demo)",
    ];

    /// <summary>What the simulator knows about one assignment; Plan null means "not the demo's, leave it".</summary>
    private sealed class Played(ResponderPlan? plan, GeoPoint? from, GeoPoint? to)
    {
        public ResponderPlan? Plan { get; } = plan;
        public GeoPoint? From { get; } = from;
        public GeoPoint? To { get; } = to;
        public DateTimeOffset LastMove { get; set; } = DateTimeOffset.MinValue;
        public bool ReinforcementRequested { get; set; }
    }
}
