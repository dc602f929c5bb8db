using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Security;

/// <summary>The two streets of <see cref="StreetIsolationTests"/>, the work made in them, and the calls the tests make.</summary>
public sealed partial class StreetIsolationTests
{
    /// <summary>One street's people and what was made in it.</summary>
    private sealed class Street
    {
        public required string Name { get; init; }
        public required HttpClient Operator { get; init; }
        public required HttpClient Handler { get; init; }
        public required HttpClient Responder { get; init; }
        public HttpClient? Supervisor { get; init; }
        public required HubTestClient Screen { get; init; }
        public required string Unit { get; init; }
        public required string Organisation { get; init; }

        /// <summary>Strings that only this street's data carries: its street code, its unit, its incidents and orders.</summary>
        public List<string> Marks { get; } = [];
        public List<Guid> Incidents { get; } = [];
        public Guid Triaged { get; set; }
        public Guid TaskOrder { get; set; }
        public Guid Assignment { get; set; }

        public IEnumerable<HttpClient> Readers => Supervisor is null ? [Operator] : [Operator, Supervisor];
    }

    /// <summary>A routed incident with a task order and an assignment of the street's unit, and one for triage.</summary>
    private async Task MakeWorkAsync(Street street, string tag, double lon, double lat)
    {
        var routed = await AlertAsync($"110-{tag}-noise", "noise", "夜间施工噪音扰民", lon, lat);
        street.Triaged = await AlertAsync($"110-{tag}-vague", null, "xyzzy qwv", lon, lat + 0.005);
        await Eventually.GetAsync(async () =>
            (await GetAsync(admin, $"/api/incidents/{street.Triaged}")).GetProperty("incident").GetProperty("status").GetString() == "NeedsTriage" ? "" : null,
            TimeSpan.FromSeconds(20), $"{street.Name}'s vague alert to need triage");
        street.Incidents.AddRange([routed, street.Triaged]);

        using (var order = await street.Operator.PostAsJsonAsync("/api/task-orders",
            new { incidentId = routed, organisationCode = street.Organisation, instructions = "查处夜间施工噪音" }))
        {
            Assert.That(order.StatusCode, Is.EqualTo(HttpStatusCode.Created), await order.Content.ReadAsStringAsync());
            street.TaskOrder = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        using (var dispatch = await street.Operator.PostAsJsonAsync($"/api/incidents/{routed}/dispatch", new { units = new[] { new { code = street.Unit } } }))
        {
            Assert.That(dispatch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatch.Content.ReadAsStringAsync());
            street.Assignment = (await dispatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignments")[0].GetProperty("id").GetGuid();
        }
    }

    /// <summary>Imports the street sharing the second street's east edge and signs in its operator.</summary>
    private async Task<HttpClient> BorderStreetAsync()
    {
        var ring = string.Join(",", new[]
            {
                (SecondStreet.East, SecondStreet.South), (SecondStreet.East + 0.015, SecondStreet.South), (SecondStreet.East + 0.015, SecondStreet.North),
                (SecondStreet.East, SecondStreet.North), (SecondStreet.East, SecondStreet.South),
            }
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Item1},{p.Item2}]")));
        var geoJson = $$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"{{{BorderStreet}}}","name":"测试边界街道","parent":"330102"},
             "geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}
            """;
        using (var import = await admin.PostAsync("/api/geo/areas/import?level=street&codeProp=code&nameProp=name&parentProp=parent",
            new StringContent(geoJson, Encoding.UTF8, "application/geo+json")))
        {
            Assert.That(import.IsSuccessStatusCode, Is.True, await import.Content.ReadAsStringAsync());
        }

        await running.App.Services.GetRequiredService<AccountService>()
            .CreateAsync(BorderOperator, BorderOperator, Roles.Operator, BorderStreet, Session.DemoPassword, "test", CancellationToken.None);
        return await running.AsAsync(BorderOperator);
    }

    private async Task<Guid> AlertAsync(string alertId, string? categoryCode, string description, double? lon, double? lat)
    {
        using var response = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode, description,
            location = lon is null || lat is null ? null : new { lon, lat },
        });
        Assert.That((int)response.StatusCode, Is.LessThan(300), await response.Content.ReadAsStringAsync());
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await admin.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(20), $"incident {alertId}");
        return id;
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Record(response, path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<Guid>> IdsAsync(HttpClient client, string path) =>
        (await GetAsync(client, path)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        using var response = await client.SendAsync(request);
        Record(response, path);
        return response.StatusCode;
    }

    private void Record(HttpResponseMessage response, string path)
    {
        if ((int)response.StatusCode >= 500)
        {
            serverErrors.Add($"{response.RequestMessage?.Method} {path}: {(int)response.StatusCode}");
        }
    }
}
