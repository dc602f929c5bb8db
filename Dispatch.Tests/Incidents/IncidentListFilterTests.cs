using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Incidents;

/// <summary>
/// The incident list's history filters on each engine: kind, category, community, organisation and the text search
/// (words, addresses, what shows of callers' numbers, the id), within the user's scope as before.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class IncidentListFilterTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private IncidentStore store = null!;
    private int seeded;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new IncidentStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task KindCategoryCommunityAndOrganisation_EachKeepTheirIncidents_AndTogetherAllMustHold()
    {
        await SeedAsync("theft-a", kind: IncidentKind.Police, category: "theft", community: "C-YUNFENG", organisation: "PS-YUNFENG");
        await SeedAsync("theft-b", kind: IncidentKind.Police, category: "theft", community: "C-XINTANG", organisation: "PS-YUNFENG");
        await SeedAsync("noise", kind: IncidentKind.NonPolice, category: "noise", community: "C-YUNFENG", organisation: "CG-YUNFENG");
        await SeedAsync("dispute", kind: IncidentKind.Dispute, category: "neighbour-dispute", community: null, organisation: null);

        Assert.That(await DescriptionsAsync(Query() with { Kind = IncidentKind.Police }), Is.EqualTo(new[] { "theft-a", "theft-b" }));
        Assert.That(await DescriptionsAsync(Query() with { Category = "noise" }), Is.EqualTo(new[] { "noise" }));
        Assert.That(await DescriptionsAsync(Query() with { Community = "C-YUNFENG" }), Is.EqualTo(new[] { "noise", "theft-a" }));
        Assert.That(await DescriptionsAsync(Query() with { Organisation = "PS-YUNFENG" }), Is.EqualTo(new[] { "theft-a", "theft-b" }));
        Assert.That(await DescriptionsAsync(Query() with { Category = "theft", Community = "C-XINTANG" }), Is.EqualTo(new[] { "theft-b" }));
        Assert.That(await DescriptionsAsync(Query() with { Kind = IncidentKind.Dispute, Organisation = "PS-YUNFENG" }), Is.Empty);
        Assert.That(await DescriptionsAsync(Query() with { Category = "thef" }), Is.Empty, "a code is matched whole");
    }

    [Test]
    public async Task Text_FindsTheWordsAndAddress_AnyCallersWords_AndTheIdFromItsShortForm()
    {
        var fire = await SeedAsync("仓库门口起火 Smoke", address: "云峰路1号");
        var noise = await SeedAsync("夜间噪音", address: "新塘路88号 Block B");
        await store.JoinAsync(noise, Guid.NewGuid(), Alert("second-caller", "楼上还在装修", null), CancellationToken.None);
        var id = noise.ToString();

        Assert.That(await DescriptionsAsync(Query() with { Text = "起火" }), Is.EqualTo(new[] { "仓库门口起火 Smoke" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "smoke" }), Is.EqualTo(new[] { "仓库门口起火 Smoke" }), "case is ignored");
        Assert.That(await DescriptionsAsync(Query() with { Text = "block b" }), Is.EqualTo(new[] { "夜间噪音" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "云峰路" }), Is.EqualTo(new[] { "仓库门口起火 Smoke" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "装修" }), Is.EqualTo(new[] { "夜间噪音" }), "a second caller's words");
        Assert.That(await DescriptionsAsync(Query() with { Text = id[..8] }), Is.EqualTo(new[] { "夜间噪音" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = id.ToUpperInvariant() }), Is.EqualTo(new[] { "夜间噪音" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = fire.ToString()[24..] }), Is.Empty, "an id is searched from its start");
    }

    [Test]
    public async Task Text_MatchesWhatShowsOfACallersNumber_NeverTheHiddenDigits()
    {
        await SeedAsync("mobile", phone: "13812345678");
        await SeedAsync("landline", phone: "0571-8888-1234");
        await SeedAsync("short", phone: "12345");
        await SeedAsync("none", phone: null);

        Assert.That(await DescriptionsAsync(Query() with { Text = "5678" }), Is.EqualTo(new[] { "mobile" }), "尾号");
        Assert.That(await DescriptionsAsync(Query() with { Text = "138 1234 5678" }), Is.EqualTo(new[] { "mobile" }), "the whole number");
        Assert.That(await DescriptionsAsync(Query() with { Text = "138****5678" }), Is.EqualTo(new[] { "mobile" }), "copied from the screen");
        Assert.That(await DescriptionsAsync(Query() with { Text = "057188881234" }), Is.EqualTo(new[] { "landline" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "1234" }), Is.EqualTo(new[] { "landline" }), "the mobile's 1234 is hidden");
        Assert.That(await DescriptionsAsync(Query() with { Text = "3812" }), Is.Empty, "no digit of the middle");
        Assert.That(await DescriptionsAsync(Query() with { Text = "345" }), Is.Empty, "a short number shows two digits only");
    }

    [Test]
    public async Task Text_TakesPercentUnderscoreAndQuotesAsThemselves()
    {
        await SeedAsync("完成率 100% 已结");
        await SeedAsync("编号 A_B 已结");
        await SeedAsync("编号 AXB 已结");

        Assert.That(await DescriptionsAsync(Query() with { Text = "%" }), Is.EqualTo(new[] { "完成率 100% 已结" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "a_b" }), Is.EqualTo(new[] { "编号 A_B 已结" }));
        Assert.That(await DescriptionsAsync(Query() with { Text = "' OR 1=1 --" }), Is.Empty);
        Assert.That((await store.ListAsync(Query() with { Text = "已结" }, CancellationToken.None)).Total, Is.EqualTo(3));
    }

    [Test]
    public async Task Filters_KeepTheScope_AndPageWithTheirOwnTotal()
    {
        for (var i = 0; i < 5; i++)
        {
            await SeedAsync($"ours-{i}", street: "330102007", status: IncidentStatus.Closed);
        }

        await SeedAsync("theirs-0", street: "330102008", status: IncidentStatus.Closed);
        await SeedAsync("ours-open", street: "330102007", status: IncidentStatus.Open);
        var scope = new AccessScope(Roles.Operator, All: false, ["330102007"]);

        var second = await store.ListAsync(
            new IncidentQuery(IncidentStatus.Closed, null, null, 2, 2, Scope: scope, Category: "theft", Text: "上城区"), CancellationToken.None);

        Assert.That(second.Total, Is.EqualTo(5), "not theirs, not open");
        Assert.That(second.Items.Select(i => i.Description), Is.EqualTo(new[] { "ours-2", "ours-1" }), "newest first");
    }

    private static IncidentQuery Query() => new(null, null, null, 1, 50);

    private async Task<string[]> DescriptionsAsync(IncidentQuery query) =>
        [.. (await store.ListAsync(query, CancellationToken.None)).Items.Select(i => i.Description).Order(StringComparer.Ordinal)];

    private async Task<Guid> SeedAsync(
        string description, string? address = "杭州市上城区", string? phone = "13900000000", IncidentKind kind = IncidentKind.Police,
        string category = "theft", string? community = null, string? organisation = null, string? street = null,
        IncidentStatus status = IncidentStatus.Closed)
    {
        var id = Guid.NewGuid();
        var at = T0.AddMinutes(seeded++);
        var where = new Jurisdiction(null, street is null ? null : new AreaRef(street, street),
            community is null ? null : new AreaRef(community, community), null, null, false);
        var routing = organisation is null ? null
            : new RoutingDecision(RoutingOutcome.Routed, new OrganisationRef(organisation, organisation, OrganisationType.PoliceStation), [], 0.9, []);
        var incident = new IncidentSummary(id, at, at.AddSeconds(1), status, kind, category, category, description, address,
            new GeoPoint(120.2, 30.28), 1, Jurisdiction: where, Routing: routing);
        await store.OpenFromAlertAsync(incident, Alert("110-" + id.ToString("N"), description, phone) with { Address = address }, CancellationToken.None);
        return id;
    }

    private StoredAlert Alert(string alertId, string description, string? phone) =>
        new(alertId, T0.AddMinutes(seeded), "theft", description, null, new GeoPoint(120.2, 30.28), phone, "http", T0.AddMinutes(seeded));
}
