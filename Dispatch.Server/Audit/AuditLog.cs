using System.Data.Common;
using Dapper;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Audit;

/// <summary>
/// The audit log. Append and read only: there is deliberately no update or delete here, and the database
/// refuses them too (triggers in the first migration).
/// </summary>
public sealed class AuditLog(Database database)
{
    private const string Insert = """
        INSERT INTO audit_log (at, actor, actor_role, action, subject_type, subject_id, before_state, after_state)
        VALUES (@At, @Actor, @ActorRole, @Action, @SubjectType, @SubjectId, @Before, @After)
        """;

    // PostgreSQL: a whole batch in one statement; Npgsql binds each .NET array as one array parameter.
    private const string InsertManyPostgreSql = """
        INSERT INTO audit_log (at, actor, actor_role, action, subject_type, subject_id, before_state, after_state)
        SELECT e.at, e.actor, e.actor_role, e.action, e.subject_type, e.subject_id, e.before_state, e.after_state
        FROM unnest(@At::timestamptz[], @Actor::text[], @ActorRole::text[], @Action::text[], @SubjectType::text[],
                    @SubjectId::text[], @Before::text[], @After::text[])
             WITH ORDINALITY AS e(at, actor, actor_role, action, subject_type, subject_id, before_state, after_state, n)
        ORDER BY e.n
        """;

    private const string SelectForSubject = """
        SELECT at AS At, actor AS Actor, actor_role AS ActorRole, action AS Action,
               subject_type AS SubjectType, subject_id AS SubjectId, before_state AS Before, after_state AS After
        FROM audit_log
        WHERE subject_type = @SubjectType AND subject_id = @SubjectId
        ORDER BY id
        """;

    private const string SelectByAction = """
        SELECT at AS At, actor AS Actor, actor_role AS ActorRole, action AS Action,
               subject_type AS SubjectType, subject_id AS SubjectId, before_state AS Before, after_state AS After
        FROM audit_log
        WHERE action = @Action AND at >= @Since
        ORDER BY id
        """;

    /// <summary>Appends inside the caller's transaction, so the change and its record commit together.</summary>
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, entry with { At = entry.At.ToUniversalTime() }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Appends many entries, in order, inside the caller's transaction: one statement on PostgreSQL, one per entry
    /// elsewhere (SQLite runs in-process, so a statement costs no round trip; SQL Server keeps the simple path).
    /// </summary>
    public static async Task AppendManyAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (dialect.Provider != DatabaseProvider.PostgreSql)
        {
            foreach (var entry in entries)
            {
                await AppendAsync(connection, transaction, entry, cancellationToken);
            }

            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertManyPostgreSql, new
        {
            At = entries.Select(e => e.At.ToUniversalTime()).ToArray(),
            Actor = entries.Select(e => e.Actor).ToArray(),
            ActorRole = entries.Select(e => e.ActorRole).ToArray(),
            Action = entries.Select(e => e.Action).ToArray(),
            SubjectType = entries.Select(e => e.SubjectType).ToArray(),
            SubjectId = entries.Select(e => e.SubjectId).ToArray(),
            Before = entries.Select(e => e.Before).ToArray(),
            After = entries.Select(e => e.After).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Every entry of one action since a moment, oldest first (e.g. operators' reclassifications, to learn from).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ByActionSinceAsync(string action, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(SelectByAction,
            new { Action = action, Since = since.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.At, r.Actor, r.ActorRole, r.Action, r.SubjectType, r.SubjectId, r.Before, r.After)).ToList();
    }

    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            SelectForSubject, new { SubjectType = subjectType, SubjectId = subjectId }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.At, r.Actor, r.ActorRole, r.Action, r.SubjectType, r.SubjectId, r.Before, r.After)).ToList();
    }

    private sealed class AuditRow
    {
        public DateTimeOffset At { get; set; }
        public string Actor { get; set; } = "";
        public string? ActorRole { get; set; }
        public string Action { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public string? Before { get; set; }
        public string? After { get; set; }
    }
}
