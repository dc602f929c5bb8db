using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Server.Demo;
using Dispatch.Server.Intake;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Demo;

public sealed partial class DemoAlertGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 30, 15, TimeSpan.Zero);

    private static DemoAlertGenerator Generator(int seed, string runId = "TEST01") => new(new Random(seed), runId);

    [Test]
    public void Generate_WhenSeedAndRunIdAreTheSame_ReturnsTheSameAlerts()
    {
        var first = Generator(42).Generate(200, Now).Select(a => JsonSerializer.Serialize(a)).ToList();
        var second = Generator(42).Generate(200, Now).Select(a => JsonSerializer.Serialize(a)).ToList();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Generate_WhenSeedsDiffer_ReturnsDifferentAlerts()
    {
        var first = Generator(1).Generate(20, Now).Select(a => a.Description);
        var second = Generator(2).Generate(20, Now).Select(a => a.Description);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Generate_WhenValidatedWithTheSameNow_EveryAlertPasses()
    {
        var alerts = Generator(7).Generate(1000, Now);

        var failures = alerts
            .Select(a => (a.AlertId, Validation: AlertValidator.Validate(a, Now, "test")))
            .Where(v => !v.Validation.IsValid)
            .Select(v => $"{v.AlertId}: {string.Join("; ", v.Validation.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}")
            .ToList();

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Generate_WhenThousandAlerts_AlertIdsAreUnique()
    {
        var ids = Generator(3).Generate(1000, Now).Select(a => a.AlertId).ToList();

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Generate_WhenRunIdsDifferButSeedIsTheSame_AlertIdsNeverCollide()
    {
        var first = Generator(5, DemoAlertGenerator.NewRunId()).Generate(100, Now).Select(a => a.AlertId);
        var second = Generator(5, DemoAlertGenerator.NewRunId()).Generate(100, Now).Select(a => a.AlertId);

        Assert.That(first.Intersect(second), Is.Empty);
    }

    [Test]
    public void Next_WhenCalled_AlertIdHasPlatformFormatWithChinaDate()
    {
        var alert = Generator(9, "AB23CD").Next(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero));

        // 18:00 UTC is already the 23rd in Hangzhou.
        Assert.That(alert.AlertId, Is.EqualTo("110-20261123-AB23CD-000001"));
    }

    [Test]
    public void Next_WhenCalled_ReceivedAtIsNowWithPlus0800Offset()
    {
        var alert = Generator(11).Next(Now);

        Assert.That(alert.ReceivedAt, Does.EndWith("+08:00"));
        Assert.That(DateTimeOffset.Parse(alert.ReceivedAt!, CultureInfo.InvariantCulture), Is.EqualTo(Now));
    }

    [Test]
    public void Generate_WhenManyAlerts_CategoriesComeFromCatalogueOrAreAbsentOrOtherInStatedShares()
    {
        var catalogue = CategoryCatalogue.LoadEmbedded();
        var alerts = Generator(13).Generate(10_000, Now);

        var unknown = alerts.Select(a => a.CategoryCode)
            .Where(c => c is not null && c != DemoAlertGenerator.OtherCategoryCode && catalogue.Find(c) is null)
            .Distinct()
            .ToList();
        var noCategory = alerts.Count(a => a.CategoryCode is null) / (double)alerts.Count;
        var other = alerts.Count(a => a.CategoryCode == DemoAlertGenerator.OtherCategoryCode) / (double)alerts.Count;

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.Empty);
            Assert.That(noCategory, Is.InRange(0.04, 0.06));
            Assert.That(other, Is.InRange(0.02, 0.04));
            Assert.That(alerts.Select(a => a.CategoryCode).Distinct().Count(), Is.GreaterThan(15), "a demo should show many kinds of alert");
        });
    }

    [Test]
    public void KnownCategoryCodes_WhenComparedWithCatalogue_AreAllInIt()
    {
        var catalogue = CategoryCatalogue.LoadEmbedded().All.Select(c => c.Code);

        Assert.That(DemoAlertGenerator.KnownCategoryCodes, Is.SubsetOf(catalogue));
    }

    [Test]
    public void Generate_WhenAlertsHaveLocations_TheyLieInsideTheDemoArea()
    {
        var located = Generator(17).Generate(2000, Now).Where(a => a.Location is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(located, Has.Count.GreaterThan(1800));
            Assert.That(located, Has.All.Matches<AlertSubmission>(a =>
                a.Location!.Lon >= DemoAlertGenerator.MinLon && a.Location.Lon <= DemoAlertGenerator.MaxLon
                && a.Location.Lat >= DemoAlertGenerator.MinLat && a.Location.Lat <= DemoAlertGenerator.MaxLat
                && a.Location.Crs == "wgs84"));
        });
    }

    [Test]
    public void Generate_WhenCalled_AddressesAndPhonesLookLikeHangzhou110Records()
    {
        var alerts = Generator(19).Generate(500, Now);

        Assert.Multiple(() =>
        {
            Assert.That(alerts, Has.All.Matches<AlertSubmission>(a => a.Address!.StartsWith("上城区", StringComparison.Ordinal)));
            Assert.That(alerts, Has.All.Matches<AlertSubmission>(a => PhonePattern().IsMatch(a.CallerPhone!)));
            Assert.That(alerts, Has.All.Matches<AlertSubmission>(a => !a.Description!.Contains('{', StringComparison.Ordinal)), "no unfilled {slot}");
        });
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0571-8\d{7})$")]
    private static partial Regex PhonePattern();
}
