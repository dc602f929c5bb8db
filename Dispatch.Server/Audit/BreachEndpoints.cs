using System.Security.Claims;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Server.Audit;

/// <summary><c>GET /api/audit/breaches</c> (JSON or CSV): every missed deadline of the period, from every <see cref="IBreachSource"/>.</summary>
public static class BreachEndpoints
{
    public static async Task<IResult> List(
        HttpRequest request, ClaimsPrincipal user, string? from, string? to, string? kind, string? organisation, string? street, string? format,
        [FromServices] IEnumerable<IBreachSource> sources, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportPeriod.Parse(from, to, errors);
        var all = sources.ToList();
        var kinds = all.SelectMany(s => s.Kinds).ToList();
        var wanted = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim().ToLowerInvariant();
        if (wanted is not null && !kinds.Contains(wanted))
        {
            errors["kind"] = [$"kind must be one of {string.Join(", ", kinds)}."];
        }

        var organisationCode = Code(organisation, "organisation", errors);
        var streetCode = Code(street, "street", errors);
        var csv = ExcelCsv.Wanted(request, format, errors);
        if (errors.Count > 0 || period is not var (start, end))
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        var query = new BreachQuery(start, end, clock.GetUtcNow(), user, wanted);
        var breaches = new List<Breach>();
        foreach (var source in all.Where(s => wanted is null || s.Kinds.Contains(wanted)))
        {
            breaches.AddRange(await source.ListAsync(query, cancellationToken));
        }

        var listed = BreachList.Filter(breaches, organisationCode, streetCode).OrderBy(b => b.DueAt).ThenBy(b => b.IncidentId).ToList();
        if (csv)
        {
            return TypedResults.File(BreachesCsv.Write(listed), ExcelCsv.ContentType, $"breaches-{start.ToOffset(ReportPeriod.ShanghaiOffset):yyyyMMdd}.csv");
        }

        return TypedResults.Ok(listed);
    }

    private static string? Code(string? text, string field, Dictionary<string, string[]> errors)
    {
        var code = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (code is { Length: > 64 })
        {
            errors[field] = [$"{field} is a code of at most 64 characters (an organisation code or a street's area code)."];
            return null;
        }

        return code;
    }
}
