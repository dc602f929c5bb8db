using Dispatch.Contracts;
using Dispatch.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// <c>/hubs/responder</c>: a responder's phone. It only subscribes, and only to the caller's own unit, whatever it
/// asks: the group comes from the signed-in scope, never from an argument.
/// </summary>
public sealed class ResponderHub : Hub<IResponderClient>
{
    /// <summary>Start receiving the assignments of the caller's unit.</summary>
    public async Task WatchAssignments()
    {
        foreach (var group in ScreenGroups.ForResponder(AccessScope.Of(Context.User!)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }
}
