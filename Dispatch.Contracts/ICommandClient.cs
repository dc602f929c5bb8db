namespace Dispatch.Contracts;

/// <summary>What the server pushes to a command screen over <c>/hubs/command</c>.</summary>
public interface ICommandClient
{
    /// <summary>A new incident was opened (method name on the wire: <c>IncidentOpened</c>).</summary>
    Task IncidentOpened(IncidentSummary incident);

    /// <summary>An incident changed: a caller joined, it was rerouted, reclassified or returned (<c>IncidentUpdated</c>).</summary>
    Task IncidentUpdated(IncidentSummary incident, string change);
}
