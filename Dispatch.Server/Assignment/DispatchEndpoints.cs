using System.Globalization;
using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Assignment.UseCases;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment;

/// <summary>The recommendations for an incident.</summary>
public sealed record Recommendations(Guid IncidentId, string Organisation, IReadOnlyList<RecommendedUnit> Units);

/// <summary>
/// An assignment on a responder's phone, with what they need to get there and the incident's clocks while it is open.
/// <c>Open</c>: not cleared or declined (open work is listed first). <c>NextSteps</c>: the steps the phone offers now,
/// main one first (<see cref="AssignmentSteps.Offered"/>).
/// </summary>
public sealed record ResponderAssignment(
    AssignmentSummary Assignment, IncidentStatus IncidentStatus, string? CategoryName, int? Priority, string Description, string? Address, GeoPoint? Location,
    IReadOnlyList<ClockView> Clocks, bool Open, IReadOnlyList<string> NextSteps);

/// <summary>
/// The dispatch routes: each reads its body strictly, hands it to its use case (<c>UseCases/</c>), which decides who may
/// act and what happens, and maps the answer to HTTP (refusals through <see cref="RefusalAnswer"/>). The reads
/// (recommendations, one assignment, a responder's own) are answered here.
/// </summary>
public static class DispatchEndpoints
{
    public const long MaxBodyBytes = 8 * 1024;
    public const int MineLimit = 50;

    public static async Task<IResult> Recommend(
        Guid id, string? limit, ClaimsPrincipal user, IncidentStore incidents, Recommender recommender, CancellationToken cancellationToken)
    {
        var take = UnitEndpoints.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1 || take > UnitEndpoints.MaxLimit))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {UnitEndpoints.MaxLimit}."] },
                "查询参数有误 / Invalid query");
        }

        var incident = await incidents.ResolveReferenceAsync(id, cancellationToken);
        if (!FieldAccess.MayRead(AccessScope.Of(user), incident))
        {
            return Problems.NotFound($"Incident {id}");
        }

        var (units, why) = await recommender.ForAsync(incident!, take, cancellationToken);
        return units is null
            ? RefusalAnswer.Problem(Refusal.Conflict("无法推荐 / No recommendation possible", why!))
            : TypedResults.Ok(new Recommendations(incident!.Id, incident.Routing!.Organisation!.Code, units));
    }

    public static async Task<IResult> Dispatch(Guid id, HttpRequest request, ClaimsPrincipal user, DispatchUnits handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DispatchRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return Answer(await handler.HandleAsync(id, body, Acting.Of(user), cancellationToken), TypedResults.Ok);
    }

    public static Task<IResult> Acknowledge(Guid id, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.Acknowledge, null, user, handler, cancellationToken);

    public static Task<IResult> EnRoute(Guid id, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.EnRoute, null, user, handler, cancellationToken);

    public static Task<IResult> OnScene(Guid id, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.OnScene, null, user, handler, cancellationToken);

    public static Task<IResult> Clear(Guid id, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.Clear, null, user, handler, cancellationToken);

    public static async Task<IResult> Decline(Guid id, HttpRequest request, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReasonRequest>(request, MaxBodyBytes, cancellationToken);
        return problem ?? await StepAsync(id, AssignmentAction.Decline, body?.Reason, user, handler, cancellationToken);
    }

    /// <summary>A responder sees their unit's assignments; an operator those of incidents in their areas. Others: none.</summary>
    public static async Task<IResult> CallerPhones(Guid id, ClaimsPrincipal user, RevealCallerPhones handler, CancellationToken cancellationToken) =>
        Answer(await handler.HandleAsync(id, Acting.Of(user), cancellationToken), TypedResults.Ok);

    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, CancellationToken cancellationToken)
    {
        var scope = AccessScope.Of(user);
        var assignment = await assignments.GetAsync(id, cancellationToken);
        var incident = assignment is null || FieldAccess.IsResponder(scope) ? null : await incidents.ResolveReferenceAsync(assignment.IncidentId, cancellationToken);
        return assignment is not null && FieldAccess.MayActOn(scope, assignment, incident)
            ? TypedResults.Ok(assignment)
            : Problems.NotFound($"Assignment {id}");
    }

    public static async Task<IResult> Mine(ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, IResponderClocks clocks, CancellationToken cancellationToken)
    {
        var mine = new List<ResponderAssignment>();
        foreach (var unit in AccessScope.Of(user).Codes)
        {
            foreach (var assignment in await assignments.ForUnitAsync(unit, MineLimit, cancellationToken))
            {
                if (await incidents.GetAsync(assignment.IncidentId, cancellationToken) is { } incident)
                {
                    // The clocks are what the responder races on the way; finished work needs none.
                    var open = AssignmentTransitions.IsOpen(assignment.State);
                    var views = open ? await clocks.ForIncidentAsync(incident.Id, cancellationToken) : [];
                    mine.Add(new ResponderAssignment(assignment, incident.Status, incident.CategoryName, incident.Priority, incident.Description, incident.Address,
                        incident.Location, views, open, AssignmentSteps.Offered(assignment, incident.Status)));
                }
            }
        }

        // Open work first, then newest first: what the responder must do now is at the top of the phone.
        return TypedResults.Ok(mine.OrderBy(m => m.Open ? 0 : 1)
            .ThenByDescending(m => m.Assignment.DispatchedAt).ToList());
    }

    public static async Task<IResult> RequestReinforcement(
        Guid id, HttpRequest request, ClaimsPrincipal user, RequestReinforcement handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReasonRequest>(request, MaxBodyBytes, cancellationToken);
        return problem ?? Answer(await handler.HandleAsync(id, body?.Reason, Acting.Of(user), cancellationToken),
            accepted => TypedResults.Accepted(IncidentRoutes.Timeline(accepted.IncidentId), accepted));
    }

    public static async Task<IResult> Resolve(Guid id, HttpRequest request, ClaimsPrincipal user, ResolveIncident handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ResolveRequest>(request, MaxBodyBytes, cancellationToken);
        return problem ?? Answer(await handler.HandleAsync(id, body?.Result, Acting.Of(user), cancellationToken), TypedResults.Ok);
    }

    public static async Task<IResult> HandOver(Guid id, HttpRequest request, ClaimsPrincipal user, HandOverIncident handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<HandOverRequest>(request, MaxBodyBytes, cancellationToken);
        return problem ?? Answer(await handler.HandleAsync(id, body?.Instructions, body?.OrganisationCode, Acting.Of(user), cancellationToken), TypedResults.Ok);
    }

    public static async Task<IResult> Link(Guid id, HttpRequest request, ClaimsPrincipal user, HandToLinkage handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<LinkageRequest>(request, MaxBodyBytes, cancellationToken);
        return problem ?? Answer(await handler.HandleAsync(id, body, Acting.Of(user), cancellationToken),
            accepted => accepted.Created ? TypedResults.Created(IncidentRoutes.Timeline(id), accepted) : TypedResults.Ok(accepted));
    }

    /// <summary>Signs a unit on or off; a responder naming another unit is refused before their body is read.</summary>
    public static async Task<IResult> Duty(string code, HttpRequest request, ClaimsPrincipal user, SetDuty handler, CancellationToken cancellationToken)
    {
        var acting = Acting.Of(user);
        if (FieldAccess.DutyForbidden(acting.Scope, code) is { } forbidden)
        {
            return RefusalAnswer.Problem(forbidden);
        }

        var (body, problem) = await JsonBody.ReadAsync<DutyRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.OnDuty is not { } onDuty)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["onDuty"] = ["onDuty is required: true to sign on, false to sign off."] }, "值班状态有误 / Invalid duty");
        }

        var result = await handler.HandleAsync(code, onDuty, acting, cancellationToken);
        return result.Refused is { } refusal ? RefusalAnswer.Problem(refusal) : TypedResults.Ok(result.Unit);
    }

    private static async Task<IResult> StepAsync(
        Guid id, AssignmentAction action, string? reason, ClaimsPrincipal user, StepAssignment handler, CancellationToken cancellationToken)
    {
        var step = await handler.HandleAsync(id, action, reason, Acting.Of(user), cancellationToken);
        return step.Refused is { } refusal ? RefusalAnswer.Problem(refusal) : TypedResults.Ok(new StepAnswer(step.Assignment!, step.Changed, step.Next));
    }

    private static IResult Answer<T>(Outcome<T> outcome, Func<T, IResult> done)
        where T : class =>
        outcome.Refused is { } refusal ? RefusalAnswer.Problem(refusal) : done(outcome.Value!);
}
