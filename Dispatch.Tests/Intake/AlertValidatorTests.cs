using Dispatch.Server.Intake;

namespace Dispatch.Tests.Intake;

public sealed class AlertValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static AlertSubmission Valid() => new()
    {
        AlertId = "110-20261122-000001",
        ReceivedAt = "2026-11-22T17:59:30+08:00",
        CategoryCode = "theft",
        Description = "报警人称其电动车被盗",
        Address = "杭州市上城区彭埠街道云峰家园3幢",
        Location = new SubmittedLocation { Lon = 120.2, Lat = 30.28, Crs = "wgs84" },
        CallerPhone = "13800000000",
    };

    [Test]
    public void Validate_WhenEverythingIsGiven_MakesTheBusMessage()
    {
        var result = AlertValidator.Validate(Valid(), Now, "http");

        Assert.That(result.Errors, Is.Empty);
        var message = result.Message!;
        Assert.That(message.AlertId, Is.EqualTo("110-20261122-000001"));
        Assert.That(message.ReceivedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 9, 59, 30, TimeSpan.Zero)));
        Assert.That(message.IncidentId, Is.EqualTo(IncidentReference.ForAlert("110-20261122-000001")));
        Assert.That(message.Location, Is.EqualTo(new Dispatch.Contracts.GeoPoint(120.2, 30.28)));
        Assert.That(message.Source, Is.EqualTo("http"));
    }

    [Test]
    public void Validate_WhenOnlyRequiredFieldsAreGiven_Accepts()
    {
        var alert = new AlertSubmission { AlertId = "A", ReceivedAt = "2026-11-22T10:00:00Z", Description = "有人求助" };

        var result = AlertValidator.Validate(alert, Now, "http");

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Message!.Location, Is.Null);
        Assert.That(result.Message.CategoryCode, Is.Null);
    }

    [Test]
    public void Validate_WhenLocationIsGcj02_StoresItInWgs84()
    {
        var alert = Valid();
        alert.Location = new SubmittedLocation { Lon = 116.41024449916938, Lat = 39.91640428150164, Crs = "gcj02" };

        var location = AlertValidator.Validate(alert, Now, "http").Message!.Location!;

        Assert.That(location.Lon, Is.EqualTo(116.404).Within(1e-6));
        Assert.That(location.Lat, Is.EqualTo(39.915).Within(1e-6));
    }

    [Test]
    public void Validate_WhenBodyIsNull_NamesTheBody() =>
        Assert.That(AlertValidator.Validate(null, Now, "http").Errors.Keys, Is.EqualTo(new[] { "body" }));

    private static readonly TestCaseData[] BadFields =
    [
        Case("alertId missing", a => a.AlertId = null, "alertId"),
        Case("alertId blank", a => a.AlertId = "   ", "alertId"),
        Case("alertId too long", a => a.AlertId = new string('1', 65), "alertId"),
        Case("alertId control characters", a => a.AlertId = "110\n1", "alertId"),
        Case("receivedAt missing", a => a.ReceivedAt = null, "receivedAt"),
        Case("receivedAt not a date", a => a.ReceivedAt = "yesterday", "receivedAt"),
        Case("receivedAt without offset", a => a.ReceivedAt = "2026-11-22T17:59:30", "receivedAt"),
        Case("receivedAt far future", a => a.ReceivedAt = "2026-11-22T19:00:00+08:00", "receivedAt"),
        Case("receivedAt far past", a => a.ReceivedAt = "2020-01-01T00:00:00+08:00", "receivedAt"),
        Case("description missing", a => a.Description = null, "description"),
        Case("description blank", a => a.Description = " ", "description"),
        Case("description too long", a => a.Description = new string('字', 2001), "description"),
        Case("categoryCode too long", a => a.CategoryCode = new string('c', 33), "categoryCode"),
        Case("address too long", a => a.Address = new string('路', 501), "address"),
        Case("address control characters", a => a.Address = "a\u0000b", "address"),
        Case("callerPhone letters", a => a.CallerPhone = "call me", "callerPhone"),
        Case("callerPhone too long", a => a.CallerPhone = new string('1', 33), "callerPhone"),
        Case("lon missing", a => a.Location!.Lon = null, "location.lon"),
        Case("lon out of range", a => a.Location!.Lon = 181, "location.lon"),
        Case("lon NaN", a => a.Location!.Lon = double.NaN, "location.lon"),
        Case("lat missing", a => a.Location!.Lat = null, "location.lat"),
        Case("lat out of range", a => a.Location!.Lat = -90.5, "location.lat"),
        Case("lat infinite", a => a.Location!.Lat = double.PositiveInfinity, "location.lat"),
        Case("crs unknown", a => a.Location!.Crs = "mars", "location.crs"),
    ];

    [TestCaseSource(nameof(BadFields))]
    public void Validate_WhenOneFieldIsBad_NamesExactlyThatField(Action<AlertSubmission> spoil, string field)
    {
        var alert = Valid();
        spoil(alert);

        var result = AlertValidator.Validate(alert, Now, "http");

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(result.Errors[field].Single(), Does.Contain(field.Split('.')[^1]));
    }

    [Test]
    public void IncidentReference_IsTheSameForTheSameAlertAndDiffersOtherwise()
    {
        var first = IncidentReference.ForAlert("110-1");
        var again = IncidentReference.ForAlert("110-1");
        var other = IncidentReference.ForAlert("110-2");

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
        Assert.That(first.Version, Is.EqualTo(5));
    }

    [Test]
    public void ChinaCoordinates_IsUsedForGcj02ButNotForWgs84()
    {
        var alert = Valid();
        var wgs = AlertValidator.Validate(alert, Now, "http").Message!.Location!;
        Assert.That((wgs.Lon, wgs.Lat), Is.EqualTo((120.2, 30.28)));
        alert.Location!.Crs = "GCJ02";
        var fromGcj = AlertValidator.Validate(alert, Now, "http").Message!.Location!;
        // The WGS-84 point whose GCJ-02 is (120.2, 30.28), worked out apart from ChinaCoordinates by iterating the
        // published forward formulas (as in the coordtransform library) to 1e-7 degrees; 1e-6 degrees is about 10 cm.
        Assert.That(fromGcj.Lon, Is.EqualTo(120.1954230).Within(1e-6));
        Assert.That(fromGcj.Lat, Is.EqualTo(30.2824017).Within(1e-6));
    }

    private static TestCaseData Case(string name, Action<AlertSubmission> spoil, string field) =>
        new TestCaseData(spoil, field).SetName($"Validate_WhenOneFieldIsBad_NamesExactlyThatField({name})");
}
