using System.Text;
using Dispatch.Contracts;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Assessment;

namespace Dispatch.Tests.TaskOrders.Assessment;

public sealed class AssessmentCalculatorTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset From = new(2025, 10, 1, 0, 0, 0, Cst);
    private static readonly DateTimeOffset To = new(2025, 11, 1, 0, 0, 0, Cst);
    private static readonly OrganisationRef Cg = new("CG-YUNFENG", "综合行政执法队", OrganisationType.UrbanManagement);
    private static readonly OrganisationRef Sj = new("SJ-YUNFENG", "市场监管所", OrganisationType.MarketRegulation);

    private static DateTimeOffset Day(int day, int hour = 10) => new(2025, 10, day, hour, 0, 0, Cst);

    private static TaskOrder Order(OrganisationRef organisation, TaskOrderStatus status, DateTimeOffset due) => new(
        Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, organisation, status, "x", null, 5, Day(2), "operator", Day(2), due,
        StreetCode: "330102007", StreetName: "云峰街道", CommunityCode: "330102007001", CommunityName: "云峰社区");

    private static TaskOrderEvent Step(TaskOrder order, string action, int day, string? organisation = null, CitizenRating? rating = null, bool? onTime = null) => new(
        order.Id, Day(day), action, "someone", null, organisation ?? order.Organisation.Code, null, null, order.Status, order.DueAt, null, null, rating, onTime);

    /// <summary>
    /// By hand. 执法队 (CG): received A, B, C, D = 4; completed A (on time), B (late), C (on time) = 3, on time 2,
    /// 按期办结率 2/3; overdue = 0 open + 1 late = 1; returned D = 1; reopened C = 1; evaluated 3: 满意 A, 基本满意 B,
    /// 不满意 C → 满意率 (1 + 1) / 3; C, reopened, is due only in November, so not overdue. Ten incidents with response times 10, 20, … 100 s: mean 55; P90 by nearest
    /// rank is the ⌈0.9 × 10⌉ = 9th smallest = 90; one Arrive clock breached.
    /// 市场监管所 (SJ): received D (reassigned) and E = 2; both still open, due 10-28 and 10-20, before the end of the
    /// period → overdue 2. Total overdue 1 + 2 = 3.
    /// </summary>
    private static AssessmentInput Data(out TaskOrder[] orders)
    {
        var a = Order(Cg, TaskOrderStatus.Evaluated, Day(9, 23));
        var b = Order(Cg, TaskOrderStatus.Evaluated, Day(9, 23));
        var c = Order(Cg, TaskOrderStatus.Reopened, new DateTimeOffset(2025, 11, 3, 23, 59, 59, Cst)); // reopened 10-27: due in November
        var d = Order(Sj, TaskOrderStatus.Issued, Day(28, 23));
        var e = Order(Sj, TaskOrderStatus.Accepted, Day(20, 23));
        orders = [a, b, c, d, e];
        var events = new List<TaskOrderEvent>
        {
            Step(a, TaskOrderActions.Issued, 2), Step(a, TaskOrderActions.Completed, 5, onTime: true), Step(a, TaskOrderActions.Evaluated, 6, rating: CitizenRating.Satisfied),
            Step(b, TaskOrderActions.Issued, 2), Step(b, TaskOrderActions.Completed, 12, onTime: false), Step(b, TaskOrderActions.Evaluated, 13, rating: CitizenRating.BasicallySatisfied),
            Step(c, TaskOrderActions.Issued, 2), Step(c, TaskOrderActions.Completed, 5, onTime: true), Step(c, TaskOrderActions.Evaluated, 6, rating: CitizenRating.Dissatisfied),
            Step(c, TaskOrderActions.Reopened, 27),
            Step(d, TaskOrderActions.Issued, 2, organisation: Cg.Code), Step(d, TaskOrderActions.Returned, 3, organisation: Cg.Code), Step(d, TaskOrderActions.Reassigned, 3),
            Step(e, TaskOrderActions.Issued, 13),
        };
        var incidents = Enumerable.Range(1, 10)
            .Select(i => new IncidentFact(Guid.NewGuid(), Day(i), Cg.Code, Cg.Name, "330102007", "云峰街道", "330102007001", "云峰社区"))
            .ToList();
        var clocks = incidents.Select((i, n) => new ClockFact(i.Id, ClockKind.Respond, ClockState.Met, i.ReceivedAt.AddMinutes(1), i.ReceivedAt.AddSeconds(10 * (n + 1)), null))
            .Append(new ClockFact(incidents[0].Id, ClockKind.Arrive, ClockState.Breached, incidents[0].ReceivedAt.AddMinutes(3), null, incidents[0].ReceivedAt.AddMinutes(3)))
            .ToList();
        return new AssessmentInput(From, To, To, events, orders, incidents, clocks);
    }

    [Test]
    public void Compute_ByOrganisation_GivesTheFiguresWorkedOutByHand()
    {
        var report = AssessmentCalculator.Compute(Data(out _), AssessmentGroupBy.Organisation, clocksAvailable: true);

        var cg = report.Rows.Single(r => r.Code == "CG-YUNFENG");
        Assert.That((cg.Received, cg.Completed, cg.CompletedOnTime, cg.CompletedLate, cg.OverdueOpen, cg.Overdue), Is.EqualTo((4, 3, 2, 1, 0, 1)));
        Assert.That(cg.OnTimeRate, Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That((cg.Returned, cg.Reopened, cg.Evaluated, cg.Satisfied, cg.BasicallySatisfied, cg.Dissatisfied), Is.EqualTo((1, 1, 3, 1, 1, 1)));
        Assert.That(cg.SatisfactionRate, Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That((cg.Incidents, cg.Responded, cg.MeanResponseSeconds, cg.P90ResponseSeconds, cg.ClockBreaches), Is.EqualTo((10, 10, (double?)55, (double?)90, 1)));

        var sj = report.Rows.Single(r => r.Code == "SJ-YUNFENG");
        Assert.That((sj.Received, sj.Completed, sj.OnTimeRate, sj.OverdueOpen, sj.Returned), Is.EqualTo((2, 0, (double?)null, 2, 0)));
        Assert.That((report.Total.Received, report.Total.Completed, report.Total.Overdue), Is.EqualTo((6, 3, 3)));
    }

    [Test]
    public void Compute_ByStreet_PutsEverythingOfTheStreetInOneRow()
    {
        var report = AssessmentCalculator.Compute(Data(out _), AssessmentGroupBy.Street, clocksAvailable: true);

        Assert.That(report.Rows.Select(r => (r.Code, r.Name)), Is.EqualTo(new[] { ("330102007", "云峰街道") }));
        Assert.That(report.Rows[0].Received, Is.EqualTo(6));
    }

    [Test]
    public void Compute_WhenAnOrderIsDueAfterTheEndOfThePeriod_DoesNotCountItOverdue()
    {
        var input = Data(out _) with { AsOf = Day(15) }; // E is due 10-20, D 10-28: neither is late on 10-15

        var sj = AssessmentCalculator.Compute(input, AssessmentGroupBy.Organisation, true).Rows.Single(r => r.Code == "SJ-YUNFENG");

        Assert.That(sj.OverdueOpen, Is.Zero);
    }

    [TestCase(new double[] { }, null)]
    [TestCase(new double[] { 7 }, 7d)]
    [TestCase(new double[] { 5, 1, 4, 2, 3 }, 5d)] // ⌈4.5⌉ = 5th
    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 10d)] // ⌈9.9⌉ = 10th
    public void Percentile90_ByNearestRank(double[] values, double? expected)
    {
        Assert.That(AssessmentCalculator.Percentile(values, 0.9), Is.EqualTo(expected));
    }

    [Test]
    public void Csv_StartsWithABomAndQuotesFormulaLikeText()
    {
        var report = AssessmentCalculator.Compute(Data(out _), AssessmentGroupBy.Organisation, true);
        report = report with { Rows = [report.Rows[0] with { Name = "=HYPERLINK(\"x\")" }] };

        var bytes = AssessmentCsv.Write(report);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(text, Does.StartWith("代码 code,名称 name,接收 received"));
        Assert.That(text, Does.Contain("CG-YUNFENG,\"'=HYPERLINK(\"\"x\"\")\",4,3,2,0.6667,"));
        Assert.That(text.TrimEnd().Split("\r\n")[^1], Does.StartWith("*,合计 / Total,6,3,"));
    }

    [Test]
    public void Breach_ForAnOverdueOrderCompletedLater_IsLateUntilTheCompletion()
    {
        Data(out var orders);
        var b = orders[1];
        var overdue = Step(b, TaskOrderActions.Overdue, 10, null) with { DueAt = Day(9, 23) };
        var completed = Step(b, TaskOrderActions.Completed, 12);

        var breach = Breaches.ForTaskOrder(overdue, b, [overdue, completed], Day(30));

        // Due 10-09 23:00, completed 10-12 10:00: 2 days 11 hours.
        Assert.That(breach.LateSeconds, Is.EqualTo(TimeSpan.FromHours(59).TotalSeconds));
        Assert.That((breach.Kind, breach.Timeline), Is.EqualTo(("task-order", $"/api/incidents/{b.IncidentId}")));
    }
}
