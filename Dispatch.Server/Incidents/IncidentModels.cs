using Dispatch.Contracts;
using Dispatch.Server.Security;

namespace Dispatch.Server.Incidents;

/// <summary>One alert as stored and shown under its incident: every caller's words are kept.</summary>
public sealed record StoredAlert(
    string AlertId,
    DateTimeOffset ReceivedAt,
    string? CategoryCode,
    string Description,
    string? Address,
    GeoPoint? Location,
    string? CallerPhone,
    string Source,
    DateTimeOffset StoredAt);

/// <summary>A grid event as reported and stored under its incident.</summary>
public sealed record StoredGridEvent(
    string EventId,
    DateTimeOffset ReportedAt,
    string Reporter,
    ReporterKind ReporterKind,
    GridEventTier Tier,
    string? CategoryCode,
    string Description,
    GeoPoint? Location,
    string? GridCode,
    IReadOnlyList<string> PhotoUrls,
    DateTimeOffset StoredAt);

/// <summary>
/// An incident with its alerts (or grid event), its history, its response clocks and the units dispatched to it
/// (oldest first), as <c>GET /api/incidents/{id}</c> returns it.
/// </summary>
public sealed record IncidentDetail(
    IncidentSummary Incident, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<TimelineEntry> Timeline, StoredGridEvent? GridEvent = null,
    IReadOnlyList<ClockView>? Clocks = null, IReadOnlyList<AssignmentSummary>? Assignments = null, IReadOnlyList<IncidentLinked>? Linkages = null);

/// <summary>One step of an incident's history, from the audit log.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Actor, string Action);

/// <summary>
/// Filters for the incident list. Times are on <c>receivedAt</c>; <c>To</c> is exclusive. <c>Scope</c> keeps the
/// incidents its user may see (<see cref="Visibility"/>); null keeps all. <c>OpenOnly</c> keeps every incident that is
/// not closed (waiting, in triage, in progress). <c>Category</c>, <c>Community</c> and <c>Organisation</c> are codes,
/// matched exactly; <c>Text</c> is searched for in the words, the addresses, what shows of the callers' numbers and
/// the incident's id (see <see cref="IncidentListQuery"/>).
/// </summary>
public sealed record IncidentQuery(
    IncidentStatus? Status, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize, bool UrgentThenOldest = false, AccessScope? Scope = null,
    bool OpenOnly = false, IncidentKind? Kind = null, string? Category = null, string? Community = null, string? Organisation = null, string? Text = null);

/// <summary>An incident with the row version that guards changes to it.</summary>
public sealed record VersionedIncident(IncidentSummary Incident, int Version);

/// <summary>A page of the incident list, newest first.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentSummary> Items, int Page, int PageSize, int Total);

/// <summary>What storing an alert did: opened a new incident, or found the alert already stored.</summary>
public sealed record OpenOutcome(bool Opened, IncidentSummary Incident);
