namespace Dispatch.Contracts;

/// <summary>An incident was opened from an alert and stored; screens show it.</summary>
/// <param name="Incident">The incident as operators see it in the queue.</param>
/// <param name="Clocks">
/// The response clocks started with it, in the same transaction, so screens show the countdowns without another
/// message per clock; null from a sender that did not start them.
/// </param>
public sealed record IncidentOpened(IncidentSummary Incident, IReadOnlyList<ClockView>? Clocks = null);

/// <summary>One row of the incident queue, as pushed to screens and listed by <c>GET /api/incidents</c>.</summary>
/// <param name="Id">The incident reference.</param>
/// <param name="ReceivedAt">T0: when the first alert was received.</param>
/// <param name="OpenedAt">When Dispatch stored it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Kind">Police, non-police or dispute.</param>
/// <param name="CategoryCode">The category code, if known.</param>
/// <param name="CategoryName">The category's Chinese name, if known.</param>
/// <param name="Description">The first caller's words.</param>
/// <param name="Address">The address as given.</param>
/// <param name="Location">WGS-84 position, if known.</param>
/// <param name="AlertCount">How many alerts joined it (callers about the same thing).</param>
/// <param name="Priority">1 (most urgent) to 4, from the category.</param>
/// <param name="Jurisdiction">The areas that hold its location, when it has one.</param>
/// <param name="Routing">Routing's decision: the responsible organisation, or why it waits in triage.</param>
/// <param name="Source">A 110 alert or a grid event.</param>
/// <param name="Tier">For a grid event: minor, major or complex (小事/大事/难事).</param>
/// <param name="AddressMatch">How its address matched the standard address register, when it has an address.</param>
public sealed record IncidentSummary(
    Guid Id,
    DateTimeOffset ReceivedAt,
    DateTimeOffset OpenedAt,
    IncidentStatus Status,
    IncidentKind Kind,
    string? CategoryCode,
    string? CategoryName,
    string Description,
    string? Address,
    GeoPoint? Location,
    int AlertCount,
    int? Priority = null,
    Jurisdiction? Jurisdiction = null,
    RoutingDecision? Routing = null,
    IncidentSource Source = IncidentSource.Alert,
    GridEventTier? Tier = null,
    AddressLocation? AddressMatch = null);
