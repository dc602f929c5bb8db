using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Clock;

/// <summary>
/// Owns <c>incident_clocks</c>. Every change is conditional on the row still being as it was read, and goes with
/// its audit entry in one transaction: a redelivered message, a second consumer or a second node's sweeper finds
/// the row changed and does nothing, so each warning, breach and stop happens exactly once.
/// </summary>
public sealed class ClockStore(Database database)
{
    private const string Columns = """
        SELECT incident_id AS IncidentId, kind AS Kind, started_at AS StartedAt, warn_at AS WarnAt, due_at AS DueAt,
               state AS State, met_at AS MetAt, warned_at AS WarnedAt, breached_at AS BreachedAt, late AS Late,
               updated_at AS UpdatedAt
        FROM incident_clocks
        """;

    private const string SelectForIncident = Columns + "\nWHERE incident_id = @IncidentId ORDER BY kind";

    // Two range scans on (state, due_at) rather than IN, so every engine uses the index and stops at @Take.
    private const string SelectDueRunning = Columns + "\nWHERE state = 'Running' AND due_at <= @Now\nORDER BY due_at";
    private const string SelectDueWarned = Columns + "\nWHERE state = 'Warned' AND due_at <= @Now\nORDER BY due_at";
    private const string SelectWarnable = Columns + "\nWHERE state = 'Running' AND warn_at <= @Now\nORDER BY warn_at";

    private const string Insert = """
        INSERT INTO incident_clocks (incident_id, kind, started_at, warn_at, due_at, state, met_at, warned_at, breached_at, late, updated_at)
        VALUES (@IncidentId, @Kind, @StartedAt, @WarnAt, @DueAt, @State, @MetAt, @WarnedAt, @BreachedAt, @Late, @UpdatedAt)
        """;

    // Compare-and-set: the row must still be in the state it was read in, and not yet met.
    private const string Update = """
        UPDATE incident_clocks
        SET state = @State, met_at = @MetAt, warned_at = @WarnedAt, breached_at = @BreachedAt, late = @Late, updated_at = @UpdatedAt
        WHERE incident_id = @IncidentId AND kind = @Kind AND state = @BeforeState AND met_at IS NULL
        """;

    // A breach wins over a warning that another node fired meanwhile: running or warned, it breaches once.
    private const string Breach = """
        UPDATE incident_clocks
        SET state = 'Breached', breached_at = @BreachedAt, late = @Late, updated_at = @UpdatedAt
        WHERE incident_id = @IncidentId AND kind = @Kind AND state IN ('Running', 'Warned')
        """;

    public SqlDialect Dialect => database.Dialect;

    public async Task<IReadOnlyList<IncidentClock>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClockRow>(new CommandDefinition(
            SelectForIncident, new { IncidentId = IncidentStore.IdText(incidentId) }, cancellationToken: cancellationToken));
        return rows.Select(FromRow).OrderBy(c => c.Kind).ToList();
    }

    /// <summary>
    /// Stores an incident's first clocks with one audit entry. False when it already has clocks (a redelivered
    /// <see cref="IncidentOpened"/>, or another consumer was first): nothing changes then.
    /// </summary>
    public async Task<bool> StartAsync(IReadOnlyList<IncidentClock> clocks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (clocks.Count == 0)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var clock in clocks)
            {
                await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(clock), tx, cancellationToken: cancellationToken));
            }
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await AuditLog.AppendAsync(connection, tx, Audit(now, AuditNames.SystemActor, ClockActions.Started, clocks[0].IncidentId,
            AuditJson.Serialize(clocks.Select(c => c.ToView()))), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Applies one change if the row is still as the rule read it; false when someone else changed it first.</summary>
    public async Task<bool> ApplyAsync(ClockChange change, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (change.Before is null)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(change.After), tx, cancellationToken: cancellationToken));
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                await tx.RollbackAsync(cancellationToken);
                return false;
            }
        }
        else if (!await UpdateAsync(connection, tx, change, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await AuditLog.AppendAsync(connection, tx, Audit(change.After.UpdatedAt, actor, change.Action, change.After.IncidentId,
            AuditJson.Serialize(change.After.ToView())), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Up to <paramref name="take"/> clocks that must fire at <paramref name="now"/>: those due first (oldest
    /// first), then those past their warning point.
    /// </summary>
    public async Task<IReadOnlyList<IncidentClock>> DueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var result = new List<IncidentClock>(Math.Min(take, 1024));
        var seen = new HashSet<(Guid, ClockKind)>();
        foreach (var sql in new[] { SelectDueRunning, SelectDueWarned, SelectWarnable })
        {
            if (result.Count >= take)
            {
                break;
            }

            var rows = await connection.QueryAsync<ClockRow>(new CommandDefinition(database.Dialect.Page(sql),
                new { Now = now.ToUniversalTime(), Skip = 0, Take = take - result.Count }, cancellationToken: cancellationToken));
            // A running clock past due is also past its warning point: it breaches, it is not warned too.
            result.AddRange(rows.Select(FromRow).Where(c => seen.Add((c.IncidentId, c.Kind))));
        }

        return result;
    }

    /// <summary>
    /// Fires the sweeper's changes in one transaction; returns those this call actually made (another node
    /// may have fired some first). The caller publishes only these.
    /// </summary>
    public async Task<IReadOnlyList<ClockChange>> FireAsync(IReadOnlyList<ClockChange> changes, CancellationToken cancellationToken)
    {
        var fired = new List<ClockChange>(changes.Count);
        if (changes.Count == 0)
        {
            return fired;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var change in changes)
        {
            var after = change.After;
            var done = after.State == ClockState.Breached
                ? await connection.ExecuteAsync(new CommandDefinition(Breach, new
                {
                    IncidentId = IncidentStore.IdText(after.IncidentId),
                    Kind = after.Kind.ToString(),
                    BreachedAt = after.BreachedAt,
                    after.Late,
                    after.UpdatedAt,
                }, tx, cancellationToken: cancellationToken)) == 1
                : await UpdateAsync(connection, tx, change, cancellationToken);
            if (done)
            {
                await AuditLog.AppendAsync(connection, tx, Audit(after.UpdatedAt, AuditNames.SystemActor, change.Action, after.IncidentId,
                    AuditJson.Serialize(after.ToView())), cancellationToken);
                fired.Add(change);
            }
        }

        await tx.CommitAsync(cancellationToken);
        return fired;
    }

    /// <summary>Writes the escalation of a breach (who was alarmed, which unit was offered) to the incident's audit trail.</summary>
    public async Task RecordEscalationAsync(ClockEscalated escalated, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await AuditLog.AppendAsync(connection, tx, Audit(escalated.At, AuditNames.SystemActor, ClockActions.Escalated, escalated.Incident.Id,
            AuditJson.Serialize(new { escalated.Clock.Kind, escalated.Clock.DueAt, escalated.Clock.Late, Notified = "operators, supervisors", escalated.NextUnit })),
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts many clocks without audit entries, in one transaction: the benchmark's set-up only.</summary>
    public async Task SeedAsync(IEnumerable<IncidentClock> clocks, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var clock in clocks)
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(clock), tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
    }

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, ClockChange change, CancellationToken cancellationToken)
    {
        var row = ToRow(change.After);
        return await connection.ExecuteAsync(new CommandDefinition(Update, new
        {
            row.IncidentId,
            row.Kind,
            row.State,
            row.MetAt,
            row.WarnedAt,
            row.BreachedAt,
            row.Late,
            row.UpdatedAt,
            BeforeState = change.Before!.State.ToString(),
        }, tx, cancellationToken: cancellationToken)) == 1;
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, Guid incidentId, string after) =>
        new(at, actor, null, action, AuditNames.IncidentSubject, IncidentStore.IdText(incidentId), null, after);

    private static ClockRow ToRow(IncidentClock c) => new()
    {
        IncidentId = IncidentStore.IdText(c.IncidentId),
        Kind = c.Kind.ToString(),
        StartedAt = c.StartedAt.ToUniversalTime(),
        WarnAt = c.WarnAt.ToUniversalTime(),
        DueAt = c.DueAt.ToUniversalTime(),
        State = c.State.ToString(),
        MetAt = c.MetAt?.ToUniversalTime(),
        WarnedAt = c.WarnedAt?.ToUniversalTime(),
        BreachedAt = c.BreachedAt?.ToUniversalTime(),
        Late = c.Late,
        UpdatedAt = c.UpdatedAt.ToUniversalTime(),
    };

    private static IncidentClock FromRow(ClockRow r) => new(
        Guid.Parse(r.IncidentId), Enum.Parse<ClockKind>(r.Kind), r.StartedAt, r.WarnAt, r.DueAt, Enum.Parse<ClockState>(r.State),
        r.MetAt, r.WarnedAt, r.BreachedAt, r.Late, r.UpdatedAt);

    private sealed class ClockRow
    {
        public string IncidentId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTimeOffset StartedAt { get; set; }
        public DateTimeOffset WarnAt { get; set; }
        public DateTimeOffset DueAt { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset? MetAt { get; set; }
        public DateTimeOffset? WarnedAt { get; set; }
        public DateTimeOffset? BreachedAt { get; set; }
        public bool Late { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
    }
}
