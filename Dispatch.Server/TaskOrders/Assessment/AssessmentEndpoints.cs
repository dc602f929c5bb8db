using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary><c>GET /api/assessment</c> (JSON or CSV), for supervisors and admins.</summary>
public static class AssessmentEndpoints
{
    public static async Task<IResult> Assess(
        HttpRequest request, ClaimsPrincipal user, string? from, string? to, string? groupBy, string? format,
        TaskOrderStore store, IncidentStore incidents, ClockStore clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportPeriod.Parse(from, to, errors);
        var grouping = AssessmentGroupBy.Organisation;
        if (!string.IsNullOrWhiteSpace(groupBy) && !StrictEnum.TryParse(groupBy, out grouping))
        {
            errors["groupBy"] = ["groupBy must be organisation, street or community."];
        }

        var csv = ExcelCsv.Wanted(request, format, errors);
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

    private static bool InScope(AccessScope scope, TaskOrder order) => Visibility.CanSee(scope, RecordKind.TaskOrder, order.Place);

    private static ClockFact Fact(IncidentClock c) => new(c.IncidentId, c.Kind, c.State, c.DueAt, c.MetAt, c.BreachedAt);

    private static IncidentFact Fact(IncidentSummary i) => new(
        i.Id, i.ReceivedAt, i.Routing?.Organisation?.Code, i.Routing?.Organisation?.Name,
        i.Jurisdiction?.Street?.Code, i.Jurisdiction?.Street?.Name, i.Jurisdiction?.Community?.Code, i.Jurisdiction?.Community?.Name);
}
