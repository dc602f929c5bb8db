using Dispatch.Contracts;
using Dispatch.Server.Addresses;

namespace Dispatch.Server.Routing;

/// <summary>A correction's result: the incident as it becomes, or why it cannot be made.</summary>
public sealed record Correction(IncidentSummary? After, string? Refused)
{
    public static Correction Refuse(string why) => new(null, why);
}

/// <summary>
/// Pure decisions for operators' and departments' corrections: route by hand, reclassify, return. Each
/// keeps what was decided before in the reasons, so the history reads in one place.
/// </summary>
public static class IncidentCorrections
{
    public static Correction RouteByHand(IncidentSummary incident, OrganisationRef organisation, string reason, string actor)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            return Correction.Refuse("已结事件不能改派 / a closed incident cannot be rerouted");
        }

        if (incident.Kind == IncidentKind.Unknown || incident.CategoryCode is null)
        {
            return Correction.Refuse("请先定类 / classify the incident first (POST /api/incidents/{id}/reclassify)");
        }

        var reasons = Reasons(incident).Append($"{actor} 人工指派至 {organisation.Name}：{reason} / routed by hand").ToList();
        return new Correction(incident with
        {
            Status = incident.Status == IncidentStatus.NeedsTriage ? IncidentStatus.Open : incident.Status,
            Routing = new RoutingDecision(RoutingOutcome.Routed, organisation, reasons, incident.Routing?.Confidence, incident.Routing?.Candidates ?? []),
        }, null);
    }

    /// <summary>Gives the incident a new category and routes it again by the category's organisation type.</summary>
    public static Correction Reclassify(IncidentSummary incident, Category category, string reason, string actor, ResponsibleLookup responsible)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            return Correction.Refuse("已结事件不能改类 / a closed incident cannot be reclassified");
        }

        var classification = new ClassificationResult(category, category.Kind, 1, false, [],
            [.. Reasons(incident), $"{actor} 改类为「{category.NameZh}」：{reason} / reclassified as {category.Code}"]);
        var routed = IncidentRouter.Route(classification, incident.Location, incident.Jurisdiction, responsible);
        var status = incident.Status == IncidentStatus.InProgress && routed.Status == IncidentStatus.Open ? IncidentStatus.InProgress : routed.Status;
        return new Correction(incident with
        {
            Kind = category.Kind,
            CategoryCode = category.Code,
            CategoryName = category.NameZh,
            Priority = category.Priority,
            Status = status,
            Routing = routed.Decision,
        }, null);
    }

    /// <summary>
    /// An operator picks the register entry the report means (from triage's candidates): its point becomes the
    /// location, and the incident is routed again there, by its category (and tier, for a grid event).
    /// </summary>
    public static Correction LocateByAddress(
        IncidentSummary incident, AddressEntry entry, Jurisdiction where, Category? category, string reason, string actor, ResponsibleLookup responsible)
    {
        if (incident.Status is IncidentStatus.Closed or IncidentStatus.InProgress)
        {
            return Correction.Refuse("处置中或已结的事件不能改地址 / an incident in progress or closed cannot be moved to another address");
        }

        var match = AddressLocator.Picked(incident.AddressMatch, incident.Address ?? entry.Normalised, entry, actor);
        var pickReason = $"{actor} 选定地址 {entry.Normalised}：{reason} / address picked";
        var location = new GeoPoint(entry.Lon, entry.Lat);
        if (category is null)
        {
            return new Correction(incident with
            {
                Location = location,
                Jurisdiction = where,
                AddressMatch = match,
                Routing = new RoutingDecision(RoutingOutcome.NeedsTriage, null, [.. Reasons(incident), pickReason], incident.Routing?.Confidence, incident.Routing?.Candidates ?? []),
            }, null);
        }

        var classification = new ClassificationResult(category, category.Kind, incident.Routing?.Confidence ?? 1, false, [], [.. Reasons(incident), pickReason]);
        var routed = incident is { Source: IncidentSource.GridEvent, Tier: { } tier }
            ? IncidentRouter.RouteGridEvent(tier, actor, classification, location, where, responsible)
            : IncidentRouter.Route(classification, location, where, responsible);
        return new Correction(incident with
        {
            Location = location,
            Jurisdiction = where,
            AddressMatch = match,
            Status = routed.Status,
            Routing = routed.Decision with { Candidates = incident.Routing?.Candidates ?? [] },
        }, null);
    }

    /// <summary>A department hands back work that is not its business (退回); it goes to triage with the reason.</summary>
    public static Correction Return(IncidentSummary incident, string reason, string actor)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            return Correction.Refuse("已结事件不能退回 / a closed incident cannot be returned");
        }

        if (incident.Routing is not { Outcome: RoutingOutcome.Routed, Organisation: { } organisation })
        {
            return Correction.Refuse("事件未派给任何单位，无可退回 / the incident is not routed to anyone, so there is nothing to return");
        }

        var reasons = Reasons(incident).Append($"{organisation.Name}（{actor}）退回：{reason} / returned").ToList();
        return new Correction(incident with
        {
            Status = IncidentStatus.NeedsTriage,
            Routing = new RoutingDecision(RoutingOutcome.NeedsTriage, null, reasons, incident.Routing.Confidence, incident.Routing.Candidates),
        }, null);
    }

    private static IEnumerable<string> Reasons(IncidentSummary incident) => incident.Routing?.Reasons ?? [];
}
