using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Demo;
using Dispatch.Server.Organisations;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Demo;

/// <summary>The first start on the embedded defaults loads the demo street; later starts leave the data alone.</summary>
public sealed class DemoDataSeederTests
{
    // Demo seeding with known secrets, so the tests can sign in as the demo accounts it creates.
    private static readonly Dictionary<string, string> Seed = new(Session.DemoSettings);

    [Test]
    public async Task Start_WhenDemoSeedIsOnAndTheDatabaseIsNew_LoadsStreetUnitsAndOrganisationsOnce()
    {
        await using var first = await RunningServer.StartAsync(settings: Seed);
        using var admin = await first.AsAsync("admin");
        using var person = await first.AsAsync("operator");

        // A point well inside 云峰社区's first grid: where the demo generator put its grid member.
        var member = DemoUnits.Load(DateTimeOffset.UnixEpoch).First(u => u.Name.StartsWith("云峰社区第1网格", StringComparison.Ordinal));
        var where = await person.GetFromJsonAsync<JsonElement>(FormattableString.Invariant(
            $"/api/geo/locate?lon={member.Position!.Lon}&lat={member.Position.Lat}"));
        Assert.That(where.GetProperty("street").GetProperty("code").GetString(), Is.EqualTo("330102007"));
        Assert.That(where.GetProperty("community").GetProperty("code").GetString(), Is.EqualTo("330102007001"));
        Assert.That(where.GetProperty("grid").GetProperty("code").GetString(), Does.StartWith("330102007001"));
        Assert.That(where.GetProperty("precinct").ValueKind, Is.EqualTo(JsonValueKind.Object));

        var units = await person.GetFromJsonAsync<JsonElement>("/api/units");
        Assert.That(units.GetArrayLength(), Is.EqualTo(24));
        var organisations = await person.GetFromJsonAsync<JsonElement>("/api/organisations");
        Assert.That(organisations.EnumerateArray().Select(o => o.GetProperty("code").GetString()),
            Is.EquivalentTo(DemoOrganisations.Load().Select(o => o.Code)));
        Assert.That(first.App.Services.GetRequiredService<OrganisationDirectory>().Current.All, Has.Count.EqualTo(organisations.GetArrayLength()));

        // Second start on the same database, after an admin's edit: nothing is imported or seeded again.
        using (var edit = await admin.PutAsJsonAsync("/api/organisations/CG-YUNFENG",
            new { name = "云峰街道综合行政执法中队", type = "UrbanManagement", areaCodes = new[] { "330102007" } }))
        {
            Assert.That(edit.IsSuccessStatusCode, Is.True, await edit.Content.ReadAsStringAsync());
        }

        var areasStamp = await first.Database.ScalarAsync<string>("SELECT MAX(updated_at) FROM areas");
        var areaCount = await first.Database.ScalarAsync<long>("SELECT COUNT(*) FROM areas");
        await first.App.DisposeAsync();

        await using var second = new DispatchApp(first.Database, extra: Seed);
        var address = second.StartOnRealPort();
        using (var probe = new HttpClient { BaseAddress = address })
        {
            await Eventually.GetAsync(async () => (await probe.GetAsync("/readyz")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(30), "the restarted server");
        }

        // The accounts made on the first start are kept and still sign in.
        using var http = await Session.SignInAsync(address, "operator");

        Assert.That(await first.Database.ScalarAsync<long>("SELECT COUNT(*) FROM areas"), Is.EqualTo(areaCount));
        Assert.That(await first.Database.ScalarAsync<string>("SELECT MAX(updated_at) FROM areas"), Is.EqualTo(areasStamp));
        Assert.That((await http.GetFromJsonAsync<JsonElement>("/api/units")).GetArrayLength(), Is.EqualTo(24));
        var after = await http.GetFromJsonAsync<JsonElement>("/api/organisations/CG-YUNFENG");
        Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("云峰街道综合行政执法中队"));
        var located = await http.GetFromJsonAsync<JsonElement>(FormattableString.Invariant(
            $"/api/geo/locate?lon={member.Position.Lon}&lat={member.Position.Lat}"));
        Assert.That(located.GetProperty("grid").ValueKind, Is.EqualTo(JsonValueKind.Object), "the restarted node loads the stored areas");
    }

    [Test]
    public async Task Start_WhenDemoSeedIsOff_LeavesTheDatabaseEmpty()
    {
        await using var server = await RunningServer.StartAsync();
        using var person = await server.AsAsync("operator");

        Assert.That(await server.Database.ScalarAsync<long>("SELECT COUNT(*) FROM areas"), Is.Zero);
        Assert.That((await person.GetFromJsonAsync<JsonElement>("/api/organisations")).GetArrayLength(), Is.Zero);
    }
}
