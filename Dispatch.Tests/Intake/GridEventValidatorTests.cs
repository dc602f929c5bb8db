using Dispatch.Contracts;
using Dispatch.Server.Intake;

namespace Dispatch.Tests.Intake;

public sealed class GridEventValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static GridEventSubmission Valid() => new()
    {
        EventId = "GE-20261122-000001",
        ReportedAt = "2026-11-22T17:59:30+08:00",
        Reporter = "WG-330102007001001",
        ReporterKind = "gridMember",
        CategoryCode = "street-vending",
        Description = "云峰路路口有流动摊贩占道经营",
        Location = new SubmittedLocation { Lon = 120.22, Lat = 30.30, Crs = "wgs84" },
        GridCode = "330102007001001",
        PhotoUrls = ["https://photos.example.invalid/grid/2026/11/22/GE-1-1.jpg"],
        Tier = "minor",
    };

    [Test]
    public void Validate_WhenEverythingIsGiven_MakesTheBusMessage()
    {
        var result = GridEventValidator.Validate(Valid(), Now, "http");

        Assert.That(result.Errors, Is.Empty);
        var message = result.Message!;
        Assert.That(message.IncidentId, Is.EqualTo(IncidentReference.ForGridEvent("GE-20261122-000001")));
        Assert.That(message.ReportedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 9, 59, 30, TimeSpan.Zero)));
        Assert.That((message.Reporter, message.ReporterKind, message.Tier), Is.EqualTo(("WG-330102007001001", ReporterKind.GridMember, GridEventTier.Minor)));
        Assert.That(message.Location, Is.EqualTo(new GeoPoint(120.22, 30.30)));
        Assert.That(message.GridCode, Is.EqualTo("330102007001001"));
        Assert.That(message.PhotoUrls, Is.EqualTo(new[] { "https://photos.example.invalid/grid/2026/11/22/GE-1-1.jpg" }));
        Assert.That(message.Source, Is.EqualTo("http"));
    }

    [Test]
    public void Validate_WhenOnlyRequiredFieldsAndAGridCodeAreGiven_AcceptsWithDefaults()
    {
        var submission = new GridEventSubmission { EventId = "E", ReportedAt = "2026-11-22T10:00:00Z", Reporter = "WG-1", Description = "垃圾满溢", GridCode = "330102007001001", Tier = "major" };

        var message = GridEventValidator.Validate(submission, Now, "http").Message!;

        Assert.That(message.ReporterKind, Is.EqualTo(ReporterKind.GridMember));
        Assert.That(message.Location, Is.Null);
        Assert.That(message.PhotoUrls, Is.Empty);
        Assert.That(message.CategoryCode, Is.Null);
    }

    [TestCase("minor", GridEventTier.Minor)]
    [TestCase("MAJOR", GridEventTier.Major)]
    [TestCase(" Complex ", GridEventTier.Complex)]
    public void Validate_WhenTierIsAnyCase_ParsesIt(string text, GridEventTier tier)
    {
        var submission = Valid();
        submission.Tier = text;

        Assert.That(GridEventValidator.Validate(submission, Now, "http").Message!.Tier, Is.EqualTo(tier));
    }

    [TestCase("resident", ReporterKind.Resident)]
    [TestCase("Sensor", ReporterKind.Sensor)]
    [TestCase(null, ReporterKind.GridMember)]
    public void Validate_WhenReporterKindIsGiven_ParsesIt(string? text, ReporterKind kind)
    {
        var submission = Valid();
        submission.ReporterKind = text;

        Assert.That(GridEventValidator.Validate(submission, Now, "http").Message!.ReporterKind, Is.EqualTo(kind));
    }

    // WGS-84 (120.22, 30.30) in GCJ-02 and BD-09, worked out apart from ChinaCoordinates with the published
    // formulas (as in the coordtransform library) and rounded to 1e-7 degrees (about 1 cm): GCJ-02 shifts
    // Hangzhou about 430 m east and 270 m south, BD-09 a further (+0.0065, +0.006) or so.
    [TestCase("gcj02", 120.2245195, 30.2975659)]
    [TestCase("bd09", 120.2309593, 30.3038151)]
    public void Validate_WhenLocationIsChinese_StoresItInWgs84(string crs, double lon, double lat)
    {
        var submission = Valid();
        submission.Location = new SubmittedLocation { Lon = lon, Lat = lat, Crs = crs };

        var location = GridEventValidator.Validate(submission, Now, "http").Message!.Location!;

        // 1e-6 degrees is about 10 cm.
        Assert.That(location.Lon, Is.EqualTo(120.22).Within(1e-6));
        Assert.That(location.Lat, Is.EqualTo(30.30).Within(1e-6));
    }

    [Test]
    public void Validate_WhenOnlyALocationIsGiven_Accepts()
    {
        var submission = Valid();
        submission.GridCode = null;

        Assert.That(GridEventValidator.Validate(submission, Now, "http").IsValid, Is.True);
    }

    [Test]
    public void Validate_WhenNeitherLocationNorGridCodeIsGiven_NamesLocation()
    {
        var submission = Valid();
        (submission.Location, submission.GridCode) = (null, " ");

        var errors = GridEventValidator.Validate(submission, Now, "http").Errors;

        Assert.That(errors.Keys, Is.EqualTo(new[] { "location" }));
        Assert.That(errors["location"].Single(), Does.Contain("gridCode"));
    }

    [Test]
    public void Validate_WhenNinePhotosAreGiven_AcceptsThem()
    {
        var submission = Valid();
        submission.PhotoUrls = Enumerable.Range(1, 9).Select(i => (string?)$"http://p.example.invalid/{i}.jpg").ToList();

        Assert.That(GridEventValidator.Validate(submission, Now, "http").Message!.PhotoUrls, Has.Count.EqualTo(9));
    }

    [Test]
    public void Validate_WhenBodyIsNull_NamesTheBody() =>
        Assert.That(GridEventValidator.Validate(null, Now, "http").Errors.Keys, Is.EqualTo(new[] { "body" }));

    [Test]
    public void IncidentReference_ForTheSameIdAsAnAlert_DiffersFromTheAlerts()
    {
        Assert.That(IncidentReference.ForGridEvent("110-1"), Is.Not.EqualTo(IncidentReference.ForAlert("110-1")));
        var again = IncidentReference.ForGridEvent("E-1");
        Assert.That(again, Is.EqualTo(IncidentReference.ForGridEvent("E-1")));
        Assert.That(IncidentReference.ForGridEvent("E-1").Version, Is.EqualTo(5));
    }

    private static readonly TestCaseData[] BadFields =
    [
        Case("eventId missing", e => e.EventId = null, "eventId"),
        Case("eventId too long", e => e.EventId = new string('1', 65), "eventId"),
        Case("eventId control characters", e => e.EventId = "GE\t1", "eventId"),
        Case("reportedAt missing", e => e.ReportedAt = null, "reportedAt"),
        Case("reportedAt without offset", e => e.ReportedAt = "2026-11-22T17:59:30", "reportedAt"),
        Case("reportedAt far future", e => e.ReportedAt = "2026-11-22T19:00:00+08:00", "reportedAt"),
        Case("reportedAt far past", e => e.ReportedAt = "2020-01-01T00:00:00+08:00", "reportedAt"),
        Case("reporter missing", e => e.Reporter = " ", "reporter"),
        Case("reporter too long", e => e.Reporter = new string('r', 65), "reporter"),
        Case("reporterKind unknown", e => e.ReporterKind = "robot", "reporterKind"),
        Case("categoryCode too long", e => e.CategoryCode = new string('c', 33), "categoryCode"),
        Case("description missing", e => e.Description = null, "description"),
        Case("description too long", e => e.Description = new string('字', 2001), "description"),
        Case("lon out of range", e => e.Location!.Lon = 181, "location.lon"),
        Case("lat missing", e => e.Location!.Lat = null, "location.lat"),
        Case("crs unknown", e => e.Location!.Crs = "mars", "location.crs"),
        Case("gridCode too long", e => e.GridCode = new string('9', 33), "gridCode"),
        Case("ten photos", e => e.PhotoUrls = Enumerable.Repeat((string?)"https://p.example.invalid/1.jpg", 10).ToList(), "photoUrls"),
        Case("photo not http", e => e.PhotoUrls = ["ftp://p.example.invalid/1.jpg"], "photoUrls[0]"),
        Case("photo relative", e => e.PhotoUrls = ["https://p.example.invalid/1.jpg", "/grid/2.jpg"], "photoUrls[1]"),
        Case("photo empty", e => e.PhotoUrls = [""], "photoUrls[0]"),
        Case("photo too long", e => e.PhotoUrls = ["https://p.example.invalid/" + new string('a', 480)], "photoUrls[0]"),
        Case("tier missing", e => e.Tier = null, "tier"),
        Case("tier unknown", e => e.Tier = "urgent", "tier"),
    ];

    [TestCaseSource(nameof(BadFields))]
    public void Validate_WhenOneFieldIsBad_NamesExactlyThatField(Action<GridEventSubmission> spoil, string field)
    {
        var submission = Valid();
        spoil(submission);

        var result = GridEventValidator.Validate(submission, Now, "http");

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(result.Errors[field].Single(), Does.Contain(field.Split('.')[^1]));
    }

    private static TestCaseData Case(string name, Action<GridEventSubmission> spoil, string field) =>
        new TestCaseData(spoil, field).SetName($"Validate_WhenOneFieldIsBad_NamesExactlyThatField({name})");
}
