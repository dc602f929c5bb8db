using System.Text;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations;
using MassTransit;

namespace Dispatch.Server.Addresses;

/// <summary>One entry as the search answers it.</summary>
public sealed record AddressView(
    string Id, string Address, string? Community, string? Road, string? Number, string? Compound, string? Building, string? Unit,
    GeoPoint Location, string GridCode)
{
    public static AddressView Of(AddressEntry e) =>
        new(e.Id, e.Normalised, e.Community, e.Road, e.Number, e.Compound, e.Building, e.Unit, new GeoPoint(e.Lon, e.Lat), e.GridCode);
}

/// <summary><c>/api/geo/addresses</c>: import, search and match the standard address register.</summary>
public static class AddressEndpoints
{
    /// <summary>50,000 rows of CSV are about 6 MB; a whole district's register fits with room.</summary>
    public const long MaxImportBytes = 50 * 1024 * 1024;

    /// <summary>No real address is longer; a longer text is a pasted report, not an address.</summary>
    public const int MaxTextLength = 500;

    public const int MaxSearchLimit = 100;

    public static async Task<IResult> Import(
        HttpRequest request, AddressImporter importer, IPublishEndpoint bus, TimeProvider clock, string? crs, bool? skipInvalid, CancellationToken cancellationToken)
    {
        CoordinateSystem datum;
        if (string.IsNullOrWhiteSpace(crs) || crs.Trim().Equals("wgs84", StringComparison.OrdinalIgnoreCase))
        {
            datum = CoordinateSystem.Wgs84;
        }
        else if (crs.Trim().Equals("gcj02", StringComparison.OrdinalIgnoreCase))
        {
            datum = CoordinateSystem.Gcj02;
        }
        else
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["crs"] = [$"crs '{crs}' is not one of wgs84, gcj02."] }, "导入参数有误 / Invalid import options");
        }

        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/geo+json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(detail: "Send the register as text/csv (with a header) or application/geo+json (Point features).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型 / Unsupported content type");
        }

        if (request.ContentLength > MaxImportBytes)
        {
            return Problems.TooLarge(MaxImportBytes);
        }

        using var body = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxImportBytes)
            {
                return Problems.TooLarge(MaxImportBytes);
            }

            body.Write(chunk, 0, read);
        }

        AddressReadResult file;
        try
        {
            file = importer.Read(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), datum);
        }
        catch (AddressFileReader.AddressFileException ex)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["body"] = [ex.Message] }, "文件无法读取 / The file cannot be read");
        }

        var report = await importer.ImportAsync(file, skipInvalid ?? false, cancellationToken);
        if (!report.Written)
        {
            var errors = report.Problems.Take(200).ToDictionary(p => $"line {p.Line}", p => new[] { Describe(p) });
            return TypedResults.ValidationProblem(errors,
                detail: $"{report.Problems.Count} of {report.Rows} rows are invalid; nothing was imported. Fix them, or import the valid ones with skipInvalid=true.",
                title: "地址无效，未导入 / Invalid rows: nothing was imported",
                extensions: new Dictionary<string, object?> { ["report"] = report });
        }

        await bus.Publish(new ReferenceDataChanged(ReferenceData.Addresses, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(report);
    }

    public static IResult Search(AddressRegister register, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["q"] = [$"q is required: part of an address, at most {MaxTextLength} characters, e.g. 兴隆花园12幢."] },
                "查询参数有误 / Invalid query");
        }

        if (q.Length > MaxTextLength)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["q"] = [$"q is {q.Length} characters; search with part of an address, at most {MaxTextLength}."] },
                "查询参数有误 / Invalid query");
        }

        // Refused rather than clamped: a caller asking for -5 or 10,000 has a bug we should tell them about.
        if (limit is < 1 or > MaxSearchLimit)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {MaxSearchLimit}."] },
                "查询参数有误 / Invalid query");
        }

        var take = limit ?? 20;
        return TypedResults.Ok(register.Current.Search(q, take).Select(AddressView.Of).ToList());
    }

    public static IResult Match(AddressRegister register, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["text"] = ["text is required: an address as reported, e.g. 兴隆花园12幢3单元."] },
                "查询参数有误 / Invalid query");
        }

        if (text.Length > MaxTextLength)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["text"] = [$"text is {text.Length} characters; an address has at most {MaxTextLength}. Send the address alone, not the whole report."] },
                "查询参数有误 / Invalid query");
        }

        return TypedResults.Ok(register.Current.Match(text));
    }

    public static string Describe(AddressRowProblem problem) => problem.Id is null ? problem.Reason : $"({problem.Id}) {problem.Reason}";
}
