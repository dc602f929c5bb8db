using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Tests.Geo;

public sealed class PositionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Point_InWgs84_IsTakenAsGiven()
    {
        var errors = new Dictionary<string, string>();

        var point = PositionRules.Point(120.2, 30.28, null, PositionRules.AnyCrs, (f, m) => errors[f] = m);

        Assert.That(errors, Is.Empty);
        Assert.That(point, Is.EqualTo(new GeoPoint(120.2, 30.28)));
    }

    [Test]
    public void Point_NamesEveryBadPart_WithItsPrefix()
    {
        var errors = new Dictionary<string, string>();

        var point = PositionRules.Point(181, null, "bd09", [CoordinateSystem.Wgs84, CoordinateSystem.Gcj02], (f, m) => errors[f] = m, "location.");

        Assert.That(point, Is.Null);
        Assert.That(errors["location.lon"], Does.Contain("out of range"));
        Assert.That(errors["location.lat"], Does.Contain("required"));
        Assert.That(errors["location.crs"], Is.EqualTo("location.crs 'bd09' is not one of wgs84, gcj02."));
    }

    [TestCase("abc", "not a number")]
    [TestCase("NaN", "not a number")]
    [TestCase("-90.5", "out of range")]
    [TestCase(" ", "required")]
    public void Degrees_FromText_SaysWhatIsWrong(string text, string words)
    {
        var errors = new Dictionary<string, string>();

        Assert.That(PositionRules.Degrees(text, "lat", (f, m) => errors[f] = m), Is.Null);
        Assert.That(errors["lat"], Does.Contain(words));
    }

    [Test]
    public void IsAhead_AllowsDriftUpToTheSkew()
    {
        Assert.That(PositionRules.IsAhead(Now + PositionRules.MaxClockSkew, Now), Is.False);
        Assert.That(PositionRules.IsAhead(Now + PositionRules.MaxClockSkew + TimeSpan.FromSeconds(1), Now), Is.True);
    }
}
