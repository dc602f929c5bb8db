using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.TaskOrders.Calendar;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class CalendarStoreTests(string provider)
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestDatabase.CreateMigratedAsync(provider);

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private CalendarStore Store => new(db.Database);

    [Test]
    public async Task Import_ThenLoad_GivesBackEveryDay()
    {
        var shipped = HolidayFile.Embedded().Single(f => f.Year == 2025);

        var replaced = await Store.ImportAsync(shipped, CalendarStore.EmbeddedSource, At, CancellationToken.None);
        var loaded = (await Store.LoadAsync(CancellationToken.None)).Single();

        Assert.That(replaced, Is.False);
        Assert.That(loaded.Year, Is.EqualTo(2025));
        Assert.That(loaded.Days, Is.EqualTo(shipped.Days));
        var year = (await Store.YearsAsync(CancellationToken.None)).Single();
        Assert.That(year, Is.EqualTo(new CalendarYear(2025, At, "embedded", 28, 5)));
    }

    [Test]
    public async Task Import_WhenTheYearIsStored_ReplacesItWhole()
    {
        var first = new HolidayFile(2027, [], [
            new HolidayDay("国庆节", new DateOnly(2027, 10, 1), true),
            new HolidayDay("国庆节", new DateOnly(2027, 10, 9), false),
        ]);
        var corrected = new HolidayFile(2027, [], [new HolidayDay("国庆节", new DateOnly(2027, 10, 4), true)]);
        await Store.ImportAsync(first, "api", At, CancellationToken.None);

        var replaced = await Store.ImportAsync(corrected, "api", At.AddDays(1), CancellationToken.None);

        Assert.That(replaced, Is.True);
        var loaded = (await Store.LoadAsync(CancellationToken.None)).Single();
        Assert.That(loaded.Days, Is.EqualTo(corrected.Days));
        Assert.That((await Store.YearsAsync(CancellationToken.None)).Single().ImportedAt, Is.EqualTo(At.AddDays(1)));
    }

    [Test]
    public async Task Import_WhenTwoFilesListTheSameDate_KeepsBoth()
    {
        // 2022-12-31 is in the 2023 file; a 2022 file may list it too. Each year keeps its own rows.
        var y2022 = new HolidayFile(2022, [], [new HolidayDay("元旦", new DateOnly(2022, 12, 31), true)]);
        await Store.ImportAsync(y2022, "api", At, CancellationToken.None);
        await Store.ImportAsync(HolidayFile.Embedded().Single(f => f.Year == 2023), "embedded", At, CancellationToken.None);

        var calendar = new WorkingCalendar(await Store.LoadAsync(CancellationToken.None));

        Assert.That(calendar.KnownYears, Is.EqualTo(new[] { 2022, 2023 }));
        Assert.That(calendar.IsWorkingDay(new DateOnly(2022, 12, 31)), Is.False);
    }
}
