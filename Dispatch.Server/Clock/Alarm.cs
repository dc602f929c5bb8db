using System.Globalization;
using Dispatch.Contracts;

namespace Dispatch.Server.Clock;

/// <summary>What raised an alarm.</summary>
public enum AlarmKind
{
    /// <summary>A response clock ran out (<see cref="AlarmView.Clock"/> says which).</summary>
    ClockBreached,

    /// <summary>Someone asked for reinforcement.</summary>
    ReinforcementRequested,

    /// <summary>A call in triage with a sign of danger to life.</summary>
    UrgentTriage,
}

/// <summary>One unacknowledged alarm of an open incident, with what a screen needs to say it without a second request.</summary>
/// <param name="Id">Stable and readable: <c>breach-Respond-{incident}</c>, <c>reinforcement-{audit entry}</c>, <c>urgent-{incident}</c>.</param>
/// <param name="Kind">What raised it.</param>
/// <param name="IncidentId">The incident it belongs to; clicking the alarm opens it.</param>
/// <param name="Clock">The breached clock's kind; null for other alarms.</param>
/// <param name="Category">The incident's category name, null when not yet known.</param>
/// <param name="Address">The incident's address, null when the caller gave none.</param>
/// <param name="Description">The first caller's words: an urgent triage call may have no category yet.</param>
/// <param name="At">When it was raised: the breach, the request, the call.</param>
public sealed record AlarmView(
    string Id, AlarmKind Kind, Guid IncidentId, ClockKind? Clock, string? Category, string? Address, string? Description, DateTimeOffset At);

/// <summary>The answer of <c>GET /api/alarms</c>: every unacknowledged alarm in the user's scope, oldest first.</summary>
public sealed record AlarmList(IReadOnlyList<AlarmView> Items);

/// <summary>Who acknowledged an alarm, and when; <c>Already</c> when it had been acknowledged before this request (then, by that person).</summary>
public sealed record AlarmAcknowledgement(string Id, Guid IncidentId, string AcknowledgedBy, DateTimeOffset AcknowledgedAt, bool Already);

/// <summary>The answer of acknowledge-all: each alarm this request acknowledged.</summary>
public sealed record AlarmsAcknowledgedView(IReadOnlyList<AlarmAcknowledgement> Acknowledged);

/// <summary>Alarm ids: built from what raised the alarm, so an alarm needs no row of its own until it is acknowledged.</summary>
public static class AlarmIds
{
    public const int MaxLength = 80;

    public static string Breach(Guid incidentId, ClockKind kind) => $"breach-{kind}-{incidentId:D}";

    public static string Reinforcement(long auditEntryId) => $"reinforcement-{auditEntryId.ToString(CultureInfo.InvariantCulture)}";

    public static string Urgent(Guid incidentId) => $"urgent-{incidentId:D}";

    /// <summary>True when <paramref name="id"/> has one of the three shapes; the alarm may still not exist.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        if (id.StartsWith("urgent-", StringComparison.Ordinal))
        {
            return Guid.TryParseExact(id["urgent-".Length..], "D", out _);
        }

        if (id.StartsWith("reinforcement-", StringComparison.Ordinal))
        {
            return long.TryParse(id["reinforcement-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }

        var parts = id.Split('-', 3);
        return parts.Length == 3 && parts[0] == "breach" && Enum.TryParse<ClockKind>(parts[1], out var kind) && Enum.IsDefined(kind)
            && parts[1] == kind.ToString() && Guid.TryParseExact(parts[2], "D", out _);
    }
}
