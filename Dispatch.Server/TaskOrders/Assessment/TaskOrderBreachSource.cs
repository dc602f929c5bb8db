using Dispatch.Server.Audit;
using Dispatch.Server.Security;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>The task orders that went overdue, for the audit stage's breach list.</summary>
public sealed class TaskOrderBreachSource(TaskOrderStore store) : IBreachSource
{
    public IReadOnlyList<string> Kinds { get; } = [Breaches.TaskOrderKind];

    public async Task<IReadOnlyList<Breach>> ListAsync(BreachQuery query, CancellationToken cancellationToken)
    {
        // The store selects the areas in SQL; CanSee remains the rule over the rows that come back.
        var scope = AccessScope.Of(query.User);
        var overdue = await store.OverduePeriodAsync(query.From, query.To, query.Now, scope, cancellationToken);
        var orders = overdue.Orders.Where(o => Visibility.CanSee(scope, RecordKind.TaskOrder, o.Place)).ToDictionary(o => o.Id);
        return overdue.Overdue.Where(e => orders.ContainsKey(e.TaskOrderId))
            .Select(e => Breaches.ForTaskOrder(e, orders[e.TaskOrderId], overdue.Later, query.Now)).ToList();
    }
}
