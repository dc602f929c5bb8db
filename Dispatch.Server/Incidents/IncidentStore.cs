using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Incidents;

/// <summary>
/// More writes that belong to opening an incident (its clocks), done on the connection and inside the
/// transaction that stores it: they commit with it, or neither does.
/// </summary>
public delegate Task AlsoInTransaction(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken);

/// <summary>
/// Owns the <c>incidents</c> table, and through it <c>alerts</c> (<see cref="AlertTable"/>) and <c>grid_events</c>
/// (<see cref="GridEventTable"/>), which are only ever written with their incident. Every change goes with its audit entry in one
/// transaction; changes after opening are guarded by the row's version, so two operators cannot overwrite
/// each other silently.
/// </summary>
public sealed class IncidentStore(Database database)
{

    private const string InsertIncident = """
        INSERT INTO incidents (id, received_at, opened_at, status, kind, category_code, category_name,
                               description, address, lon, lat, alert_count, priority, source,
                               district_code, district_name, street_code, street_name, community_code, community_name,
                               grid_code, grid_name, precinct_code, precinct_name, on_boundary, shared_area_codes,
                               organisation_code, organisation_name, organisation_type,
                               routing_outcome, routing_reasons, routing_confidence, routing_candidates, address_match, version)
        VALUES (@Id, @ReceivedAt, @OpenedAt, @Status, @Kind, @CategoryCode, @CategoryName,
                @Description, @Address, @Lon, @Lat, @AlertCount, @Priority, @Source,
                @DistrictCode, @DistrictName, @StreetCode, @StreetName, @CommunityCode, @CommunityName,
                @GridCode, @GridName, @PrecinctCode, @PrecinctName, @OnBoundary, @SharedAreaCodes,
                @OrganisationCode, @OrganisationName, @OrganisationType,
                @RoutingOutcome, @RoutingReasons, @RoutingConfidence, @RoutingCandidates, @AddressMatch, 1)
        """;

    private const string UpdateIncident = """
        UPDATE incidents
        SET status = @Status, kind = @Kind, category_code = @CategoryCode, category_name = @CategoryName,
            alert_count = @AlertCount, priority = @Priority, lon = @Lon, lat = @Lat,
            district_code = @DistrictCode, district_name = @DistrictName, street_code = @StreetCode, street_name = @StreetName,
            community_code = @CommunityCode, community_name = @CommunityName, grid_code = @GridCode, grid_name = @GridName,
            precinct_code = @PrecinctCode, precinct_name = @PrecinctName, on_boundary = @OnBoundary, shared_area_codes = @SharedAreaCodes,
            organisation_code = @OrganisationCode, organisation_name = @OrganisationName, organisation_type = @OrganisationType,
            routing_outcome = @RoutingOutcome, routing_reasons = @RoutingReasons, routing_confidence = @RoutingConfidence,
            routing_candidates = @RoutingCandidates, address_match = @AddressMatch, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    internal const string IncidentColumns = """
        SELECT id AS Id, received_at AS ReceivedAt, opened_at AS OpenedAt, status AS Status, kind AS Kind,
               category_code AS CategoryCode, category_name AS CategoryName, description AS Description,
               address AS Address, lon AS Lon, lat AS Lat, alert_count AS AlertCount, priority AS Priority, source AS Source,
               district_code AS DistrictCode, district_name AS DistrictName, street_code AS StreetCode, street_name AS StreetName,
               community_code AS CommunityCode, community_name AS CommunityName, grid_code AS GridCode, grid_name AS GridName,
               precinct_code AS PrecinctCode, precinct_name AS PrecinctName, on_boundary AS OnBoundary, shared_area_codes AS SharedAreaCodes,
               organisation_code AS OrganisationCode, organisation_name AS OrganisationName, organisation_type AS OrganisationType,
               routing_outcome AS RoutingOutcome, routing_reasons AS RoutingReasons, routing_confidence AS RoutingConfidence,
               routing_candidates AS RoutingCandidates, address_match AS AddressMatch, version AS Version,
               (SELECT g.tier FROM grid_events g WHERE g.incident_id = incidents.id) AS GridTier
        FROM incidents
        """;

    private const string SelectIncident = IncidentColumns + "\nWHERE id = @Id";
    private const string SelectWithBreachedClocks = IncidentColumns
        + "\nWHERE id IN (SELECT incident_id FROM incident_clocks WHERE state = 'Breached' AND due_at >= @From AND due_at < @To)";

    // Open incidents of one category received in a time window and inside a box around the new report: the
    // candidates it may be a repeat of. The box keeps this a handful of rows however busy the centre is.
    private const string SelectDuplicateCandidates = IncidentColumns + """

        WHERE category_code = @CategoryCode AND status <> 'Closed' AND received_at >= @From AND received_at <= @To
          AND lat BETWEEN @MinLat AND @MaxLat AND lon BETWEEN @MinLon AND @MaxLon
        """;

    private const string JoinAlert = """
        UPDATE incidents SET alert_count = alert_count + 1, version = version + 1 WHERE id = @Id
        """;

    private const string CountIncidents = "SELECT COUNT(*) FROM incidents";
    internal const string NewestFirst = "\nORDER BY received_at DESC, id DESC";
    // The triage queue: urgent triage (danger to life, priority 1) first, then whoever has waited longest.
    private const string UrgentThenOldest = "\nORDER BY CASE WHEN priority = 1 THEN 0 ELSE 1 END, received_at, id";

    /// <summary>Stores a new incident and its first alert, with nothing else in the transaction.</summary>
    public Task<OpenOutcome> OpenFromAlertAsync(IncidentSummary incident, StoredAlert alert, CancellationToken cancellationToken) =>
        OpenFromAlertAsync(incident, alert, null, cancellationToken);

    /// <summary>
    /// Stores a new incident and its first alert, with the audit entry, in one transaction. An alert id that
    /// is already stored opens nothing and returns the incident it belongs to (at-least-once delivery); nor
    /// does it run <paramref name="also"/>, which otherwise runs after the inserts, in their transaction.
    /// </summary>
    public Task<OpenOutcome> OpenFromAlertAsync(
        IncidentSummary incident, StoredAlert alert, AlsoInTransaction? also, CancellationToken cancellationToken) =>
        OpenAsync(incident, (connection, tx, ct) => AlertTable.InsertAsync(connection, tx, incident.Id, incident.Id, alert, ct),
            (connection, ct) => AlertTable.IncidentOfAsync(connection, alert.AlertId, ct), $"Alert {alert.AlertId}", also, cancellationToken);

    /// <summary>
    /// Stores an incident opened from a grid event, with the event and the audit entry. An event id already
    /// stored opens nothing and returns its incident, and does not run <paramref name="also"/>.
    /// </summary>
    public Task<OpenOutcome> OpenFromGridEventAsync(
        IncidentSummary incident, StoredGridEvent gridEvent, AlsoInTransaction? also, CancellationToken cancellationToken) =>
        OpenAsync(incident, (connection, tx, ct) => GridEventTable.InsertAsync(connection, tx, incident.Id, gridEvent, ct),
            (connection, ct) => GridEventTable.IncidentOfAsync(connection, gridEvent.EventId, ct), $"Grid event {gridEvent.EventId}", also, cancellationToken);

    public async Task<StoredGridEvent?> GridEventOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GridEventTable.OfIncidentAsync(connection, incidentId, cancellationToken);
    }

    /// <summary>
    /// Adds an alert to an open incident (a second caller about the same thing). The alert keeps the reference
    /// intake gave it, so <c>GET /api/incidents/{reference}</c> still finds the incident it joined.
    /// </summary>
    public async Task<OpenOutcome> JoinAsync(Guid incidentId, Guid reference, StoredAlert alert, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = await FindByAlertAsync(connection, alert.AlertId, cancellationToken);
        if (existing is not null)
        {
            return new OpenOutcome(false, existing);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await AlertTable.InsertAsync(connection, tx, incidentId, reference, alert, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(JoinAlert, new { Id = IdText(incidentId) }, tx, cancellationToken: cancellationToken));
            var joined = await GetAsync(connection, tx, incidentId, cancellationToken)
                ?? throw new InvalidOperationException($"Incident {incidentId} vanished while alert {alert.AlertId} joined it.");
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(
                alert.StoredAt, AuditNames.SystemActor, null, AuditNames.AlertJoined, AuditNames.IncidentSubject, IdText(incidentId),
                null, AuditJson.Serialize(new { alert.AlertId, alert.Description, alert.CallerPhone, joined.Incident.AlertCount })), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new OpenOutcome(true, joined.Incident);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            var winner = await FindByAlertAsync(connection, alert.AlertId, cancellationToken);
            return new OpenOutcome(false, winner ?? throw new InvalidOperationException($"Alert {alert.AlertId} collided but is not stored.", ex));
        }
    }

    /// <summary>Open incidents of a category received within a time window, with a location.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> DuplicateCandidatesAsync(
        string categoryCode, DateTimeOffset from, DateTimeOffset to, GeoPoint near, double radiusMetres, CancellationToken cancellationToken)
    {
        // Degrees per metre: latitude is constant; longitude shrinks with the cosine of the latitude.
        var dLat = radiusMetres / 111_320.0;
        var dLon = radiusMetres / (111_320.0 * Math.Max(0.01, Math.Cos(near.Lat * Math.PI / 180)));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(SelectDuplicateCandidates, new
        {
            CategoryCode = categoryCode,
            From = from.ToUniversalTime(),
            To = to.ToUniversalTime(),
            MinLat = near.Lat - dLat,
            MaxLat = near.Lat + dLat,
            MinLon = near.Lon - dLon,
            MaxLon = near.Lon + dLon,
        }, cancellationToken: cancellationToken));
        return rows.Select(IncidentRow.From).ToList();
    }

    /// <summary>
    /// Replaces an incident's mutable fields if nobody changed it since <paramref name="version"/> was read, with
    /// the audit entry. False when someone else changed it first.
    /// </summary>
    public async Task<bool> ReplaceAsync(IncidentSummary after, int version, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateIncident, IncidentRow.Of(after, version), tx, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IncidentSummary?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetVersionedAsync(id, cancellationToken))?.Incident;

    /// <summary>The incident and the version to pass back to <see cref="ReplaceAsync"/>.</summary>
    public async Task<VersionedIncident?> GetVersionedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The incident an intake reference points to: itself, or the incident its alert joined.</summary>
    public async Task<IncidentSummary?> ResolveReferenceAsync(Guid reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await GetAsync(connection, null, reference, cancellationToken);
        if (own is not null)
        {
            return own.Incident;
        }

        var joined = await AlertTable.IncidentOfReferenceAsync(connection, reference, cancellationToken);
        return joined is null ? null : (await GetAsync(connection, null, joined.Value, cancellationToken))?.Incident;
    }

    public async Task<IReadOnlyList<StoredAlert>> AlertsOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertTable.OfIncidentAsync(connection, incidentId, cancellationToken);
    }

    /// <summary>
    /// The incidents with a response clock breached and due in [from, to), for the breach audit: one query however
    /// many breaches. Call only when <c>incident_clocks</c> exists.
    /// </summary>
    public async Task<IReadOnlyList<IncidentSummary>> WithBreachedClocksAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(SelectWithBreachedClocks,
            new { From = from.ToUniversalTime(), To = to.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.Select(IncidentRow.From).ToList();
    }

    /// <summary>One page of the incidents a query selects (see <see cref="IncidentListQuery"/>), and how many it selects in all.</summary>
    public async Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        var (filter, parameters) = IncidentListQuery.Build(query, database.Dialect);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountIncidents + filter, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            database.Dialect.Page(IncidentColumns + filter + (query.UrgentThenOldest ? UrgentThenOldest : NewestFirst)), parameters, cancellationToken: cancellationToken));
        return new IncidentPage(rows.Select(IncidentRow.From).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>
    /// The one way an incident is opened: unless its source record (<paramref name="existing"/>) is stored already,
    /// the incident, its source record (<paramref name="insertSource"/>), the audit entry and <paramref name="also"/>
    /// in one transaction. A unique violation means another consumer stored the same source first: its incident wins.
    /// </summary>
    private async Task<OpenOutcome> OpenAsync(
        IncidentSummary incident, Func<DbConnection, DbTransaction, CancellationToken, Task> insertSource,
        Func<DbConnection, CancellationToken, Task<Guid?>> existing, string source, AlsoInTransaction? also, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<IncidentSummary?> Existing() =>
            await existing(connection, cancellationToken) is { } id ? (await GetAsync(connection, null, id, cancellationToken))?.Incident : null;

        if (await Existing() is { } stored)
        {
            return new OpenOutcome(false, stored);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertIncident, IncidentRow.Of(incident, 1), tx, cancellationToken: cancellationToken));
            await insertSource(connection, tx, cancellationToken);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(
                incident.OpenedAt, AuditNames.SystemActor, null, AuditNames.IncidentOpened, AuditNames.IncidentSubject,
                IdText(incident.Id), null, AuditJson.Serialize(incident)), cancellationToken);
            if (also is not null)
            {
                await also(connection, tx, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return new OpenOutcome(true, incident);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            return new OpenOutcome(false, await Existing() ?? throw new InvalidOperationException($"{source} collided but is not stored.", ex));
        }
    }

    private static async Task<IncidentSummary?> FindByAlertAsync(DbConnection connection, string alertId, CancellationToken cancellationToken) =>
        await AlertTable.IncidentOfAsync(connection, alertId, cancellationToken) is { } id ? (await GetAsync(connection, null, id, cancellationToken))?.Incident : null;

    private static async Task<VersionedIncident?> GetAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            SelectIncident, new { Id = IdText(id) }, tx, cancellationToken: cancellationToken));
        return row is null ? null : new VersionedIncident(IncidentRow.From(row), row.Version);
    }

    internal static string IdText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    internal static GeoPoint? Point(double? lon, double? lat) => lon is { } x && lat is { } y ? new GeoPoint(x, y) : null;

}
