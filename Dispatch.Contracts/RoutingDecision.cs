namespace Dispatch.Contracts;

/// <summary>How routing settled an incoming alert or grid event. Always explicit and stored, never silent.</summary>
public enum RoutingOutcome
{
    /// <summary>Given to a responsible organisation.</summary>
    Routed = 0,

    /// <summary>Waits for an operator, with the reasons and the candidate categories.</summary>
    NeedsTriage = 1,

    /// <summary>Joined an open incident about the same thing (same category, near in place and time).</summary>
    Merged = 2,
}

/// <summary>Where an incident came from.</summary>
public enum IncidentSource
{
    /// <summary>A 110 alert (警情).</summary>
    Alert = 0,

    /// <summary>A grid event (网格事件) from a grid member, a resident or a sensor.</summary>
    GridEvent = 1,
}

/// <summary>An organisation as incidents and screens name it.</summary>
/// <param name="Code">Organisation code, e.g. PS-YUNFENG.</param>
/// <param name="Name">Its name, e.g. 云峰派出所.</param>
/// <param name="Type">What kind of body it is.</param>
public sealed record OrganisationRef(string Code, string Name, OrganisationType Type);

/// <summary>A category the classifier considered, for an operator deciding in triage.</summary>
public sealed record CategoryCandidate(string Code, string Name, double Score);

/// <summary>Routing's decision about an incident, with the reasons an operator reads.</summary>
/// <param name="Outcome">Routed, or waiting in triage.</param>
/// <param name="Organisation">The responsible organisation when routed.</param>
/// <param name="Reasons">Why, in readable Chinese and English, in the order they were decided.</param>
/// <param name="Confidence">The classifier's confidence, 0..1, when the category came from the text or code.</param>
/// <param name="Candidates">Candidate categories when the classifier was unsure.</param>
public sealed record RoutingDecision(
    RoutingOutcome Outcome,
    OrganisationRef? Organisation,
    IReadOnlyList<string> Reasons,
    double? Confidence,
    IReadOnlyList<CategoryCandidate> Candidates);

/// <summary>An incident changed after it was opened (a caller joined, rerouted, reclassified, returned); screens replace their copy.</summary>
/// <param name="Incident">The incident as it is now.</param>
/// <param name="Change">What changed: <c>alert-joined</c>, <c>routed</c>, <c>reclassified</c>, <c>returned</c>.</param>
public sealed record IncidentUpdated(IncidentSummary Incident, string Change);

/// <summary>Reference data every node caches.</summary>
public enum ReferenceData
{
    Catalogue = 0,
    Organisations = 1,
    Areas = 2,
    Calendar = 3,
    Addresses = 4,
}

/// <summary>An admin changed reference data on one node; every node reloads its copy from the database.</summary>
public sealed record ReferenceDataChanged(ReferenceData Kind, DateTimeOffset At);
