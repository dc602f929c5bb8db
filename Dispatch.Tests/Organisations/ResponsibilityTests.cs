using Dispatch.Contracts;
using Dispatch.Server.Organisations;

namespace Dispatch.Tests.Organisations;

/// <summary>The responsibility rule on hand-made organisations and jurisdictions.</summary>
public sealed class ResponsibilityTests
{
    private static readonly AreaRef District = new("330102", "上城区");
    private static readonly AreaRef Street = new("330102007", "云峰街道");
    private static readonly AreaRef Community = new("330102007001", "云峰社区");
    private static readonly AreaRef Grid = new("330102007001003", "云峰社区第3网格");
    private static readonly AreaRef Precinct = new("PS-YUNFENG", "云峰派出所");

    private static readonly Jurisdiction InGrid = new(District, Street, Community, Grid, Precinct, false);

    private static OrganisationSummary Org(string code, string name, OrganisationType type, params string[] areas) => new(code, name, type, areas);

    private static readonly OrganisationSnapshot Demo = new(
    [
        Org("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation, "PS-YUNFENG"),
        Org("PS-XINTANG", "新塘派出所", OrganisationType.PoliceStation, "PS-XINTANG"),
        Org("SQ-YUNFENG", "云峰社区居民委员会", OrganisationType.Community, "330102007001"),
        Org("JD-YUNFENG", "云峰街道网格管理中心", OrganisationType.Community, "330102007"),
        Org("CG-YUNFENG", "云峰街道综合行政执法队", OrganisationType.UrbanManagement, "330102007"),
        Org("CG-SHANGCHENG", "上城区综合行政执法局", OrganisationType.UrbanManagement, "330102"),
        Org("JT-SHANGCHENG", "上城区交通运输局", OrganisationType.Transport, "330102"),
    ]);

    [Test]
    public void For_WhenPoliceWork_GivesTheStationOfThePrecinct()
    {
        var found = Responsibility.For(OrganisationType.PoliceStation, InGrid, Demo);

        Assert.That(found!.Organisation.Code, Is.EqualTo("PS-YUNFENG"));
        Assert.That(found.Level, Is.EqualTo(AreaLevel.Precinct));
        Assert.That(found.Reason, Does.StartWith("云峰派出所 serves precinct PS-YUNFENG").And.Contain("辖区派出所"));
    }

    [Test]
    public void For_WhenPoliceWorkInTheOtherPrecinct_GivesThatStationWhateverTheCommunity()
    {
        var found = Responsibility.For(OrganisationType.PoliceStation, InGrid with { Precinct = new AreaRef("PS-XINTANG", "新塘派出所") }, Demo);

        Assert.That(found!.Organisation.Code, Is.EqualTo("PS-XINTANG"));
    }

    [Test]
    public void For_WhenPoliceWorkOutsideEveryPrecinct_IsNullEvenIfAStationServesTheStreetCode()
    {
        var orgs = new OrganisationSnapshot([Org("PS-ODD", "某派出所", OrganisationType.PoliceStation, "330102007")]);

        Assert.That(Responsibility.For(OrganisationType.PoliceStation, InGrid with { Precinct = null }, orgs), Is.Null);
        Assert.That(Responsibility.NoneReason(OrganisationType.PoliceStation, InGrid with { Precinct = null }),
            Does.StartWith("no PoliceStation (派出所) serves this location"));
    }

    [Test]
    public void For_WhenCommunityWork_GivesTheCommunityCommitteeBeforeTheStreetWideOne()
    {
        var found = Responsibility.For(OrganisationType.Community, InGrid, Demo);

        Assert.That(found!.Organisation.Code, Is.EqualTo("SQ-YUNFENG"));
        Assert.That((found.Level, found.Area), Is.EqualTo((AreaLevel.Community, Community)));
        Assert.That(found.Reason, Does.Contain("community 330102007001 (云峰社区)"));
    }

    [Test]
    public void For_WhenCommunityWorkInACommunityWithNoCommittee_FallsBackToTheStreet()
    {
        var elsewhere = InGrid with { Community = new AreaRef("330102007002", "新塘社区"), Grid = null };

        var found = Responsibility.For(OrganisationType.Community, elsewhere, Demo);

        Assert.That((found!.Organisation.Code, found.Level), Is.EqualTo(("JD-YUNFENG", AreaLevel.Street)));
    }

    [Test]
    public void For_WhenUrbanManagement_GivesTheStreetDepartmentBeforeTheDistrictOne()
    {
        var found = Responsibility.For(OrganisationType.UrbanManagement, InGrid, Demo);

        Assert.That((found!.Organisation.Code, found.Level), Is.EqualTo(("CG-YUNFENG", AreaLevel.Street)));
        Assert.That(found.Reason, Is.EqualTo("云峰街道综合行政执法队 serves street 330102007 (云峰街道) / 属地城管（街道）"));
    }

    [Test]
    public void For_WhenOnlyTheDistrictHasOne_FallsBackToTheDistrict()
    {
        var found = Responsibility.For(OrganisationType.Transport, InGrid, Demo);

        Assert.That((found!.Organisation.Code, found.Level, found.Area), Is.EqualTo(("JT-SHANGCHENG", AreaLevel.District, District)));
    }

    [Test]
    public void For_WhenAnOrganisationServesTheGrid_ItWinsOverTheCommunityAndStreet()
    {
        var orgs = new OrganisationSnapshot(Demo.All.Append(Org("WY-LAKE", "湖畔物业", OrganisationType.Community, Grid.Code)));

        Assert.That(Responsibility.For(OrganisationType.Community, InGrid, orgs)!.Organisation.Code, Is.EqualTo("WY-LAKE"));
    }

    [Test]
    public void For_WhenNoOrganisationOfTheTypeServesAnyLevel_IsNullAndTheReasonNamesTheMostSpecificArea()
    {
        Assert.That(Responsibility.For(OrganisationType.FireRescue, InGrid, Demo), Is.Null);
        Assert.That(Responsibility.NoneReason(OrganisationType.FireRescue, InGrid),
            Does.StartWith("no FireRescue (消防) serves grid 330102007001003 (云峰社区第3网格)"));
    }

    [Test]
    public void For_WhenOutsideEveryArea_IsNull()
    {
        Assert.That(Responsibility.For(OrganisationType.UrbanManagement, Jurisdiction.None, Demo), Is.Null);
        Assert.That(Responsibility.NoneReason(OrganisationType.UrbanManagement, Jurisdiction.None), Does.Contain("不在任何辖区内"));
    }

    [Test]
    public void For_WhenTwoOfTheTypeServeTheSameArea_TheLowerCodeWinsWhateverTheOrder()
    {
        OrganisationSummary[] both =
        [
            Org("CG-B", "乙中队", OrganisationType.UrbanManagement, Street.Code),
            Org("CG-A", "甲中队", OrganisationType.UrbanManagement, Street.Code),
        ];

        var forwards = Responsibility.For(OrganisationType.UrbanManagement, InGrid, new OrganisationSnapshot(both));
        var backwards = Responsibility.For(OrganisationType.UrbanManagement, InGrid, new OrganisationSnapshot(both.Reverse()));

        Assert.That((forwards!.Organisation.Code, backwards!.Organisation.Code), Is.EqualTo(("CG-A", "CG-A")));
    }

    [Test]
    public void For_WhenAnOrganisationOfAnotherTypeServesTheArea_IgnoresIt()
    {
        var orgs = new OrganisationSnapshot([Org("SJ-YUNFENG", "云峰市场监管所", OrganisationType.MarketRegulation, Street.Code)]);

        Assert.That(Responsibility.For(OrganisationType.UrbanManagement, InGrid, orgs), Is.Null);
    }
}
