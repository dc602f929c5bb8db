namespace Dispatch.Server.Audit;

/// <summary>One line of the append-only audit log: who did what to which record, and how it looked before and after.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">A user name, an API client, or <c>system</c> for the pipeline itself.</param>
/// <param name="ActorRole">The actor's role, when a person acted.</param>
/// <param name="Action">What happened, e.g. <c>incident.opened</c>.</param>
/// <param name="SubjectType">The kind of record, e.g. <c>incident</c>.</param>
/// <param name="SubjectId">The record's id.</param>
/// <param name="Before">JSON of the record before, when it existed.</param>
/// <param name="After">JSON of the record after.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string? ActorRole,
    string Action,
    string SubjectType,
    string SubjectId,
    string? Before,
    string? After);

/// <summary>Well-known actions and subjects, so that queries and assessment agree on spelling.</summary>
public static class AuditNames
{
    public const string SystemActor = "system";
    public const string IncidentSubject = "incident";
    public const string IncidentOpened = "incident.opened";
    public const string AlertJoined = "incident.alert-joined";
    public const string IncidentRerouted = "incident.rerouted";
    public const string IncidentReclassified = "incident.reclassified";
    public const string IncidentLocated = "incident.located";
    public const string IncidentReturned = "incident.returned";
}
