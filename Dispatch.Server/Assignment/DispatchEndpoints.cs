using System.Globalization;
using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using MassTransit;

namespace Dispatch.Server.Assignment;

/// <summary>The body of <c>POST /api/incidents/{id}/dispatch</c>.</summary>
public sealed class DispatchRequest
{
    public List<DispatchRequestUnit>? Units { get; set; }

    /// <summary>Dispatch units that are not Available anyway (their other work is left as it is); needs <see cref="Reason"/>.</summary>
    public bool? Override { get; set; }

    public string? Reason { get; set; }
}

/// <summary>One unit in a <see cref="DispatchRequest"/>: its code and <c>primary</c> or <c>reinforcement</c>.</summary>
public sealed class DispatchRequestUnit
{
    public string? Code { get; set; }
    public string? Role { get; set; }
}

/// <summary>A body with only a reason (decline, reinforcements).</summary>
public sealed class ReasonRequest
{
    public string? Reason { get; set; }
}

/// <summary>The body of <c>POST /api/incidents/{id}/resolve</c>.</summary>
public sealed class ResolveRequest
{
    public string? Result { get; set; }
}

/// <summary>The body of <c>POST /api/incidents/{id}/hand-over</c>.</summary>
public sealed class HandOverRequest
{
    public string? Instructions { get; set; }
    public string? OrganisationCode { get; set; }
}

/// <summary>The body of <c>POST /api/units/{code}/duty</c>.</summary>
public sealed class DutyRequest
{
    public bool? OnDuty { get; set; }
}

/// <summary>What a dispatch answers: the new assignments.</summary>
public sealed record DispatchAccepted(Guid IncidentId, IReadOnlyList<AssignmentSummary> Assignments);

/// <summary>What a step answers; <c>Next</c> holds the recommendations after a decline.</summary>
public sealed record StepAnswer(AssignmentSummary Assignment, bool Changed, IReadOnlyList<RecommendedUnit>? Next);

/// <summary>The recommendations for an incident.</summary>
public sealed record Recommendations(Guid IncidentId, string Organisation, IReadOnlyList<RecommendedUnit> Units);

/// <summary>An assignment on a responder's phone, with what they need to get there and the incident's clocks while it is open.</summary>
public sealed record ResponderAssignment(
    AssignmentSummary Assignment, IncidentStatus IncidentStatus, string? CategoryName, int? Priority, string Description, string? Address, GeoPoint? Location,
    IReadOnlyList<ClockView> Clocks);

/// <summary>What a reinforcement request or a closing answers.</summary>
public sealed record IncidentActionAccepted(Guid IncidentId, string Action, DateTimeOffset At);

/// <summary>
/// Dispatch, the assignment steps, reinforcement, closing and duty. Operators act within their areas (elsewhere an
/// incident does not exist for them); responders act for their own unit only (another unit's assignment does not
/// exist for them either).
/// </summary>
public static class DispatchEndpoints
{
    public const long MaxBodyBytes = 8 * 1024;
    public const int MaxTextLength = 500;
    public const int MaxUnitsPerDispatch = 10;
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

        if (await VisibleIncidentAsync(id, user, incidents, cancellationToken) is not { } incident)
        {
            return Problems.NotFound($"Incident {id}");
        }

        var (units, why) = await recommender.ForAsync(incident, take, cancellationToken);
        return units is null
            ? Answer(new Refusal(StatusCodes.Status409Conflict, "无法推荐 / No recommendation possible", why!))
            : TypedResults.Ok(new Recommendations(incident.Id, incident.Routing!.Organisation!.Code, units));
    }

    public static async Task<IResult> Dispatch(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, Dispatcher dispatcher, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DispatchRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var lines = new List<DispatchLine>();
        if (body?.Units is not { Count: > 0 and <= MaxUnitsPerDispatch } requested)
        {
            errors["units"] = [$"units is required: 1 to {MaxUnitsPerDispatch} of {{\"code\":\"YF-PC01\",\"role\":\"primary\"}}."];
        }
        else
        {
            for (var i = 0; i < requested.Count; i++)
            {
                var code = requested[i]?.Code?.Trim();
                if (string.IsNullOrEmpty(code) || code.Length > UnitEndpoints.MaxCodeLength)
                {
                    errors[$"units[{i}].code"] = ["code is required: the unit's code, e.g. YF-PC01."];
                    continue;
                }

                AssignmentRole? role = requested[i]!.Role?.Trim().ToUpperInvariant() switch
                {
                    null or "" or "PRIMARY" => AssignmentRole.Primary,
                    "REINFORCEMENT" => AssignmentRole.Reinforcement,
                    _ => null,
                };
                if (role is null)
                {
                    errors[$"units[{i}].role"] = [$"role '{requested[i]!.Role}' is not one of primary, reinforcement."];
                }
                else if (lines.Any(l => l.Code == code))
                {
                    errors[$"units[{i}].code"] = [$"unit {code} is named twice."];
                }
                else
                {
                    lines.Add(new DispatchLine(code, role.Value));
                }
            }
        }

        var overrideBusy = body?.Override ?? false;
        var reason = body?.Reason?.Trim();
        if (overrideBusy && (string.IsNullOrEmpty(reason) || reason.Length > MaxTextLength))
        {
            errors["reason"] = [$"override needs a reason (at most {MaxTextLength} characters): it is kept in the audit log."];
        }
        else if (reason?.Length > MaxTextLength)
        {
            errors["reason"] = [$"reason is at most {MaxTextLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "派单内容有误 / Invalid dispatch");
        }

        if (await VisibleIncidentAsync(id, user, incidents, cancellationToken) is not { } incident)
        {
            return Problems.NotFound($"Incident {id}");
        }

        var result = await dispatcher.DispatchAsync(incident, lines, overrideBusy, reason, ActorOf(user), cancellationToken);
        return result.Refused is { } refusal
            ? Answer(refusal)
            : TypedResults.Ok(new DispatchAccepted(incident.Id, result.Assignments));
    }

    public static Task<IResult> Acknowledge(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.Acknowledge, null, user, incidents, assignments, dispatcher, cancellationToken);

    public static Task<IResult> EnRoute(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.EnRoute, null, user, incidents, assignments, dispatcher, cancellationToken);

    public static Task<IResult> OnScene(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.OnScene, null, user, incidents, assignments, dispatcher, cancellationToken);

    public static Task<IResult> Clear(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, CancellationToken cancellationToken) =>
        StepAsync(id, AssignmentAction.Clear, null, user, incidents, assignments, dispatcher, cancellationToken);

    public static async Task<IResult> Decline(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, CancellationToken cancellationToken)
    {
        var (reason, problem) = await ReadTextAsync<ReasonRequest>(request, r => r.Reason, "reason", "拒绝须说明理由 / A reason is required", cancellationToken);
        return problem ?? await StepAsync(id, AssignmentAction.Decline, reason, user, incidents, assignments, dispatcher, cancellationToken);
    }

    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, CancellationToken cancellationToken) =>
        await VisibleAssignmentAsync(id, user, incidents, assignments, cancellationToken) is { } assignment
            ? TypedResults.Ok(assignment)
            : Problems.NotFound($"Assignment {id}");

    public static async Task<IResult> Mine(ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, ClockStore clocks, CancellationToken cancellationToken)
    {
        var mine = new List<ResponderAssignment>();
        foreach (var unit in AccessScope.Of(user).Codes)
        {
            foreach (var assignment in await assignments.ForUnitAsync(unit, MineLimit, cancellationToken))
            {
                if (await incidents.GetAsync(assignment.IncidentId, cancellationToken) is { } incident)
                {
                    // The clocks are what the responder races on the way; finished work needs none.
                    var views = AssignmentTransitions.IsOpen(assignment.State)
                        ? (await clocks.ForIncidentAsync(incident.Id, cancellationToken)).Select(c => c.ToView()).ToList()
                        : [];
                    mine.Add(new ResponderAssignment(assignment, incident.Status, incident.CategoryName, incident.Priority, incident.Description, incident.Address, incident.Location, views));
                }
            }
        }

        // Open work first, then newest first: what the responder must do now is at the top of the phone.
        return TypedResults.Ok(mine.OrderBy(m => AssignmentTransitions.IsOpen(m.Assignment.State) ? 0 : 1)
            .ThenByDescending(m => m.Assignment.DispatchedAt).ToList());
    }

    public static async Task<IResult> RequestReinforcement(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, IPublishEndpoint bus, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (reason, problem) = await ReadTextAsync<ReasonRequest>(request, r => r.Reason, "reason", "请说明增援理由 / A reason is required", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Responders ask from the scene: only a unit on scene at this incident may.
        var incident = await FieldIncidentAsync(id, user, incidents, assignments, a => a.State == AssignmentState.OnScene, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id}");
        }

        if (incident.Status == IncidentStatus.Closed)
        {
            return Answer(new Refusal(StatusCodes.Status409Conflict, "事件已结束 / The incident is closed", $"Incident {id} is closed.",
                new Dictionary<string, object?> { ["status"] = incident.Status.ToString() }));
        }

        var actor = ActorOf(user);
        var now = clock.GetUtcNow();
        await assignments.AppendAuditAsync(new AuditEntry(now, actor.Name, actor.Role, AssignmentAudit.ReinforcementRequested, AuditNames.IncidentSubject,
            IncidentStore.IdText(incident.Id), null, AuditJson.Serialize(new { Reason = reason })), cancellationToken);
        await bus.Publish(new ReinforcementRequested(incident.Id, now, actor.Name, reason), cancellationToken);
        return TypedResults.Accepted($"/api/incidents/{incident.Id}", new IncidentActionAccepted(incident.Id, "reinforcement-requested", now));
    }

    public static async Task<IResult> Resolve(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (result, problem) = await ReadTextAsync<ResolveRequest>(request, r => r.Result, "result", "请填写处置结果 / The result is required", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // The primary responder closes from the scene; an operator from the centre.
        var incident = await FieldIncidentAsync(id, user, incidents, assignments,
            a => a is { Role: AssignmentRole.Primary, State: AssignmentState.OnScene }, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id}");
        }

        var refusal = await dispatcher.CloseAsync(incident.Id, false, result!, null, ActorOf(user), cancellationToken);
        return refusal is null ? TypedResults.Ok(new IncidentActionAccepted(incident.Id, "resolved", clock.GetUtcNow())) : Answer(refusal);
    }

    public static async Task<IResult> HandOver(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, OrganisationDirectory organisations,
        Dispatcher dispatcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, instructions, problem) = await ReadAsync<HandOverRequest>(request, r => r.Instructions, "instructions", "请填写交办要求 / Instructions are required", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        OrganisationRef? given = null;
        if (!string.IsNullOrWhiteSpace(body!.OrganisationCode))
        {
            if (organisations.Current.Find(body.OrganisationCode.Trim()) is not { } found)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["organisationCode"] = [$"organisationCode '{body.OrganisationCode}' is not a known organisation (GET /api/organisations)."] },
                    "交办单位有误 / Unknown organisation");
            }

            given = new OrganisationRef(found.Code, found.Name, found.Type);
        }

        // Like resolving: the primary responder hands over from the scene (a dispute not settled there goes to the
        // street), an operator from the centre.
        if (await FieldIncidentAsync(id, user, incidents, assignments,
                a => a is { Role: AssignmentRole.Primary, State: AssignmentState.OnScene }, cancellationToken) is not { } incident)
        {
            return Problems.NotFound($"Incident {id}");
        }

        var organisation = given ?? incident.Routing?.Organisation;
        if (organisation is null)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["organisationCode"] = ["The incident has no responsible organisation: name the one that takes the follow-up work."] },
                "交办单位缺失 / An organisation is required");
        }

        var refusal = await dispatcher.CloseAsync(incident.Id, true, instructions!, organisation, ActorOf(user), cancellationToken);
        return refusal is null ? TypedResults.Ok(new IncidentActionAccepted(incident.Id, "handed-over", clock.GetUtcNow())) : Answer(refusal);
    }

    /// <summary>
    /// Signs a unit on (Available) or off (OffDuty). A responder for their own unit; an operator for the units serving
    /// their areas (<see cref="UnitScope"/>), because the centre keeps its duty roster by radio too (audited); another
    /// street's unit does not exist for them, as another street's incident does not.
    /// A unit with open work cannot sign off: it must clear or be cleared first.
    /// </summary>
    public static async Task<IResult> Duty(
        string code, HttpRequest request, ClaimsPrincipal user, Dispatcher dispatcher, UnitStore units, UnitScope unitScope,
        CancellationToken cancellationToken)
    {
        var scope = AccessScope.Of(user);
        if (scope.Role == Roles.Responder && !scope.IsOrganisation(code))
        {
            return TypedResults.Problem(title: "无权操作 / Not your unit", statusCode: StatusCodes.Status403Forbidden,
                detail: $"You sign on and off for unit {string.Join(",", scope.Codes)} only.");
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

        var outOfScope = scope.Role != Roles.Responder && code.Length <= UnitEndpoints.MaxCodeLength
            && await units.GetAsync(code, cancellationToken) is { } stored && !unitScope.CanSee(scope, stored.Unit);
        var result = code.Length > UnitEndpoints.MaxCodeLength || outOfScope
            ? new DutyResult(null, null)
            : await dispatcher.SetDutyAsync(code, onDuty, ActorOf(user), cancellationToken);
        return result switch
        {
            { Refused: { } refusal } => Answer(refusal),
            { Unit: { } unit } => TypedResults.Ok(unit),
            _ => Problems.NotFound($"Unit '{code}' (处置力量)"),
        };
    }

    private static async Task<IResult> StepAsync(
        Guid id, AssignmentAction action, string? reason, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Dispatcher dispatcher,
        CancellationToken cancellationToken)
    {
        if (await VisibleAssignmentAsync(id, user, incidents, assignments, cancellationToken) is not { } assignment)
        {
            return Problems.NotFound($"Assignment {id}");
        }

        var step = await dispatcher.StepAsync(assignment, action, reason, ActorOf(user), cancellationToken);
        return step.Refused is { } refusal ? Answer(refusal) : TypedResults.Ok(new StepAnswer(step.Assignment!, step.Changed, step.Next));
    }

    /// <summary>A responder sees their unit's assignments; an operator those of incidents in their areas. Others: none.</summary>
    private static async Task<AssignmentSummary?> VisibleAssignmentAsync(
        Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, CancellationToken cancellationToken)
    {
        var assignment = await assignments.GetAsync(id, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        var scope = AccessScope.Of(user);
        if (scope.Role == Roles.Responder)
        {
            return scope.IsOrganisation(assignment.UnitCode) ? assignment : null;
        }

        return await VisibleIncidentAsync(assignment.IncidentId, user, incidents, cancellationToken) is null ? null : assignment;
    }

    /// <summary>The incident when a reader (operator, supervisor, admin) may see it; otherwise null (answered as 404).</summary>
    private static async Task<IncidentSummary?> VisibleIncidentAsync(Guid id, ClaimsPrincipal user, IncidentStore incidents, CancellationToken cancellationToken)
    {
        // An intake reference whose alert joined another incident leads to that incident, as GET /api/incidents/{id} does.
        var incident = await incidents.ResolveReferenceAsync(id, cancellationToken);
        var scope = AccessScope.Of(user);
        return incident is not null && scope.Role != Roles.Responder && scope.CanSee(incident) ? incident : null;
    }

    /// <summary>For routes open to responders and operators: a responder only with an assignment that qualifies.</summary>
    private static async Task<IncidentSummary?> FieldIncidentAsync(
        Guid id, ClaimsPrincipal user, IncidentStore incidents, AssignmentStore assignments, Func<AssignmentSummary, bool> qualifies,
        CancellationToken cancellationToken)
    {
        var scope = AccessScope.Of(user);
        if (scope.Role != Roles.Responder)
        {
            return await VisibleIncidentAsync(id, user, incidents, cancellationToken);
        }

        var mine = (await assignments.ForIncidentAsync(id, cancellationToken)).Any(a => scope.IsOrganisation(a.UnitCode) && qualifies(a));
        return mine ? await incidents.GetAsync(id, cancellationToken) : null;
    }

    private static async Task<(string? Text, IResult? Problem)> ReadTextAsync<T>(
        HttpRequest request, Func<T, string?> field, string name, string title, CancellationToken cancellationToken)
        where T : class
    {
        var (_, text, problem) = await ReadAsync(request, field, name, title, cancellationToken);
        return (text, problem);
    }

    /// <summary>Strictly read body with one required text field (trimmed, at most <see cref="MaxTextLength"/>).</summary>
    private static async Task<(T? Body, string? Text, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, Func<T, string?> field, string name, string title, CancellationToken cancellationToken)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var text = body is null ? null : field(body)?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxTextLength
            ? (null, null, Problems.Invalid(new Dictionary<string, string[]> { [name] = [$"{name} is required, at most {MaxTextLength} characters: it is kept in the audit log."] }, title))
            : (body, text, null);
    }

    private static Actor ActorOf(ClaimsPrincipal user) => new(Actors.NameOf(user), user.FindFirstValue(ClaimTypes.Role));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Answer(Refusal refusal) => TypedResults.Problem(
        title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status, extensions: refusal.Extensions);
}
