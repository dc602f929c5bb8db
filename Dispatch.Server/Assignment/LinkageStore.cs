using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Owns the <c>incident_linkages</c> table: the hand-offs of an incident to 119, 120 or 应急. A hand-off and its
/// audit entry are stored together; the unique index on (incident, service) makes a second hand-off to the same
/// service answer the first, however the two requests race.
/// </summary>
public sealed class LinkageStore(Database database)
{
    private const string Insert = """
        INSERT INTO incident_linkages (id, incident_id, service, reference, external_reference, note, handed_by, handed_at)
        VALUES (@Id, @IncidentId, @Service, @Reference, @ExternalReference, @Note, @HandedBy, @HandedAt)
        """;

    private const string SelectByIncident = """
        SELECT incident_id AS IncidentId, service AS Service, reference AS Reference, external_reference AS ExternalReference,
               note AS Note, handed_by AS HandedBy, handed_at AS HandedAt
        FROM incident_linkages
        WHERE incident_id = @IncidentId
        ORDER BY handed_at, service
        """;

    /// <summary>Stores the hand-off with its audit entry. Null when stored; otherwise the earlier hand-off to that service.</summary>
    public async Task<IncidentLinked?> AddAsync(Guid id, IncidentLinked linkage, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                Id = AssignmentStore.IdText(id),
                IncidentId = AssignmentStore.IdText(linkage.IncidentId),
                Service = linkage.Service.ToString(),
                linkage.Reference,
                linkage.ExternalReference,
                linkage.Note,
                HandedBy = linkage.Actor,
                HandedAt = linkage.At.ToUniversalTime(),
            }, tx, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
        }

        return (await ForIncidentAsync(linkage.IncidentId, cancellationToken)).First(l => l.Service == linkage.Service);
    }

    /// <summary>An incident's hand-offs, oldest first.</summary>
    public async Task<IReadOnlyList<IncidentLinked>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectByIncident, new { IncidentId = AssignmentStore.IdText(incidentId) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new IncidentLinked(
            Guid.Parse(r.IncidentId), Enum.Parse<LinkageService>(r.Service), r.Reference, r.ExternalReference, r.Note, r.HandedAt, r.HandedBy)).ToList();
    }

    private sealed class Row
    {
        public string IncidentId { get; set; } = "";
        public string Service { get; set; } = "";
        public string Reference { get; set; } = "";
        public string? ExternalReference { get; set; }
        public string? Note { get; set; }
        public string HandedBy { get; set; } = "";
        public DateTimeOffset HandedAt { get; set; }
    }
}
