using System.Data.Common;
using Dapper;

namespace Dispatch.Server.Incidents;

/// <summary>
/// The <c>alerts</c> table: every alert with the incident it opened or joined. Written only by
/// <see cref="IncidentStore"/>, in the transaction that opens or joins the incident.
/// </summary>
internal static class AlertTable
{
    private const string SelectAlertIncident = "SELECT incident_id FROM alerts WHERE alert_id = @AlertId";
    private const string SelectReferenceIncident = "SELECT incident_id FROM alerts WHERE reference = @Reference";

    private const string InsertAlert = """
        INSERT INTO alerts (alert_id, incident_id, reference, received_at, category_code, description, address,
                            lon, lat, caller_phone, source, stored_at)
        VALUES (@AlertId, @IncidentId, @Reference, @ReceivedAt, @CategoryCode, @Description, @Address,
                @Lon, @Lat, @CallerPhone, @Source, @StoredAt)
        """;

    private const string SelectAlerts = """
        SELECT alert_id AS AlertId, received_at AS ReceivedAt, category_code AS CategoryCode,
               description AS Description, address AS Address, lon AS Lon, lat AS Lat,
               caller_phone AS CallerPhone, source AS Source, stored_at AS StoredAt
        FROM alerts
        WHERE incident_id = @IncidentId
        ORDER BY received_at, alert_id
        """;

    public static Task InsertAsync(DbConnection connection, DbTransaction tx, Guid incidentId, Guid reference, StoredAlert alert, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertAlert, ToRow(incidentId, reference, alert), tx, cancellationToken: cancellationToken));

    /// <summary>The incident an alert id is stored with, if it is.</summary>
    public static async Task<Guid?> IncidentOfAsync(DbConnection connection, string alertId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectAlertIncident, new { AlertId = alertId }, cancellationToken: cancellationToken))
            is { } id ? Guid.Parse(id) : null;

    /// <summary>The incident an intake reference's alert joined, if any.</summary>
    public static async Task<Guid?> IncidentOfReferenceAsync(DbConnection connection, Guid reference, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectReferenceIncident, new { Reference = IncidentStore.IdText(reference) }, cancellationToken: cancellationToken)) is { } id ? Guid.Parse(id) : null;

    public static async Task<IReadOnlyList<StoredAlert>> OfIncidentAsync(DbConnection connection, Guid incidentId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            SelectAlerts, new { IncidentId = IncidentStore.IdText(incidentId) }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredAlert(r.AlertId, r.ReceivedAt, r.CategoryCode, r.Description, r.Address,
            IncidentStore.Point(r.Lon, r.Lat), r.CallerPhone, r.Source, r.StoredAt)).ToList();
    }

    private static object ToRow(Guid incidentId, Guid reference, StoredAlert a) => new
    {
        a.AlertId,
        IncidentId = IncidentStore.IdText(incidentId),
        Reference = IncidentStore.IdText(reference),
        ReceivedAt = a.ReceivedAt.ToUniversalTime(),
        a.CategoryCode,
        a.Description,
        a.Address,
        Lon = a.Location?.Lon,
        Lat = a.Location?.Lat,
        a.CallerPhone,
        a.Source,
        StoredAt = a.StoredAt.ToUniversalTime(),
    };

    private sealed class AlertRow
    {
        public string AlertId { get; set; } = "";
        public DateTimeOffset ReceivedAt { get; set; }
        public string? CategoryCode { get; set; }
        public string Description { get; set; } = "";
        public string? Address { get; set; }
        public double? Lon { get; set; }
        public double? Lat { get; set; }
        public string? CallerPhone { get; set; }
        public string Source { get; set; } = "";
        public DateTimeOffset StoredAt { get; set; }
    }
}
