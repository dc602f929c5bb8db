using Dispatch.Contracts;
using Dispatch.Server.Assignment;

namespace Dispatch.Tests.Assignment;

public sealed class UnitRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint Incident = new(120.2200, 30.2900);

    // About 111 m per 0.001 degree of latitude.
    private static UnitSummary Unit(string code, UnitKind kind, double metresNorth, TimeSpan? age = null) =>
        new(code, code, "PS-YUNFENG", kind, new GeoPoint(Incident.Lon, Incident.Lat + metresNorth / 111_195.0), Now - (age ?? TimeSpan.FromMinutes(1)));

    [Test]
    public void Rank_WhenAPositionIsStale_PutsItLastAndMarksIt()
    {
        var units = new[]
        {
            Unit("A", UnitKind.PatrolCar, 100, age: TimeSpan.FromMinutes(11)),
            Unit("B", UnitKind.PatrolCar, 2000),
            Unit("C", UnitKind.PatrolCar, 1000),
        };

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions());

        Assert.That(ranked.Select(r => (r.Unit.Code, r.Stale)), Is.EqualTo(new[] { ("C", false), ("B", false), ("A", true) }));
    }

    [Test]
    public void Rank_WhenStaleAfterIsConfigured_UsesIt()
    {
        var units = new[] { Unit("A", UnitKind.PatrolCar, 100, age: TimeSpan.FromMinutes(3)), Unit("B", UnitKind.PatrolCar, 500) };

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions { StaleAfter = TimeSpan.FromMinutes(2) });

        Assert.That(ranked.Select(r => (r.Unit.Code, r.Stale)), Is.EqualTo(new[] { ("B", false), ("A", true) }));
    }

    [Test]
    public void Rank_WhenUnitsAreEquallyFar_OrdersThemByCode()
    {
        var units = new[] { Unit("YF-PC03", UnitKind.PatrolCar, 500), Unit("YF-PC01", UnitKind.PatrolCar, 500), Unit("YF-PC02", UnitKind.PatrolCar, 500) };

        var forwards = UnitRanking.Rank(Incident, units, Now, new UnitOptions());
        var backwards = UnitRanking.Rank(Incident, units.Reverse(), Now, new UnitOptions());

        Assert.That(forwards.Select(r => r.Unit.Code), Is.EqualTo(new[] { "YF-PC01", "YF-PC02", "YF-PC03" }));
        Assert.That(backwards.Select(r => r.Unit.Code), Is.EqualTo(forwards.Select(r => r.Unit.Code)));
    }

    [Test]
    public void Rank_WithALimit_ReturnsOnlyTheFirstUnits()
    {
        var units = Enumerable.Range(1, 10).Select(i => Unit($"U{i:00}", UnitKind.GridMember, i * 100)).ToList();

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions(), limit: 3);

        Assert.That(ranked.Select(r => r.Unit.Code), Is.EqualTo(new[] { "U01", "U02", "U03" }));
    }

    [TestCase(UnitKind.PatrolCar, 30, 6)]
    [TestCase(UnitKind.FootPatrol, 5, 36)]
    [TestCase(UnitKind.LinkageSquad, 20, 9)]
    [TestCase(UnitKind.GridMember, 5, 36)]
    [TestCase(UnitKind.DepartmentTeam, 25, 7.2)]
    public void Rank_WithDefaultSpeeds_GivesTheEtaOfEachKind(UnitKind kind, double kmh, double minutesFor3Km)
    {
        var ranked = UnitRanking.Rank(Incident, [Unit("X", kind, 3000)], Now, new UnitOptions());

        Assert.That(new UnitOptions().SpeedOf(kind), Is.EqualTo(kmh));
        Assert.That(ranked[0].DistanceMetres, Is.EqualTo(3000).Within(1));
        Assert.That(ranked[0].Eta.TotalMinutes, Is.EqualTo(minutesFor3Km).Within(0.01));
    }

    [Test]
    public void Rank_WithAConfiguredSpeed_UsesItForTheEta()
    {
        var options = new UnitOptions();
        options.Speeds[UnitKind.LinkageSquad] = 12;

        var ranked = UnitRanking.Rank(Incident, [Unit("S", UnitKind.LinkageSquad, 1000)], Now, options);

        Assert.That(ranked[0].Eta.TotalMinutes, Is.EqualTo(5).Within(0.01));
    }

    [Test]
    public void Rank_WhenAFasterUnitIsFarther_RanksItFirstByEta()
    {
        var units = new[] { Unit("FOOT", UnitKind.FootPatrol, 600), Unit("CAR", UnitKind.PatrolCar, 2000) };

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions());

        Assert.That(ranked.Select(r => r.Unit.Code), Is.EqualTo(new[] { "CAR", "FOOT" }));
    }

    [Test]
    public void Rank_WhenAUnitNeverReportedOrIsNotAvailable_LeavesItOut()
    {
        var units = new[]
        {
            new UnitSummary("NOPOS", "NOPOS", "PS-YUNFENG", UnitKind.PatrolCar, null, null),
            Unit("BUSY", UnitKind.PatrolCar, 100),
            Unit("FREE", UnitKind.PatrolCar, 900),
        };

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions(), isAvailable: u => u.Code != "BUSY");

        Assert.That(ranked.Select(r => r.Unit.Code), Is.EqualTo(new[] { "FREE" }));
        // Unit() puts FREE 900 m due north of the incident.
        Assert.That(ranked[0].DistanceMetres, Is.EqualTo(900).Within(1));
    }

    [TestCase(UnitStatus.OffDuty)]
    [TestCase(UnitStatus.Busy)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    public void Rank_ByDefault_LeavesOutUnitsThatAreNotAvailable(UnitStatus status)
    {
        var units = new[] { Unit("NEAR", UnitKind.PatrolCar, 100) with { Status = status }, Unit("FAR", UnitKind.PatrolCar, 900) };

        var ranked = UnitRanking.Rank(Incident, units, Now, new UnitOptions());

        Assert.That(ranked.Select(r => r.Unit.Code), Is.EqualTo(new[] { "FAR" }));
    }

    [Test]
    public void Problems_WhenASpeedIsZero_NamesTheKey()
    {
        var options = new UnitOptions { StaleAfter = TimeSpan.Zero };
        options.Speeds[UnitKind.FootPatrol] = 0;

        Assert.That(options.Problems(), Is.EqualTo(new[]
        {
            "Units:Speeds:FootPatrol must be a speed in km/h above 0 and at most 200.",
            "Units:StaleAfter must be a positive time span, e.g. 00:10:00.",
        }));
        Assert.That(new UnitOptions().Problems(), Is.Empty);
    }
}
