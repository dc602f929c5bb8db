using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Assignment;

/// <summary>What became of a dispatch at the store.</summary>
public enum DispatchOutcome
{
    /// <summary>Every assignment was stored and every unit's status set.</summary>
    Stored,

    /// <summary>A unit's status changed since it was read; nothing was stored.</summary>
    UnitChanged,

    /// <summary>The incident already has its automatic primary (a redelivered IncidentOpened); nothing was stored.</summary>
    AlreadyAutoDispatched,
}

/// <summary>One assignment to store, with the unit status it was dispatched from (the guard against a race).</summary>
public sealed record NewAssignment(AssignmentSummary Assignment, UnitStatus UnitStatusRead);

/// <summary>
/// Owns the <c>assignments</c> table. Every change sets the unit's status (through <see cref="UnitStore"/>'s SQL)
/// and appends its audit entry in the same transaction, so a unit's status never disagrees with its assignments.
/// </summary>
public sealed class AssignmentStore(Database database)
{
    private const string Insert = """
        INSERT INTO assignments (id, incident_id, unit_code, role, state, dispatched_at, acknowledged_at, en_route_at,
                                 on_scene_at, cleared_at, declined_at, decline_reason, dispatched_by, override_reason, version)
        VALUES (@Id, @IncidentId, @UnitCode, @Role, @State, @DispatchedAt, @AcknowledgedAt, @EnRouteAt,
                @OnSceneAt, @ClearedAt, @DeclinedAt, @DeclineReason, @DispatchedBy, @OverrideReason, @Version)
        """;

    private const string Update = """
        UPDATE assignments
        SET state = @State, acknowledged_at = @AcknowledgedAt, en_route_at = @EnRouteAt, on_scene_at = @OnSceneAt,
            cleared_at = @ClearedAt, declined_at = @DeclinedAt, decline_reason = @DeclineReason, version = @Version
        WHERE id = @Id AND version = @Version - 1
        """;

    private const string Columns = """
        SELECT id AS Id, incident_id AS IncidentId, unit_code AS UnitCode, role AS Role, state AS State,
               dispatched_at AS DispatchedAt, acknowledged_at AS AcknowledgedAt, en_route_at AS EnRouteAt,
               on_scene_at AS OnSceneAt, cleared_at AS ClearedAt, declined_at AS DeclinedAt, decline_reason AS DeclineReason,
               dispatched_by AS DispatchedBy, override_reason AS OverrideReason, version AS Version
        FROM assignments
        """;

    private const string SelectById = Columns + "\nWHERE id = @Id";
    private const string SelectByIncident = Columns + "\nWHERE incident_id = @IncidentId\nORDER BY dispatched_at, id";
    private const string SelectByUnit = Columns + "\nWHERE unit_code = @UnitCode\nORDER BY dispatched_at DESC, id DESC";
    private const string SelectOpen = Columns + """

        WHERE state NOT IN ('Cleared', 'Declined')
        ORDER BY dispatched_at DESC, id DESC
        """;

    private const string SelectOpenOfUnit = Columns + """

        WHERE unit_code = @UnitCode AND state NOT IN ('Cleared', 'Declined')
        ORDER BY dispatched_at DESC, id DESC
        """;

    /// <summary>
    /// Stores new assignments, each unit going from the status read to Dispatched; all or nothing. The unique index
    /// on the automatic primary makes a second auto-dispatch of the same incident fail here, whatever the timing.
    /// </summary>
    public async Task<DispatchOutcome> DispatchAsync(IReadOnlyList<NewAssignment> assignments, IReadOnlyList<AuditEntry> audits, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (assignment, read) in assignments)
            {
                if (!await UnitStore.ChangeStatusAsync(connection, tx, assignment.UnitCode, read, UnitStatus.Dispatched, cancellationToken))
                {
                    await tx.RollbackAsync(cancellationToken);
                    return DispatchOutcome.UnitChanged;
                }

                await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(assignment), tx, cancellationToken: cancellationToken));
            }

            foreach (var audit in audits)
            {
                await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return DispatchOutcome.Stored;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return DispatchOutcome.AlreadyAutoDispatched;
        }
    }

    /// <summary>
    /// Stores an assignment's next step if nobody changed it since it was read (<paramref name="after"/> carries the
    /// read version + 1) and sets the unit's status from its open assignments. Null when someone changed it first;
    /// otherwise the unit's new status.
    /// </summary>
    public async Task<UnitStatus?> ApplyAsync(AssignmentSummary after, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(Update, ToRow(after), tx, cancellationToken: cancellationToken)) == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return null;
        }

        var status = await FollowAsync(connection, tx, after.UnitCode, cancellationToken);
        await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return status;
    }

    /// <summary>
    /// Clears every open assignment of an incident (it was resolved or handed over), with one audit entry each, and
    /// sets each unit's status from what it still has open. Returns the assignments it cleared.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentSummary>> ClearIncidentAsync(
        Guid incidentId, DateTimeOffset at, Func<AssignmentSummary, AssignmentSummary, AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var cleared = new List<AssignmentSummary>();
        foreach (var open in (await QueryAsync(connection, tx, SelectByIncident, new { IncidentId = IdText(incidentId) }, cancellationToken))
                     .Where(a => AssignmentTransitions.IsOpen(a.State)))
        {
            var after = open with { State = AssignmentState.Cleared, ClearedAt = at.ToUniversalTime(), Version = open.Version + 1 };
            if (await connection.ExecuteAsync(new CommandDefinition(Update, ToRow(after), tx, cancellationToken: cancellationToken)) == 0)
            {
                throw new InvalidOperationException($"Assignment {open.Id} changed while its incident was closed; the close is retried.");
            }

            await FollowAsync(connection, tx, open.UnitCode, cancellationToken);
            await AuditLog.AppendAsync(connection, tx, audit(open, after), cancellationToken);
            cleared.Add(after);
        }

        await tx.CommitAsync(cancellationToken);
        return cleared;
    }

    /// <summary>An audit entry for a step that changes no row (a reinforcement request).</summary>
    public async Task AppendAuditAsync(AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<AssignmentSummary?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await QueryAsync(connection, null, SelectById, new { Id = IdText(id) }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>An incident's assignments, oldest first.</summary>
    public async Task<IReadOnlyList<AssignmentSummary>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, SelectByIncident, new { IncidentId = IdText(incidentId) }, cancellationToken);
    }

    /// <summary>A unit's assignments, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AssignmentSummary>> ForUnitAsync(string unitCode, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await QueryAsync(connection, null, SelectByUnit, new { UnitCode = unitCode }, cancellationToken)).Take(limit).ToList();
    }

    /// <summary>A unit's open assignments, newest first.</summary>
    public async Task<IReadOnlyList<AssignmentSummary>> OpenOfUnitAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, SelectOpenOfUnit, new { UnitCode = unitCode }, cancellationToken);
    }

    /// <summary>
    /// The incident each unit works on now (its newest open assignment), for the unit board: one query for every unit.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Guid>> CurrentIncidentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var open = await QueryAsync(connection, null, SelectOpen, new { }, cancellationToken);
        return open.GroupBy(a => a.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().IncidentId, StringComparer.Ordinal);
    }

    /// <summary>The unit's status follows its newest open assignment, else it is Available.</summary>
    private static async Task<UnitStatus> FollowAsync(DbConnection connection, DbTransaction tx, string unitCode, CancellationToken cancellationToken)
    {
        var open = await QueryAsync(connection, tx, SelectOpenOfUnit, new { UnitCode = unitCode }, cancellationToken);
        var status = AssignmentTransitions.UnitStatusAfter(open);
        await UnitStore.SetStatusAsync(connection, tx, unitCode, status, cancellationToken);
        return status;
    }

    private static async Task<IReadOnlyList<AssignmentSummary>> QueryAsync(
        DbConnection connection, DbTransaction? tx, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, tx, cancellationToken: cancellationToken));
        return rows.Select(r => new AssignmentSummary(
            Guid.Parse(r.Id), Guid.Parse(r.IncidentId), r.UnitCode, Enum.Parse<AssignmentRole>(r.Role), Enum.Parse<AssignmentState>(r.State),
            r.DispatchedAt, r.AcknowledgedAt, r.EnRouteAt, r.OnSceneAt, r.ClearedAt, r.DeclinedAt, r.DeclineReason,
            r.DispatchedBy, r.OverrideReason, r.Version)).ToList();
    }

    internal static string IdText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static Row ToRow(AssignmentSummary a) => new()
    {
        Id = IdText(a.Id),
        IncidentId = IdText(a.IncidentId),
        UnitCode = a.UnitCode,
        Role = a.Role.ToString(),
        State = a.State.ToString(),
        DispatchedAt = a.DispatchedAt.ToUniversalTime(),
        AcknowledgedAt = a.AcknowledgedAt?.ToUniversalTime(),
        EnRouteAt = a.EnRouteAt?.ToUniversalTime(),
        OnSceneAt = a.OnSceneAt?.ToUniversalTime(),
        ClearedAt = a.ClearedAt?.ToUniversalTime(),
        DeclinedAt = a.DeclinedAt?.ToUniversalTime(),
        DeclineReason = a.DeclineReason,
        DispatchedBy = a.DispatchedBy,
        OverrideReason = a.OverrideReason,
        Version = a.Version,
    };

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string IncidentId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string Role { get; set; } = "";
        public string State { get; set; } = "";
        public DateTimeOffset DispatchedAt { get; set; }
        public DateTimeOffset? AcknowledgedAt { get; set; }
        public DateTimeOffset? EnRouteAt { get; set; }
        public DateTimeOffset? OnSceneAt { get; set; }
        public DateTimeOffset? ClearedAt { get; set; }
        public DateTimeOffset? DeclinedAt { get; set; }
        public string? DeclineReason { get; set; }
        public string DispatchedBy { get; set; } = "";
        public string? OverrideReason { get; set; }
        public int Version { get; set; }
    }
}
