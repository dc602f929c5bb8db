using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>
/// The command room gives a returned order to the right organisation {organisationCode, reason}. Its days count
/// from now: the days the order spent with the wrong organisation are not held against the right one.
/// </summary>
public sealed record ReassignTaskOrder(OrganisationRef Organisation, string Reason) : TaskOrderCommand(TaskOrderActions.Reassigned)
{
    public static TaskOrderCommand? Parse(StepFields fields)
    {
        var reason = fields.Reason();
        var organisation = fields.Organisations.Find(fields.Body.OrganisationCode?.Trim());
        if (organisation is null)
        {
            fields.Errors["organisationCode"] = [$"organisationCode '{fields.Body.OrganisationCode}' is not a known organisation (GET /api/organisations)."];
            return null;
        }

        return reason is null ? null : new ReassignTaskOrder(new OrganisationRef(organisation.Code, organisation.Name, organisation.Type), reason);
    }

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (order.Status == TaskOrderStatus.Issued && order.Organisation.Code == Organisation.Code)
        {
            return Transition.Unchanged(order);
        }

        if (order.Status != TaskOrderStatus.Returned)
        {
            return Transition.RefuseInState(order, "改派（仅限已退回的任务单）", "reassign (only a returned task order)");
        }

        if (order.Organisation.Code == Organisation.Code)
        {
            return Transition.Refuse("不能改派回退回它的单位 / cannot reassign to the organisation that returned it");
        }

        return Transition.Change(order with
        {
            Status = TaskOrderStatus.Issued,
            Organisation = Organisation,
            AssignedAt = now,
            DueAt = calendar.DueAt(now, order.WorkingDays).Due,
            Reason = Reason,
            RequestedDueAt = null,
            Delay = null,
        }, resetDeadline: true);
    }
}
