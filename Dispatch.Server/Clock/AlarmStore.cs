using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Clock;

/// <summary>
/// The alarms of open incidents and their acknowledgements. An alarm is read from what raised it (a breached clock,
/// a reinforcement request in the audit log, an urgent triage call), so it cannot disagree with them; only its
/// acknowledgement is stored, in <c>alarm_acknowledgements</c>, with an <c>alarm.acknowledged</c> audit entry on the
/// incident's timeline in the same transaction.
/// </summary>
public sealed class AlarmStore(Database database, IncidentStore incidents)
{
    public const string AcknowledgedAction = "alarm.acknowledged";

    private const string SelectBreaches = """
        SELECT c.incident_id AS IncidentId, c.kind AS Kind, c.breached_at AS At
        FROM incident_clocks c JOIN incidents i ON i.id = c.incident_id
        WHERE c.state = 'Breached' AND i.status <> 'Closed'
        """;

    // audit_log has no index on action, and grows without end: the open incidents (status index) lead, each reaching
    // its own entries through the subject index, so the work follows the open incidents, not the whole log.
    private const string SelectReinforcements = """
        SELECT a.id AS Id, a.subject_id AS IncidentId, a.at AS At
        FROM incidents i JOIN audit_log a ON a.subject_type = @Subject AND a.subject_id = i.id
        WHERE i.status IN ('Open', 'NeedsTriage', 'InProgress') AND a.action = @Action
        """;

    private const string SelectAcknowledgements = """
        SELECT k.alarm_id AS Id, k.incident_id AS IncidentId, k.acknowledged_by AS AcknowledgedBy, k.acknowledged_at AS AcknowledgedAt
        FROM alarm_acknowledgements k JOIN incidents i ON i.id = k.incident_id
        WHERE i.status <> 'Closed'
        """;

    private const string SelectAcknowledgement = """
        SELECT alarm_id AS Id, incident_id AS IncidentId, acknowledged_by AS AcknowledgedBy, acknowledged_at AS AcknowledgedAt
        FROM alarm_acknowledgements WHERE alarm_id = @Id
        """;

    private const string InsertAcknowledgement = """
        INSERT INTO alarm_acknowledgements (alarm_id, incident_id, acknowledged_by, acknowledged_at)
        VALUES (@Id, @IncidentId, @AcknowledgedBy, @AcknowledgedAt)
        """;

    /// <summary>Every alarm of the open incidents the scope may see, oldest first; acknowledged ones too when asked.</summary>
    public async Task<IReadOnlyList<AlarmView>> ListAsync(AccessScope scope, bool includeAcknowledged, CancellationToken cancellationToken)
    {
        // The same query and visibility filter as GET /api/incidents/open: an alarm is seen by whoever sees its incident.
        var open = await incidents.ListAsync(new IncidentQuery(null, null, null, 1, IncidentEndpoints.OpenLimit, UrgentThenOldest: true, scope, OpenOnly: true),
            cancellationToken);
        var visible = open.Items.ToDictionary(i => i.Id);

        await using var connection = await database.OpenAsync(cancellationToken);
        var alarms = new List<AlarmView>();
        foreach (var b in await connection.QueryAsync<BreachRow>(new CommandDefinition(SelectBreaches, cancellationToken: cancellationToken)))
        {
            if (visible.TryGetValue(Guid.Parse(b.IncidentId), out var incident) && Enum.TryParse<ClockKind>(b.Kind, out var kind))
            {
                alarms.Add(View(AlarmIds.Breach(incident.Id, kind), AlarmKind.ClockBreached, incident, kind, b.At ?? incident.ReceivedAt));
            }
        }

        var requests = await connection.QueryAsync<ReinforcementRow>(new CommandDefinition(SelectReinforcements,
            new { Action = AssignmentAudit.ReinforcementRequested, Subject = AuditNames.IncidentSubject }, cancellationToken: cancellationToken));
        foreach (var r in requests)
        {
            if (visible.TryGetValue(Guid.Parse(r.IncidentId), out var incident))
            {
                alarms.Add(View(AlarmIds.Reinforcement(r.Id), AlarmKind.ReinforcementRequested, incident, null, r.At));
            }
        }

        alarms.AddRange(open.Items.Where(i => i.Status == IncidentStatus.NeedsTriage && i.Routing?.Urgent == true)
            .Select(i => View(AlarmIds.Urgent(i.Id), AlarmKind.UrgentTriage, i, null, i.ReceivedAt)));

        if (!includeAcknowledged)
        {
            var acknowledged = (await connection.QueryAsync<AckRow>(new CommandDefinition(SelectAcknowledgements, cancellationToken: cancellationToken)))
                .Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            alarms.RemoveAll(a => acknowledged.Contains(a.Id));
        }

        return [.. alarms.OrderBy(a => a.At).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Acknowledges one alarm the scope may see. Null when there is no such alarm for this user (unknown, closed, or
    /// outside their areas). A second acknowledgement changes nothing and answers the first, with <c>Already</c> set.
    /// </summary>
    public async Task<AlarmAcknowledgement?> AcknowledgeAsync(AccessScope scope, string id, string actor, string? role, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var alarm = (await ListAsync(scope, includeAcknowledged: true, cancellationToken)).FirstOrDefault(a => a.Id == id);
        return alarm is null ? null : (await AcknowledgeAsync([alarm], actor, role, now, cancellationToken))[0];
    }

    /// <summary>Acknowledges every unacknowledged alarm the scope may see; returns those this call acknowledged.</summary>
    public async Task<IReadOnlyList<AlarmAcknowledgement>> AcknowledgeAllAsync(AccessScope scope, string actor, string? role, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var alarms = await ListAsync(scope, includeAcknowledged: false, cancellationToken);
        return [.. (await AcknowledgeAsync(alarms, actor, role, now, cancellationToken)).Where(a => !a.Already)];
    }

    // One transaction per alarm: a colleague acknowledging the same alarm at the same moment makes ours "already",
    // and must not undo the others of an acknowledge-all.
    private async Task<IReadOnlyList<AlarmAcknowledgement>> AcknowledgeAsync(IReadOnlyList<AlarmView> alarms, string actor, string? role,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<AlarmAcknowledgement>(alarms.Count);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var alarm in alarms)
        {
            if (await FindAsync(connection, null, alarm.Id, cancellationToken) is { } earlier)
            {
                result.Add(earlier);
                continue;
            }

            var row = new AckRow { Id = alarm.Id, IncidentId = IncidentStore.IdText(alarm.IncidentId), AcknowledgedBy = actor, AcknowledgedAt = now.ToUniversalTime() };
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertAcknowledgement, row, tx, cancellationToken: cancellationToken));
                await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, actor, role, AcknowledgedAction, AuditNames.IncidentSubject, row.IncidentId, null,
                    AuditJson.Serialize(new { Alarm = alarm.Id, alarm.Kind, alarm.Clock })), cancellationToken);
                await tx.CommitAsync(cancellationToken);
                result.Add(new AlarmAcknowledgement(alarm.Id, alarm.IncidentId, actor, now, Already: false));
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                await tx.RollbackAsync(cancellationToken);
                result.Add((await FindAsync(connection, null, alarm.Id, cancellationToken))!);
            }
        }

        return result;
    }

    private static async Task<AlarmAcknowledgement?> FindAsync(DbConnection connection, DbTransaction? tx, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AckRow>(new CommandDefinition(SelectAcknowledgement, new { Id = id }, tx,
            cancellationToken: cancellationToken));
        return row is null ? null : new AlarmAcknowledgement(row.Id, Guid.Parse(row.IncidentId), row.AcknowledgedBy, row.AcknowledgedAt, Already: true);
    }

    private static AlarmView View(string id, AlarmKind kind, IncidentSummary incident, ClockKind? clock, DateTimeOffset at) =>
        new(id, kind, incident.Id, clock, incident.CategoryName, incident.Address, incident.Description, at);

    private sealed class BreachRow
    {
        public string IncidentId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTimeOffset? At { get; set; }
    }

    private sealed class ReinforcementRow
    {
        public long Id { get; set; }
        public string IncidentId { get; set; } = "";
        public DateTimeOffset At { get; set; }
    }

    private sealed class AckRow
    {
        public string Id { get; set; } = "";
        public string IncidentId { get; set; } = "";
        public string AcknowledgedBy { get; set; } = "";
        public DateTimeOffset AcknowledgedAt { get; set; }
    }
}
