using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Incidents;

/// <summary>Owns the <c>incidents</c> and <c>alerts</c> tables.</summary>
public sealed class IncidentStore(Database database)
{
    private const string SelectAlertIncident = "SELECT incident_id FROM alerts WHERE alert_id = @AlertId";

    private const string InsertIncident = """
        INSERT INTO incidents (id, received_at, opened_at, status, kind, category_code, category_name,
                               description, address, lon, lat, alert_count)
        VALUES (@Id, @ReceivedAt, @OpenedAt, @Status, @Kind, @CategoryCode, @CategoryName,
                @Description, @Address, @Lon, @Lat, @AlertCount)
        """;

    private const string InsertAlert = """
        INSERT INTO alerts (alert_id, incident_id, received_at, category_code, description, address,
                            lon, lat, caller_phone, source, stored_at)
        VALUES (@AlertId, @IncidentId, @ReceivedAt, @CategoryCode, @Description, @Address,
                @Lon, @Lat, @CallerPhone, @Source, @StoredAt)
        """;

    private const string IncidentColumns = """
        SELECT id AS Id, received_at AS ReceivedAt, opened_at AS OpenedAt, status AS Status, kind AS Kind,
               category_code AS CategoryCode, category_name AS CategoryName, description AS Description,
               address AS Address, lon AS Lon, lat AS Lat, alert_count AS AlertCount
        FROM incidents
        """;

    private const string SelectIncident = IncidentColumns + "\nWHERE id = @Id";

    private const string SelectAlerts = """
        SELECT alert_id AS AlertId, received_at AS ReceivedAt, category_code AS CategoryCode,
               description AS Description, address AS Address, lon AS Lon, lat AS Lat,
               caller_phone AS CallerPhone, source AS Source, stored_at AS StoredAt
        FROM alerts
        WHERE incident_id = @IncidentId
        ORDER BY received_at, alert_id
        """;

    private const string CountIncidents = "SELECT COUNT(*) FROM incidents";
    private const string NewestFirst = "\nORDER BY received_at DESC, id DESC";

    /// <summary>
    /// Stores a new incident and its first alert, with the audit entry, in one transaction. An alert id that
    /// is already stored opens nothing and returns the incident it belongs to (at-least-once delivery).
    /// </summary>
    public async Task<OpenOutcome> OpenFromAlertAsync(IncidentSummary incident, StoredAlert alert, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = await FindByAlertAsync(connection, null, alert.AlertId, cancellationToken);
        if (existing is not null)
        {
            return new OpenOutcome(false, existing);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertIncident, ToRow(incident), tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertAlert, ToRow(incident.Id, alert), tx, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(
                incident.OpenedAt, AuditNames.SystemActor, null, AuditNames.IncidentOpened, AuditNames.IncidentSubject,
                IdText(incident.Id), null, AuditJson.Serialize(incident)), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new OpenOutcome(true, incident);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Another consumer stored the same alert between our check and our insert.
            var winner = await FindByAlertAsync(connection, null, alert.AlertId, cancellationToken);
            return new OpenOutcome(false, winner ?? throw new InvalidOperationException($"Alert {alert.AlertId} collided but is not stored.", ex));
        }
    }

    public async Task<IncidentSummary?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAlert>> AlertsOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            SelectAlerts, new { IncidentId = IdText(incidentId) }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredAlert(r.AlertId, r.ReceivedAt, r.CategoryCode, r.Description, r.Address,
            Point(r.Lon, r.Lat), r.CallerPhone, r.Source, r.StoredAt)).ToList();
    }

    public async Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.Status is not null)
        {
            where.Add("status = @Status");
        }

        if (query.From is not null)
        {
            where.Add("received_at >= @From");
        }

        if (query.To is not null)
        {
            where.Add("received_at < @To");
        }

        var filter = where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where);
        var parameters = new
        {
            Status = query.Status?.ToString(),
            From = query.From?.ToUniversalTime(),
            To = query.To?.ToUniversalTime(),
            Skip = (query.Page - 1) * query.PageSize,
            Take = query.PageSize,
        };

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountIncidents + filter, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            database.Dialect.Page(IncidentColumns + filter + NewestFirst), parameters, cancellationToken: cancellationToken));
        return new IncidentPage(rows.Select(FromRow).ToList(), query.Page, query.PageSize, total);
    }

    private static async Task<IncidentSummary?> FindByAlertAsync(DbConnection connection, DbTransaction? tx, string alertId, CancellationToken cancellationToken)
    {
        var incidentId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectAlertIncident, new { AlertId = alertId }, tx, cancellationToken: cancellationToken));
        return incidentId is null ? null : await GetAsync(connection, tx, Guid.Parse(incidentId), cancellationToken);
    }

    private static async Task<IncidentSummary?> GetAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            SelectIncident, new { Id = IdText(id) }, tx, cancellationToken: cancellationToken));
        return row is null ? null : FromRow(row);
    }

    internal static string IdText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static GeoPoint? Point(double? lon, double? lat) => lon is { } x && lat is { } y ? new GeoPoint(x, y) : null;

    private static IncidentSummary FromRow(IncidentRow r) => new(
        Guid.Parse(r.Id), r.ReceivedAt, r.OpenedAt, Enum.Parse<IncidentStatus>(r.Status), Enum.Parse<IncidentKind>(r.Kind),
        r.CategoryCode, r.CategoryName, r.Description, r.Address, Point(r.Lon, r.Lat), r.AlertCount);

    private static IncidentRow ToRow(IncidentSummary i) => new()
    {
        Id = IdText(i.Id),
        ReceivedAt = i.ReceivedAt.ToUniversalTime(),
        OpenedAt = i.OpenedAt.ToUniversalTime(),
        Status = i.Status.ToString(),
        Kind = i.Kind.ToString(),
        CategoryCode = i.CategoryCode,
        CategoryName = i.CategoryName,
        Description = i.Description,
        Address = i.Address,
        Lon = i.Location?.Lon,
        Lat = i.Location?.Lat,
        AlertCount = i.AlertCount,
    };

    private static object ToRow(Guid incidentId, StoredAlert a) => new
    {
        a.AlertId,
        IncidentId = IdText(incidentId),
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

    private sealed class IncidentRow
    {
        public string Id { get; set; } = "";
        public DateTimeOffset ReceivedAt { get; set; }
        public DateTimeOffset OpenedAt { get; set; }
        public string Status { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? CategoryCode { get; set; }
        public string? CategoryName { get; set; }
        public string Description { get; set; } = "";
        public string? Address { get; set; }
        public double? Lon { get; set; }
        public double? Lat { get; set; }
        public int AlertCount { get; set; }
    }

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
