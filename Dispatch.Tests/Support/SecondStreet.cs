using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Support;

/// <summary>
/// A second street beside the demo street 云峰街道, in the same district but with no area in common: its own street
/// polygon, an urban-management squad serving it with one unit, and an operator, supervisor, handler and responder
/// scoped to it. The demo accounts stay scoped to 云峰, so nothing either side sees may cross to the other.
/// </summary>
public static class SecondStreet
{
    public const string Code = "330102099";
    public const string Organisation = "CG-SECOND";
    public const string Unit = "SE-CG01";

    /// <summary>The square the street covers (WGS-84), west of 云峰街道 (120.2005–120.2398 E, 30.2712–30.3085 N).</summary>
    public const double West = 120.160, East = 120.180, South = 30.230, North = 30.250;

    /// <summary>A point well inside the street.</summary>
    public const double Lon = 120.170, Lat = 30.240;

    /// <summary>The second street's own people, by role: user names for <see cref="RunningServer.AsAsync"/>.</summary>
    public static readonly IReadOnlyDictionary<string, (string UserName, string Scope)> People = new Dictionary<string, (string, string)>
    {
        [Roles.Operator] = ("operator2", Code),
        [Roles.Supervisor] = ("supervisor2", Code),
        [Roles.DepartmentHandler] = ("handler2", Organisation),
        [Roles.Responder] = ("responder2", Unit),
    };

    /// <summary>Imports the street, creates its organisation, unit and people, and places the unit inside the street.</summary>
    public static async Task CreateAsync(RunningServer running, HttpClient admin)
    {
        var ring = string.Join(",", new[] { (West, South), (East, South), (East, North), (West, North), (West, South) }
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Item1},{p.Item2}]")));
        var geoJson = $$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"{{{Code}}}","name":"测试二街道","parent":"330102"},
             "geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}
            """;
        using (var import = await admin.PostAsync("/api/geo/areas/import?level=street&codeProp=code&nameProp=name&parentProp=parent",
            new StringContent(geoJson, Encoding.UTF8, "application/geo+json")))
        {
            await Ensure(import, "import the second street");
        }

        using (var organisation = await admin.PutAsJsonAsync($"/api/organisations/{Organisation}",
            new { code = Organisation, name = "测试二街道城管中队", type = "UrbanManagement", areaCodes = new[] { Code } }))
        {
            await Ensure(organisation, "create the second street's organisation");
        }

        using (var unit = await admin.PutAsJsonAsync($"/api/units/{Unit}",
            new { code = Unit, name = "测试二街道城管1号", organisation = Organisation, kind = "LinkageSquad" }))
        {
            await Ensure(unit, "create the second street's unit");
        }

        var accounts = running.App.Services.GetRequiredService<AccountService>();
        foreach (var (role, (userName, scope)) in People)
        {
            await accounts.CreateAsync(userName, userName, role, scope, Session.DemoPassword, "test", CancellationToken.None);
        }

        using var machine = running.Machine();
        using (var position = await machine.PostAsJsonAsync($"/api/units/{Unit}/location", new { lon = Lon, lat = Lat }))
        {
            await Ensure(position, "place the second street's unit");
        }

        await Eventually.GetAsync(async () =>
        {
            var unit = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{Unit}");
            return unit.GetProperty("position").ValueKind == System.Text.Json.JsonValueKind.Object ? "" : null;
        }, TimeSpan.FromSeconds(20), "the second street's unit to have a position");
    }

    private static async Task Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
