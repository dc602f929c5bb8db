using System.Security.Claims;
using Dispatch.Server.Operations;

namespace Dispatch.Server.Audit;

/// <summary>One missed deadline, as supervisors audit it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Kind"><c>respond</c>, <c>arrive</c>, <c>reinforce</c> or <c>task-order</c>.</param>
/// <param name="TaskOrderId">The task order, for a task-order breach.</param>
/// <param name="DueAt">The deadline missed.</param>
/// <param name="BreachedAt">When the breach was recorded.</param>
/// <param name="LateSeconds">How late: until the work was done (met, completed, or the deadline replaced), or until now while it is not.</param>
/// <param name="OrganisationCode">The organisation responsible.</param>
/// <param name="StreetCode">The incident's street.</param>
/// <param name="CommunityCode">The incident's community.</param>
/// <param name="Timeline">The incident's timeline: <c>/api/incidents/{id}</c>.</param>
/// <param name="CategoryName">What the incident was (its category), so a row says what happened, not only ids.</param>
/// <param name="Address">Where it was, as reported.</param>
public sealed record Breach(
    Guid IncidentId, string Kind, Guid? TaskOrderId, DateTimeOffset DueAt, DateTimeOffset BreachedAt, double LateSeconds,
    string? OrganisationCode, string? StreetCode, string? CommunityCode, string Timeline, string? CategoryName = null, string? Address = null);

/// <summary>What a breach list asks its sources for: the deadlines due in [From, To) that the user may see.</summary>
/// <param name="From">Start of the period, inclusive.</param>
/// <param name="To">End of the period, exclusive.</param>
/// <param name="Now">The request's time: a breach not yet made good is late until then.</param>
/// <param name="User">Who asks; each source applies this user's scope.</param>
/// <param name="Kind">One kind of breach only, or null for every kind the source knows.</param>
public sealed record BreachQuery(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now, ClaimsPrincipal User, string? Kind);

/// <summary>
/// A stage that holds deadlines and knows when they were missed (the response clocks, the task orders). The audit
/// stage lists breaches through these, so it depends on none of them; each source applies the user's scope itself.
/// </summary>
public interface IBreachSource
{
    /// <summary>The kinds of breach this source answers, as the <c>kind</c> filter names them.</summary>
    IReadOnlyList<string> Kinds { get; }

    Task<IReadOnlyList<Breach>> ListAsync(BreachQuery query, CancellationToken cancellationToken);
}

/// <summary>Pure rules over a list of breaches.</summary>
public static class BreachList
{
    /// <summary>The breaches of one organisation and/or one street; a null filter keeps all.</summary>
    public static IEnumerable<Breach> Filter(IEnumerable<Breach> breaches, string? organisationCode, string? streetCode) => breaches.Where(b =>
        (organisationCode is null || string.Equals(b.OrganisationCode, organisationCode, StringComparison.Ordinal))
        && (streetCode is null || string.Equals(b.StreetCode, streetCode, StringComparison.Ordinal)));
}

/// <summary>
/// Breaches as CSV for Excel, in Beijing time, with the same quoting as the assessment. What happened and where come
/// last, so sheets built on the earlier columns keep their places.
/// </summary>
public static class BreachesCsv
{
    private static readonly string[] Header =
    [
        "事件 incident", "类型 kind", "任务单 task order", "期限 due (UTC+8)", "超时记录 breached (UTC+8)", "超时秒 late s",
        "责任单位 organisation", "街道 street", "社区 community", "时间线 timeline", "类别 category", "地址 address",
    ];

    public static byte[] Write(IEnumerable<Breach> breaches) => ExcelCsv.Table(Header, breaches.Select(b => new object?[]
    {
        b.IncidentId.ToString(), b.Kind, b.TaskOrderId?.ToString(), b.DueAt, b.BreachedAt, Math.Round(b.LateSeconds),
        b.OrganisationCode, b.StreetCode, b.CommunityCode, b.Timeline, b.CategoryName, b.Address,
    }));
}
