using Dispatch.Contracts;
using Dispatch.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// <c>/hubs/command</c>. Clients only subscribe; all pushes come from bus consumers through
/// <see cref="IHubContext{THub,T}"/>, so a screen on any node sees what any node did.
/// </summary>
public sealed class CommandHub : Hub<ICommandClient>
{
    /// <summary>Start receiving the changes of the incidents this user may see (their areas; admins all).</summary>
    public async Task WatchIncidents()
    {
        foreach (var group in ScreenGroups.ForWatcher(AccessScope.Of(Context.User!)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }
}
