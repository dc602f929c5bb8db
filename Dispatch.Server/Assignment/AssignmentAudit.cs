using Dispatch.Contracts;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Audit actions of dispatch. Entries go on the incident's subject, so its timeline (<c>GET /api/incidents/{id}</c>)
/// tells the whole story; before and after hold the assignment.
/// </summary>
public static class AssignmentAudit
{
    public const string Dispatched = "assignment.dispatched";

    /// <summary>On the incident a unit was taken from by an override: its assignment there is left as it was.</summary>
    public const string Diverted = "assignment.diverted";

    public const string ReinforcementRequested = "incident.reinforcement-requested";

    /// <summary>Someone read the callers' full numbers (personal data): who and when stay on the incident's timeline.</summary>
    public const string CallerPhonesRead = "incident.caller-phones-read";

    /// <summary>On the subject <c>unit</c>: signed on or off duty.</summary>
    public const string Duty = "unit.duty";

    /// <summary>On the subject <c>unit</c>: created or its name, organisation or kind replaced by an admin.</summary>
    public const string UnitUpdated = "unit.updated";

    public const string UnitSubject = "unit";

    /// <summary><c>assignment.acknowledged</c>, <c>assignment.enroute</c>, … for the state reached.</summary>
    public static string Step(AssignmentState state) => "assignment." + state.ToString().ToLowerInvariant();
}
