namespace Dispatch.Contracts;

/// <summary>What the server pushes to a command screen over <c>/hubs/command</c>.</summary>
public interface ICommandClient
{
    /// <summary>A new incident was opened (method name on the wire: <c>IncidentOpened</c>).</summary>
    Task IncidentOpened(IncidentSummary incident);
}
