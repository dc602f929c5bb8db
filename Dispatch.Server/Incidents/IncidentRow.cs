using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Incidents;

/// <summary>One row of <c>incidents</c> as Dapper reads and writes it, and its mapping to and from <see cref="IncidentSummary"/>.</summary>
internal sealed class IncidentRow
{
        public string Id { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string Status { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? CategoryCode { get; set; }
    public string? CategoryName { get; set; }
    public string Description { get; set; } = "";
    public string? Address { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public int AlertCount { get; set; }
    public int? Priority { get; set; }
    public string Source { get; set; } = nameof(IncidentSource.Alert);
    public string? DistrictCode { get; set; }
    public string? DistrictName { get; set; }
    public string? StreetCode { get; set; }
    public string? StreetName { get; set; }
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public string? GridCode { get; set; }
    public string? GridName { get; set; }
    public string? PrecinctCode { get; set; }
    public string? PrecinctName { get; set; }
    public bool OnBoundary { get; set; }
    public string? SharedAreaCodes { get; set; }
    public string? OrganisationCode { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationType { get; set; }
    public string? RoutingOutcome { get; set; }
    public string? RoutingReasons { get; set; }
    public double? RoutingConfidence { get; set; }
    public string? RoutingCandidates { get; set; }
    public string? AddressMatch { get; set; }
    public int Version { get; set; }
    public string? GridTier { get; set; }

    private static AreaRef? Area(string? code, string? name) => code is null ? null : new AreaRef(code, name ?? code);

    public static IncidentSummary From(IncidentRow r)
    {
        var jurisdiction = r.Lon is null
            ? null
            : new Jurisdiction(Area(r.DistrictCode, r.DistrictName), Area(r.StreetCode, r.StreetName), Area(r.CommunityCode, r.CommunityName),
                Area(r.GridCode, r.GridName), Area(r.PrecinctCode, r.PrecinctName), r.OnBoundary, Visibility.SharedCodes(r.SharedAreaCodes));
        var routing = r.RoutingOutcome is null
            ? null
            : new RoutingDecision(
                Enum.Parse<RoutingOutcome>(r.RoutingOutcome),
                r.OrganisationCode is null ? null : new OrganisationRef(r.OrganisationCode, r.OrganisationName ?? r.OrganisationCode, Enum.Parse<OrganisationType>(r.OrganisationType!)),
                JsonSerializer.Deserialize<List<string>>(r.RoutingReasons ?? "[]", AuditJson.Options) ?? [],
                r.RoutingConfidence,
                JsonSerializer.Deserialize<List<CategoryCandidate>>(r.RoutingCandidates ?? "[]", AuditJson.Options) ?? [],
                // Urgent triage is stored as what it means: priority 1 waiting in triage (the queue's order uses the same).
                Urgent: r.RoutingOutcome == nameof(Contracts.RoutingOutcome.NeedsTriage) && r.Priority == 1);
        return new IncidentSummary(
            Guid.Parse(r.Id), r.ReceivedAt, r.OpenedAt, Enum.Parse<IncidentStatus>(r.Status), Enum.Parse<IncidentKind>(r.Kind),
            r.CategoryCode, r.CategoryName, r.Description, r.Address, IncidentStore.Point(r.Lon, r.Lat), r.AlertCount,
            r.Priority, jurisdiction, routing, Enum.Parse<IncidentSource>(r.Source),
            r.GridTier is null ? null : Enum.Parse<GridEventTier>(r.GridTier),
            r.AddressMatch is null ? null : JsonSerializer.Deserialize<AddressLocation>(r.AddressMatch, AuditJson.Options));
    }

    public static IncidentRow Of(IncidentSummary i, int version)
    {
        var j = i.Jurisdiction;
        var routing = i.Routing;
        return new IncidentRow
        {
            Id = IncidentStore.IdText(i.Id),
            ReceivedAt = i.ReceivedAt.ToUniversalTime(),
            OpenedAt = i.OpenedAt.ToUniversalTime(),
            Status = i.Status.ToString(),
            Kind = i.Kind.ToString(),
            CategoryCode = i.CategoryCode,
            CategoryName = i.CategoryName,
            Description = i.Description,
            Address = i.Address,
            Lon = i.Location?.Lon,
            Lat = i.Location?.Lat,
            AlertCount = i.AlertCount,
            Priority = i.Priority,
            Source = i.Source.ToString(),
            DistrictCode = j?.District?.Code,
            DistrictName = j?.District?.Name,
            StreetCode = j?.Street?.Code,
            StreetName = j?.Street?.Name,
            CommunityCode = j?.Community?.Code,
            CommunityName = j?.Community?.Name,
            GridCode = j?.Grid?.Code,
            GridName = j?.Grid?.Name,
            PrecinctCode = j?.Precinct?.Code,
            PrecinctName = j?.Precinct?.Name,
            OnBoundary = j?.OnBoundary ?? false,
            SharedAreaCodes = Visibility.SharedColumn(j?.SharedWith),
            OrganisationCode = routing?.Organisation?.Code,
            OrganisationName = routing?.Organisation?.Name,
            OrganisationType = routing?.Organisation?.Type.ToString(),
            RoutingOutcome = routing?.Outcome.ToString(),
            RoutingReasons = routing is null ? null : JsonSerializer.Serialize(routing.Reasons, AuditJson.Options),
            RoutingConfidence = routing?.Confidence,
            RoutingCandidates = routing is null ? null : JsonSerializer.Serialize(routing.Candidates, AuditJson.Options),
            AddressMatch = i.AddressMatch is null ? null : JsonSerializer.Serialize(i.AddressMatch, AuditJson.Options),
            Version = version,
        };
    }
}
