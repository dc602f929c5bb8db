namespace Dispatch.Server.Incidents;

/// <summary>One route under <c>/api/incidents</c>: its method, its pattern after the prefix, and the stage whose folder handles it.</summary>
public sealed record IncidentRoute(string Method, string Pattern, string Stage)
{
    public string Path => IncidentRoutes.Prefix + Pattern;
}

/// <summary>
/// Every route under <c>/api/incidents</c>, in one place. The incident is this stage's record, but acting on it is
/// other stages' work (routing corrections, dispatch): they map their handlers on these routes with
/// <see cref="MapIncidentRoute"/>, which takes nothing but a route of this table, so the table is complete.
/// </summary>
public static class IncidentRoutes
{
    public const string Prefix = "/api/incidents";

    // Incidents: reading them (IncidentEndpoints).
    public static readonly IncidentRoute List = new("GET", "/", "Incidents");
    public static readonly IncidentRoute Open = new("GET", "/open", "Incidents");
    public static readonly IncidentRoute Get = new("GET", "/{id:guid}", "Incidents");

    // Routing: an operator's or a department's corrections (TriageEndpoints).
    public static readonly IncidentRoute Route = new("POST", "/{id:guid}/route", "Routing");
    public static readonly IncidentRoute Reclassify = new("POST", "/{id:guid}/reclassify", "Routing");
    public static readonly IncidentRoute LocateByAddress = new("POST", "/{id:guid}/address", "Routing");
    public static readonly IncidentRoute Return = new("POST", "/{id:guid}/return", "Routing");

    // Assignment: who goes, and how the incident ends on scene (DispatchEndpoints).
    public static readonly IncidentRoute Recommendations = new("GET", "/{id:guid}/recommendations", "Assignment");
    public static readonly IncidentRoute Dispatch = new("POST", "/{id:guid}/dispatch", "Assignment");
    public static readonly IncidentRoute CallerPhones = new("GET", "/{id:guid}/caller-phones", "Assignment");
    public static readonly IncidentRoute Reinforcements = new("POST", "/{id:guid}/reinforcements", "Assignment");
    public static readonly IncidentRoute Resolve = new("POST", "/{id:guid}/resolve", "Assignment");
    public static readonly IncidentRoute HandOver = new("POST", "/{id:guid}/hand-over", "Assignment");
    public static readonly IncidentRoute Linkages = new("POST", "/{id:guid}/linkages", "Assignment");

    public static IReadOnlyList<IncidentRoute> All { get; } =
    [
        List, Open, Get, Route, Reclassify, LocateByAddress, Return, Recommendations, Dispatch, CallerPhones, Reinforcements, Resolve, HandOver, Linkages,
    ];

    /// <summary>The link to an incident's timeline, as answers and breach rows give it.</summary>
    public static string Timeline(Guid incidentId) => $"{Prefix}/{incidentId}";

    /// <summary>Maps <paramref name="handler"/> on one route of this table.</summary>
    public static RouteHandlerBuilder MapIncidentRoute(this IEndpointRouteBuilder app, IncidentRoute route, Delegate handler) =>
        app.MapMethods(route.Path, [route.Method], handler);
}
