using Dispatch.Contracts;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>
/// One step as a route: its path under <c>/api/task-orders/{id}/</c>, the policy that says who may ask for it, and a
/// sample of the step used to ask the step's own rule whether it would do something now.
/// </summary>
public sealed record StepRoute(string Path, string Policy, Func<TaskOrder, TaskOrderCommand> Sample);

/// <summary>
/// Every step and who may take it, in one place: the routes are mapped from here, and the steps offered to a person
/// (<see cref="Allowed"/>) are those whose policy they pass and whose rule (<see cref="TaskOrderStep.Decide"/>) would
/// change the order; pages show buttons from that, never from a copy of the rules.
/// </summary>
public static class TaskOrderSteps
{
    // Samples carry placeholder input: no rule below looks at a reason's or a result's words, only at whether the
    // input repeats the order's (a repeat is not offered), so a placeholder never matches.
    private const string Placeholder = "\u0000";

    public static readonly IReadOnlyList<StepRoute> All =
    [
        new("accept", Policies.Handle, _ => new AcceptTaskOrder()),
        new("complete", Policies.Handle, _ => new CompleteTaskOrder(Placeholder)),
        new("return", Policies.Handle, _ => new ReturnTaskOrder(Placeholder)),
        new("request-delay", Policies.Handle, order => new RequestDelay(Placeholder, order.DueAt.AddDays(1))),
        new("approve-delay", Policies.Supervise, _ => new ApproveDelay()),
        new("reject-delay", Policies.Supervise, _ => new RejectDelay(Placeholder)),

        // Any rating: on an order already evaluated with it the rule answers a repeat, with another a refusal.
        new("evaluate", Policies.Operate, _ => new EvaluateTaskOrder(CitizenRating.Satisfied, null)),
        new("reopen", Policies.Operate, _ => new ReopenTaskOrder(Placeholder)),
        new("close", Policies.Operate, _ => new CloseTaskOrder()),

        // Some other organisation than the order's: the rule refuses giving it back to the one that returned it.
        new("reassign", Policies.Operate, order => new ReassignTaskOrder(order.Organisation with { Code = Placeholder }, Placeholder)),
    ];

    public static string PolicyOf(string path) => All.Single(s => s.Path == path).Policy;

    /// <summary>
    /// The steps, by path, that a person passing <paramref name="policies"/> with <paramref name="scope"/> may take on
    /// <paramref name="order"/> now and that would change it.
    /// </summary>
    public static IReadOnlyList<string> Allowed(
        TaskOrder order, AccessScope scope, IReadOnlySet<string> policies, DateTimeOffset now, WorkingCalendar calendar) =>
        [.. All.Where(step => policies.Contains(step.Policy)
                && TaskOrderStep.Decide(scope, order, step.Sample(order), now, calendar) is ({ Changed: true }, null))
            .Select(step => step.Path)];
}
