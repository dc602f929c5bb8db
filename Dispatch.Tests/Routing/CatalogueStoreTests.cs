using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Clock;
using Dispatch.Server.Routing;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Routing;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class CatalogueStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private CatalogueStore store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new CatalogueStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task AddMissing_WhenEmpty_StoresEveryCategoryExactlyAsInTheFile()
    {
        var seed = CatalogueSnapshot.LoadEmbedded().All;

        var inserted = await store.AddMissingAsync(seed, T0, CancellationToken.None);
        var read = await store.ListAsync(CancellationToken.None);

        Assert.That(inserted, Is.EqualTo(seed.Count));
        Assert.That(read.Select(r => r.Category.Code), Is.EqualTo(seed.Select(c => c.Code)));
        foreach (var (stored, original) in read.Zip(seed))
        {
            Assert.That(stored.Category with { Keywords = original.Keywords }, Is.EqualTo(original));
            Assert.That(stored.Category.Keywords, Is.EquivalentTo(original.Keywords), original.Code);
        }

        Assert.That(read[0].UpdatedAt, Is.EqualTo(T0));
        Assert.That(read[0].UpdatedBy, Is.EqualTo(CatalogueStore.SeedActor));
    }

    [Test]
    public async Task AddMissing_WhenAlreadySeeded_InsertsNothing()
    {
        var seed = CatalogueSnapshot.LoadEmbedded().All;
        await store.AddMissingAsync(seed, T0, CancellationToken.None);

        var again = await store.AddMissingAsync(seed, T0.AddDays(1), CancellationToken.None);

        Assert.That(again, Is.Zero);
        Assert.That((await store.ListAsync(CancellationToken.None)).Count, Is.EqualTo(seed.Count));
    }

    [Test]
    public async Task AddMissing_WhenTheFileGainsACategory_AddsItAndLeavesEditedOnesAlone()
    {
        var seed = CatalogueSnapshot.LoadEmbedded().All;
        var older = seed.Where(c => c.Code != "medical-emergency").ToList();
        await store.AddMissingAsync(older, T0, CancellationToken.None);
        var edited = older[0] with { Priority = 4 };
        await store.SaveAsync(edited, "admin1", T0.AddHours(1), CancellationToken.None);

        var added = await store.AddMissingAsync(seed, T0.AddDays(1), CancellationToken.None);

        Assert.That(added, Is.EqualTo(1));
        Assert.That((await store.GetAsync("medical-emergency", CancellationToken.None))?.Category.NameZh, Is.EqualTo("医疗急救"));
        Assert.That((await store.GetAsync(edited.Code, CancellationToken.None))?.Category.Priority, Is.EqualTo(4));
    }

    [Test]
    public async Task Save_WhenNewThenChanged_CreatesThenReplacesAndAuditsBeforeAndAfter()
    {
        var category = new Category("parking-dispute", "停车纠纷", "Parking dispute", IncidentKind.Dispute, 3,
            OrganisationType.PropertyManagement, new ResponsePolicy(1, 10, null), 5, new Dictionary<string, double> { ["车位"] = 3 });

        var (created, first) = await store.SaveAsync(category, "admin1", T0, CancellationToken.None);
        var changed = category with { Priority = 2, Response = new ResponsePolicy(1, 5, 10), Keywords = new Dictionary<string, double> { ["车位"] = 3, ["抢车位"] = 4.5 } };
        var (createdAgain, second) = await store.SaveAsync(changed, "admin2", T0.AddHours(1), CancellationToken.None);

        Assert.That(created, Is.True);
        Assert.That(first.UpdatedBy, Is.EqualTo("admin1"));
        Assert.That(createdAgain, Is.False);
        var read = await store.GetAsync("PARKING-DISPUTE", CancellationToken.None);
        Assert.That(read!.Category with { Keywords = changed.Keywords }, Is.EqualTo(changed));
        Assert.That(read.Category.Keywords, Is.EquivalentTo(changed.Keywords));
        Assert.That((read.UpdatedAt, read.UpdatedBy), Is.EqualTo((T0.AddHours(1), "admin2")));
        Assert.That(second.UpdatedAt, Is.EqualTo(T0.AddHours(1)));

        var history = await new AuditLog(db.Database).ForSubjectAsync(CatalogueStore.AuditSubject, "parking-dispute", CancellationToken.None);
        Assert.That(history.Select(h => (h.Action, h.Actor)), Is.EqualTo(new[]
        {
            (CatalogueStore.AuditAction, "admin1"),
            (CatalogueStore.AuditAction, "admin2"),
        }));
        Assert.That(history[0].Before, Is.Null);
        Assert.That(history[1].Before, Does.Contain("\"priority\":3"));
        Assert.That(history[1].After, Does.Contain("抢车位"));
    }

    [Test]
    public async Task Get_WhenTheCodeIsNotStored_ReturnsNull()
    {
        Assert.That(await store.GetAsync("nope", CancellationToken.None), Is.Null);
    }
}
