using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders;

/// <summary>How a task order stands against its deadline, and how many working days it has left.</summary>
/// <param name="State">Null when its deadline does not run.</param>
/// <param name="WorkingDaysLeft">Null when its deadline does not run.</param>
public sealed record TaskOrderDue(TaskOrderDueState? State, int? WorkingDaysLeft)
{
    /// <summary>
    /// The one rule every page shows (the desk's countdown, the command screen's board): a running order is overdue
    /// after its due time, due soon from the start of its due day (<see cref="TaskOrder.RemindAt"/>, when the sweeper
    /// raises the reminder, so each change of state is also pushed), otherwise fine. The working days left are counted
    /// per 民法典 art. 201 on the holiday calendar: those after today, up to and including the due day, in Asia/Shanghai.
    /// </summary>
    public static TaskOrderDue Of(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (!order.IsRunning)
        {
            return new TaskOrderDue(null, null);
        }

        var state = order.IsOverdueAt(now) ? TaskOrderDueState.Overdue
            : now >= order.RemindAt ? TaskOrderDueState.Soon
            : TaskOrderDueState.Ok;
        return new TaskOrderDue(state, WorkingDaysBetween(now, order.DueAt, calendar));
    }

    /// <summary>Working days after the day of <paramref name="from"/> up to and including the day of <paramref name="to"/>; 0 when that day is not later.</summary>
    public static int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        var today = DateOnly.FromDateTime(from.ToOffset(WorkingCalendar.ShanghaiOffset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(WorkingCalendar.ShanghaiOffset).DateTime);
        var count = 0;
        for (var day = today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
