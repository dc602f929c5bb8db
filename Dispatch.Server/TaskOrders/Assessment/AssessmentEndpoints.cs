using System.Globalization;
using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary><c>GET /api/assessment</c> (JSON or CSV) and <c>GET /api/audit/breaches</c>, for supervisors and admins.</summary>
public static class AssessmentEndpoints
{
    /// <summary>No period longer than this: the computation holds the period's history in memory.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static async Task<IResult> Assess(
        HttpRequest request, ClaimsPrincipal user, string? from, string? to, string? groupBy, string? format,
        TaskOrderStore store, IncidentStore incidents, ClockStore clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var period = Period(from, to, errors);
        var grouping = AssessmentGroupBy.Organisation;
        if (!string.IsNullOrWhiteSpace(groupBy) && !StrictEnum.TryParse(groupBy, out grouping))
        {
            errors["groupBy"] = ["groupBy must be organisation, street or community."];
        }

        var csv = IsCsv(request, format, errors);
        if (errors.Count > 0 || period is not var (start, end))
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        // A supervisor is assessed on, and sees, the work of their own areas only. The stores select the period and
        // the areas in SQL; InScope and CanSee remain the rules over the rows that come back.
        var scope = AccessScope.Of(user);
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;
        var read = await store.AssessmentPeriodAsync(start, end, asOf, scope, cancellationToken);
        var orders = read.Orders.Where(o => InScope(scope, o)).ToList();
        var orderIds = orders.Select(o => o.Id).ToHashSet();
        var events = read.Events.Where(e => orderIds.Contains(e.TaskOrderId)).ToList();
        var received = (await incidents.ListAsync(new IncidentQuery(null, start, end, 1, int.MaxValue / 2, Scope: scope), cancellationToken))
            .Items.Where(scope.CanSee).ToList();
        var incidentIds = received.Select(i => i.Id).ToHashSet();
        // The clock stage's table is part of every migrated database: an error reading it fails the request.
        var clockRows = (await clocks.ForIncidentsReceivedAsync(start, end, cancellationToken)).Where(c => incidentIds.Contains(c.IncidentId)).Select(Fact).ToList();
        var input = new AssessmentInput(start, end, asOf, events, orders, received.Select(Fact).ToList(), clockRows);
        var report = AssessmentCalculator.Compute(input, grouping, clocksAvailable: true);
        if (csv)
        {
            var name = $"assessment-{start.ToOffset(WorkingCalendar.ShanghaiOffset):yyyyMMdd}-{grouping.ToString().ToLowerInvariant()}.csv";
            return TypedResults.File(AssessmentCsv.Write(report), AssessmentCsv.ContentType, name);
        }

        return TypedResults.Ok(report);
    }

    public static async Task<IResult> ListBreaches(
        HttpRequest request, ClaimsPrincipal user, string? from, string? to, string? kind, string? organisation, string? street, string? format, TaskOrderStore store, IncidentStore incidents, ClockStore clocks, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var period = Period(from, to, errors);
        var kinds = new[] { "respond", "arrive", "reinforce", Breaches.TaskOrderKind };
        var wanted = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim().ToLowerInvariant();
        if (wanted is not null && !kinds.Contains(wanted))
        {
            errors["kind"] = [$"kind must be one of {string.Join(", ", kinds)}."];
        }

        var organisationCode = Code(organisation, "organisation", errors);
        var streetCode = Code(street, "street", errors);
        var csv = IsCsv(request, format, errors);
        if (errors.Count > 0 || period is not var (start, end))
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        var scope = AccessScope.Of(user);
        var now = clock.GetUtcNow();
        var breaches = new List<Breach>();
        if (wanted is null or Breaches.TaskOrderKind)
        {
            var overdue = await store.OverduePeriodAsync(start, end, now, scope, cancellationToken);
            var orders = overdue.Orders.Where(o => InScope(scope, o)).ToDictionary(o => o.Id);
            breaches.AddRange(overdue.Overdue.Where(e => orders.ContainsKey(e.TaskOrderId)).Select(e => Breaches.ForTaskOrder(e, orders[e.TaskOrderId], overdue.Later, now)));
        }

        if (wanted is not Breaches.TaskOrderKind)
        {
            var rows = (await clocks.BreachedAsync(start, end, cancellationToken)).Select(Fact).Where(c => wanted is null || Breaches.KindName(c.Kind) == wanted).ToList();
            var byId = rows.Count == 0 ? [] : (await incidents.WithBreachedClocksAsync(start, end, cancellationToken)).ToDictionary(i => i.Id);
            foreach (var row in rows)
            {
                var incident = byId.GetValueOrDefault(row.IncidentId);
                if (incident is null ? scope.All : scope.CanSee(incident))
                {
                    breaches.Add(Breaches.ForClock(row, incident, now));
                }
            }
        }

        var listed = Breaches.Filter(breaches, organisationCode, streetCode).OrderBy(b => b.DueAt).ThenBy(b => b.IncidentId).ToList();
        if (csv)
        {
            return TypedResults.File(BreachesCsv.Write(listed), AssessmentCsv.ContentType, $"breaches-{start.ToOffset(WorkingCalendar.ShanghaiOffset):yyyyMMdd}.csv");
        }

        return TypedResults.Ok(listed);
    }

    /// <summary>CSV when asked by <c>format=csv</c> or by an Accept header naming text/csv; JSON otherwise.</summary>
    private static bool IsCsv(HttpRequest request, string? format, Dictionary<string, string[]> errors)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrEmpty(format) && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(format) && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            errors["format"] = ["format must be json or csv."];
        }

        return csv;
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

    /// <summary>
    /// A period from two bounds: a date (<c>2025-10-01</c>, Asia/Shanghai) or an instant with its offset. A date as
    /// <c>to</c> includes that whole day; an instant as <c>to</c> is exclusive.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Period(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = Bound(from, "from", endOfDay: false, errors);
        var end = Bound(to, "to", endOfDay: true, errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end <= start || end - start > MaxPeriod)
        {
            errors["to"] = [$"to must be after from, and the period at most {MaxPeriod.TotalDays:0} days."];
            return null;
        }

        return (start.Value, end.Value);
    }

    /// <summary>One bound of a period: a date (Asia/Shanghai; with <paramref name="endOfDay"/> the day after it) or an instant with its offset.</summary>
    internal static DateTimeOffset? Bound(string? text, string field, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is > 1900 and < 9000)
        {
            return new DateTimeOffset((endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue), WorkingCalendar.ShanghaiOffset);
        }

        if (OffsetTime.TryParse(text, out var instant) && instant.Year is > 1900 and < 9000)
        {
            return instant;
        }

        errors[field] = [$"{field} is required: a date (2025-10-01, Asia/Shanghai) or a time with its offset (2025-10-01T00:00:00+08:00)."];
        return null;
    }

    private static bool InScope(AccessScope scope, TaskOrder order) => Visibility.CanSee(scope, RecordKind.TaskOrder, order.Place);

    private static ClockFact Fact(IncidentClock c) => new(c.IncidentId, c.Kind, c.State, c.DueAt, c.MetAt, c.BreachedAt);

    private static IncidentFact Fact(IncidentSummary i) => new(
        i.Id, i.ReceivedAt, i.Routing?.Organisation?.Code, i.Routing?.Organisation?.Name,
        i.Jurisdiction?.Street?.Code, i.Jurisdiction?.Street?.Name, i.Jurisdiction?.Community?.Code, i.Jurisdiction?.Community?.Name);
}
