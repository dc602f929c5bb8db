using Dispatch.Contracts;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class IncidentCorrectionsTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();
    private static readonly Jurisdiction InStreet = new(null, new AreaRef("330102007", "云峰街道"), null, null, new AreaRef("PS-YUNFENG", "云峰派出所辖区"), false);
    private static readonly OrganisationRef Station = new("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation);
    private static readonly OrganisationRef Market = new("SJ-YUNFENG", "云峰市场监管所", OrganisationType.MarketRegulation);

    private static ResponsibleOrganisation? Directory(OrganisationType type, Jurisdiction where) => type switch
    {
        OrganisationType.PoliceStation => Found(Station, "辖区派出所"),
        OrganisationType.MarketRegulation => Found(Market, "街道市场监管所"),
        _ => null,
    };

    private static IncidentSummary Routed(IncidentStatus status = IncidentStatus.Open) => new(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status, IncidentKind.Police, "theft", "盗窃", "店里东西被偷", null,
        new GeoPoint(120.22, 30.29), 1, 2, InStreet, new RoutingDecision(RoutingOutcome.Routed, Station, ["类别 theft", "辖区派出所"], 1, []));

    [Test]
    public void Reclassify_RoutesAgainByTheNewCategoryAndKeepsTheHistory()
    {
        var result = IncidentCorrections.Reclassify(Routed(), Catalogue.Find("market-complaint")!, "实为商家短斤缺两", "operator", Directory);

        var after = result.After!;
        Assert.That(after.Kind, Is.EqualTo(IncidentKind.NonPolice));
        Assert.That(after.Routing!.Organisation, Is.EqualTo(Market));
        Assert.That(after.Routing.Reasons, Does.Contain("辖区派出所"), "earlier reasons are kept");
        Assert.That(after.Routing.Reasons.Any(r => r.Contains("operator 改类", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Return_SendsToTriageNamingWhoReturnedAndWhy()
    {
        var after = IncidentCorrections.Return(Routed(), "不属于派出所管辖", "handler").After!;

        Assert.That(after.Status, Is.EqualTo(IncidentStatus.NeedsTriage));
        Assert.That(after.Routing!.Outcome, Is.EqualTo(RoutingOutcome.NeedsTriage));
        Assert.That(after.Routing.Organisation, Is.Null);
        Assert.That(after.Routing.Reasons[^1], Does.Contain("云峰派出所").And.Contain("不属于派出所管辖"));
    }

    [Test]
    public void Return_WhenNotRouted_IsRefused()
    {
        var inTriage = IncidentCorrections.Return(Routed(), "x", "handler").After!;

        Assert.That(IncidentCorrections.Return(inTriage, "again", "handler").Refused, Does.Contain("not routed"));
    }

    [Test]
    public void RouteByHand_FromTriage_OpensItForTheChosenOrganisation()
    {
        var inTriage = IncidentCorrections.Return(Routed(), "x", "handler").After!;

        var after = IncidentCorrections.RouteByHand(inTriage, Market, "市场监管所认领", "operator").After!;

        Assert.That(after.Status, Is.EqualTo(IncidentStatus.Open));
        Assert.That(after.Routing!.Organisation, Is.EqualTo(Market));
    }

    [TestCase("reclassify")]
    [TestCase("return")]
    [TestCase("route")]
    public void AnyCorrection_OfAClosedIncident_IsRefused(string which)
    {
        var closed = Routed(IncidentStatus.Closed);

        var result = which switch
        {
            "reclassify" => IncidentCorrections.Reclassify(closed, Catalogue.Find("fraud")!, "x", "operator", Directory),
            "return" => IncidentCorrections.Return(closed, "x", "handler"),
            _ => IncidentCorrections.RouteByHand(closed, Market, "x", "operator"),
        };

        Assert.That(result.After, Is.Null);
        Assert.That(result.Refused, Does.Contain("closed"));
    }

    private static ResponsibleOrganisation Found(OrganisationRef o, string reason) =>
        new(new OrganisationSummary(o.Code, o.Name, o.Type, []), AreaLevel.Street, new AreaRef("330102007", "云峰街道"), reason);
}
