using Dispatch.Contracts;
using Dispatch.Server.Addresses;
using Dispatch.Server.Demo;

namespace Dispatch.Tests.Addresses;

public sealed class AddressLocatorTests
{
    private static readonly Lazy<AddressIndex> Demo = new(() => AddressIndex.Build(DemoAddresses.All()));
    private static readonly AddressOptions Options = new();

    [Test]
    public void Decide_NoLocationAndASureAddress_PlacesTheReportAtTheEntry()
    {
        var located = AddressLocator.Decide(null, "兴隆花园12幢3单元", Demo.Value, Options);

        Assert.That(located.Match!.Used, Is.True);
        Assert.That(located.Location, Is.EqualTo(located.Match.Best!.Location));
        Assert.That(located.Reason, Does.Contain("located by its address"));
    }

    [Test]
    public void Decide_NoLocationAndAnUnsureAddress_PlacesNothingAndKeepsTheCandidates()
    {
        var located = AddressLocator.Decide(null, "兴隆社区12幢3单元", Demo.Value, Options);

        Assert.That(located.Location, Is.Null);
        Assert.That(located.Match!.Used, Is.False);
        Assert.That(located.Match.Alternatives, Is.Not.Empty);
        Assert.That(located.Reason, Does.Contain("pick one of the candidates"));
    }

    [Test]
    public void Decide_GivenLocationFarFromTheAddress_KeepsTheLocationAndSaysHowFar()
    {
        var given = new GeoPoint(120.235, 30.305);

        var located = AddressLocator.Decide(given, "兴隆花园12幢", Demo.Value, Options);

        Assert.That(located.Location, Is.EqualTo(given));
        Assert.That(located.Match!.DistanceFromGivenMetres, Is.GreaterThan(500));
        Assert.That(located.Reason, Does.Contain("the location is used"));
    }

    [Test]
    public void Decide_GivenLocationNearTheAddress_SaysNothingMore()
    {
        var entry = Demo.Value.Find("YF-C16-B12")!;

        var located = AddressLocator.Decide(new GeoPoint(entry.Lon + 0.0005, entry.Lat), "兴隆花园12幢", Demo.Value, Options);

        Assert.That(located.Reason, Is.Null);
        Assert.That(located.Match!.DistanceFromGivenMetres, Is.LessThan(100));
    }

    [TestCase(null)]
    [TestCase("  ")]
    public void Decide_NoAddress_LeavesTheReportAsItIs(string? address)
    {
        var located = AddressLocator.Decide(null, address, Demo.Value, Options);

        Assert.That(located, Is.EqualTo(new Located(null, null, null)));
    }

    [Test]
    public void Picked_ByAnOperator_IsUsedAndSaysWho()
    {
        var unsure = AddressLocator.Decide(null, "兴隆花园99幢", Demo.Value, Options).Match;
        var entry = Demo.Value.Find("YF-C16")!;

        var picked = AddressLocator.Picked(unsure, "兴隆花园99幢", entry, "operator");

        Assert.That(picked.Used, Is.True);
        Assert.That(picked.Best!.AddressId, Is.EqualTo("YF-C16"));
        Assert.That(picked.MatchedOn[^1], Does.Contain("picked by operator"));
    }
}
