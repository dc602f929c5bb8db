using Dispatch.Contracts;
using Dispatch.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// <c>/hubs/desk</c>: task-order changes, live. Department handlers watch their organisation's orders; operators
/// and supervisors those of their areas; admins all. Clients only subscribe.
/// </summary>
public sealed class DeskHub : Hub<IDeskClient>
{
    /// <summary>Start receiving the changes of the task orders this user may see.</summary>
    public async Task WatchTaskOrders()
    {
        foreach (var group in TaskOrderGroups.ForWatcher(AccessScope.Of(Context.User!)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }
}

/// <summary>The one place desk-hub group names are made: the prefix and a <see cref="Visibility"/> audience.</summary>
public static class TaskOrderGroups
{
    private const string Prefix = "taskorders:";

    public static IReadOnlyList<string> ForWatcher(AccessScope scope) =>
        [.. Visibility.AudiencesOf(scope, RecordKind.TaskOrder).Select(a => Prefix + a)];

    public static IReadOnlyList<string> ForOrder(TaskOrderView order) =>
        [.. Visibility.AudiencesOf(RecordPlace.Of(order)).Select(a => Prefix + a)];
}
