using System.Globalization;
using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

/// <summary>
/// The body of every task-order request; each route reads only the fields it needs and refuses unknown ones.
/// </summary>
public sealed class TaskOrderRequest
{
    public Guid? IncidentId { get; set; }
    public string? OrganisationCode { get; set; }
    public string? Instructions { get; set; }
    public int? WorkingDays { get; set; }
    public string? Result { get; set; }
    public string? Reason { get; set; }
    public string? NewDueAt { get; set; }
    public string? Rating { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// One task order with its history, oldest line first, and the incident it follows up: a department handler may not
/// read incidents, yet needs the case's description and address to do the work.
/// </summary>
public sealed record TaskOrderDetail(TaskOrderView Order, IReadOnlyList<TaskOrderEvent> History, IncidentSummary? Incident = null);

/// <summary>What every step needs, bound by the framework.</summary>
public sealed record StepContext(
    HttpRequest Request, ClaimsPrincipal User, TaskOrderStore Store, CalendarProvider Calendar, OrganisationDirectory Organisations,
    IPublishEndpoint Bus, TimeProvider Clock, CancellationToken CancellationToken);

/// <summary>Task orders: issue by hand, list, read, and every step of the lifecycle.</summary>
public static class TaskOrderEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxReasonLength = 500;
    public const int MaxTextLength = 4000;

    public static async Task<IResult> List(ClaimsPrincipal user, TaskOrderStore store, TimeProvider clock, string? status, string? organisation, string? overdue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        TaskOrderStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (TryEnum<TaskOrderStatus>(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"status '{status}' is not one of {string.Join(", ", Enum.GetNames<TaskOrderStatus>())}."];
            }
        }

        bool? overdueFilter = null;
        if (!string.IsNullOrWhiteSpace(overdue))
        {
            if (bool.TryParse(overdue, out var flag))
            {
                overdueFilter = flag;
            }
            else
            {
                errors["overdue"] = [$"overdue must be true or false; '{overdue}' is neither."];
            }
        }

        if (organisation is { Length: > 64 })
        {
            errors["organisation"] = ["organisation is an organisation code of at most 64 characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        var scope = AccessScope.Of(user);
        var query = new TaskOrderQuery(statusFilter, string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), overdueFilter,
            scope is { All: false, Role: Roles.DepartmentHandler } ? scope.Codes : null,
            scope is { All: false } and not { Role: Roles.DepartmentHandler } ? scope.Codes : null);
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await store.ListAsync(query, now, cancellationToken)).Select(o => o.ToView(now)).ToList());
    }

    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, TaskOrderStore store, IncidentStore incidents, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(id, cancellationToken);
        if (found is null || !CanSee(AccessScope.Of(user), found.Order))
        {
            return Problems.NotFound($"Task order {id}");
        }

        return TypedResults.Ok(new TaskOrderDetail(found.Order.ToView(clock.GetUtcNow()), await store.HistoryAsync(id, cancellationToken),
            await incidents.GetAsync(found.Order.IncidentId, cancellationToken)));
    }

    /// <summary>An operator issues a task order by hand from an incident in their areas; a second issue for the same incident answers the first.</summary>
    public static async Task<IResult> Issue(
        HttpRequest request, ClaimsPrincipal user, IncidentStore incidents, OrganisationDirectory organisations, TaskOrderIssuer issuer,
        IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TaskOrderRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (body?.IncidentId is not { } incidentId || incidentId == Guid.Empty)
        {
            errors["incidentId"] = ["incidentId is required: the incident the task order follows up."];
            incidentId = Guid.Empty;
        }

        var instructions = Text(body?.Instructions, "instructions", MaxTextLength, errors);
        if (body?.WorkingDays is { } days && days is < 1 or > 30)
        {
            errors["workingDays"] = [$"workingDays must be from 1 to 30 (default: the category's, usually 5); it was {days}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "任务单内容有误 / Invalid task order");
        }

        var incident = await incidents.ResolveReferenceAsync(incidentId, cancellationToken);
        if (incident is null || !AccessScope.Of(user).CanSee(incident))
        {
            return Problems.NotFound($"Incident {incidentId}");
        }

        var organisation = body!.OrganisationCode is { } code
            ? organisations.Current.Find(code.Trim()) is { } found ? new OrganisationRef(found.Code, found.Name, found.Type) : null
            : incident.Routing?.Organisation;
        if (organisation is null)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["organisationCode"] = [body.OrganisationCode is null
                    ? "organisationCode is required: the incident is not routed to any organisation."
                    : $"organisationCode '{body.OrganisationCode}' is not a known organisation (GET /api/organisations)."],
            }, "任务单内容有误 / Invalid task order");
        }

        var (created, order) = await issuer.IssueAsync(incident, TaskOrderSource.Manual, organisation, instructions!, body.WorkingDays,
            clock.GetUtcNow(), Actor(user), user.FindFirstValue(ClaimTypes.Role), bus, cancellationToken);
        var view = order.ToView(clock.GetUtcNow());
        return created ? TypedResults.Created($"/api/task-orders/{order.Id}", view) : TypedResults.Ok(view);
    }

    public static Task<IResult> Accept(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: false, () => new AcceptTaskOrder());

    public static Task<IResult> Complete(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) => Text(body.Result, "result", MaxTextLength, errors) is { } result ? new CompleteTaskOrder(result) : null);

    public static Task<IResult> Return(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) => Text(body.Reason, "reason", MaxReasonLength, errors) is { } reason ? new ReturnTaskOrder(reason) : null);

    public static Task<IResult> RequestDelay(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) =>
        {
            var reason = Text(body.Reason, "reason", MaxReasonLength, errors);
            if (!CalendarEndpoints.TryParseIssued(body.NewDueAt, out var due, out _))
            {
                errors["newDueAt"] = ["newDueAt is required: the new due time with its offset, e.g. 2025-10-21T23:59:59+08:00."];
                return null;
            }

            return reason is null ? null : new RequestDelay(reason, due);
        });

    public static Task<IResult> ApproveDelay(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: false, () => new ApproveDelay());

    public static Task<IResult> RejectDelay(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) => Text(body.Reason, "reason", MaxReasonLength, errors) is { } reason ? new RejectDelay(reason) : null);

    public static Task<IResult> Evaluate(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) =>
        {
            var comment = body.Comment is null ? null : Text(body.Comment, "comment", MaxReasonLength, errors);
            if (ParseRating(body.Rating) is not { } rating)
            {
                errors["rating"] = ["rating is required: Satisfied (满意), BasicallySatisfied (基本满意) or Dissatisfied (不满意)."];
                return null;
            }

            return errors.Count > 0 ? null : new EvaluateTaskOrder(rating, comment);
        });

    public static Task<IResult> Reopen(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) => Text(body.Reason, "reason", MaxReasonLength, errors) is { } reason ? new ReopenTaskOrder(reason) : null);

    public static Task<IResult> Close(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: false, () => new CloseTaskOrder());

    public static Task<IResult> Reassign(Guid id, [AsParameters] StepContext c) =>
        StepAsync(id, c, readsBody: true, (body, errors) =>
        {
            var reason = Text(body.Reason, "reason", MaxReasonLength, errors);
            var organisation = c.Organisations.Current.Find(body.OrganisationCode?.Trim());
            if (organisation is null)
            {
                errors["organisationCode"] = [$"organisationCode '{body.OrganisationCode}' is not a known organisation (GET /api/organisations)."];
                return null;
            }

            return reason is null ? null : new ReassignTaskOrder(new OrganisationRef(organisation.Code, organisation.Name, organisation.Type), reason);
        });

    public static CitizenRating? ParseRating(string? text) => text?.Trim() switch
    {
        "满意" => CitizenRating.Satisfied,
        "基本满意" => CitizenRating.BasicallySatisfied,
        "不满意" => CitizenRating.Dissatisfied,
        { } name when TryEnum<CitizenRating>(name, out var rating) => rating,
        _ => null,
    };

    private static Task<IResult> StepAsync(Guid id, StepContext c, bool readsBody, Func<TaskOrderCommand> command) =>
        StepAsync(id, c, readsBody, (_, _) => command());

    /// <summary>Load → check who → decide → store with the version read → announce. Refusals answer 409 with the current state.</summary>
    private static async Task<IResult> StepAsync(
        Guid id, StepContext c, bool readsBody, Func<TaskOrderRequest, Dictionary<string, string[]>, TaskOrderCommand?> parse)
    {
        var body = new TaskOrderRequest();
        if (readsBody)
        {
            var (read, problem) = await JsonBody.ReadAsync<TaskOrderRequest>(c.Request, MaxBodyBytes, c.CancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            body = read ?? body;
        }

        var errors = new Dictionary<string, string[]>();
        var command = parse(body, errors);
        if (command is null || errors.Count > 0)
        {
            return Problems.Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["body"] = ["The request is incomplete."] },
                "任务单操作内容有误 / Invalid task-order step");
        }

        var current = await c.Store.GetAsync(id, c.CancellationToken);
        var scope = AccessScope.Of(c.User);
        if (current is null)
        {
            return Problems.NotFound($"Task order {id}");
        }

        // A handler may act only on their organisation's orders. Checked before visibility, which would make it a 404.
        if (scope.Role == Roles.DepartmentHandler && !scope.IsOrganisation(current.Order.Organisation.Code))
        {
            return TypedResults.Problem(title: "无权操作 / Not your organisation's task order", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Only {current.Order.Organisation.Name} ({current.Order.Organisation.Code}) can {command.Action.Replace('-', ' ')} this task order.");
        }

        if (!CanSee(scope, current.Order))
        {
            return Problems.NotFound($"Task order {id}");
        }

        var now = c.Clock.GetUtcNow();
        var transition = TaskOrderTransitions.Apply(current.Order, command, now, c.Calendar.Current);
        if (transition.After is not { } after)
        {
            return Conflict(transition.Refused!, current.Order, now);
        }

        if (!transition.Changed)
        {
            return TypedResults.Ok(after.ToView(now));
        }

        var actor = Actor(c.User);
        var role = c.User.FindFirstValue(ClaimTypes.Role);
        var before = current.Order;
        var step = new TaskOrderEvent(after.Id, now, command.Action, actor, role, after.Organisation.Code,
            before.Organisation.Code == after.Organisation.Code ? null : before.Organisation.Code,
            before.Status, after.Status, after.DueAt, before.DueAt == after.DueAt ? null : before.DueAt,
            command switch
            {
                CompleteTaskOrder complete => complete.Result,
                EvaluateTaskOrder evaluate => evaluate.Comment,
                _ => after.Reason == before.Reason ? null : after.Reason,
            },
            after.Rating, command is CompleteTaskOrder ? after.CompletedOnTime : null);
        var audit = new AuditEntry(now, actor, role, "task-order." + command.Action, TaskOrderStore.AuditSubject, IncidentStore.IdText(id),
            AuditJson.Serialize(before), AuditJson.Serialize(after));
        if (!await c.Store.ApplyAsync(after, current.Version, transition.ResetDeadline, step, audit, c.CancellationToken))
        {
            return Conflict("任务单已被他人修改，请刷新后重试 / someone changed the task order meanwhile: reload it and try again", current.Order, now);
        }

        var view = after.ToView(now);
        await c.Bus.Publish(new TaskOrderChanged(view, command.Action), c.CancellationToken);
        return TypedResults.Ok(view);
    }

    internal static bool CanSee(AccessScope scope, TaskOrder order)
    {
        if (scope.All)
        {
            return true;
        }

        if (scope.Role == Roles.DepartmentHandler)
        {
            return scope.IsOrganisation(order.Organisation.Code);
        }

        if (order.DistrictCode is null && order.StreetCode is null)
        {
            return scope.Role is Roles.Operator or Roles.Supervisor;
        }

        return new[] { order.DistrictCode, order.StreetCode, order.CommunityCode }.Any(a => a is not null && scope.Codes.Contains(a, StringComparer.Ordinal));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string why, TaskOrder order, DateTimeOffset now) => TypedResults.Problem(
        title: "无法执行 / Not possible now",
        detail: why,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["orderStatus"] = order.Status.ToString(), ["order"] = order.ToView(now) }); // not "status": RFC 7807 owns that member

    private static string? Text(string? text, string field, int max, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > max || trimmed.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            errors[field] = [$"{field} is required, at most {max} characters of text: it is kept in the task order's history."];
            return null;
        }

        return trimmed;
    }

    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static string Actor(ClaimsPrincipal user) => Actors.NameOf(user);
}
