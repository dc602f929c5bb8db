using Dispatch.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// <c>/hubs/command</c>. Clients only subscribe; all pushes come from bus consumers through
/// <see cref="IHubContext{THub,T}"/>, so a screen on any node sees what any node did.
/// </summary>
public sealed class CommandHub : Hub<ICommandClient>
{
    /// <summary>Start receiving the incident queue's changes.</summary>
    public Task WatchIncidents() => Groups.AddToGroupAsync(Context.ConnectionId, ScreenGroups.Incidents);
}
