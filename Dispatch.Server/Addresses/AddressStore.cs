using Dapper;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Addresses;

/// <summary>Owns the <c>addresses</c> table: the standard address register, keyed by the register's id.</summary>
public sealed class AddressStore(Database database)
{
    private const string UpdateAddress = """
        UPDATE addresses SET normalised = @Normalised, district = @District, street = @Street, community = @Community, road = @Road,
            number = @Number, compound = @Compound, building = @Building, unit = @Unit, lon = @Lon, lat = @Lat, grid_code = @GridCode,
            updated_at = @Now
        WHERE id = @Id
        """;

    private const string InsertAddress = """
        INSERT INTO addresses (id, normalised, district, street, community, road, number, compound, building, unit, lon, lat, grid_code, created_at, updated_at)
        VALUES (@Id, @Normalised, @District, @Street, @Community, @Road, @Number, @Compound, @Building, @Unit, @Lon, @Lat, @GridCode, @Now, @Now)
        """;

    private const string SelectAddresses = """
        SELECT id AS Id, district AS District, street AS Street, community AS Community, road AS Road, number AS Number,
               compound AS Compound, building AS Building, unit AS Unit, lon AS Lon, lat AS Lat, grid_code AS GridCode
        FROM addresses
        ORDER BY id
        """;

    private const string CountAddresses = "SELECT COUNT(*) FROM addresses";

    /// <summary>
    /// Writes the entries in one transaction; an id already stored is replaced, keeping its creation time.
    /// Returns how many were replaced. All or nothing. <paramref name="progress"/> hears the count written so far.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<AddressEntry> entries, DateTimeOffset now, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var replaced = 0;
        var written = 0;
        foreach (var e in entries)
        {
            var row = new
            {
                e.Id, e.Normalised, e.District, e.Street, e.Community, e.Road, e.Number, e.Compound, e.Building, e.Unit, e.Lon, e.Lat, e.GridCode,
                Now = now.ToUniversalTime(),
            };
            var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateAddress, row, tx, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertAddress, row, tx, cancellationToken: cancellationToken));
            }
            else
            {
                replaced++;
            }

            if (++written % 1000 == 0)
            {
                progress?.Report(written);
            }
        }

        await tx.CommitAsync(cancellationToken);
        progress?.Report(written);
        return replaced;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAddresses, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AddressEntry>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectAddresses, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AddressEntry(r.Id, r.District, r.Street, r.Community, r.Road, r.Number, r.Compound, r.Building, r.Unit, r.Lon, r.Lat, r.GridCode))];
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string? District { get; set; }
        public string? Street { get; set; }
        public string? Community { get; set; }
        public string? Road { get; set; }
        public string? Number { get; set; }
        public string? Compound { get; set; }
        public string? Building { get; set; }
        public string? Unit { get; set; }
        public double Lon { get; set; }
        public double Lat { get; set; }
        public string GridCode { get; set; } = "";
    }
}
