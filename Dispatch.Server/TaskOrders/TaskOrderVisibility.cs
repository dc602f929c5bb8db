using Dispatch.Server.Security;

namespace Dispatch.Server.TaskOrders;

/// <summary>Who may see a task order (moved unchanged out of <c>TaskOrderEndpoints</c>).</summary>
public static class TaskOrderVisibility
{
    internal static bool CanSee(AccessScope scope, TaskOrder order)
    {
        if (scope.All)
        {
            return true;
        }

        if (scope.Role == Roles.DepartmentHandler)
        {
            return scope.IsOrganisation(order.Organisation.Code);
        }

        if (order.DistrictCode is null && order.StreetCode is null)
        {
            return scope.Role is Roles.Operator or Roles.Supervisor;
        }

        return new[] { order.DistrictCode, order.StreetCode, order.CommunityCode }.Any(a => a is not null && scope.Codes.Contains(a, StringComparer.Ordinal));
    }
}
