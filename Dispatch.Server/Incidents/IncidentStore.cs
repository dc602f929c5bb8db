using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Incidents;

/// <summary>
/// More writes that belong to opening an incident (its clocks), done on the connection and inside the
/// transaction that stores it: they commit with it, or neither does.
/// </summary>
public delegate Task AlsoInTransaction(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken);

/// <summary>
/// Owns the <c>incidents</c> and <c>alerts</c> tables. Every change goes with its audit entry in one
/// transaction; changes after opening are guarded by the row's version, so two operators cannot overwrite
/// each other silently.
/// </summary>
public sealed class IncidentStore(Database database)
{
    private const string SelectAlertIncident = "SELECT incident_id FROM alerts WHERE alert_id = @AlertId";
    private const string SelectReferenceIncident = "SELECT incident_id FROM alerts WHERE reference = @Reference";

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

    private const string InsertAlert = """
        INSERT INTO alerts (alert_id, incident_id, reference, received_at, category_code, description, address,
                            lon, lat, caller_phone, source, stored_at)
        VALUES (@AlertId, @IncidentId, @Reference, @ReceivedAt, @CategoryCode, @Description, @Address,
                @Lon, @Lat, @CallerPhone, @Source, @StoredAt)
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

    private const string SelectAlerts = """
        SELECT alert_id AS AlertId, received_at AS ReceivedAt, category_code AS CategoryCode,
               description AS Description, address AS Address, lon AS Lon, lat AS Lat,
               caller_phone AS CallerPhone, source AS Source, stored_at AS StoredAt
        FROM alerts
        WHERE incident_id = @IncidentId
        ORDER BY received_at, alert_id
        """;

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
    public async Task<OpenOutcome> OpenFromAlertAsync(
        IncidentSummary incident, StoredAlert alert, AlsoInTransaction? also, CancellationToken cancellationToken)
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
            await connection.ExecuteAsync(new CommandDefinition(InsertIncident, ToRow(incident, 1), tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertAlert, ToRow(incident.Id, incident.Id, alert), tx, cancellationToken: cancellationToken));
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
            // Another consumer stored the same alert between our check and our insert.
            var winner = await FindByAlertAsync(connection, alert.AlertId, cancellationToken);
            return new OpenOutcome(false, winner ?? throw new InvalidOperationException($"Alert {alert.AlertId} collided but is not stored.", ex));
        }
    }

    /// <summary>
    /// Stores an incident opened from a grid event, with the event and the audit entry. An event id already
    /// stored opens nothing and returns its incident, and does not run <paramref name="also"/>.
    /// </summary>
    public async Task<OpenOutcome> OpenFromGridEventAsync(
        IncidentSummary incident, StoredGridEvent gridEvent, AlsoInTransaction? also, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<IncidentSummary?> Existing()
        {
            var id = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                SelectGridEventIncident, new { gridEvent.EventId }, cancellationToken: cancellationToken));
            return id is null ? null : (await GetAsync(connection, null, Guid.Parse(id), cancellationToken))?.Incident;
        }

        if (await Existing() is { } existing)
        {
            return new OpenOutcome(false, existing);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertIncident, ToRow(incident, 1), tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertGridEvent, new
            {
                gridEvent.EventId,
                IncidentId = IdText(incident.Id),
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
            return new OpenOutcome(false, await Existing() ?? throw new InvalidOperationException($"Grid event {gridEvent.EventId} collided but is not stored.", ex));
        }
    }

    public async Task<StoredGridEvent?> GridEventOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GridEventRow>(new CommandDefinition(
            SelectGridEvent, new { IncidentId = IdText(incidentId) }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredGridEvent(row.EventId, row.ReportedAt, row.Reporter, Enum.Parse<ReporterKind>(row.ReporterKind), Enum.Parse<GridEventTier>(row.Tier),
                row.CategoryCode, row.Description, Point(row.Lon, row.Lat), row.GridCode,
                JsonSerializer.Deserialize<List<string>>(row.PhotoUrls) ?? [], row.StoredAt);
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
            await connection.ExecuteAsync(new CommandDefinition(InsertAlert, ToRow(incidentId, reference, alert), tx, cancellationToken: cancellationToken));
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
        return rows.Select(FromRow).ToList();
    }

    /// <summary>
    /// Replaces an incident's mutable fields if nobody changed it since <paramref name="version"/> was read, with
    /// the audit entry. False when someone else changed it first.
    /// </summary>
    public async Task<bool> ReplaceAsync(IncidentSummary after, int version, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateIncident, ToRow(after, version), tx, cancellationToken: cancellationToken));
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

        var joined = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectReferenceIncident, new { Reference = IdText(reference) }, cancellationToken: cancellationToken));
        return joined is null ? null : (await GetAsync(connection, null, Guid.Parse(joined), cancellationToken))?.Incident;
    }

    public async Task<IReadOnlyList<StoredAlert>> AlertsOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            SelectAlerts, new { IncidentId = IdText(incidentId) }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredAlert(r.AlertId, r.ReceivedAt, r.CategoryCode, r.Description, r.Address,
            Point(r.Lon, r.Lat), r.CallerPhone, r.Source, r.StoredAt)).ToList();
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
        return rows.Select(FromRow).ToList();
    }

    /// <summary>One page of the incidents a query selects (see <see cref="IncidentListQuery"/>), and how many it selects in all.</summary>
    public async Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        var (filter, parameters) = IncidentListQuery.Build(query, database.Dialect);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountIncidents + filter, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            database.Dialect.Page(IncidentColumns + filter + (query.UrgentThenOldest ? UrgentThenOldest : NewestFirst)), parameters, cancellationToken: cancellationToken));
        return new IncidentPage(rows.Select(FromRow).ToList(), query.Page, query.PageSize, total);
    }

    private static async Task<IncidentSummary?> FindByAlertAsync(DbConnection connection, string alertId, CancellationToken cancellationToken)
    {
        var incidentId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectAlertIncident, new { AlertId = alertId }, cancellationToken: cancellationToken));
        return incidentId is null ? null : (await GetAsync(connection, null, Guid.Parse(incidentId), cancellationToken))?.Incident;
    }

    private static async Task<VersionedIncident?> GetAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            SelectIncident, new { Id = IdText(id) }, tx, cancellationToken: cancellationToken));
        return row is null ? null : new VersionedIncident(FromRow(row), row.Version);
    }

    internal static string IdText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static GeoPoint? Point(double? lon, double? lat) => lon is { } x && lat is { } y ? new GeoPoint(x, y) : null;

    private static AreaRef? Area(string? code, string? name) => code is null ? null : new AreaRef(code, name ?? code);

    private static IncidentSummary FromRow(IncidentRow r)
    {
        var jurisdiction = r.Lon is null
            ? null
            : new Jurisdiction(Area(r.DistrictCode, r.DistrictName), Area(r.StreetCode, r.StreetName), Area(r.CommunityCode, r.CommunityName),
                Area(r.GridCode, r.GridName), Area(r.PrecinctCode, r.PrecinctName), r.OnBoundary, Visibility.SharedCodes(r.SharedAreaCodes));
        var routing = r.RoutingOutcome is null
            ? null
            : new RoutingDecision(
                Enum.Parse<RoutingOutcome>(r.RoutingOutcome),
                r.OrganisationCode is null ? null : new OrganisationRef(r.OrganisationCode, r.OrganisationName ?? r.OrganisationCode, Enum.Parse<OrganisationType>(r.OrganisationType!)),
                JsonSerializer.Deserialize<List<string>>(r.RoutingReasons ?? "[]", AuditJson.Options) ?? [],
                r.RoutingConfidence,
                JsonSerializer.Deserialize<List<CategoryCandidate>>(r.RoutingCandidates ?? "[]", AuditJson.Options) ?? [],
                // Urgent triage is stored as what it means: priority 1 waiting in triage (the queue's order uses the same).
                Urgent: r.RoutingOutcome == nameof(RoutingOutcome.NeedsTriage) && r.Priority == 1);
        return new IncidentSummary(
            Guid.Parse(r.Id), r.ReceivedAt, r.OpenedAt, Enum.Parse<IncidentStatus>(r.Status), Enum.Parse<IncidentKind>(r.Kind),
            r.CategoryCode, r.CategoryName, r.Description, r.Address, Point(r.Lon, r.Lat), r.AlertCount,
            r.Priority, jurisdiction, routing, Enum.Parse<IncidentSource>(r.Source),
            r.GridTier is null ? null : Enum.Parse<GridEventTier>(r.GridTier),
            r.AddressMatch is null ? null : JsonSerializer.Deserialize<AddressLocation>(r.AddressMatch, AuditJson.Options));
    }

    private static IncidentRow ToRow(IncidentSummary i, int version)
    {
        var j = i.Jurisdiction;
        var routing = i.Routing;
        return new IncidentRow
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
            Priority = i.Priority,
            Source = i.Source.ToString(),
            DistrictCode = j?.District?.Code,
            DistrictName = j?.District?.Name,
            StreetCode = j?.Street?.Code,
            StreetName = j?.Street?.Name,
            CommunityCode = j?.Community?.Code,
            CommunityName = j?.Community?.Name,
            GridCode = j?.Grid?.Code,
            GridName = j?.Grid?.Name,
            PrecinctCode = j?.Precinct?.Code,
            PrecinctName = j?.Precinct?.Name,
            OnBoundary = j?.OnBoundary ?? false,
            SharedAreaCodes = Visibility.SharedColumn(j?.SharedWith),
            OrganisationCode = routing?.Organisation?.Code,
            OrganisationName = routing?.Organisation?.Name,
            OrganisationType = routing?.Organisation?.Type.ToString(),
            RoutingOutcome = routing?.Outcome.ToString(),
            RoutingReasons = routing is null ? null : JsonSerializer.Serialize(routing.Reasons, AuditJson.Options),
            RoutingConfidence = routing?.Confidence,
            RoutingCandidates = routing is null ? null : JsonSerializer.Serialize(routing.Candidates, AuditJson.Options),
            AddressMatch = i.AddressMatch is null ? null : JsonSerializer.Serialize(i.AddressMatch, AuditJson.Options),
            Version = version,
        };
    }

    private static object ToRow(Guid incidentId, Guid reference, StoredAlert a) => new
    {
        a.AlertId,
        IncidentId = IdText(incidentId),
        Reference = IdText(reference),
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
        public int? Priority { get; set; }
        public string Source { get; set; } = nameof(IncidentSource.Alert);
        public string? DistrictCode { get; set; }
        public string? DistrictName { get; set; }
        public string? StreetCode { get; set; }
        public string? StreetName { get; set; }
        public string? CommunityCode { get; set; }
        public string? CommunityName { get; set; }
        public string? GridCode { get; set; }
        public string? GridName { get; set; }
        public string? PrecinctCode { get; set; }
        public string? PrecinctName { get; set; }
        public bool OnBoundary { get; set; }
        public string? SharedAreaCodes { get; set; }
        public string? OrganisationCode { get; set; }
        public string? OrganisationName { get; set; }
        public string? OrganisationType { get; set; }
        public string? RoutingOutcome { get; set; }
        public string? RoutingReasons { get; set; }
        public double? RoutingConfidence { get; set; }
        public string? RoutingCandidates { get; set; }
        public string? AddressMatch { get; set; }
        public int Version { get; set; }
        public string? GridTier { get; set; }
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
