using Dispatch.Contracts;
using Dispatch.Server.Security;

namespace Dispatch.Server.Screens;

/// <summary>
/// The one place SignalR group names are made, so that joins and pushes cannot disagree on spelling. A screen
/// joins the groups its user's scope allows; an incident is pushed to the groups of its areas.
/// </summary>
public static class ScreenGroups
{
    /// <summary>Admins: every incident.</summary>
    public const string AllIncidents = "incidents:all";

    /// <summary>Incidents no area holds (no location, or outside every area), which an operator must place.</summary>
    public const string UnplacedIncidents = "incidents:unplaced";

    public static string Area(string code) => "incidents:area:" + code;

    /// <summary>Admins: every unit's status and position changes.</summary>
    public const string Units = "units:all";

    /// <summary>The changes of units whose organisation's areas meet this area (see <c>UnitScope</c>).</summary>
    public static string UnitsIn(string areaCode) => "units:area:" + areaCode;

    /// <summary>One unit's assignments, for its responders' phones (<c>/hubs/responder</c>).</summary>
    public static string Unit(string code) => "unit:" + code;

    /// <summary>The groups a responder's phone joins: their own unit's only.</summary>
    public static IReadOnlyList<string> ForResponder(AccessScope scope) =>
        scope.Role == Roles.Responder ? [.. scope.Codes.Select(Unit)] : [];

    /// <summary>The groups a user's screen joins to watch the queue; empty when the role watches none.</summary>
    public static IReadOnlyList<string> ForWatcher(AccessScope scope) => scope switch
    {
        { All: true } => [AllIncidents, Units],
        { Role: Roles.Operator or Roles.Supervisor } => [.. scope.Codes.Select(Area), UnplacedIncidents, .. scope.Codes.Select(UnitsIn)],
        _ => [],
    };

    /// <summary>The groups an incident's changes go to.</summary>
    public static IReadOnlyList<string> ForIncident(IncidentSummary incident)
    {
        var where = incident.Jurisdiction;
        var areas = new[] { where?.District, where?.Street, where?.Community, where?.Grid, where?.Precinct }
            .Where(a => a is not null)
            .Select(a => Area(a!.Code))
            .ToList();
        var placed = where?.District is not null || where?.Street is not null || where?.Precinct is not null;
        return [AllIncidents, .. areas, .. placed ? Array.Empty<string>() : [UnplacedIncidents]];
    }

    /// <summary>The groups a unit's changes go to: admins' and those of every area its organisation's areas meet.</summary>
    public static IReadOnlyList<string> ForUnit(IReadOnlySet<string> organisationAreas) => [Units, .. organisationAreas.Select(UnitsIn)];

    /// <summary>The command-screen groups a task order's changes go to: those of its incident's areas.</summary>
    public static IReadOnlyList<string> ForTaskOrder(TaskOrderView order)
    {
        var areas = new[] { order.DistrictCode, order.StreetCode, order.CommunityCode }.OfType<string>().Select(Area).ToList();
        return [AllIncidents, .. areas, .. areas.Count == 0 ? [UnplacedIncidents] : Array.Empty<string>()];
    }
}
