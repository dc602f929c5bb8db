using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Organisations;

namespace Dispatch.Server.Routing;

/// <summary>The organisation responsible for a type of work at a place, and why; null when none serves it.</summary>
public delegate ResponsibleOrganisation? ResponsibleLookup(OrganisationType type, Jurisdiction where);

/// <summary>A routing decision and the status it gives the incident.</summary>
public sealed record Routed(RoutingDecision Decision, IncidentStatus Status);

/// <summary>
/// Pure routing decisions: classification + place → the responsible organisation, or triage with reasons.
/// Never a silent guess: every way it can fail to decide ends in triage saying why.
/// </summary>
public static class IncidentRouter
{
    public static Routed Route(ClassificationResult classification, GeoPoint? location, Jurisdiction? where, ResponsibleLookup responsible)
    {
        var reasons = classification.Reasons.ToList();
        var candidates = classification.Candidates.Select(c => new CategoryCandidate(c.Code, c.NameZh, Math.Round(c.Score, 3))).ToList();
        double? confidence = Math.Round(classification.Confidence, 3);

        Routed Triage(string why)
        {
            reasons.Add(why);
            return new Routed(new RoutingDecision(RoutingOutcome.NeedsTriage, null, reasons, confidence, candidates), IncidentStatus.NeedsTriage);
        }

        if (classification.NeedsTriage || classification.Category is not { } category)
        {
            return Triage("待研判：无法可靠判断类别 / triage: the category is unclear");
        }

        if (location is null || where is null)
        {
            return Triage("待研判：无定位，无法确定辖区 / triage: no location, so no jurisdiction");
        }

        if (where.District is null && where.Street is null && where.Precinct is null)
        {
            return Triage("待研判：位置不在任何辖区内 / triage: the location is outside every jurisdiction area");
        }

        var found = responsible(category.Organisation, where);
        if (found is null)
        {
            return Triage("待研判 / triage: " + Responsibility.NoneReason(category.Organisation, where));
        }

        reasons.Add(found.Reason);
        var organisation = new OrganisationRef(found.Organisation.Code, found.Organisation.Name, found.Organisation.Type);
        return new Routed(new RoutingDecision(RoutingOutcome.Routed, organisation, reasons, confidence, candidates), IncidentStatus.Open);
    }

    /// <summary>
    /// A grid event by its tier (小事/大事/难事): a minor one is handled and closed by the grid member on the spot
    /// (recorded under the grid's community); a major one is coordinated by the grid's community; a complex one
    /// goes, through the street command room, to the department responsible for its category as a task order.
    /// </summary>
    public static Routed RouteGridEvent(
        GridEventTier tier, string reporter, ClassificationResult classification, GeoPoint? location, Jurisdiction? where, ResponsibleLookup responsible)
    {
        // Police work (a fire alarm, something thrown from height, a missing manhole cover) is never closed on the
        // spot or left to the community, whatever tier the reporter chose: it is routed as a 110 alert would be.
        if (classification is { NeedsTriage: false, Kind: IncidentKind.Police })
        {
            var asAlert = Route(classification, location, where, responsible);
            return asAlert with { Decision = asAlert.Decision with { Reasons = [.. asAlert.Decision.Reasons, "警务类网格事件按警情处置 / police work is routed as an alert, whatever its tier"] } };
        }

        if (tier == GridEventTier.Complex)
        {
            var routed = Route(classification, location, where, responsible);
            return routed.Decision.Outcome == RoutingOutcome.Routed
                ? routed with { Decision = routed.Decision with { Reasons = [.. routed.Decision.Reasons, "难事：由街道指挥室交办责任部门（任务单）/ complex: handed to the department by the street command room as a task order"] } }
                : routed;
        }

        var reasons = classification.Reasons.ToList();
        if (where?.Community is null)
        {
            reasons.Add("待研判：无法确定所属社区 / triage: the event's community is unknown (no location or grid outside every area)");
            return new Routed(new RoutingDecision(RoutingOutcome.NeedsTriage, null, reasons, classification.Confidence, []), IncidentStatus.NeedsTriage);
        }

        var community = responsible(OrganisationType.Community, where);
        if (community is null)
        {
            reasons.Add("待研判 / triage: " + Responsibility.NoneReason(OrganisationType.Community, where));
            return new Routed(new RoutingDecision(RoutingOutcome.NeedsTriage, null, reasons, classification.Confidence, []), IncidentStatus.NeedsTriage);
        }

        var organisation = new OrganisationRef(community.Organisation.Code, community.Organisation.Name, community.Organisation.Type);
        if (tier == GridEventTier.Minor)
        {
            reasons.Add($"小事：网格员 {reporter} 就地处置并办结，记录于 {organisation.Name} / minor: handled and closed on the spot by {reporter}");
            return new Routed(new RoutingDecision(RoutingOutcome.Routed, organisation, reasons, classification.Confidence, []), IncidentStatus.Closed);
        }

        reasons.Add($"大事：由 {organisation.Name} 协调处置 / major: coordinated by the community");
        return new Routed(new RoutingDecision(RoutingOutcome.Routed, organisation, reasons, classification.Confidence, []), IncidentStatus.Open);
    }

    /// <summary>A decision with one more reason (how the place was found), or unchanged when there is none.</summary>
    public static Routed WithReason(Routed routed, string? reason) =>
        reason is null ? routed : routed with { Decision = routed.Decision with { Reasons = [.. routed.Decision.Reasons, reason] } };

    /// <summary>
    /// The open incident a new report repeats: same category, within the radius and the time window; the nearest,
    /// then the earliest. Null when none.
    /// </summary>
    public static IncidentSummary? FindDuplicate(
        GeoPoint location, DateTimeOffset receivedAt, IEnumerable<IncidentSummary> candidates, double radiusMetres, TimeSpan window) =>
        candidates
            .Where(c => c.Location is not null && c.Status != IncidentStatus.Closed && (c.ReceivedAt - receivedAt).Duration() <= window)
            .Select(c => (Incident: c, Distance: GreatCircle.DistanceMetres(location, c.Location!)))
            .Where(c => c.Distance <= radiusMetres)
            .OrderBy(c => c.Distance).ThenBy(c => c.Incident.ReceivedAt).ThenBy(c => c.Incident.Id)
            .Select(c => c.Incident)
            .FirstOrDefault();
}
