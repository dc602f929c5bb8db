using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Storage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dispatch.Server.Geo;

/// <summary>An area as stored.</summary>
public sealed record StoredArea(
    AreaLevel Level, string Code, string Name, string? ParentCode, Geometry Geometry, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Owns the <c>areas</c> table: the jurisdiction layers, keyed by (level, code).</summary>
public sealed class AreaStore(Database database)
{
    private const string UpdateArea = """
        UPDATE areas SET name = @Name, parent_code = @ParentCode, geometry_wkb = @GeometryWkb, updated_at = @Now
        WHERE level = @Level AND code = @Code
        """;

    private const string InsertArea = """
        INSERT INTO areas (level, code, name, parent_code, geometry_wkb, created_at, updated_at)
        VALUES (@Level, @Code, @Name, @ParentCode, @GeometryWkb, @Now, @Now)
        """;

    private const string SelectAreas = """
        SELECT level AS Level, code AS Code, name AS Name, parent_code AS ParentCode, geometry_wkb AS GeometryWkb,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM areas
        ORDER BY level, code
        """;

    private const string CountAreas = "SELECT COUNT(*) FROM areas";

    /// <summary>
    /// Writes the areas in one transaction: a (level, code) already stored is replaced, keeping its creation
    /// time. Returns how many were replaced. All or nothing: a failure leaves the layers as they were.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<AreaCandidate> areas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var writer = new WKBWriter();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var replaced = 0;
        foreach (var area in areas)
        {
            var row = new
            {
                Level = LevelText(area.Level),
                area.Code,
                area.Name,
                area.ParentCode,
                GeometryWkb = Convert.ToHexString(writer.Write(area.Geometry)),
                Now = now.ToUniversalTime(),
            };
            var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateArea, row, tx, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertArea, row, tx, cancellationToken: cancellationToken));
            }
            else
            {
                replaced++;
            }
        }

        await tx.CommitAsync(cancellationToken);
        return replaced;
    }

    /// <summary>How many areas are stored, all layers together.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAreas, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredArea>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AllAsync(connection, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredArea>> AllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var reader = new WKBReader(GeoJsonAreaReader.Factory.GeometryServices);
        var rows = await connection.QueryAsync<AreaRow>(new CommandDefinition(SelectAreas, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredArea(ParseLevel(r.Level), r.Code, r.Name, r.ParentCode,
            reader.Read(Convert.FromHexString(r.GeometryWkb)), r.CreatedAt, r.UpdatedAt)).ToList();
    }

    /// <summary>The level as stored and as the API spells it: <c>district</c>, <c>street</c> …</summary>
    public static string LevelText(AreaLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Every level as <see cref="LevelText"/> spells it, for messages naming the choices.</summary>
    public static IEnumerable<string> LevelTexts => Enum.GetValues<AreaLevel>().Select(LevelText);

    private static AreaLevel ParseLevel(string text) =>
        StrictEnum.TryParse<AreaLevel>(text, out var level) ? level : throw new InvalidOperationException($"areas.level '{text}' is not a known level.");

    private sealed class AreaRow
    {
        public string Level { get; set; } = "";
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string? ParentCode { get; set; }
        public string GeometryWkb { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
    }
}
