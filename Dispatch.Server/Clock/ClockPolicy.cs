using Dispatch.Contracts;

namespace Dispatch.Server.Clock;

/// <summary>
/// When an incident's clocks fall due. Pure. Every clock counts from T0, the moment the incident was received
/// (the 1-3-5 rule: responding within 1 minute, on scene within 3, reinforcements working together within 5 —
/// all from the call, not from the previous step).
/// </summary>
public static class ClockPolicy
{
    /// <summary>The 1-3-5 rule, for an incident whose category is not known (yet).</summary>
    public static readonly ResponsePolicy Default = new(1, 3, null);

    /// <summary>Minutes a requested reinforcement has when the category's policy names none.</summary>
    public const int DefaultReinforceMinutes = 5;

    /// <summary>
    /// The clocks an incident starts with: respond and arrive always; reinforce only when the policy expects
    /// reinforcements (a non-null <see cref="ResponsePolicy.ReinforceMinutes"/>).
    /// </summary>
    public static IReadOnlyList<IncidentClock> Start(IncidentSummary incident, ResponsePolicy? policy, double warnFraction, DateTimeOffset now)
    {
        var p = policy ?? Default;
        var clocks = new List<IncidentClock>
        {
            New(incident.Id, ClockKind.Respond, incident.ReceivedAt, p.RespondMinutes, warnFraction, now),
            New(incident.Id, ClockKind.Arrive, incident.ReceivedAt, p.ArriveMinutes, warnFraction, now),
        };
        if (p.ReinforceMinutes is { } reinforce)
        {
            clocks.Add(New(incident.Id, ClockKind.Reinforce, incident.ReceivedAt, reinforce, warnFraction, now));
        }

        return clocks;
    }

    /// <summary>The reinforce clock started by a request: due at T0 + the policy's reinforce minutes (default 5).</summary>
    public static IncidentClock Reinforce(Guid incidentId, DateTimeOffset receivedAt, ResponsePolicy? policy, double warnFraction, DateTimeOffset now) =>
        New(incidentId, ClockKind.Reinforce, receivedAt, policy?.ReinforceMinutes ?? DefaultReinforceMinutes, warnFraction, now);

    /// <summary>A running clock of <paramref name="minutes"/> from T0; it warns after <paramref name="warnFraction"/> of that time.</summary>
    public static IncidentClock New(Guid incidentId, ClockKind kind, DateTimeOffset startedAt, int minutes, double warnFraction, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (!(warnFraction is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warnFraction), warnFraction, "The warning point is a fraction of the clock's time, above 0 and below 1.");
        }

        var span = TimeSpan.FromMinutes(minutes);
        var start = startedAt.ToUniversalTime();
        return new IncidentClock(incidentId, kind, start, start + span * warnFraction, start + span, ClockState.Running,
            null, null, null, false, now.ToUniversalTime());
    }
}
