using Dispatch.Contracts;
using Dispatch.Server.Security;
using MassTransit;
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

/// <summary>The one place desk-hub group names are made.</summary>
public static class TaskOrderGroups
{
    public const string All = "taskorders:all";
    public const string Unplaced = "taskorders:unplaced";

    public static string Organisation(string code) => "taskorders:org:" + code;

    public static string Area(string code) => "taskorders:area:" + code;

    public static IReadOnlyList<string> ForWatcher(AccessScope scope) => scope switch
    {
        { All: true } => [All],
        { Role: Roles.DepartmentHandler } => [.. scope.Codes.Select(Organisation)],
        { Role: Roles.Operator or Roles.Supervisor } => [.. scope.Codes.Select(Area), Unplaced],
        _ => [],
    };

    public static IReadOnlyList<string> ForOrder(TaskOrderView order)
    {
        var areas = new[] { order.DistrictCode, order.StreetCode, order.CommunityCode }.OfType<string>().Select(Area).ToList();
        return [All, Organisation(order.Organisation.Code), .. areas, .. areas.Count == 0 ? [Unplaced] : Array.Empty<string>()];
    }
}

/// <summary>Pushes every task-order change to the desks connected to this node (a per-node queue).</summary>
public sealed class TaskOrderDeskConsumer(IHubContext<DeskHub, IDeskClient> hub) : IConsumer<TaskOrderChanged>
{
    public Task Consume(ConsumeContext<TaskOrderChanged> context) =>
        hub.Clients.Groups(TaskOrderGroups.ForOrder(context.Message.Order)).TaskOrderChanged(context.Message.Order, context.Message.Change);
}
