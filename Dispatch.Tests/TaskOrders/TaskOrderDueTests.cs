using Dispatch.Contracts;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Tests.TaskOrders;

public sealed class TaskOrderDueTests
{
    // 2025: 国庆 1–8 October off, Sunday 28 September and Saturday 11 October make-up working days.
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, Beijing);
    private static readonly OrganisationRef Chengguan = new("CG-YUNFENG", "云峰城管中队", OrganisationType.UrbanManagement);

    // Due at the end of Tuesday 14 October: the fifth working day after the issue day.
    private static TaskOrder Order(TaskOrderStatus status = TaskOrderStatus.Accepted) => new(
        Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, Chengguan, status, "清理占道经营", "street-vending", 5,
        Issued, "operator", Issued, Calendar.DueAt(Issued, 5).Due);

    private static TaskOrderDue At(int month, int day, int hour, int minute = 0, int second = 0) =>
        TaskOrderDue.Of(Order(), new DateTimeOffset(2025, month, day, hour, minute, second, Beijing), Calendar);

    [Test]
    public void Of_OnTheIssueDay_CountsFiveWorkingDaysAcrossTheHoliday()
    {
        Assert.That(TaskOrderDue.Of(Order(), Issued, Calendar), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Ok, 5)));
    }

    [Test]
    public void Of_OnThursday9October_CountsTheMakeUpSaturdayAndTheDueDay()
    {
        // Friday 10, make-up Saturday 11, Monday 13, Tuesday 14.
        Assert.That(At(10, 9, 10), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Ok, 4)));
    }

    [Test]
    public void Of_OnTheWorkingDayBeforeTheDueDay_IsStillOkWithOneDayLeft()
    {
        Assert.That(At(10, 13, 23, 59, 59), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Ok, 1)));
    }

    [Test]
    public void Of_FromTheStartOfTheDueDay_IsSoonWithNoWorkingDayLeft()
    {
        Assert.That(At(10, 14, 0), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Soon, 0)));
        Assert.That(At(10, 14, 23, 59, 59), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Soon, 0)));
    }

    [Test]
    public void Of_OneSecondAfterTheDueTime_IsOverdue()
    {
        Assert.That(At(10, 15, 0), Is.EqualTo(new TaskOrderDue(TaskOrderDueState.Overdue, 0)));
    }

    [TestCase(TaskOrderStatus.Returned)]
    [TestCase(TaskOrderStatus.Completed)]
    [TestCase(TaskOrderStatus.Closed)]
    public void Of_WhenTheDeadlineDoesNotRun_SaysNothing(TaskOrderStatus status)
    {
        var late = new DateTimeOffset(2025, 10, 20, 10, 0, 0, Beijing);

        Assert.That(TaskOrderDue.Of(Order(status), late, Calendar), Is.EqualTo(new TaskOrderDue(null, null)));
    }

    [Test]
    public void ToView_WithTheCalendar_CarriesTheDueStateEveryPageShows()
    {
        var view = Order().ToView(new DateTimeOffset(2025, 10, 14, 9, 0, 0, Beijing), Calendar);

        Assert.That((view.DueState, view.WorkingDaysLeft, view.Overdue), Is.EqualTo(((TaskOrderDueState?)TaskOrderDueState.Soon, (int?)0, false)));
    }
}
