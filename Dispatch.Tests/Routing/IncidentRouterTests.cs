using Dispatch.Contracts;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class IncidentRouterTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();
    private static readonly GeoPoint Here = new(120.22, 30.29);
    private static readonly Jurisdiction InStreet = new(new AreaRef("330102", "上城区"), new AreaRef("330102007", "云峰街道"),
        new AreaRef("330102007001", "云峰社区"), new AreaRef("330102007001003", "云峰社区第3网格"), new AreaRef("PS-YUNFENG", "云峰派出所辖区"), false);

    private static readonly OrganisationRef Station = new("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation);
    private static readonly OrganisationRef UrbanManagement = new("CG-YUNFENG", "云峰街道城管中队", OrganisationType.UrbanManagement);

    private static ResponsibleOrganisation? Directory(OrganisationType type, Jurisdiction where) => type switch
    {
        OrganisationType.PoliceStation when where.Precinct?.Code == "PS-YUNFENG" => Found(Station, "辖区派出所"),
        OrganisationType.UrbanManagement when where.Street?.Code == "330102007" => Found(UrbanManagement, "街道城管"),
        _ => null,
    };

    private static ClassificationResult Classify(string? code, string text) => Classifier.Classify(code, text, Catalogue, 0.55);

    [Test]
    public void Route_WhenPoliceWorkIsInAPrecinct_GoesToItsStation()
    {
        var routed = IncidentRouter.Route(Classify("theft", "电动车被盗"), Here, InStreet, Directory);

        Assert.That(routed.Status, Is.EqualTo(IncidentStatus.Open));
        Assert.That(routed.Decision.Outcome, Is.EqualTo(RoutingOutcome.Routed));
        Assert.That(routed.Decision.Organisation, Is.EqualTo(Station));
        Assert.That(routed.Decision.Reasons[^1], Is.EqualTo("辖区派出所"));
    }

    [Test]
    public void Route_WhenNonPoliceWorkIsInTheStreet_GoesToTheStreetsDepartment()
    {
        var routed = IncidentRouter.Route(Classify(null, "小区门口有人占道经营摆摊卖水果"), Here, InStreet, Directory);

        Assert.That(routed.Decision.Organisation, Is.EqualTo(UrbanManagement));
        Assert.That(routed.Decision.Confidence, Is.GreaterThan(0.55));
    }

    [Test]
    public void Route_WhenTheTextIsUnclear_WaitsInTriageWithCandidates()
    {
        var routed = IncidentRouter.Route(Classify(null, "有人找"), Here, InStreet, Directory);

        Assert.That(routed.Status, Is.EqualTo(IncidentStatus.NeedsTriage));
        Assert.That(routed.Decision.Organisation, Is.Null);
        Assert.That(routed.Decision.Reasons[^1], Does.Contain("category is unclear"));
    }

    [Test]
    public void Route_WhenThereIsNoLocation_WaitsInTriageSayingSo()
    {
        var routed = IncidentRouter.Route(Classify("theft", "电动车被盗"), null, null, Directory);

        Assert.That(routed.Status, Is.EqualTo(IncidentStatus.NeedsTriage));
        Assert.That(routed.Decision.Reasons[^1], Does.Contain("no location"));
    }

    [Test]
    public void Route_WhenOutsideEveryArea_WaitsInTriageSayingSo()
    {
        var routed = IncidentRouter.Route(Classify("theft", "电动车被盗"), new GeoPoint(121.5, 31.2), Jurisdiction.None, Directory);

        Assert.That(routed.Decision.Reasons[^1], Does.Contain("outside every jurisdiction"));
    }

    [Test]
    public void Route_WhenNoOrganisationOfTheTypeServesThePlace_WaitsInTriageNamingTheType()
    {
        var routed = IncidentRouter.Route(Classify("wage-arrears", "拖欠工资"), Here, InStreet, Directory);

        Assert.That(routed.Status, Is.EqualTo(IncidentStatus.NeedsTriage));
        Assert.That(routed.Decision.Reasons[^1], Does.Contain("LabourInspection"));
    }

    private static IncidentSummary Open(double lon, double lat, DateTimeOffset at, IncidentStatus status = IncidentStatus.Open) =>
        new(Guid.NewGuid(), at, at, status, IncidentKind.Police, "fight", "打架斗殴", "打架", null, new GeoPoint(lon, lat), 1);

    [Test]
    public void FindDuplicate_TakesTheNearestOpenIncidentInsideRadiusAndWindow()
    {
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var near = Open(120.2201, 30.2901, t0.AddMinutes(-5));       // ~14 m
        var nearer = Open(120.22001, 30.29001, t0.AddMinutes(-14));  // ~1.4 m, still inside 15 min
        var far = Open(120.225, 30.29, t0);                           // ~480 m
        var old = Open(120.22, 30.29, t0.AddMinutes(-16));            // same place, outside the window
        var closed = Open(120.22, 30.29, t0, IncidentStatus.Closed);

        var found = IncidentRouter.FindDuplicate(Here, t0, [near, nearer, far, old, closed], 200, TimeSpan.FromMinutes(15));

        Assert.That(found, Is.SameAs(nearer));
    }

    [Test]
    public void FindDuplicate_WhenNothingIsCloseEnough_IsNull()
    {
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        Assert.That(IncidentRouter.FindDuplicate(Here, t0, [Open(120.2222, 30.29, t0)], 200, TimeSpan.FromMinutes(15)), Is.Null, "~213 m away");
    }

    private static ResponsibleOrganisation Found(OrganisationRef o, string reason) =>
        new(new OrganisationSummary(o.Code, o.Name, o.Type, []), AreaLevel.Street, new AreaRef("330102007", "云峰街道"), reason);
}
