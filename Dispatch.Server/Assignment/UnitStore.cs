using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Assignment;

/// <summary>A unit as stored: the summary plus the accuracy its last position came with.</summary>
public sealed record StoredUnit(UnitSummary Unit, double? AccuracyMetres);

/// <summary>What became of a position report.</summary>
public enum PositionOutcome
{
    /// <summary>It was newer than the stored position and replaced it.</summary>
    Stored,

    /// <summary>The stored position is as new or newer (a late, out-of-order or repeated report); nothing changed.</summary>
    NotNewer,

    /// <summary>No unit has this code.</summary>
    UnknownUnit,
}

/// <summary>Owns the <c>units</c> table.</summary>
public sealed class UnitStore(Database database)
{
    private const string UnitColumns = """
        SELECT code AS Code, name AS Name, organisation AS Organisation, kind AS Kind,
               lon AS Lon, lat AS Lat, accuracy_m AS AccuracyMetres, position_at AS PositionAt, status AS Status
        FROM units
        """;

    private const string SelectUnit = UnitColumns + "\nWHERE code = @Code";

    private const string ByCode = "\nORDER BY code";

    private const string UpdateStatus = "UPDATE units SET status = @Status WHERE code = @Code";

    // Conditional on the status read, so two operators dispatching the same unit at once cannot both succeed.
    private const string UpdateStatusIf = "UPDATE units SET status = @Status WHERE code = @Code AND status = @Expected";

    private const string CountUnit = "SELECT COUNT(*) FROM units WHERE code = @Code";

    private const string InsertUnit = """
        INSERT INTO units (code, name, organisation, kind, lon, lat, accuracy_m, position_at)
        VALUES (@Code, @Name, @Organisation, @Kind, NULL, NULL, NULL, NULL)
        """;

    private const string UpdateDetails = """
        UPDATE units SET name = @Name, organisation = @Organisation, kind = @Kind
        WHERE code = @Code
        """;

    // The condition in the statement itself makes out-of-order and repeated reports harmless even when two
    // consumers store reports of the same unit at once: the newest position_at always wins.
    private const string UpdatePosition = """
        UPDATE units SET lon = @Lon, lat = @Lat, accuracy_m = @AccuracyMetres, position_at = @At
        WHERE code = @Code AND (position_at IS NULL OR position_at < @At)
        """;

    /// <summary>
    /// Adds a unit or updates its name, organisation and kind; a position in <paramref name="unit"/> is then
    /// recorded like any report (only if newer than the stored one).
    /// </summary>
    public async Task UpsertAsync(UnitSummary unit, CancellationToken cancellationToken)
    {
        var details = new { unit.Code, unit.Name, unit.Organisation, Kind = unit.Kind.ToString() };
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateDetails, details, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(InsertUnit, details, cancellationToken: cancellationToken));
                }
                catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
                {
                    // Another node added it between our update and our insert: ours are the details to keep.
                    await connection.ExecuteAsync(new CommandDefinition(UpdateDetails, details, cancellationToken: cancellationToken));
                }
            }
        }

        if (unit is { Position: { } position, PositionAt: { } at })
        {
            await RecordPositionAsync(new UnitPositionReported(unit.Code, position, at, null), cancellationToken);
        }
    }

    /// <summary>
    /// Creates a unit or replaces its name, organisation and kind, with an audit entry holding the details before
    /// and after; position and status are left as they are. True when the unit is new.
    /// </summary>
    public Task<(bool Created, StoredUnit Unit)> SaveAsync(UnitSummary unit, string actor, string? actorRole, DateTimeOffset at, CancellationToken cancellationToken) =>
        AuditedSave.SaveAsync(
            database,
            (connection, tx) => GetAsync(connection, tx, unit.Code, cancellationToken),
            async (connection, tx, before) =>
            {
                var details = new { unit.Code, unit.Name, unit.Organisation, Kind = unit.Kind.ToString() };
                await connection.ExecuteAsync(new CommandDefinition(before is null ? InsertUnit : UpdateDetails, details, tx, cancellationToken: cancellationToken));
                var row = await connection.QuerySingleAsync<UnitRow>(new CommandDefinition(SelectUnit, new { unit.Code }, tx, cancellationToken: cancellationToken));
                return FromRow(row);
            },
            (before, after) => new AuditEntry(at, actor, actorRole, AssignmentAudit.UnitUpdated, AssignmentAudit.UnitSubject, unit.Code,
                before is null ? null : AuditJson.Serialize(Details(before)), AuditJson.Serialize(Details(after.Unit))),
            cancellationToken);

    private static object Details(UnitSummary unit) => new { unit.Code, unit.Name, unit.Organisation, unit.Kind };

    /// <summary>Stores a reported position unless the stored one is as new or newer.</summary>
    public async Task<PositionOutcome> RecordPositionAsync(UnitPositionReported report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(UpdatePosition, new
        {
            Code = report.UnitCode,
            report.Position.Lon,
            report.Position.Lat,
            report.AccuracyMetres,
            At = report.At.ToUniversalTime(),
        }, cancellationToken: cancellationToken));
        if (updated > 0)
        {
            return PositionOutcome.Stored;
        }

        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountUnit, new { Code = report.UnitCode }, cancellationToken: cancellationToken));
        return exists > 0 ? PositionOutcome.NotNewer : PositionOutcome.UnknownUnit;
    }

    /// <summary>
    /// Changes a unit's status from <paramref name="expected"/> to <paramref name="status"/> with its audit entry;
    /// false when the unit's status is no longer the one read (someone else changed it first).
    /// </summary>
    public async Task<bool> ChangeStatusAsync(string code, UnitStatus expected, UnitStatus status, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ChangeStatusAsync(connection, tx, code, expected, status, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await AuditLog.AppendAsync(connection, tx, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Inside the caller's transaction: the conditional status change.</summary>
    internal static async Task<bool> ChangeStatusAsync(
        DbConnection connection, DbTransaction tx, string code, UnitStatus expected, UnitStatus status, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(UpdateStatusIf,
            new { Code = code, Expected = expected.ToString(), Status = status.ToString() }, tx, cancellationToken: cancellationToken)) > 0;

    /// <summary>Inside the caller's transaction: sets the status whatever it was (it follows the unit's assignments).</summary>
    internal static Task SetStatusAsync(DbConnection connection, DbTransaction tx, string code, UnitStatus status, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UpdateStatus, new { Code = code, Status = status.ToString() }, tx, cancellationToken: cancellationToken));

    /// <summary>Inside the caller's transaction: one unit as it is now.</summary>
    internal static async Task<UnitSummary?> GetAsync(DbConnection connection, DbTransaction? tx, string code, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(SelectUnit, new { Code = code }, tx, cancellationToken: cancellationToken));
        return row is null ? null : FromRow(row).Unit;
    }

    public async Task<StoredUnit?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(SelectUnit, new { Code = code }, cancellationToken: cancellationToken));
        return row is null ? null : FromRow(row);
    }

    /// <summary>Units ordered by code, optionally of one organisation and/or one kind.</summary>
    public Task<IReadOnlyList<StoredUnit>> ListAsync(string? organisation, UnitKind? kind, CancellationToken cancellationToken) =>
        ListAsync(organisation, kind, null, cancellationToken);

    /// <summary>As above, keeping only the units a user may see: <paramref name="visible"/> is their condition in this database's dialect (<see cref="UnitScope.Filter"/>).</summary>
    public async Task<IReadOnlyList<StoredUnit>> ListAsync(
        string? organisation, UnitKind? kind, Func<SqlDialect, VisibilityFilter>? visible, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (organisation is not null)
        {
            where.Add("organisation = @Organisation");
        }

        if (kind is not null)
        {
            where.Add("kind = @Kind");
        }

        var parameters = new DynamicParameters(new { Organisation = organisation, Kind = kind?.ToString() });
        if (visible?.Invoke(database.Dialect) is { Where: { } condition } filter)
        {
            where.Add(condition);
            parameters.AddDynamicParams(filter.Parameters);
        }

        var sql = UnitColumns + (where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where)) + ByCode;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(FromRow).ToList();
    }

    private static StoredUnit FromRow(UnitRow r) => new(
        new UnitSummary(r.Code, r.Name, r.Organisation, Enum.Parse<UnitKind>(r.Kind),
            r.Lon is { } lon && r.Lat is { } lat ? new GeoPoint(lon, lat) : null, r.PositionAt, Enum.Parse<UnitStatus>(r.Status)),
        r.AccuracyMetres);

    private sealed class UnitRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Organisation { get; set; } = "";
        public string Kind { get; set; } = "";
        public double? Lon { get; set; }
        public double? Lat { get; set; }
        public double? AccuracyMetres { get; set; }
        public DateTimeOffset? PositionAt { get; set; }
        public string Status { get; set; } = nameof(UnitStatus.Available);
    }
}
