using Dispatch.Contracts;
using Dispatch.Server.Demo;

namespace Dispatch.Tests.Demo;

public sealed class DemoFeedRulesTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    private static readonly FeedIncidentPlan FeedDispatches = new(TimeSpan.FromSeconds(15));
    private static readonly FeedIncidentPlan LeftToOperator = new(null);

    [TestCase(true, true, "Development", null)]
    [TestCase(true, true, "demo", null)]
    [TestCase(false, false, "Production", null)]
    [TestCase(true, false, "Production", "Demo:Seed is set in the Production environment")]
    [TestCase(false, true, "Staging", "Demo:Feed is set in the Staging environment")]
    [TestCase(true, true, "Production", "Demo:Seed and Demo:Feed are set in the Production environment")]
    public void Refusal_AllowsDemoDataInDevelopmentAndDemoOnly(bool seed, bool feed, string environment, string? reason)
    {
        var refusal = DemoFeedRules.Refusal(seed, feed, environment);

        Assert.That(refusal, reason is null ? Is.Null : Does.StartWith(reason).And.Contain("ASPNETCORE_ENVIRONMENT=Demo"));
    }

    [TestCase(0.0, 20)]
    [TestCase(0.5, 30)]
    [TestCase(0.999999, 40)]
    public void NextGap_WhenIntervalIs30s_IsFrom20To40s(double draw, int seconds)
    {
        Assert.That(DemoFeedRules.NextGap(TimeSpan.FromSeconds(30), draw).TotalSeconds, Is.EqualTo(seconds).Within(0.01));
    }

    [TestCase(11, 12, true)]
    [TestCase(12, 12, false)]
    [TestCase(20, 12, false)]
    public void MayAdd_OnlyBelowTheBound(int open, int max, bool expected)
    {
        Assert.That(DemoFeedRules.MayAdd(open, max), Is.EqualTo(expected));
    }

    [Test]
    public void PlanIncident_WhenTheDrawIsUnderTheShare_DispatchesWithin8To30s_OtherwiseLeavesItToTheOperator()
    {
        Assert.That(DemoFeedRules.PlanIncident(0.6, 0.59, 0.0).DispatchAfter, Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(DemoFeedRules.PlanIncident(0.6, 0.1, 1.0).DispatchAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(DemoFeedRules.PlanIncident(0.6, 0.6, 0.5).DispatchAfter, Is.Null);
        Assert.That(DemoFeedRules.PlanIncident(0.0, 0.0, 0.5).DispatchAfter, Is.Null, "share 0: every incident is the operator's");
    }

    [Test]
    public void Next_WhenClosed_Forgets()
    {
        Assert.That(DemoFeedRules.Next(IncidentStatus.Closed, false, TimeSpan.Zero, FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Forget));
    }

    [Test]
    public void Next_WhenUnitsAreOnIt_Waits()
    {
        Assert.That(DemoFeedRules.Next(IncidentStatus.InProgress, true, TimeSpan.FromHours(1), FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Wait));
        Assert.That(DemoFeedRules.Next(IncidentStatus.Open, true, TimeSpan.FromHours(1), LeftToOperator, Grace), Is.EqualTo(FeedIncidentStep.Wait));
    }

    [Test]
    public void Next_WhenTheFeedDispatches_DispatchesAtItsTime()
    {
        Assert.That(DemoFeedRules.Next(IncidentStatus.Open, false, TimeSpan.FromSeconds(14), FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Wait));
        Assert.That(DemoFeedRules.Next(IncidentStatus.Open, false, TimeSpan.FromSeconds(15), FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Dispatch));
    }

    [Test]
    public void Next_WhenLeftToTheOperator_TakesItOnlyAfterTheGrace()
    {
        Assert.That(DemoFeedRules.Next(IncidentStatus.Open, false, TimeSpan.FromMinutes(4), LeftToOperator, Grace), Is.EqualTo(FeedIncidentStep.Wait));
        Assert.That(DemoFeedRules.Next(IncidentStatus.Open, false, Grace, LeftToOperator, Grace), Is.EqualTo(FeedIncidentStep.Dispatch));
    }

    [Test]
    public void Next_WhenInProgressWithNoOpenWork_TakesItAfterTheGrace()
    {
        // Every unit declined or cleared and nobody closed it: the operator's turn first, then the feed's.
        Assert.That(DemoFeedRules.Next(IncidentStatus.InProgress, false, TimeSpan.FromSeconds(20), FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Wait));
        Assert.That(DemoFeedRules.Next(IncidentStatus.InProgress, false, Grace, FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Dispatch));
    }

    [Test]
    public void Next_WhenInTriage_ClosesItAfterTheTriageGrace()
    {
        Assert.That(DemoFeedRules.Next(IncidentStatus.NeedsTriage, false, TimeSpan.FromMinutes(7), FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.Wait));
        Assert.That(DemoFeedRules.Next(IncidentStatus.NeedsTriage, false, DemoFeedRules.TriageGrace, FeedDispatches, Grace), Is.EqualTo(FeedIncidentStep.CloseUnattended));
    }

    private static readonly OrganisationRef Police = new("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation);
    private static readonly OrganisationRef UrbanManagement = new("CG-YUNFENG", "云峰街道综合行政执法队", OrganisationType.UrbanManagement);

    private static readonly IReadOnlyList<OrganisationSummary> Organisations =
    [
        new("SF-OTHER", "别的司法所", OrganisationType.JusticeOffice, ["330102008"]),
        new("SF-YUNFENG", "云峰司法所", OrganisationType.JusticeOffice, ["330102007"]),
        new(UrbanManagement.Code, UrbanManagement.Name, UrbanManagement.Type, ["330102007"]),
    ];

    private static IncidentSummary Incident(IncidentKind kind, OrganisationRef? responsible) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, IncidentStatus.InProgress, kind, "x", "x", "x", null, new GeoPoint(120.2, 30.3), 1,
            Jurisdiction: new Jurisdiction(null, new AreaRef("330102007", "云峰街道"), null, null, null, false),
            Routing: new RoutingDecision(RoutingOutcome.Routed, responsible, [], null, []));

    [Test]
    public void HandOverTarget_WhenADepartmentIsResponsible_IsThatDepartment()
    {
        Assert.That(DemoFeedRules.HandOverTarget(Incident(IncidentKind.NonPolice, UrbanManagement), Organisations), Is.EqualTo(UrbanManagement));
    }

    [Test]
    public void HandOverTarget_WhenAPoliceDispute_IsTheStreetsJusticeOffice()
    {
        Assert.That(DemoFeedRules.HandOverTarget(Incident(IncidentKind.Dispute, Police), Organisations)?.Code, Is.EqualTo("SF-YUNFENG"));
    }

    [Test]
    public void HandOverTarget_WhenPoliceWork_IsNobody()
    {
        Assert.That(DemoFeedRules.HandOverTarget(Incident(IncidentKind.Police, Police), Organisations), Is.Null);
    }
}
