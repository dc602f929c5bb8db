namespace Dispatch.Contracts;

/// <summary>Where an incident stands in the centre's work.</summary>
public enum IncidentStatus
{
    /// <summary>Opened and routed, waiting for dispatch.</summary>
    Open = 0,

    /// <summary>Could not be decided automatically; waits for an operator.</summary>
    NeedsTriage = 1,

    /// <summary>Units are working on it.</summary>
    InProgress = 2,

    /// <summary>Finished: resolved on scene or handed over.</summary>
    Closed = 3,
}
