using Dispatch.Contracts;
using Dispatch.Server.Screens;

namespace Dispatch.Tests.Screens;

public sealed class ScreenGroupsTests
{
    [Test]
    public void ForTaskOrder_WhenPlaced_GoesToTheScreensOfItsAreas()
    {
        var groups = ScreenGroups.ForTaskOrder(Order("330102", "330102007", "330102007002"));

        Assert.That(groups, Is.EquivalentTo(new[]
        {
            ScreenGroups.AllIncidents, ScreenGroups.Area("330102"), ScreenGroups.Area("330102007"), ScreenGroups.Area("330102007002"),
        }));
    }

    [Test]
    public void ForTaskOrder_WhenInNoArea_GoesToTheUnplacedScreens()
    {
        var groups = ScreenGroups.ForTaskOrder(Order(null, null, null));

        Assert.That(groups, Is.EquivalentTo(new[] { ScreenGroups.AllIncidents, ScreenGroups.UnplacedIncidents }));
    }

    [Test]
    public void ForTaskOrder_ReachesAnOperatorOfItsStreet()
    {
        var operatorGroups = ScreenGroups.ForWatcher(new Dispatch.Server.Security.AccessScope("Operator", All: false, ["330102007"]));

        Assert.That(ScreenGroups.ForTaskOrder(Order("330102", "330102007", null)).Intersect(operatorGroups), Is.Not.Empty);
        Assert.That(ScreenGroups.ForTaskOrder(Order("330102", "330102008", null)).Intersect(operatorGroups), Is.Empty);
    }

    private static TaskOrderView Order(string? district, string? street, string? community)
    {
        var now = DateTimeOffset.UtcNow;
        return new TaskOrderView(Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, new OrganisationRef("SF-YUNFENG", "云峰司法所", OrganisationType.JusticeOffice),
            TaskOrderStatus.Issued, "请组织调解", "neighbour-dispute", 5, now, now, now.AddDays(7), now.AddDays(6), null, null, null, null, null, null, null, null,
            district, street, community, false);
    }
}
