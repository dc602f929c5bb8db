using System.Data.Common;
using System.Text.Json;
using Dapper;
using Dispatch.Server.Clock;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Routing;

/// <summary>A category as stored, with who last changed it.</summary>
public sealed record StoredCategory(Category Category, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Owns the <c>categories</c> table.</summary>
public sealed class CatalogueStore(Database database)
{
    public const string SeedActor = "seed";

    /// <summary>Audit spelling for catalogue edits (kept here rather than in AuditNames to keep stages apart).</summary>
    public const string AuditSubject = "category";

    public const string AuditAction = "category.updated";

    private const string Columns = """
        SELECT code AS Code, name_zh AS NameZh, name_en AS NameEn, kind AS Kind, priority AS Priority,
               organisation_type AS OrganisationType, respond_minutes AS RespondMinutes, arrive_minutes AS ArriveMinutes,
               reinforce_minutes AS ReinforceMinutes, task_order_working_days AS TaskOrderWorkingDays,
               keywords AS Keywords, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        FROM categories
        """;

    private const string SelectAll = Columns + "\nORDER BY code";

    private const string SelectOne = Columns + "\nWHERE code = @Code";

    private const string Codes = "SELECT code FROM categories";

    private const string Insert = """
        INSERT INTO categories (code, name_zh, name_en, kind, priority, organisation_type, respond_minutes,
                                arrive_minutes, reinforce_minutes, task_order_working_days, keywords, updated_at, updated_by)
        VALUES (@Code, @NameZh, @NameEn, @Kind, @Priority, @OrganisationType, @RespondMinutes,
                @ArriveMinutes, @ReinforceMinutes, @TaskOrderWorkingDays, @Keywords, @UpdatedAt, @UpdatedBy)
        """;

    private const string Update = """
        UPDATE categories
        SET name_zh = @NameZh, name_en = @NameEn, kind = @Kind, priority = @Priority, organisation_type = @OrganisationType,
            respond_minutes = @RespondMinutes, arrive_minutes = @ArriveMinutes, reinforce_minutes = @ReinforceMinutes,
            task_order_working_days = @TaskOrderWorkingDays, keywords = @Keywords, updated_at = @UpdatedAt, updated_by = @UpdatedBy
        WHERE code = @Code
        """;

    public async Task<IReadOnlyList<StoredCategory>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CategoryRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<StoredCategory?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, code, cancellationToken);
    }

    /// <summary>
    /// Adds the seed file's categories whose codes the table lacks: all of them on an empty table, and on later
    /// starts the ones a new edition of the file brings (e.g. 医疗急救). A category already in the table is never
    /// touched, so admins' edits stay. Returns how many it inserted; another node inserting the same code at the
    /// same moment is not an error.
    /// </summary>
    public async Task<int> AddMissingAsync(IReadOnlyCollection<Category> seed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(Codes, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inserted = 0;
        foreach (var category in seed.Where(c => !existing.Contains(c.Code)))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(Insert, CategoryRow.From(category, at, SeedActor), cancellationToken: cancellationToken));
                inserted++;
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                // Another node added it first.
            }
        }

        return inserted;
    }

    /// <summary>
    /// Creates or replaces a category and appends <c>category.updated</c> to the audit log in the same transaction.
    /// Returns whether it was created.
    /// </summary>
    public Task<(bool Created, StoredCategory Stored)> SaveAsync(Category category, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        AuditedSave.SaveAsync(
            database,
            (connection, tx) => GetAsync(connection, tx, category.Code, cancellationToken),
            async (connection, tx, before) =>
            {
                var row = CategoryRow.From(category, at, actor);
                await connection.ExecuteAsync(new CommandDefinition(before is null ? Insert : Update, row, tx, cancellationToken: cancellationToken));
                return row.ToStored();
            },
            (before, after) => new AuditEntry(
                at, actor, null, AuditAction, AuditSubject, category.Code,
                before is null ? null : AuditJson.Serialize(before.Category), AuditJson.Serialize(after.Category)),
            cancellationToken);

    private static async Task<StoredCategory?> GetAsync(DbConnection connection, DbTransaction? tx, string code, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CategoryRow>(new CommandDefinition(
            SelectOne, new { Code = code.Trim().ToLowerInvariant() }, tx, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    private sealed class CategoryRow
    {
        public string Code { get; set; } = "";
        public string NameZh { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Kind { get; set; } = "";
        public int Priority { get; set; }
        public string OrganisationType { get; set; } = "";
        public int RespondMinutes { get; set; }
        public int ArriveMinutes { get; set; }
        public int? ReinforceMinutes { get; set; }
        public int TaskOrderWorkingDays { get; set; }
        public string Keywords { get; set; } = "{}";
        public DateTimeOffset UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";

        public static CategoryRow From(Category category, DateTimeOffset at, string actor) => new()
        {
            Code = category.Code,
            NameZh = category.NameZh,
            NameEn = category.NameEn,
            Kind = category.Kind.ToString(),
            Priority = category.Priority,
            OrganisationType = category.Organisation.ToString(),
            RespondMinutes = category.Response.RespondMinutes,
            ArriveMinutes = category.Response.ArriveMinutes,
            ReinforceMinutes = category.Response.ReinforceMinutes,
            TaskOrderWorkingDays = category.TaskOrderWorkingDays,
            Keywords = AuditJson.Serialize(category.Keywords),
            UpdatedAt = at.ToUniversalTime(),
            UpdatedBy = actor,
        };

        public StoredCategory ToStored() => new(
            new Category(Code, NameZh, NameEn, Enum.Parse<IncidentKind>(Kind), Priority, Enum.Parse<OrganisationType>(OrganisationType),
                new ResponsePolicy(RespondMinutes, ArriveMinutes, ReinforceMinutes), TaskOrderWorkingDays,
                JsonSerializer.Deserialize<Dictionary<string, double>>(Keywords) ?? []),
            UpdatedAt,
            UpdatedBy);
    }
}
