using Dispatch.Contracts;
using Dispatch.Server.Security;

namespace Dispatch.Server.Screens;

/// <summary>
/// The one place SignalR group names are made, so that joins and pushes cannot disagree on spelling. A group is a
/// hub's prefix and a <see cref="Visibility"/> audience: a screen joins its user's audiences, a change goes to its
/// record's, so a push reaches exactly those who may read the record.
/// </summary>
public static class ScreenGroups
{
    private const string IncidentsPrefix = "incidents:";
    private const string UnitsPrefix = "units:";

    /// <summary>Admins: every incident.</summary>
    public const string AllIncidents = IncidentsPrefix + "all";

    /// <summary>Incidents no area holds (no location, or outside every area), which an operator must place.</summary>
    public const string UnplacedIncidents = IncidentsPrefix + "unplaced";

    public static string Area(string code) => IncidentsPrefix + new Audience(AudienceKind.Area, code);

    /// <summary>Admins: every unit's status and position changes.</summary>
    public const string Units = UnitsPrefix + "all";

    /// <summary>The changes of units whose organisation's areas meet this area (see <c>UnitScope</c>).</summary>
    public static string UnitsIn(string areaCode) => UnitsPrefix + new Audience(AudienceKind.Area, areaCode);

    /// <summary>One unit's assignments, for its responders' phones (<c>/hubs/responder</c>).</summary>
    public static string Unit(string code) => new Audience(AudienceKind.Unit, code).ToString();

    /// <summary>The groups a responder's phone joins: their own unit's only.</summary>
    public static IReadOnlyList<string> ForResponder(AccessScope scope) =>
        [.. Visibility.AudiencesOf(scope, RecordKind.Assignment).Where(a => a.Kind == AudienceKind.Unit).Select(a => a.ToString())];

    /// <summary>The groups a user's screen joins to watch the queue; empty when the role watches none.</summary>
    public static IReadOnlyList<string> ForWatcher(AccessScope scope) =>
    [
        .. OnCommandHub(IncidentsPrefix, Visibility.AudiencesOf(scope, RecordKind.Incident)),
        .. OnCommandHub(UnitsPrefix, Visibility.AudiencesOf(scope, RecordKind.Unit)),
    ];

    /// <summary>The groups an incident's changes go to: those of its areas, both sides of a shared edge included.</summary>
    public static IReadOnlyList<string> ForIncident(IncidentSummary incident) =>
        OnCommandHub(IncidentsPrefix, Visibility.AudiencesOf(RecordPlace.Of(incident)));

    /// <summary>The groups a unit's changes go to: admins' and those of every area its organisation answers for.</summary>
    public static IReadOnlyList<string> ForUnit(RecordPlace unit) => OnCommandHub(UnitsPrefix, Visibility.AudiencesOf(unit));

    /// <summary>The command-screen groups a task order's changes go to: those of its incident's areas.</summary>
    public static IReadOnlyList<string> ForTaskOrder(TaskOrderView order) =>
        OnCommandHub(IncidentsPrefix, Visibility.AudiencesOf(RecordPlace.Of(order)));

    /// <summary>
    /// The command hub admits admins, operators and supervisors only (<c>Policies.Read</c>), whose audiences are
    /// everyone, areas and the unplaced: nobody there could join an organisation's or a unit's group.
    /// </summary>
    private static string[] OnCommandHub(string prefix, IEnumerable<Audience> audiences) =>
        [.. audiences.Where(a => a.Kind is AudienceKind.Everyone or AudienceKind.Area or AudienceKind.Unplaced).Select(a => prefix + a)];
}
