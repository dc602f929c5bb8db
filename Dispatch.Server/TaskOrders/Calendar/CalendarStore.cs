using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Server.Storage;

namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>One imported year, as <c>GET /api/calendar/years</c> lists it.</summary>
public sealed record CalendarYear(int Year, DateTimeOffset ImportedAt, string Source, int OffDays, int MakeUpDays);

/// <summary>Owns the <c>calendar_years</c> and <c>calendar_days</c> tables.</summary>
public sealed class CalendarStore(Database database)
{
    /// <summary>The source recorded for the years the server ships.</summary>
    public const string EmbeddedSource = "embedded";

    private const string SelectYears = """
        SELECT y.year AS Year, y.imported_at AS ImportedAt, y.source AS Source,
               (SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.is_off_day = @True) AS OffDays,
               (SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.is_off_day = @False) AS MakeUpDays
        FROM calendar_years y
        ORDER BY y.year
        """;

    private const string SelectDays = """
        SELECT year AS Year, day AS Day, is_off_day AS IsOffDay, name AS Name
        FROM calendar_days
        ORDER BY year, day
        """;

    private const string DeleteDays = "DELETE FROM calendar_days WHERE year = @Year";
    private const string DeleteYear = "DELETE FROM calendar_years WHERE year = @Year";

    private const string InsertYear = """
        INSERT INTO calendar_years (year, imported_at, source) VALUES (@Year, @ImportedAt, @Source)
        """;

    private const string InsertDay = """
        INSERT INTO calendar_days (year, day, is_off_day, name) VALUES (@Year, @Day, @IsOffDay, @Name)
        """;

    public async Task<IReadOnlyList<CalendarYear>> YearsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<YearRow>(new CommandDefinition(
            SelectYears, new { True = true, False = false }, cancellationToken: cancellationToken));
        return rows.Select(r => new CalendarYear(r.Year, r.ImportedAt, r.Source, (int)r.OffDays, (int)r.MakeUpDays)).ToList();
    }

    /// <summary>Every imported year with its days, to build a <see cref="WorkingCalendar"/> from.</summary>
    public async Task<IReadOnlyList<HolidayFile>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var years = await connection.QueryAsync<YearRow>(new CommandDefinition(
            SelectYears, new { True = true, False = false }, cancellationToken: cancellationToken));
        var days = (await connection.QueryAsync<DayRow>(new CommandDefinition(SelectDays, cancellationToken: cancellationToken)))
            .ToLookup(d => d.Year);
        return years.Select(y => new HolidayFile(y.Year, [], days[y.Year]
                .Select(d => new HolidayDay(d.Name, DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.IsOffDay))
                .ToList()))
            .ToList();
    }

    /// <summary>Stores a year's notice, replacing what was stored for that year, in one transaction.</summary>
    /// <returns>True when the year was already stored and has been replaced.</returns>
    public async Task<bool> ImportAsync(HolidayFile file, string source, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await ReplaceAsync(connection, file, source, importedAt, cancellationToken);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Another node imported the same year between our delete and our insert; ours is as new, so replace again.
            return await ReplaceAsync(connection, file, source, importedAt, cancellationToken);
        }
    }

    private static async Task<bool> ReplaceAsync(
        DbConnection connection, HolidayFile file, string source, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteDays, new { file.Year }, tx, cancellationToken: cancellationToken));
        var replaced = await connection.ExecuteAsync(new CommandDefinition(DeleteYear, new { file.Year }, tx, cancellationToken: cancellationToken)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(InsertYear, new
        {
            file.Year,
            ImportedAt = importedAt.ToUniversalTime(),
            Source = source,
        }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertDay, file.Days.Select(d => new
        {
            file.Year,
            Day = HolidayFile.Text(d.Date),
            d.IsOffDay,
            d.Name,
        }).ToList(), tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return replaced;
    }

    private sealed class YearRow
    {
        public int Year { get; set; }
        public DateTimeOffset ImportedAt { get; set; }
        public string Source { get; set; } = "";
        public long OffDays { get; set; }
        public long MakeUpDays { get; set; }
    }

    private sealed class DayRow
    {
        public int Year { get; set; }
        public string Day { get; set; } = "";
        public bool IsOffDay { get; set; }
        public string Name { get; set; } = "";
    }
}
