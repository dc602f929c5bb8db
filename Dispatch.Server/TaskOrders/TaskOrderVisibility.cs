using Dispatch.Server.Security;

namespace Dispatch.Server.TaskOrders;

/// <summary>Who may see a task order: the one visibility policy (<see cref="Visibility"/>) applied to the order's place.</summary>
public static class TaskOrderVisibility
{
    internal static bool CanSee(AccessScope scope, TaskOrder order) => Visibility.CanSee(scope, RecordKind.TaskOrder, order.Place);
}
