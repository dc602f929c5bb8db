using Dispatch.Contracts;

namespace Dispatch.Server.Demo;

/// <summary>What the feed does about one of its incidents now.</summary>
public enum FeedIncidentStep
{
    /// <summary>Nothing yet: responders are on it, or its time has not come.</summary>
    Wait,

    /// <summary>Dispatch the top recommendation, as an operator would.</summary>
    Dispatch,

    /// <summary>Close it unattended: it waited in triage (outside the street, unknown category) long enough.</summary>
    CloseUnattended,

    /// <summary>It is closed: stop following it.</summary>
    Forget,
}

/// <summary>How the feed treats one incident it started: dispatch it itself after <see cref="DispatchAfter"/>, or leave it to the operator.</summary>
public sealed record FeedIncidentPlan(TimeSpan? DispatchAfter);

/// <summary>
/// The feed's decisions about arrivals and its own incidents. Pure: the random draws, the times and the states are
/// passed in, so the tests need no server.
/// </summary>
public static class DemoFeedRules
{
    /// <summary>An incident in triage is closed after this, as if the neighbouring street took it.</summary>
    public static readonly TimeSpan TriageGrace = TimeSpan.FromMinutes(8);

    /// <summary>The first arrival comes this soon after start, so a newcomer sees something at once.</summary>
    public static readonly TimeSpan FirstArrival = TimeSpan.FromSeconds(3);

    /// <summary>The environments where demo data may exist: a developer's machine and a dedicated demo server.</summary>
    public static readonly IReadOnlyList<string> DemoEnvironments = ["Development", "Demo"];

    /// <summary>
    /// Why the server must not start with these demo settings in this environment, or null when it may: demo
    /// accounts (an admin among them), a demo API key and invented alerts must never reach a real centre.
    /// </summary>
    public static string? Refusal(bool seed, bool feed, string environmentName)
    {
        if ((!seed && !feed) || DemoEnvironments.Contains(environmentName, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var keys = string.Join(" and ", new[] { seed ? "Demo:Seed" : null, feed ? "Demo:Feed" : null }.OfType<string>());
        return $"{keys} {(seed && feed ? "are" : "is")} set in the {environmentName} environment. Demo accounts, the demo API key and the demo "
            + "feed run only in Development or the Demo environment (ASPNETCORE_ENVIRONMENT=Demo): unset "
            + keys + " for a real centre, or start a demonstration server with ASPNETCORE_ENVIRONMENT=Demo.";
    }

    /// <summary>The gap before the next arrival: from ⅔ to 4⁄3 of <paramref name="interval"/> for a draw in [0, 1).</summary>
    public static TimeSpan NextGap(TimeSpan interval, double draw) => interval * ((2.0 / 3.0) + (draw * 2.0 / 3.0));

    /// <summary>The feed adds an incident only while fewer than <paramref name="maxOpen"/> of its incidents are open.</summary>
    public static bool MayAdd(int openIncidents, int maxOpen) => openIncidents < maxOpen;

    /// <summary>
    /// Dispatched by the feed after 8–30 s for a <paramref name="dispatchShare"/> of the draws; otherwise left for the
    /// operator. Auto-dispatch, when it applies, comes first either way.
    /// </summary>
    public static FeedIncidentPlan PlanIncident(double dispatchShare, double shareDraw, double delayDraw) =>
        new(shareDraw < dispatchShare ? TimeSpan.FromSeconds(8 + (delayDraw * 22)) : null);

    /// <summary>
    /// The next step for an incident the feed started, <paramref name="age"/> after it was published. An incident
    /// with open work is the responders' (real or simulated); one left for the operator is taken after
    /// <paramref name="operatorGrace"/>, so a demo nobody watches keeps flowing.
    /// </summary>
    public static FeedIncidentStep Next(IncidentStatus status, bool hasOpenAssignment, TimeSpan age, FeedIncidentPlan plan, TimeSpan operatorGrace)
    {
        if (status == IncidentStatus.Closed)
        {
            return FeedIncidentStep.Forget;
        }

        if (hasOpenAssignment)
        {
            return FeedIncidentStep.Wait;
        }

        if (status == IncidentStatus.NeedsTriage)
        {
            return age >= TriageGrace ? FeedIncidentStep.CloseUnattended : FeedIncidentStep.Wait;
        }

        var dispatchAt = status == IncidentStatus.Open && plan.DispatchAfter is { } after ? after : operatorGrace;
        return age >= dispatchAt ? FeedIncidentStep.Dispatch : FeedIncidentStep.Wait;
    }

    /// <summary>
    /// Who takes a case the responder could not settle on scene: a department routed as responsible keeps it; a
    /// dispute goes from the police to the justice office (司法所, mediation); other police work is not handed over.
    /// </summary>
    public static OrganisationRef? HandOverTarget(IncidentSummary incident, IReadOnlyList<OrganisationSummary> organisations)
    {
        if (incident.Routing?.Organisation is { } responsible && responsible.Type != OrganisationType.PoliceStation)
        {
            return responsible;
        }

        if (incident.Kind != IncidentKind.Dispute)
        {
            return null;
        }

        var street = incident.Jurisdiction?.Street?.Code;
        var mediation = organisations.Where(o => o.Type == OrganisationType.JusticeOffice)
            .OrderBy(o => street is not null && o.AreaCodes.Contains(street) ? 0 : 1).ThenBy(o => o.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        return mediation is null ? null : new OrganisationRef(mediation.Code, mediation.Name, mediation.Type);
    }
}
