using System.Data.Common;
using System.Text.Json;
using Dapper;
using Dispatch.Contracts;

namespace Dispatch.Server.Incidents;

/// <summary>
/// The <c>grid_events</c> table: the grid event an incident was opened from. Written only by
/// <see cref="IncidentStore"/>, in the transaction that opens the incident.
/// </summary>
internal static class GridEventTable
{
    private const string SelectGridEventIncident = "SELECT incident_id FROM grid_events WHERE event_id = @EventId";

    private const string InsertGridEvent = """
        INSERT INTO grid_events (event_id, incident_id, reported_at, reporter, reporter_kind, tier, category_code, description,
                                 lon, lat, grid_code, photo_urls, stored_at)
        VALUES (@EventId, @IncidentId, @ReportedAt, @Reporter, @ReporterKind, @Tier, @CategoryCode, @Description,
                @Lon, @Lat, @GridCode, @PhotoUrls, @StoredAt)
        """;

    private const string SelectGridEvent = """
        SELECT event_id AS EventId, reported_at AS ReportedAt, reporter AS Reporter, reporter_kind AS ReporterKind, tier AS Tier,
               category_code AS CategoryCode, description AS Description, lon AS Lon, lat AS Lat, grid_code AS GridCode,
               photo_urls AS PhotoUrls, stored_at AS StoredAt
        FROM grid_events
        WHERE incident_id = @IncidentId
        """;

    public static Task InsertAsync(DbConnection connection, DbTransaction tx, Guid incidentId, StoredGridEvent gridEvent, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertGridEvent, new
        {
            gridEvent.EventId,
            IncidentId = IncidentStore.IdText(incidentId),
            ReportedAt = gridEvent.ReportedAt.ToUniversalTime(),
            gridEvent.Reporter,
            ReporterKind = gridEvent.ReporterKind.ToString(),
            Tier = gridEvent.Tier.ToString(),
            gridEvent.CategoryCode,
            gridEvent.Description,
            Lon = gridEvent.Location?.Lon,
            Lat = gridEvent.Location?.Lat,
            gridEvent.GridCode,
            PhotoUrls = JsonSerializer.Serialize(gridEvent.PhotoUrls),
            StoredAt = gridEvent.StoredAt.ToUniversalTime(),
        }, tx, cancellationToken: cancellationToken));

    /// <summary>The incident a grid event id is stored with, if it is.</summary>
    public static async Task<Guid?> IncidentOfAsync(DbConnection connection, string eventId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectGridEventIncident, new { EventId = eventId }, cancellationToken: cancellationToken))
            is { } id ? Guid.Parse(id) : null;

    public static async Task<StoredGridEvent?> OfIncidentAsync(DbConnection connection, Guid incidentId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<GridEventRow>(new CommandDefinition(
            SelectGridEvent, new { IncidentId = IncidentStore.IdText(incidentId) }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredGridEvent(row.EventId, row.ReportedAt, row.Reporter, Enum.Parse<ReporterKind>(row.ReporterKind), Enum.Parse<GridEventTier>(row.Tier),
                row.CategoryCode, row.Description, IncidentStore.Point(row.Lon, row.Lat), row.GridCode,
                JsonSerializer.Deserialize<List<string>>(row.PhotoUrls) ?? [], row.StoredAt);
    }

    private sealed class GridEventRow
    {
        public string EventId { get; set; } = "";
        public DateTimeOffset ReportedAt { get; set; }
        public string Reporter { get; set; } = "";
        public string ReporterKind { get; set; } = "";
        public string Tier { get; set; } = "";
        public string? CategoryCode { get; set; }
        public string Description { get; set; } = "";
        public double? Lon { get; set; }
        public double? Lat { get; set; }
        public string? GridCode { get; set; }
        public string PhotoUrls { get; set; } = "[]";
        public DateTimeOffset StoredAt { get; set; }
    }
}
