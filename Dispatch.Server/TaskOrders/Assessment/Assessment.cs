using Dispatch.Contracts;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>How assessment rows are grouped.</summary>
public enum AssessmentGroupBy
{
    Organisation = 0,
    Street = 1,
    Community = 2,
}

/// <summary>An incident received in the period, as assessment needs it.</summary>
public sealed record IncidentFact(Guid Id, DateTimeOffset ReceivedAt, string? OrganisationCode, string? OrganisationName,
    string? StreetCode, string? StreetName, string? CommunityCode, string? CommunityName);

/// <summary>One row of <c>incident_clocks</c> (the response clock's table), as assessment needs it.</summary>
public sealed record ClockFact(Guid IncidentId, ClockKind Kind, ClockState State, DateTimeOffset DueAt, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt);

/// <summary>Everything one assessment is computed from; loaded by the endpoint, computed by <see cref="AssessmentCalculator"/>.</summary>
/// <param name="From">Start of the period, inclusive.</param>
/// <param name="To">End of the period, exclusive.</param>
/// <param name="AsOf">The end of the period or now, whichever is earlier: "still open past due" is judged at this instant.</param>
/// <param name="Events">Task-order history lines with <c>at</c> in the period.</param>
/// <param name="Orders">Every task order the events or the open ones refer to.</param>
/// <param name="Incidents">Incidents received in the period.</param>
/// <param name="Clocks">Their clocks.</param>
public sealed record AssessmentInput(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyList<TaskOrderEvent> Events, IReadOnlyList<TaskOrder> Orders,
    IReadOnlyList<IncidentFact> Incidents, IReadOnlyList<ClockFact> Clocks);

/// <summary>
/// The figures of one organisation, street or community. Rates are fractions (0.8 = 80 %), null when their
/// denominator is zero; response times are seconds.
/// </summary>
public sealed record AssessmentRow(
    string Code, string Name,
    int Received, int Completed, int CompletedOnTime, double? OnTimeRate,
    int OverdueOpen, int CompletedLate, int Overdue, int Returned, int Reopened,
    int Evaluated, int Satisfied, int BasicallySatisfied, int Dissatisfied, double? SatisfactionRate,
    int Incidents, int Responded, double? MeanResponseSeconds, double? P90ResponseSeconds, int ClockBreaches);

/// <summary>An assessment: one row per group, and the whole period in <see cref="Total"/>.</summary>
public sealed record AssessmentReport(
    DateTimeOffset From, DateTimeOffset To, AssessmentGroupBy GroupBy, bool ClocksAvailable, IReadOnlyList<AssessmentRow> Rows, AssessmentRow Total);

/// <summary>
/// 考核 as a pure computation. Definitions (also in the README):
/// received — issued or reassigned to the group in the period; completed — completions (办结) in the period, each
/// completion of a reopened order counting again; on time — completed at or before the due time then in force;
/// 按期办结率 = completed on time ÷ completed; overdue = still open past due at <see cref="AssessmentInput.AsOf"/>
/// (due in the period) + completed late; returned, reopened — those steps in the period;
/// 满意率 = (满意 + 基本满意) ÷ evaluated; response time — from the incident's T0 (received) to its Respond
/// clock's met time, over incidents received in the period; P90 by nearest rank (the ⌈0.9·n⌉-th smallest);
/// clock breaches — clocks of those incidents in state Breached.
/// </summary>
public static class AssessmentCalculator
{
    public const string NoGroup = "-";

    public static AssessmentReport Compute(AssessmentInput input, AssessmentGroupBy groupBy, bool clocksAvailable)
    {
        var orders = input.Orders.ToDictionary(o => o.Id);
        var rows = Rows(input, orders, groupBy).OrderBy(r => r.Code == NoGroup ? 1 : 0).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var total = Rows(input, orders, null).SingleOrDefault() ?? Empty("*", "合计 / Total");
        return new AssessmentReport(input.From, input.To, groupBy, clocksAvailable, rows, total with { Code = "*", Name = "合计 / Total" });
    }

    /// <summary>Nearest-rank percentile of <paramref name="values"/>: the ⌈p·n⌉-th smallest; null for none.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static IEnumerable<AssessmentRow> Rows(AssessmentInput input, Dictionary<Guid, TaskOrder> orders, AssessmentGroupBy? groupBy)
    {
        (string Code, string Name) OrderKey(Guid orderId, string organisationCode)
        {
            var order = orders.GetValueOrDefault(orderId);
            return groupBy switch
            {
                null => ("*", ""),
                AssessmentGroupBy.Organisation => (organisationCode, order?.Organisation.Code == organisationCode ? order.Organisation.Name : organisationCode),
                AssessmentGroupBy.Street => Key(order?.StreetCode, order?.StreetName),
                _ => Key(order?.CommunityCode, order?.CommunityName),
            };
        }

        (string Code, string Name) IncidentKey(IncidentFact incident) => groupBy switch
        {
            null => ("*", ""),
            AssessmentGroupBy.Organisation => Key(incident.OrganisationCode, incident.OrganisationName),
            AssessmentGroupBy.Street => Key(incident.StreetCode, incident.StreetName),
            _ => Key(incident.CommunityCode, incident.CommunityName),
        };

        var events = input.Events.Select(e => (Key: OrderKey(e.TaskOrderId, e.OrganisationCode), Event: e)).ToList();
        var openLate = input.Orders
            .Where(o => o.IsRunning && o.DueAt < input.AsOf && o.DueAt >= input.From)
            .Select(o => OrderKey(o.Id, o.Organisation.Code)).ToList();
        var incidents = input.Incidents.ToDictionary(i => i.Id);
        var clocks = input.Clocks.Where(c => incidents.ContainsKey(c.IncidentId)).ToList();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in events.Select(e => e.Key).Concat(openLate).Concat(input.Incidents.Select(IncidentKey)))
        {
            if (!names.TryGetValue(code, out var known) || known == code)
            {
                names[code] = name;
            }
        }

        foreach (var (code, name) in names)
        {
            var mine = events.Where(e => e.Key.Code == code).Select(e => e.Event).ToList();
            var completions = mine.Where(e => e.Action == TaskOrderActions.Completed).ToList();
            var onTime = completions.Count(e => e.OnTime == true);
            var evaluations = mine.Where(e => e.Action == TaskOrderActions.Evaluated && e.Rating is not null).ToList();
            var satisfied = evaluations.Count(e => e.Rating == CitizenRating.Satisfied);
            var basically = evaluations.Count(e => e.Rating == CitizenRating.BasicallySatisfied);
            var myIncidents = input.Incidents.Where(i => IncidentKey(i).Code == code).Select(i => i.Id).ToHashSet();
            var myClocks = clocks.Where(c => myIncidents.Contains(c.IncidentId)).ToList();
            var responses = myClocks
                .Where(c => c is { Kind: ClockKind.Respond, MetAt: not null })
                .Select(c => (c.MetAt!.Value - incidents[c.IncidentId].ReceivedAt).TotalSeconds)
                .ToList();
            var overdueOpen = openLate.Count(k => k.Code == code);
            var completedLate = completions.Count - onTime;
            yield return new AssessmentRow(
                code, name,
                mine.Count(e => e.Action is TaskOrderActions.Issued or TaskOrderActions.Reassigned),
                completions.Count, onTime, Rate(onTime, completions.Count),
                overdueOpen, completedLate, overdueOpen + completedLate,
                mine.Count(e => e.Action == TaskOrderActions.Returned),
                mine.Count(e => e.Action == TaskOrderActions.Reopened),
                evaluations.Count, satisfied, basically, evaluations.Count - satisfied - basically, Rate(satisfied + basically, evaluations.Count),
                myIncidents.Count, responses.Count, responses.Count == 0 ? null : responses.Average(), Percentile(responses, 0.9),
                myClocks.Count(c => c.State == ClockState.Breached));
        }
    }

    private static (string Code, string Name) Key(string? code, string? name) =>
        code is null ? (NoGroup, "未定位 / not placed") : (code, name ?? code);

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static AssessmentRow Empty(string code, string name) => new(code, name, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, null, null, 0);
}
