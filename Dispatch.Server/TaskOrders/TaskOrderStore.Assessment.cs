using Dapper;
using Dispatch.Server.Security;

namespace Dispatch.Server.TaskOrders;

/// <summary>What assessment and the breach audit read of a period, selected in SQL.</summary>
/// <param name="Orders">The task orders the period's lines refer to, and those still open past a due time in the period.</param>
/// <param name="Events">The history lines of those orders.</param>
public sealed record TaskOrderPeriod(IReadOnlyList<TaskOrder> Orders, IReadOnlyList<TaskOrderEvent> Events);

/// <summary>What the breach audit reads of task orders for a period.</summary>
/// <param name="Orders">The orders with a deadline due in the period that they missed.</param>
/// <param name="Overdue">Their overdue lines due in the period, one per deadline missed, by due time.</param>
/// <param name="Later">Their history up to now, in which each missed deadline's end is found.</param>
public sealed record OverduePeriod(IReadOnlyList<TaskOrder> Orders, IReadOnlyList<TaskOrderEvent> Overdue, IReadOnlyList<TaskOrderEvent> Later);

/// <summary>The reads of a period: only the rows of the period and of the caller's areas leave the database.</summary>
public sealed partial class TaskOrderStore
{
    // task_order_events and task_orders have no engine-specific type in these queries; who may see which order is
    // the visibility policy's filter (Security/Visibility), the same as the task-order list's.
    private const string EventsInPeriod = "SELECT task_order_id FROM task_order_events WHERE at >= @From AND at < @To";
    private const string OverdueDueInPeriod = "SELECT task_order_id FROM task_order_events WHERE action = 'overdue' AND due_at >= @From AND due_at < @To";

    /// <summary>
    /// For assessment: the history lines with <c>at</c> in [from, to) and the orders they refer to, plus the orders still
    /// running with a due time in [from, asOf), of the orders <paramref name="scope"/> may see.
    /// </summary>
    public async Task<TaskOrderPeriod> AssessmentPeriodAsync(
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf, AccessScope scope, CancellationToken cancellationToken)
    {
        var (visible, parameters) = Visible(scope, new { From = from.ToUniversalTime(), To = to.ToUniversalTime(), AsOf = asOf.ToUniversalTime() });
        var orders = Columns + $"\nWHERE (id IN ({EventsInPeriod}) OR (status IN {RunningStatuses} AND due_at >= @From AND due_at < @AsOf)){visible}\nORDER BY due_at, id";
        var events = EventColumns + $"\nWHERE at >= @From AND at < @To AND task_order_id IN (SELECT id FROM task_orders WHERE 1 = 1{visible})\nORDER BY at, task_order_id, seq";
        await using var connection = await database.OpenAsync(cancellationToken);
        var orderRows = await connection.QueryAsync<Row>(new CommandDefinition(orders, parameters, cancellationToken: cancellationToken));
        var eventRows = await connection.QueryAsync<EventRow>(new CommandDefinition(events, parameters, cancellationToken: cancellationToken));
        return new TaskOrderPeriod(orderRows.Select(FromRow).ToList(), eventRows.Select(FromRow).ToList());
    }

    /// <summary>
    /// For the breach audit: the orders <paramref name="scope"/> may see with an overdue line due in
    /// [from, to), those overdue lines, and the orders' history up to <paramref name="until"/> (from which the steps
    /// that ended each deadline are found).
    /// </summary>
    public async Task<OverduePeriod> OverduePeriodAsync(
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset until, AccessScope scope, CancellationToken cancellationToken)
    {
        var (visible, parameters) = Visible(scope, new { From = from.ToUniversalTime(), To = to.ToUniversalTime(), Until = until.ToUniversalTime() });
        var ids = $"SELECT id FROM task_orders WHERE id IN ({OverdueDueInPeriod}){visible}";
        var orders = Columns + $"\nWHERE id IN ({ids})\nORDER BY due_at, id";

        // An overdue line is written after its deadline, so no later step of interest is older than the period's start.
        var events = EventColumns + $"""

            WHERE task_order_id IN ({ids})
              AND ((at >= @From AND at <= @Until) OR (action = 'overdue' AND due_at >= @From AND due_at < @To))
            ORDER BY at, task_order_id, seq
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var orderRows = await connection.QueryAsync<Row>(new CommandDefinition(orders, parameters, cancellationToken: cancellationToken));
        var lines = (await connection.QueryAsync<EventRow>(new CommandDefinition(events, parameters, cancellationToken: cancellationToken))).Select(FromRow).ToList();
        var overdue = lines.Where(e => e.Action == TaskOrderActions.Overdue && e.DueAt >= from && e.DueAt < to).OrderBy(e => e.DueAt).ToList();
        return new OverduePeriod(orderRows.Select(FromRow).ToList(), overdue, lines.Where(e => e.At <= until).ToList());
    }

    /// <summary>The visibility condition (" AND …", or nothing when the scope sees every order) and the query's parameters with its own.</summary>
    private (string Condition, DynamicParameters Parameters) Visible(AccessScope scope, object own)
    {
        var parameters = new DynamicParameters(own);
        if (Visibility.Filter(scope, RecordKind.TaskOrder, VisibilityColumns.TaskOrders, database.Dialect) is not { Where: { } where } filter)
        {
            return ("", parameters);
        }

        parameters.AddDynamicParams(filter.Parameters);
        return (" AND " + where, parameters);
    }
}
