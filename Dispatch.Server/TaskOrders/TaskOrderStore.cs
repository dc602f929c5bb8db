using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.TaskOrders;

/// <summary>What to list: each filter is optional; <c>Scope</c> keeps the orders its user may see (<see cref="Visibility"/>).</summary>
public sealed record TaskOrderQuery(
    TaskOrderStatus? Status = null, string? OrganisationCode = null, bool? Overdue = null, AccessScope? Scope = null);

/// <summary>A task order and the version to pass back when changing it.</summary>
public sealed record VersionedTaskOrder(TaskOrder Order, int Version);

/// <summary>
/// Owns <c>task_orders</c> and <c>task_order_events</c>. Every change writes its history line and its audit entry
/// in the same transaction; user steps are guarded by the row's version; the sweeper's marks are conditional
/// updates (<c>… IS NULL</c>), so each reminder and overdue fires once whichever node gets there first.
/// </summary>
public sealed partial class TaskOrderStore(Database database)
{
    public const string AuditSubject = "task-order";

    // What the incident is about and where, joined in the one query every read uses: a list of any length is one
    // round trip. The derived table keeps the name task_orders, so the filters below (and Visibility's) read as before.
    private const string Columns = """
        SELECT id AS Id, incident_id AS IncidentId, source AS Source, organisation_code AS OrganisationCode,
               organisation_name AS OrganisationName, organisation_type AS OrganisationType, status AS Status,
               instructions AS Instructions, category_code AS CategoryCode, working_days AS WorkingDays,
               issued_at AS IssuedAt, issued_by AS IssuedBy, assigned_at AS AssignedAt, due_at AS DueAt,
               reminded_at AS RemindedAt, overdue_at AS OverdueAt, result AS Result, completed_at AS CompletedAt,
               completed_on_time AS CompletedOnTime, rating AS Rating, rating_comment AS RatingComment,
               evaluated_at AS EvaluatedAt, closed_at AS ClosedAt, reason AS Reason, requested_due_at AS RequestedDueAt,
               delay_decision AS DelayDecision, district_code AS DistrictCode, street_code AS StreetCode,
               street_name AS StreetName, community_code AS CommunityCode, community_name AS CommunityName,
               shared_area_codes AS SharedAreaCodes, incident_category_name AS CategoryName, incident_address AS Address, version AS Version
        FROM (SELECT t.*, i.category_name AS incident_category_name, i.address AS incident_address
              FROM task_orders t LEFT JOIN incidents i ON i.id = t.incident_id) task_orders
        """;

    private const string SelectById = Columns + "\nWHERE id = @Id";
    private const string SelectByIncidentSource = Columns + "\nWHERE incident_id = @IncidentId AND source = @Source";

    private const string Insert = """
        INSERT INTO task_orders (id, incident_id, source, organisation_code, organisation_name, organisation_type, status,
                                 instructions, category_code, working_days, issued_at, issued_by, assigned_at, due_at, remind_at,
                                 reminded_at, overdue_at, result, completed_at, completed_on_time, rating, rating_comment,
                                 evaluated_at, closed_at, reason, requested_due_at, delay_decision, district_code, street_code,
                                 street_name, community_code, community_name, shared_area_codes, version, updated_at)
        VALUES (@Id, @IncidentId, @Source, @OrganisationCode, @OrganisationName, @OrganisationType, @Status,
                @Instructions, @CategoryCode, @WorkingDays, @IssuedAt, @IssuedBy, @AssignedAt, @DueAt, @RemindAt,
                NULL, NULL, @Result, @CompletedAt, @CompletedOnTime, @Rating, @RatingComment,
                @EvaluatedAt, @ClosedAt, @Reason, @RequestedDueAt, @DelayDecision, @DistrictCode, @StreetCode,
                @StreetName, @CommunityCode, @CommunityName, @SharedAreaCodes, 1, @UpdatedAt)
        """;

    // The sweeper's marks are left alone unless the step set a new deadline, which earns a reminder of its own.
    private const string Update = """
        UPDATE task_orders
        SET organisation_code = @OrganisationCode, organisation_name = @OrganisationName, organisation_type = @OrganisationType,
            status = @Status, assigned_at = @AssignedAt, due_at = @DueAt, remind_at = @RemindAt,
            reminded_at = CASE WHEN @ResetDeadline = 1 THEN NULL ELSE reminded_at END,
            overdue_at = CASE WHEN @ResetDeadline = 1 THEN NULL ELSE overdue_at END,
            result = @Result, completed_at = @CompletedAt, completed_on_time = @CompletedOnTime, rating = @Rating,
            rating_comment = @RatingComment, evaluated_at = @EvaluatedAt, closed_at = @ClosedAt, reason = @Reason,
            requested_due_at = @RequestedDueAt, delay_decision = @DelayDecision, version = version + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND version = @Version
        """;

    // seq numbers an order's lines in the order they were written: steps can share an instant.
    private const string InsertEvent = """
        INSERT INTO task_order_events (id, task_order_id, seq, at, action, actor, actor_role, organisation_code, previous_organisation_code,
                                       from_status, to_status, due_at, previous_due_at, reason, rating, on_time)
        SELECT @Id, @TaskOrderId, COALESCE(MAX(seq), 0) + 1, @At, @Action, @Actor, @ActorRole, @OrganisationCode, @PreviousOrganisationCode,
               @FromStatus, @ToStatus, @DueAt, @PreviousDueAt, @Reason, @Rating, @OnTime
        FROM task_order_events WHERE task_order_id = @TaskOrderId
        """;

    private const string EventColumns = """
        SELECT task_order_id AS TaskOrderId, at AS At, action AS Action, actor AS Actor, actor_role AS ActorRole,
               organisation_code AS OrganisationCode, previous_organisation_code AS PreviousOrganisationCode,
               from_status AS FromStatus, to_status AS ToStatus, due_at AS DueAt, previous_due_at AS PreviousDueAt,
               reason AS Reason, rating AS Rating, on_time AS OnTime
        FROM task_order_events
        """;

    private const string SelectEvents = EventColumns + "\nWHERE task_order_id = @Id\nORDER BY seq";
    private const string SelectOverdueEventsInPeriod = EventColumns + "\nWHERE action = 'overdue' AND due_at >= @From AND due_at < @To\nORDER BY due_at";

    private const string RunningStatuses = "('Issued', 'Accepted', 'DelayRequested', 'Reopened')";

    private const string SelectDueForReminder = Columns + "\nWHERE status IN " + RunningStatuses + " AND reminded_at IS NULL AND remind_at <= @Now";
    private const string SelectDueForOverdue = Columns + "\nWHERE status IN " + RunningStatuses + " AND overdue_at IS NULL AND due_at < @Now";

    private const string MarkReminded = """
        UPDATE task_orders SET reminded_at = @Now
        WHERE id = @Id AND reminded_at IS NULL AND due_at = @DueAt AND status IN ('Issued', 'Accepted', 'DelayRequested', 'Reopened')
        """;

    private const string MarkOverdue = """
        UPDATE task_orders SET overdue_at = @Now
        WHERE id = @Id AND overdue_at IS NULL AND due_at = @DueAt AND status IN ('Issued', 'Accepted', 'DelayRequested', 'Reopened')
        """;

    /// <summary>
    /// Stores a new task order with its first history line and audit entry. When one already exists for the
    /// incident and source, stores nothing and answers that one (redelivered messages, double clicks).
    /// </summary>
    public async Task<(bool Created, TaskOrder Order)> IssueAsync(TaskOrder order, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await FindAsync(connection, order.IncidentId, order.Source, cancellationToken) is { } existing)
        {
            return (false, existing);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(order, 1, order.IssuedAt, false), tx, cancellationToken: cancellationToken));
            await AppendEventAsync(connection, tx, new TaskOrderEvent(order.Id, order.IssuedAt, TaskOrderActions.Issued, audit.Actor, audit.ActorRole,
                order.Organisation.Code, null, null, order.Status, order.DueAt, null, null, null, null), cancellationToken);
            await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return (true, order);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            return (false, await FindAsync(connection, order.IncidentId, order.Source, cancellationToken)
                ?? throw new InvalidOperationException($"Task order for {order.IncidentId}/{order.Source} collided but is not stored.", ex));
        }
    }

    public async Task<VersionedTaskOrder?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(SelectById, new { Id = IncidentStore.IdText(id) }, cancellationToken: cancellationToken));
        return row is null ? null : new VersionedTaskOrder(FromRow(row), row.Version);
    }

    /// <summary>Writes a step if nobody changed the order since <paramref name="version"/>; false when someone did.</summary>
    public async Task<bool> ApplyAsync(TaskOrder after, int version, bool resetDeadline, TaskOrderEvent step, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Update, ToRow(after, version, step.At, resetDeadline), tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await AppendEventAsync(connection, tx, step, cancellationToken);
        await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<TaskOrder>> ListAsync(TaskOrderQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var dialect = database.Dialect;
        if (query.Status is not null)
        {
            where.Add("status = @Status");
        }

        if (query.OrganisationCode is not null)
        {
            where.Add("organisation_code = @OrganisationCode");
        }

        if (query.Overdue is { } overdue)
        {
            where.Add(overdue
                ? $"(status IN {RunningStatuses} AND due_at < @Now)"
                : $"NOT (status IN {RunningStatuses} AND due_at < @Now)");
        }

        var parameters = new DynamicParameters(new { Status = query.Status?.ToString(), query.OrganisationCode, Now = now.ToUniversalTime() });
        if (query.Scope is { } scope && Visibility.Filter(scope, RecordKind.TaskOrder, VisibilityColumns.TaskOrders, dialect) is { Where: { } visible } filter)
        {
            where.Add(visible);
            parameters.AddDynamicParams(filter.Parameters);
        }

        var sql = Columns + (where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where)) + "\nORDER BY due_at, id";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(FromRow).ToList();
    }

    public async Task<IReadOnlyList<TaskOrderEvent>> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(SelectEvents, new { Id = IncidentStore.IdText(id) }, cancellationToken: cancellationToken));
        return rows.Select(FromRow).ToList();
    }

    /// <summary>Overdue lines whose deadline fell in [from, to): one per deadline missed.</summary>
    public async Task<IReadOnlyList<TaskOrderEvent>> OverdueEventsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(SelectOverdueEventsInPeriod,
            new { From = from.ToUniversalTime(), To = to.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.Select(FromRow).ToList();
    }

    /// <summary>Marks the reminders due at <paramref name="now"/>; answers the orders this call marked (no other node will).</summary>
    public Task<IReadOnlyList<TaskOrder>> MarkRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(SelectDueForReminder, MarkReminded, TaskOrderActions.Reminder, now, o => o with { RemindedAt = now }, cancellationToken);

    /// <summary>Marks the orders past their due time at <paramref name="now"/>; answers those this call marked.</summary>
    public Task<IReadOnlyList<TaskOrder>> MarkOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(SelectDueForOverdue, MarkOverdue, TaskOrderActions.Overdue, now, o => o with { OverdueAt = now }, cancellationToken);

    private async Task<IReadOnlyList<TaskOrder>> MarkAsync(
        string select, string mark, string action, DateTimeOffset now, Func<TaskOrder, TaskOrder> marked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var candidates = (await connection.QueryAsync<Row>(new CommandDefinition(select, new { Now = now.ToUniversalTime() }, cancellationToken: cancellationToken)))
            .Select(FromRow).ToList();
        var done = new List<TaskOrder>();
        foreach (var order in candidates)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(mark,
                new { Id = IncidentStore.IdText(order.Id), Now = now.ToUniversalTime(), DueAt = order.DueAt.ToUniversalTime() }, tx, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                // Another node marked it, or a step moved the deadline in between.
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            var after = marked(order);
            await AppendEventAsync(connection, tx, new TaskOrderEvent(order.Id, now, action, AuditNames.SystemActor, null, order.Organisation.Code,
                null, order.Status, order.Status, order.DueAt, null, null, null, null), cancellationToken);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, AuditNames.SystemActor, null, "task-order." + action, AuditSubject,
                IncidentStore.IdText(order.Id), AuditJson.Serialize(order), AuditJson.Serialize(after)), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            done.Add(after);
        }

        return done;
    }

    private static Task<int> AppendEventAsync(DbConnection connection, DbTransaction tx, TaskOrderEvent e, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertEvent, new
        {
            Id = IncidentStore.IdText(Guid.NewGuid()),
            TaskOrderId = IncidentStore.IdText(e.TaskOrderId),
            At = e.At.ToUniversalTime(),
            e.Action,
            e.Actor,
            e.ActorRole,
            e.OrganisationCode,
            e.PreviousOrganisationCode,
            FromStatus = e.FromStatus?.ToString(),
            ToStatus = e.ToStatus.ToString(),
            DueAt = e.DueAt.ToUniversalTime(),
            PreviousDueAt = e.PreviousDueAt?.ToUniversalTime(),
            e.Reason,
            Rating = e.Rating?.ToString(),
            OnTime = e.OnTime is { } onTime ? (onTime ? 1 : 0) : (int?)null,
        }, tx, cancellationToken: cancellationToken));

    private static async Task<TaskOrder?> FindAsync(DbConnection connection, Guid incidentId, TaskOrderSource source, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(SelectByIncidentSource,
            new { IncidentId = IncidentStore.IdText(incidentId), Source = source.ToString() }, cancellationToken: cancellationToken));
        return row is null ? null : FromRow(row);
    }

    private static object ToRow(TaskOrder o, int version, DateTimeOffset updatedAt, bool resetDeadline) => new
    {
        Id = IncidentStore.IdText(o.Id),
        IncidentId = IncidentStore.IdText(o.IncidentId),
        Source = o.Source.ToString(),
        OrganisationCode = o.Organisation.Code,
        OrganisationName = o.Organisation.Name,
        OrganisationType = o.Organisation.Type.ToString(),
        Status = o.Status.ToString(),
        o.Instructions,
        o.CategoryCode,
        o.WorkingDays,
        IssuedAt = o.IssuedAt.ToUniversalTime(),
        o.IssuedBy,
        AssignedAt = o.AssignedAt.ToUniversalTime(),
        DueAt = o.DueAt.ToUniversalTime(),
        RemindAt = o.RemindAt.ToUniversalTime(),
        o.Result,
        CompletedAt = o.CompletedAt?.ToUniversalTime(),
        CompletedOnTime = o.CompletedOnTime is { } onTime ? (onTime ? 1 : 0) : (int?)null,
        Rating = o.Rating?.ToString(),
        o.RatingComment,
        EvaluatedAt = o.EvaluatedAt?.ToUniversalTime(),
        ClosedAt = o.ClosedAt?.ToUniversalTime(),
        o.Reason,
        RequestedDueAt = o.RequestedDueAt?.ToUniversalTime(),
        DelayDecision = o.Delay?.ToString(),
        o.DistrictCode,
        o.StreetCode,
        o.StreetName,
        o.CommunityCode,
        o.CommunityName,
        SharedAreaCodes = Visibility.SharedColumn(o.SharedAreaCodes),
        Version = version,
        UpdatedAt = updatedAt.ToUniversalTime(),
        ResetDeadline = resetDeadline ? 1 : 0,
    };

    private static T? Parse<T>(string? text) where T : struct, Enum => text is null ? null : Enum.Parse<T>(text);

    private static TaskOrder FromRow(Row r) => new(
        Guid.Parse(r.Id), Guid.Parse(r.IncidentId), Enum.Parse<TaskOrderSource>(r.Source),
        new OrganisationRef(r.OrganisationCode, r.OrganisationName, Enum.Parse<OrganisationType>(r.OrganisationType)),
        Enum.Parse<TaskOrderStatus>(r.Status), r.Instructions, r.CategoryCode, r.WorkingDays, r.IssuedAt, r.IssuedBy, r.AssignedAt, r.DueAt,
        r.RemindedAt, r.OverdueAt, r.Result, r.CompletedAt, r.CompletedOnTime is null ? null : r.CompletedOnTime != 0,
        Parse<CitizenRating>(r.Rating), r.RatingComment, r.EvaluatedAt, r.ClosedAt, r.Reason, r.RequestedDueAt, Parse<DelayDecision>(r.DelayDecision),
        r.DistrictCode, r.StreetCode, r.StreetName, r.CommunityCode, r.CommunityName, Visibility.SharedCodes(r.SharedAreaCodes),
        r.CategoryName, r.Address);

    private static TaskOrderEvent FromRow(EventRow r) => new(
        Guid.Parse(r.TaskOrderId), r.At, r.Action, r.Actor, r.ActorRole, r.OrganisationCode, r.PreviousOrganisationCode,
        Parse<TaskOrderStatus>(r.FromStatus), Enum.Parse<TaskOrderStatus>(r.ToStatus), r.DueAt, r.PreviousDueAt, r.Reason,
        Parse<CitizenRating>(r.Rating), r.OnTime is null ? null : r.OnTime != 0);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string IncidentId { get; set; } = "";
        public string Source { get; set; } = "";
        public string OrganisationCode { get; set; } = "";
        public string OrganisationName { get; set; } = "";
        public string OrganisationType { get; set; } = "";
        public string Status { get; set; } = "";
        public string Instructions { get; set; } = "";
        public string? CategoryCode { get; set; }
        public int WorkingDays { get; set; }
        public DateTimeOffset IssuedAt { get; set; }
        public string IssuedBy { get; set; } = "";
        public DateTimeOffset AssignedAt { get; set; }
        public DateTimeOffset DueAt { get; set; }
        public DateTimeOffset? RemindedAt { get; set; }
        public DateTimeOffset? OverdueAt { get; set; }
        public string? Result { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public int? CompletedOnTime { get; set; }
        public string? Rating { get; set; }
        public string? RatingComment { get; set; }
        public DateTimeOffset? EvaluatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public string? Reason { get; set; }
        public DateTimeOffset? RequestedDueAt { get; set; }
        public string? DelayDecision { get; set; }
        public string? DistrictCode { get; set; }
        public string? StreetCode { get; set; }
        public string? StreetName { get; set; }
        public string? CommunityCode { get; set; }
        public string? CommunityName { get; set; }
        public string? SharedAreaCodes { get; set; }
        public string? CategoryName { get; set; }
        public string? Address { get; set; }
        public int Version { get; set; }
    }

    private sealed class EventRow
    {
        public string TaskOrderId { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public string Action { get; set; } = "";
        public string Actor { get; set; } = "";
        public string? ActorRole { get; set; }
        public string OrganisationCode { get; set; } = "";
        public string? PreviousOrganisationCode { get; set; }
        public string? FromStatus { get; set; }
        public string ToStatus { get; set; } = "";
        public DateTimeOffset DueAt { get; set; }
        public DateTimeOffset? PreviousDueAt { get; set; }
        public string? Reason { get; set; }
        public string? Rating { get; set; }
        public int? OnTime { get; set; }
    }
}
