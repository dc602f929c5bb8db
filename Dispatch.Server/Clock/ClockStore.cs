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

    // Assessment's reads: the clocks of the incidents received in a period, and the breaches due in one.
    private const string SelectForIncidentsReceived = Columns + """

        WHERE incident_id IN (SELECT id FROM incidents WHERE received_at >= @From AND received_at < @To)
        """;

    private const string SelectBreachedDue = Columns + "\nWHERE state = 'Breached' AND due_at >= @From AND due_at < @To";

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

    private const string InsertManyPostgreSql = """
        INSERT INTO incident_clocks (incident_id, kind, started_at, warn_at, due_at, state, met_at, warned_at, breached_at, late, updated_at)
        SELECT * FROM unnest(@IncidentIds::text[], @Kinds::text[], @StartedAts::timestamptz[], @WarnAts::timestamptz[], @DueAts::timestamptz[],
                             @States::text[], @MetAts::timestamptz[], @WarnedAts::timestamptz[], @BreachedAts::timestamptz[], @Lates::boolean[],
                             @UpdatedAts::timestamptz[])
        """;

    // PostgreSQL: Update and Breach above for a whole batch in one statement, row by row the same conditions
    // and columns. RETURNING gives only the rows whose state this statement changed: a row another node fired
    // (or a responder met) first fails its condition and is neither returned nor audited nor published.
    private const string FireManyPostgreSql = """
        UPDATE incident_clocks AS c
        SET state = f.state,
            met_at = CASE WHEN f.state = 'Breached' THEN c.met_at ELSE f.met_at END,
            warned_at = CASE WHEN f.state = 'Breached' THEN c.warned_at ELSE f.warned_at END,
            breached_at = f.breached_at, late = f.late, updated_at = f.updated_at
        FROM unnest(@IncidentIds::text[], @Kinds::text[], @BeforeStates::text[], @States::text[], @MetAts::timestamptz[],
                    @WarnedAts::timestamptz[], @BreachedAts::timestamptz[], @Lates::boolean[], @UpdatedAts::timestamptz[])
             AS f(incident_id, kind, before_state, state, met_at, warned_at, breached_at, late, updated_at)
        WHERE c.incident_id = f.incident_id AND c.kind = f.kind
          AND CASE WHEN f.state = 'Breached' THEN c.state IN ('Running', 'Warned')
                   ELSE c.state = f.before_state AND c.met_at IS NULL END
        RETURNING c.incident_id, c.kind
        """;

    public SqlDialect Dialect => database.Dialect;

    public async Task<IReadOnlyList<IncidentClock>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClockRow>(new CommandDefinition(
            SelectForIncident, new { IncidentId = IncidentStore.IdText(incidentId) }, cancellationToken: cancellationToken));
        return rows.Select(FromRow).OrderBy(c => c.Kind).ToList();
    }

    /// <summary>The clocks of the incidents received in [from, to). A database error is the caller's, not "no clocks".</summary>
    public Task<IReadOnlyList<IncidentClock>> ForIncidentsReceivedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        InPeriodAsync(SelectForIncidentsReceived, from, to, cancellationToken);

    /// <summary>The breached clocks due in [from, to). A database error is the caller's, not "no breaches".</summary>
    public Task<IReadOnlyList<IncidentClock>> BreachedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        InPeriodAsync(SelectBreachedDue, from, to, cancellationToken);

    /// <summary>
    /// Stores an incident's first clocks with one audit entry. False when it already has clocks (another
    /// consumer was first): nothing changes then.
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
            await StartAsync(connection, tx, clocks, now, cancellationToken);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores an incident's first clocks with one audit entry in the caller's transaction: the incident's own,
    /// so an incident is never stored without its clocks, and a redelivered alert that opens nothing starts
    /// nothing. A clock already stored is a unique violation the caller's transaction fails with.
    /// </summary>
    public async Task StartAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<IncidentClock> clocks, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (clocks.Count == 0)
        {
            return;
        }

        await InsertAsync(connection, tx, clocks, cancellationToken);
        await AuditLog.AppendAsync(connection, tx, Audit(now, AuditNames.SystemActor, ClockActions.Started, clocks[0].IncidentId,
            AuditJson.Serialize(clocks.Select(c => c.ToView()))), cancellationToken);
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
    /// may have fired some first). Only these get audit entries, and the caller publishes only these.
    /// </summary>
    public async Task<IReadOnlyList<ClockChange>> FireAsync(IReadOnlyList<ClockChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // PostgreSQL is a network round trip per statement: a batch of 500 clocks one by one took longer than
        // the 1,667 clocks/s the benchmark lets fall due (docs/PERFORMANCE.md, issue 6).
        var fired = database.Dialect.Provider == DatabaseProvider.PostgreSql
            ? await FireSetAsync(connection, tx, changes, cancellationToken)
            : await FireEachAsync(connection, tx, changes, cancellationToken);
        await AuditLog.AppendManyAsync(connection, tx, database.Dialect, fired.Select(c => Audit(c.After.UpdatedAt, AuditNames.SystemActor, c.Action,
            c.After.IncidentId, AuditJson.Serialize(c.After.ToView()))).ToList(), cancellationToken);
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
    public async Task SeedAsync(IReadOnlyList<IncidentClock> clocks, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, tx, clocks, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<IncidentClock>> InPeriodAsync(string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClockRow>(new CommandDefinition(
            sql, new { From = from.ToUniversalTime(), To = to.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.Select(FromRow).ToList();
    }

    // PostgreSQL is a network round trip per statement: all the rows go in one statement over unnest(…). One row
    // at a time, 100,000 benchmark clocks took half a minute on a busy machine, and every alert starts two or three.
    private async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<IncidentClock> clocks, CancellationToken cancellationToken)
    {
        if (database.Dialect.Provider == DatabaseProvider.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertManyPostgreSql, ColumnArrays(clocks.Select(ToRow).ToList()), tx,
                cancellationToken: cancellationToken));
            return;
        }

        foreach (var clock in clocks)
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, ToRow(clock), tx, cancellationToken: cancellationToken));
        }
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

    private static async Task<IReadOnlyList<ClockChange>> FireEachAsync(
        DbConnection connection, DbTransaction tx, IReadOnlyList<ClockChange> changes, CancellationToken cancellationToken)
    {
        var fired = new List<ClockChange>(changes.Count);
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
                fired.Add(change);
            }
        }

        return fired;
    }

    private static async Task<IReadOnlyList<ClockChange>> FireSetAsync(
        DbConnection connection, DbTransaction tx, IReadOnlyList<ClockChange> changes, CancellationToken cancellationToken)
    {
        var rows = changes.Select(c => ToRow(c.After)).ToList();
        var parameters = ColumnArrays(rows);
        parameters.Add("BeforeStates", changes.Select(c => c.Before?.State.ToString()).ToArray());
        var changed = await connection.QueryAsync<(string IncidentId, string Kind)>(new CommandDefinition(FireManyPostgreSql, parameters, tx,
            cancellationToken: cancellationToken));
        var keys = changed.ToHashSet();
        return changes.Where((c, i) => keys.Contains((rows[i].IncidentId, rows[i].Kind))).ToList();
    }

    // Every column as one array parameter, for the PostgreSQL statements over unnest(…).
    private static DynamicParameters ColumnArrays(IReadOnlyList<ClockRow> rows) => new(new
    {
        IncidentIds = rows.Select(r => r.IncidentId).ToArray(),
        Kinds = rows.Select(r => r.Kind).ToArray(),
        StartedAts = rows.Select(r => r.StartedAt).ToArray(),
        WarnAts = rows.Select(r => r.WarnAt).ToArray(),
        DueAts = rows.Select(r => r.DueAt).ToArray(),
        States = rows.Select(r => r.State).ToArray(),
        MetAts = rows.Select(r => r.MetAt).ToArray(),
        WarnedAts = rows.Select(r => r.WarnedAt).ToArray(),
        BreachedAts = rows.Select(r => r.BreachedAt).ToArray(),
        Lates = rows.Select(r => r.Late).ToArray(),
        UpdatedAts = rows.Select(r => r.UpdatedAt).ToArray(),
    });

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
