using System.Globalization;
using System.Text.Json;

namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>One day a State Council notice lists: a holiday (<c>IsOffDay</c>) or a make-up working day (调休).</summary>
public sealed record HolidayDay(string Name, DateOnly Date, bool IsOffDay);

/// <summary>
/// One year's notice in the holiday-cn format (<c>{year, papers[], days[{name, date, isOffDay}]}</c>,
/// NateScarlet/holiday-cn). A file may also list the end of December of the year before: 元旦 2023 began on
/// 2022-12-31 and that day is in the 2023 file.
/// </summary>
public sealed record HolidayFile(int Year, IReadOnlyList<string> Papers, IReadOnlyList<HolidayDay> Days)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private const string ResourcePrefix = "Dispatch.Server.TaskOrders.Calendar.Holidays.";

    /// <summary>Validation failures keyed by field path (<c>days[3].date</c>), ready for a problem details answer.</summary>
    public sealed record ParseResult(HolidayFile? File, IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>The years shipped inside the server (copied from infra/calendar), oldest first.</summary>
    public static IReadOnlyList<HolidayFile> Embedded()
    {
        var assembly = typeof(HolidayFile).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var parsed = Parse(reader.ReadToEnd());
                return parsed.File ?? throw new InvalidOperationException(
                    $"Embedded calendar {n} is invalid: {string.Join(" ", parsed.Errors.SelectMany(e => e.Value))}");
            })
            .OrderBy(f => f.Year)
            .ToList();
    }

    /// <summary>
    /// Reads and checks a file: required fields, a sane year, <c>yyyy-MM-dd</c> dates within the file's year
    /// (or the December before), no date twice. Fields other than year/papers/days (<c>$schema</c>, <c>$id</c>)
    /// are ignored so that upstream can add some.
    /// </summary>
    public static ParseResult Parse(string json)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            errors["$"] = [$"The file is not valid JSON{where}."];
            return new ParseResult(null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = ["The file must be one JSON object {year, papers, days}."];
                return new ParseResult(null, errors);
            }

            var year = ReadYear(root, errors);
            var papers = ReadPapers(root, errors);
            var days = ReadDays(root, year, errors);
            return errors.Count > 0 || year is null
                ? new ParseResult(null, errors)
                : new ParseResult(new HolidayFile(year.Value, papers, days), errors);
        }
    }

    private static int? ReadYear(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("year", out var element))
        {
            errors["year"] = ["year is missing: the file must say which year it holds, e.g. \"year\": 2027."];
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var year))
        {
            errors["year"] = ["year must be a whole number, e.g. 2027."];
            return null;
        }

        if (year is < MinYear or > MaxYear)
        {
            errors["year"] = [$"year {year} is out of range: it must be from {MinYear} to {MaxYear}."];
            return null;
        }

        return year;
    }

    private static List<string> ReadPapers(JsonElement root, Dictionary<string, string[]> errors)
    {
        var papers = new List<string>();
        if (!root.TryGetProperty("papers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return papers;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            errors["papers"] = ["papers must be an array of the notices' addresses (strings)."];
            return papers;
        }

        papers.AddRange(element.EnumerateArray().Select(p => p.GetString()!));
        return papers;
    }

    private static List<HolidayDay> ReadDays(JsonElement root, int? year, Dictionary<string, string[]> errors)
    {
        var days = new List<HolidayDay>();
        if (!root.TryGetProperty("days", out var element))
        {
            errors["days"] = ["days is missing: list the holidays and make-up working days as [{name, date, isOffDay}]."];
            return days;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors["days"] = ["days must be an array of {name, date, isOffDay}."];
            return days;
        }

        var seen = new Dictionary<DateOnly, int>();
        var index = -1;
        foreach (var day in element.EnumerateArray())
        {
            index++;
            var at = $"days[{index}]";
            if (day.ValueKind != JsonValueKind.Object)
            {
                errors[at] = [$"{at} must be an object {{name, date, isOffDay}}."];
                continue;
            }

            var name = day.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(name))
            {
                errors[$"{at}.name"] = [$"{at}.name is missing: the holiday's name, e.g. \"国庆节\"."];
            }

            bool? isOffDay = day.TryGetProperty("isOffDay", out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? o.GetBoolean()
                : null;
            if (isOffDay is null)
            {
                errors[$"{at}.isOffDay"] = [$"{at}.isOffDay is missing: true for a day off, false for a make-up working day (调休)."];
            }

            var date = ReadDate(day, at, year, errors);
            if (date is { } d)
            {
                if (seen.TryGetValue(d, out var first))
                {
                    errors[$"{at}.date"] = [$"{at}.date {Text(d)} is listed twice (also days[{first}]): each date may appear once."];
                }
                else
                {
                    seen[d] = index;
                }
            }

            if (name is { Length: > 0 } && isOffDay is { } off && date is { } valid)
            {
                days.Add(new HolidayDay(name, valid, off));
            }
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    private static DateOnly? ReadDate(JsonElement day, string at, int? year, Dictionary<string, string[]> errors)
    {
        if (!day.TryGetProperty("date", out var element) || element.ValueKind != JsonValueKind.String)
        {
            errors[$"{at}.date"] = [$"{at}.date is missing: a date as \"yyyy-MM-dd\", e.g. \"2027-10-01\"."];
            return null;
        }

        var text = element.GetString()!;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[$"{at}.date"] = [$"{at}.date '{text}' is not a date as yyyy-MM-dd, e.g. \"2027-10-01\"."];
            return null;
        }

        if (year is { } y && !BelongsTo(date, y))
        {
            errors[$"{at}.date"] = [$"{at}.date {text} is not in {y}: a {y} file lists {y}'s days (and December {y - 1} for 元旦 only)."];
            return null;
        }

        return date;
    }

    // 元旦 may start on the last days of December of the year before (2022-12-31 is in the 2023 notice).
    private static bool BelongsTo(DateOnly date, int year) => date.Year == year || (date.Year == year - 1 && date.Month == 12);

    /// <summary>A date as the files and the database write it.</summary>
    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
