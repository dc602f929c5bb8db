using Dispatch.Contracts;

namespace Dispatch.Server.Assignment;

/// <summary>
/// An incident's response clocks as a responder's phone shows them. The clock stage answers this; assignment asks
/// through it, because the clock stage already depends on assignment (escalation offers the next unit).
/// </summary>
public interface IResponderClocks
{
    Task<IReadOnlyList<ClockView>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken);
}
