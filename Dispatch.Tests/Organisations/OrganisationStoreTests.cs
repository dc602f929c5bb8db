using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Organisations;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Organisations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class OrganisationStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private OrganisationStore store = null!;

    private static readonly OrganisationSummary Station = new("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation, ["PS-YUNFENG"]);
    private static readonly OrganisationSummary Committee = new("SQ-YUNFENG", "云峰社区居民委员会", OrganisationType.Community, ["330102007001", "330102007002"]);

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new OrganisationStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task Save_WhenNewThenChanged_RoundTripsKeepsCreationTimeAndAuditsBeforeAndAfter()
    {
        var (created, first) = await store.SaveAsync(Committee, "admin1", T0, CancellationToken.None);
        var changed = Committee with { Name = "云峰社区居委会", AreaCodes = ["330102007001"] };
        var (createdAgain, _) = await store.SaveAsync(changed, "admin2", T0.AddHours(1), CancellationToken.None);

        Assert.That((created, createdAgain), Is.EqualTo((true, false)));
        Assert.That(first.Organisation, Is.EqualTo(Committee));
        var read = await store.GetAsync("SQ-YUNFENG", CancellationToken.None);
        Assert.That((read!.Organisation.Code, read.Organisation.Name, read.Organisation.Type), Is.EqualTo((changed.Code, changed.Name, changed.Type)));
        Assert.That(read.Organisation.AreaCodes, Is.EqualTo(new[] { "330102007001" }));
        Assert.That((read.CreatedAt, read.UpdatedAt), Is.EqualTo((T0, T0.AddHours(1))));

        var history = await new AuditLog(db.Database).ForSubjectAsync(OrganisationStore.AuditSubject, "SQ-YUNFENG", CancellationToken.None);
        Assert.That(history.Select(h => (h.Action, h.Actor)), Is.EqualTo(new[]
        {
            (OrganisationStore.AuditAction, "admin1"),
            (OrganisationStore.AuditAction, "admin2"),
        }));
        Assert.That(history[0].Before, Is.Null);
        Assert.That(history[1].Before, Does.Contain("330102007002"));
        Assert.That(history[1].After, Does.Contain("云峰社区居委会").And.Not.Contain("330102007002"));
    }

    [Test]
    public async Task List_WhenFilteredByType_GivesOnlyThatTypeByCode()
    {
        await store.SaveAsync(Committee, "admin", T0, CancellationToken.None);
        await store.SaveAsync(Station, "admin", T0, CancellationToken.None);
        await store.SaveAsync(Station with { Code = "PS-XINTANG", Name = "新塘派出所", AreaCodes = ["PS-XINTANG"] }, "admin", T0, CancellationToken.None);

        var all = await store.ListAsync(null, CancellationToken.None);
        var police = await store.ListAsync(OrganisationType.PoliceStation, CancellationToken.None);

        Assert.That(all.Select(o => o.Organisation.Code), Is.EqualTo(new[] { "PS-XINTANG", "PS-YUNFENG", "SQ-YUNFENG" }));
        Assert.That(police.Select(o => o.Organisation.Code), Is.EqualTo(new[] { "PS-XINTANG", "PS-YUNFENG" }));
        Assert.That(all[2].Organisation.AreaCodes, Is.EqualTo(Committee.AreaCodes));
    }

    [Test]
    public async Task AddMissing_WhenSomeExist_InsertsOnlyTheOthersAndKeepsEdits()
    {
        await store.SaveAsync(Station with { Name = "云峰派出所（已编辑）" }, "admin", T0, CancellationToken.None);

        var inserted = await store.AddMissingAsync([Station, Committee], T0.AddDays(1), CancellationToken.None);
        var again = await store.AddMissingAsync([Station, Committee], T0.AddDays(2), CancellationToken.None);

        Assert.That((inserted, again), Is.EqualTo((1, 0)));
        Assert.That((await store.GetAsync("PS-YUNFENG", CancellationToken.None))!.Organisation.Name, Is.EqualTo("云峰派出所（已编辑）"));
        Assert.That((await store.GetAsync("SQ-YUNFENG", CancellationToken.None))!.CreatedAt, Is.EqualTo(T0.AddDays(1)));
    }

    [Test]
    public async Task Get_WhenUnknown_IsNull()
    {
        Assert.That(await store.GetAsync("NONE", CancellationToken.None), Is.Null);
    }
}
