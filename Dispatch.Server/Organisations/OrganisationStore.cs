using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Organisations;

/// <summary>An organisation as stored.</summary>
public sealed record StoredOrganisation(OrganisationSummary Organisation, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Owns the <c>organisations</c> table.</summary>
public sealed class OrganisationStore(Database database)
{
    /// <summary>Audit spelling for organisation edits (kept here rather than in AuditNames to keep stages apart).</summary>
    public const string AuditSubject = "organisation";

    public const string AuditAction = "organisation.updated";

    /// <summary>Separates area codes in <c>area_codes</c>; codes are validated never to contain it.</summary>
    public const char AreaSeparator = ',';

    private const string Columns = """
        SELECT code AS Code, name AS Name, type AS Type, area_codes AS AreaCodes, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM organisations
        """;

    private const string SelectAll = Columns + "\nORDER BY code";

    private const string SelectOfType = Columns + "\nWHERE type = @Type\nORDER BY code";

    private const string SelectOne = Columns + "\nWHERE code = @Code";

    private const string Insert = """
        INSERT INTO organisations (code, name, type, area_codes, created_at, updated_at)
        VALUES (@Code, @Name, @Type, @AreaCodes, @At, @At)
        """;

    private const string InsertIfMissing = """
        INSERT INTO organisations (code, name, type, area_codes, created_at, updated_at)
        SELECT @Code, @Name, @Type, @AreaCodes, @At, @At
        WHERE NOT EXISTS (SELECT 1 FROM organisations WHERE code = @Code)
        """;

    private const string Update = """
        UPDATE organisations SET name = @Name, type = @Type, area_codes = @AreaCodes, updated_at = @At
        WHERE code = @Code
        """;

    /// <summary>Every organisation by code, or those of one type.</summary>
    public async Task<IReadOnlyList<StoredOrganisation>> ListAsync(OrganisationType? type, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var command = type is { } t
            ? new CommandDefinition(SelectOfType, new { Type = t.ToString() }, cancellationToken: cancellationToken)
            : new CommandDefinition(SelectAll, cancellationToken: cancellationToken);
        var rows = await connection.QueryAsync<OrganisationRow>(command);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<StoredOrganisation?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, code, cancellationToken);
    }

    /// <summary>
    /// Inserts the organisations whose code is not stored yet and leaves the others as they are (an admin's edit
    /// of a demo organisation survives a reseed). Returns how many it inserted.
    /// </summary>
    public async Task<int> AddMissingAsync(IEnumerable<OrganisationSummary> organisations, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var organisation in organisations)
        {
            inserted += await connection.ExecuteAsync(new CommandDefinition(
                InsertIfMissing, OrganisationRow.From(organisation, at), tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Creates or replaces an organisation and appends <c>organisation.updated</c> to the audit log in the same
    /// transaction. Returns whether it was created.
    /// </summary>
    public Task<(bool Created, StoredOrganisation Stored)> SaveAsync(
        OrganisationSummary organisation, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        AuditedSave.SaveAsync(
            database,
            (connection, tx) => GetAsync(connection, tx, organisation.Code, cancellationToken),
            async (connection, tx, before) =>
            {
                var row = OrganisationRow.From(organisation, at);
                await connection.ExecuteAsync(new CommandDefinition(before is null ? Insert : Update, row, tx, cancellationToken: cancellationToken));
                return new StoredOrganisation(organisation, before?.CreatedAt ?? row.At, row.At);
            },
            (before, _) => new AuditEntry(
                at, actor, null, AuditAction, AuditSubject, organisation.Code,
                before is null ? null : AuditJson.Serialize(before.Organisation), AuditJson.Serialize(organisation)),
            cancellationToken);

    private static async Task<StoredOrganisation?> GetAsync(DbConnection connection, DbTransaction? tx, string code, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrganisationRow>(new CommandDefinition(
            SelectOne, new { Code = code }, tx, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    private sealed class OrganisationRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string AreaCodes { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public static Parameters From(OrganisationSummary o, DateTimeOffset at) =>
            new(o.Code, o.Name, o.Type.ToString(), string.Join(AreaSeparator, o.AreaCodes), at.ToUniversalTime());

        public StoredOrganisation ToStored() => new(
            new OrganisationSummary(Code, Name, Enum.Parse<OrganisationType>(Type),
                AreaCodes.Split(AreaSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            CreatedAt,
            UpdatedAt);
    }

    private sealed record Parameters(string Code, string Name, string Type, string AreaCodes, DateTimeOffset At);
}
