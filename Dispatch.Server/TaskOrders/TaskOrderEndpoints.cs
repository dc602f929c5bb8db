using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;
using MassTransit;
using Microsoft.AspNetCore.Authorization;

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
/// read incidents, yet needs the case's description and address to do the work. <c>AllowedSteps</c> are the step
/// paths (<c>accept</c>, <c>evaluate</c>, …) the person asking may take now (<see cref="TaskOrderSteps.Allowed"/>).
/// </summary>
public sealed record TaskOrderDetail(
    TaskOrderView Order, IReadOnlyList<TaskOrderEvent> History, IncidentSummary? Incident = null, IReadOnlyList<string>? AllowedSteps = null);

/// <summary>What every step needs, bound by the framework.</summary>
public sealed record StepContext(
    HttpRequest Request, ClaimsPrincipal User, TaskOrderStepHandler Steps, OrganisationDirectory Organisations, IPublishEndpoint Bus,
    CancellationToken CancellationToken);

/// <summary>Task orders over HTTP: list, read, issue by hand, and every step of the lifecycle; the use cases are in <c>UseCases/</c>.</summary>
public static class TaskOrderEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;
    private const string InvalidTaskOrder = "任务单内容有误 / Invalid task order";

    public static async Task<IResult> List(
        ClaimsPrincipal user, TaskOrderStore store, CalendarProvider calendar, TimeProvider clock, string? status, string? organisation, string? overdue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var statusFilter = StrictEnum.Optional<TaskOrderStatus>(status, "status", (field, message) => errors[field] = [message]);

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

        var query = new TaskOrderQuery(statusFilter, string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), overdueFilter,
            AccessScope.Of(user));
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await store.ListAsync(query, now, cancellationToken)).Select(o => o.ToView(now, calendar.Current)).ToList());
    }

    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, TaskOrderStore store, IncidentStore incidents, IAuthorizationService authorization, CalendarProvider calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(id, cancellationToken);
        var scope = AccessScope.Of(user);
        if (found is null || !TaskOrderVisibility.CanSee(scope, found.Order))
        {
            return Problems.NotFound($"Task order {id}");
        }

        // The policies the routes require, asked of the same authorization the routes use.
        var policies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in TaskOrderSteps.All.Select(s => s.Policy).Distinct())
        {
            if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                policies.Add(policy);
            }
        }

        var now = clock.GetUtcNow();
        var days = calendar.Current;
        return TypedResults.Ok(new TaskOrderDetail(found.Order.ToView(now, days), await store.HistoryAsync(id, cancellationToken),
            await incidents.GetAsync(found.Order.IncidentId, cancellationToken), TaskOrderSteps.Allowed(found.Order, scope, policies, now, days)));
    }

    /// <summary>An operator issues a task order by hand from an incident in their areas; a second issue for the same incident answers the first.</summary>
    public static async Task<IResult> Issue(
        HttpRequest request, ClaimsPrincipal user, IssueTaskOrderHandler handler, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TaskOrderRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (IssueRequest.Parse(body, errors) is not { } issue)
        {
            return Problems.Invalid(errors, InvalidTaskOrder);
        }

        var (created, view, refusal) = await handler.HandleAsync(issue, AccessScope.Of(user), Actors.NameOf(user), user.FindFirstValue(ClaimTypes.Role), bus, cancellationToken);
        return refusal switch
        {
            IssueRefusal.IncidentNotFound r => Problems.NotFound($"Incident {r.IncidentId}"),
            IssueRefusal.NoOrganisation r => Problems.Invalid(new Dictionary<string, string[]> { ["organisationCode"] = [r.Why] }, InvalidTaskOrder),
            _ when created => TypedResults.Created($"/api/task-orders/{view!.Id}", view),
            _ => TypedResults.Ok(view),
        };
    }

    public static Task<IResult> Accept(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: false, AcceptTaskOrder.Parse);

    public static Task<IResult> Complete(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, CompleteTaskOrder.Parse);

    public static Task<IResult> Return(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, ReturnTaskOrder.Parse);

    public static Task<IResult> RequestDelay(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, UseCases.RequestDelay.Parse);

    public static Task<IResult> ApproveDelay(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: false, UseCases.ApproveDelay.Parse);

    public static Task<IResult> RejectDelay(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, UseCases.RejectDelay.Parse);

    public static Task<IResult> Evaluate(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, EvaluateTaskOrder.Parse);

    public static Task<IResult> Reopen(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, ReopenTaskOrder.Parse);

    public static Task<IResult> Close(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: false, CloseTaskOrder.Parse);

    public static Task<IResult> Reassign(Guid id, [AsParameters] StepContext c) => StepAsync(id, c, readsBody: true, ReassignTaskOrder.Parse);

    /// <summary>Parse the step from its body, run it, and answer in HTTP: refusals as 403, 404, or 409 with the current state.</summary>
    private static async Task<IResult> StepAsync(Guid id, StepContext c, bool readsBody, Func<StepFields, TaskOrderCommand?> parse)
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

        var fields = new StepFields(body, c.Organisations.Current);
        var command = parse(fields);
        if (command is null || fields.Errors.Count > 0)
        {
            return Problems.Invalid(fields.Errors.Count > 0 ? fields.Errors : new Dictionary<string, string[]> { ["body"] = ["The request is incomplete."] },
                "任务单操作内容有误 / Invalid task-order step");
        }

        var outcome = await c.Steps.HandleAsync(id, command, AccessScope.Of(c.User), Actors.NameOf(c.User), c.User.FindFirstValue(ClaimTypes.Role), c.Bus, c.CancellationToken);
        return outcome.Refusal switch
        {
            null => TypedResults.Ok(outcome.Order),
            StepRefusal.NotFound => Problems.NotFound($"Task order {id}"),
            StepRefusal.NotYours r => TypedResults.Problem(title: "无权操作 / Not your organisation's task order", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Only {r.Organisation.Name} ({r.Organisation.Code}) can {r.Action.Replace('-', ' ')} this task order."),
            StepRefusal.NotNow r => TypedResults.Problem(title: "无法执行 / Not possible now", detail: r.Why, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["orderStatus"] = r.Current.Status.ToString(), ["order"] = r.Current }),
            _ => throw new InvalidOperationException($"Unmapped task-order refusal {outcome.Refusal}."),
        };
    }
}
