using Dispatch.Contracts;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Security;

/// <summary>The kinds of record whose visibility is decided here.</summary>
public enum RecordKind
{
    Incident,

    /// <summary>An incident waiting in triage: seen by the same people as any incident, so that someone places it.</summary>
    TriageIncident,
    TaskOrder,
    Unit,
    Assignment,
}

/// <summary>
/// Where a record lies and whose it is: all that a visibility decision reads.
/// </summary>
/// <param name="Areas">
/// The codes of every area, of any layer, that holds it, both sides of a shared edge included. For a unit, the areas
/// its organisation answers for (its served areas and those overlapping them).
/// </param>
/// <param name="Placed">True when a district, street or precinct holds it; an unplaced record is every operator's to place.</param>
/// <param name="Organisation">The organisation an incident is routed to, a task order issued to, or a unit belongs to.</param>
/// <param name="Unit">An assignment's unit, or a unit's own code.</param>
public sealed record RecordPlace(IReadOnlyCollection<string> Areas, bool Placed, string? Organisation = null, string? Unit = null)
{
    /// <summary>An incident: its jurisdiction's areas and their shared sides; placed when a district, street or precinct holds it.</summary>
    public static RecordPlace Of(IncidentSummary incident) => Of(incident.Jurisdiction, incident.Routing?.Organisation?.Code);

    public static RecordPlace Of(Jurisdiction? where, string? organisation) => new(
        Codes([where?.District?.Code, where?.Street?.Code, where?.Community?.Code, where?.Grid?.Code, where?.Precinct?.Code], where?.SharedWith),
        where?.District is not null || where?.Street is not null || where?.Precinct is not null,
        organisation);

    /// <summary>A task order: the incident's areas copied at issue (district, street, community and the shared sides).</summary>
    public static RecordPlace OfTaskOrder(
        string? district, string? street, string? community, IReadOnlyList<string>? shared, string organisation) =>
        new(Codes([district, street, community], shared), district is not null || street is not null, organisation);

    public static RecordPlace Of(TaskOrderView order) =>
        OfTaskOrder(order.DistrictCode, order.StreetCode, order.CommunityCode, order.SharedAreaCodes, order.Organisation.Code);

    /// <summary>An assignment lies where its incident does and belongs to its unit too.</summary>
    public static RecordPlace OfAssignment(IncidentSummary incident, string unitCode) => Of(incident) with { Unit = unitCode };

    /// <summary>A unit: the areas its organisation answers for.</summary>
    public static RecordPlace OfUnit(string code, string organisation, IReadOnlyCollection<string> organisationAreas) =>
        new(organisationAreas, Placed: true, organisation, code);

    private static string[] Codes(IEnumerable<string?> own, IReadOnlyList<string>? shared) =>
        [.. own.Concat(shared ?? []).OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary>What a grant or a record is matched by.</summary>
public enum AudienceKind
{
    /// <summary>Everything (admins).</summary>
    Everyone,

    /// <summary>Records lying in an area.</summary>
    Area,

    /// <summary>Records no district, street or precinct holds.</summary>
    Unplaced,

    /// <summary>Records of an organisation.</summary>
    Organisation,

    /// <summary>Records of a unit.</summary>
    Unit,
}

/// <summary>
/// One audience: the people of an area, of an organisation, of a unit, those who place unplaced records, or
/// everyone. A user may see a record when one of their audiences is one of the record's; hub groups are named
/// after audiences (see <c>ScreenGroups</c>), so a push reaches exactly those who may read it.
/// </summary>
public sealed record Audience(AudienceKind Kind, string? Code = null)
{
    public static readonly Audience Everyone = new(AudienceKind.Everyone);
    public static readonly Audience Unplaced = new(AudienceKind.Unplaced);

    /// <summary>The part of a hub group name after the hub's prefix: <c>all</c>, <c>unplaced</c>, <c>area:CODE</c>, <c>org:CODE</c>, <c>unit:CODE</c>.</summary>
    public override string ToString() => Kind switch
    {
        AudienceKind.Everyone => "all",
        AudienceKind.Unplaced => "unplaced",
        AudienceKind.Area => "area:" + Code,
        AudienceKind.Organisation => "org:" + Code,
        _ => "unit:" + Code,
    };
}

/// <summary>A SQL condition on a table's own columns and the parameters it binds; <see cref="Where"/> null keeps every row.</summary>
public sealed record VisibilityFilter(string? Where, IReadOnlyDictionary<string, object> Parameters);

/// <summary>
/// The columns of a table that say where its rows lie and whose they are. A table without a column for something
/// cannot match it: units carry no areas, so their organisations stand in for them (see <see cref="Visibility.Filter"/>).
/// </summary>
/// <param name="Areas">Columns holding one area code each.</param>
/// <param name="PlacedBy">Columns of which one is set when the row is placed (district, street, precinct).</param>
/// <param name="SharedAreas">A column holding the shared sides' codes as <c>,A,B,</c>, or null.</param>
/// <param name="Organisation">The organisation column, or null.</param>
/// <param name="Unit">The unit column, or null.</param>
public sealed record VisibilityColumns(
    IReadOnlyList<string> Areas, IReadOnlyList<string> PlacedBy, string? SharedAreas = null, string? Organisation = null, string? Unit = null)
{
    public static readonly VisibilityColumns Incidents = new(
        ["district_code", "street_code", "community_code", "grid_code", "precinct_code"], ["district_code", "street_code", "precinct_code"],
        "shared_area_codes", "organisation_code");

    public static readonly VisibilityColumns TaskOrders = new(
        ["district_code", "street_code", "community_code"], ["district_code", "street_code"], "shared_area_codes", "organisation_code");

    public static readonly VisibilityColumns Units = new([], [], Organisation: "organisation", Unit: "code");
}

/// <summary>
/// The one visibility policy: who may see which record. Each role is granted audiences per record kind
/// (<see cref="Grants"/>); everything else is derived from that table: the in-memory check, the SQL filter the stores
/// list with, and the hub groups a screen joins and a change is pushed to. Pure.
/// <list type="bullet">
/// <item>Admins see everything.</item>
/// <item>Operators and supervisors see what lies in one of their areas (both sides of a shared edge see what lies on
/// it), and every incident, task order and assignment no district, street or precinct holds, which someone must place;
/// units when their organisation answers for one of their areas.</item>
/// <item>Department handlers see their organisation's incidents, task orders and assignments.</item>
/// <item>Responders see their unit's assignments and their unit; nothing else is theirs, not even unplaced work.</item>
/// </list>
/// </summary>
public static class Visibility
{
    /// <summary>
    /// The shared-areas column's separator, also written before the first code and after the last, so that a search
    /// for <c>,CODE,</c> matches whole codes only. No area code holds one: scope claims are comma-separated too.
    /// </summary>
    public const char SharedSeparator = ',';

    /// <summary>What a role's scope codes are matched against, per record kind.</summary>
    public static IReadOnlyList<AudienceKind> Grants(AccessScope scope, RecordKind kind) => scope switch
    {
        { All: true } => [AudienceKind.Everyone],
        { Role: Roles.Operator or Roles.Supervisor } => kind == RecordKind.Unit ? [AudienceKind.Area] : [AudienceKind.Area, AudienceKind.Unplaced],
        { Role: Roles.DepartmentHandler } => kind == RecordKind.Unit ? [] : [AudienceKind.Organisation],
        { Role: Roles.Responder } => kind is RecordKind.Assignment or RecordKind.Unit ? [AudienceKind.Unit] : [],
        _ => [],
    };

    public static bool CanSee(AccessScope scope, RecordKind kind, RecordPlace place) =>
        AudiencesOf(scope, kind).Intersect(AudiencesOf(place)).Any();

    /// <summary>The audiences a user belongs to for one kind of record: what their screen joins.</summary>
    public static IReadOnlyList<Audience> AudiencesOf(AccessScope scope, RecordKind kind) =>
    [
        .. Grants(scope, kind).SelectMany(grant => grant switch
        {
            AudienceKind.Everyone => [Audience.Everyone],
            AudienceKind.Unplaced => [Audience.Unplaced],
            _ => scope.Codes.Select(code => new Audience(grant, code)),
        }),
    ];

    /// <summary>The audiences a record reaches: where a change to it is pushed.</summary>
    public static IReadOnlyList<Audience> AudiencesOf(RecordPlace place) =>
    [
        Audience.Everyone,
        .. place.Areas.Select(code => new Audience(AudienceKind.Area, code)),
        .. place.Placed ? Array.Empty<Audience>() : [Audience.Unplaced],
        .. place.Organisation is { } organisation ? [new Audience(AudienceKind.Organisation, organisation)] : Array.Empty<Audience>(),
        .. place.Unit is { } unit ? [new Audience(AudienceKind.Unit, unit)] : Array.Empty<Audience>(),
    ];

    /// <summary>
    /// The condition that keeps the rows of a table a user may see, built from the same grants as
    /// <see cref="CanSee"/>. Parameters are named <c>Visible…</c>, so they do not clash with the store's own. For
    /// tables whose rows carry an organisation rather than areas (units), <paramref name="organisationsInScopeAreas"/>
    /// are the organisations that answer for one of the scope's areas, which an area grant then matches.
    /// </summary>
    public static VisibilityFilter Filter(
        AccessScope scope, RecordKind kind, VisibilityColumns columns, SqlDialect dialect, IReadOnlyCollection<string>? organisationsInScopeAreas = null)
    {
        var parameters = new Dictionary<string, object> { ["VisibleCodes"] = scope.Codes.ToArray() };
        var any = new List<string>();
        foreach (var grant in Grants(scope, kind))
        {
            switch (grant)
            {
                case AudienceKind.Everyone:
                    return new VisibilityFilter(null, new Dictionary<string, object>());
                case AudienceKind.Area:
                    any.AddRange(columns.Areas.Select(column => dialect.InList(column, "VisibleCodes")));
                    if (columns.SharedAreas is { } shared)
                    {
                        for (var i = 0; i < scope.Codes.Count; i++)
                        {
                            parameters["VisibleShared" + i] = SharedSeparator + scope.Codes[i] + SharedSeparator;
                            any.Add(dialect.ContainsText(shared, "VisibleShared" + i));
                        }
                    }

                    if (columns.Areas.Count == 0 && columns.Organisation is { } byOrganisation && organisationsInScopeAreas is not null)
                    {
                        parameters["VisibleOrganisations"] = organisationsInScopeAreas.ToArray();
                        any.Add(dialect.InList(byOrganisation, "VisibleOrganisations"));
                    }

                    break;
                case AudienceKind.Unplaced when columns.PlacedBy.Count > 0:
                    any.Add("(" + string.Join(" AND ", columns.PlacedBy.Select(column => column + " IS NULL")) + ")");
                    break;
                case AudienceKind.Organisation when columns.Organisation is not null:
                    any.Add(dialect.InList(columns.Organisation, "VisibleCodes"));
                    break;
                case AudienceKind.Unit when columns.Unit is not null:
                    any.Add(dialect.InList(columns.Unit, "VisibleCodes"));
                    break;
            }
        }

        return new VisibilityFilter(any.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", any) + ")", parameters);
    }

    /// <summary>The shared-areas column's text for a list of codes (<c>,A,B,</c>), or null for none.</summary>
    public static string? SharedColumn(IReadOnlyList<string>? codes) =>
        codes is { Count: > 0 } ? SharedSeparator + string.Join(SharedSeparator, codes) + SharedSeparator : null;

    /// <summary>The codes in a shared-areas column's text; null for none.</summary>
    public static IReadOnlyList<string>? SharedCodes(string? column) =>
        column?.Split(SharedSeparator, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } codes ? codes : null;
}
