using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>
/// The authorization matrix across two streets (<see cref="AuthorizationMatrixTests"/> covers route × role): the demo
/// street 云峰 and <see cref="SecondStreet"/>, each with its own incidents, triage, units, task orders, assignment and
/// operator, handler and responder (and the second street's supervisor). No read, list, action or push on
/// /hubs/command crosses from one street to the other, and no call answers a 5xx. A third street shares the second
/// street's east edge: what lies on that edge is both streets' (and still not 云峰's).
/// </summary>
[NonParallelizable]
public sealed partial class StreetIsolationTests
{
    private const string DemoUnit = "YF-PC01";

    /// <summary>The second street's unit's name after the last change the setup makes: the last push its screen waits for.</summary>
    private const string LastChange = "测试二街道城管1号（改）";

    /// <summary>A third street east of the second, sharing its edge x = <see cref="SecondStreet.East"/>; its code is the lower.</summary>
    private const string BorderStreet = "330102098";
    private const string BorderOperator = "operator3";

    private readonly List<string> serverErrors = [];
    private RunningServer running = null!;
    private HttpClient admin = null!;
    private HttpClient machine = null!;
    private Street first = null!;
    private Street second = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Security:LoginAttemptsPerMinute"] = "1000",
        });
        admin = await running.AsAsync("admin");
        machine = running.Machine();
        await SecondStreet.CreateAsync(running, admin);

        first = new Street
        {
            Name = "云峰", Operator = await running.AsAsync("operator"), Handler = await running.AsAsync("handler"),
            Responder = await running.AsAsync("responder"), Screen = await ScreenAsync("operator"), Unit = DemoUnit, Organisation = "CG-YUNFENG",
        };
        first.Marks.AddRange(["330102007", "YUNFENG", DemoUnit]);
        second = new Street
        {
            Name = "second", Operator = await running.AsAsync("operator2"), Handler = await running.AsAsync("handler2"),
            Responder = await running.AsAsync("responder2"), Supervisor = await running.AsAsync("supervisor2"), Screen = await ScreenAsync("operator2"),
            Unit = SecondStreet.Unit, Organisation = SecondStreet.Organisation,
        };
        second.Marks.AddRange([SecondStreet.Code, SecondStreet.Organisation, SecondStreet.Unit]);

        // The second street's work first, then 云峰's: each screen's last push is its own street's, so by the time it
        // has arrived every push of the other street's work has been sent.
        await MakeWorkAsync(second, "s2", SecondStreet.Lon, SecondStreet.Lat);
        await MakeWorkAsync(first, "s1", 120.215, 30.29);
        using (var touch = await admin.PutAsJsonAsync($"/api/units/{SecondStreet.Unit}",
            new { code = SecondStreet.Unit, name = LastChange, organisation = SecondStreet.Organisation, kind = "LinkageSquad" }))
        {
            Assert.That(touch.IsSuccessStatusCode, Is.True);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var street in new[] { first, second }.OfType<Street>())
        {
            street.Operator.Dispose();
            street.Handler.Dispose();
            street.Responder.Dispose();
            street.Supervisor?.Dispose();
            await street.Screen.DisposeAsync();
        }

        admin.Dispose();
        machine.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task IncidentAndTriageLists_ShowNothingOfTheOtherStreet()
    {
        foreach (var (own, other) in Pairs())
        {
            foreach (var reader in own.Readers)
            {
                var incidents = await IdsAsync(reader, "/api/incidents?pageSize=200");
                var triage = await IdsAsync(reader, "/api/triage?pageSize=200");

                Assert.That(incidents, Is.SupersetOf(own.Incidents).And.No.AnyOf(other.Incidents.Cast<object>().ToArray()), $"{own.Name}'s incident list");
                Assert.That(triage, Does.Contain(own.Triaged).And.Not.Contain(other.Triaged), $"{own.Name}'s triage");
            }
        }
    }

    [Test]
    public async Task IncidentDetailAndActions_OfTheOtherStreet_AreNotFound()
    {
        foreach (var (own, other) in Pairs())
        {
            foreach (var id in other.Incidents)
            {
                foreach (var reader in own.Readers)
                {
                    Assert.That(await StatusAsync(reader, HttpMethod.Get, $"/api/incidents/{id}"), Is.EqualTo(HttpStatusCode.NotFound), $"{own.Name} reads {id}");
                    Assert.That(await StatusAsync(reader, HttpMethod.Get, $"/api/incidents/{id}/recommendations"), Is.EqualTo(HttpStatusCode.NotFound));
                }

                Assert.That(await StatusAsync(own.Operator, HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { units = new[] { new { code = own.Unit } } }),
                    Is.EqualTo(HttpStatusCode.NotFound), $"{own.Name} dispatches to {id}");
                Assert.That(await StatusAsync(own.Operator, HttpMethod.Post, $"/api/incidents/{id}/reclassify", new { categoryCode = "noise", reason = "越界改类" }),
                    Is.EqualTo(HttpStatusCode.NotFound));
                Assert.That(await StatusAsync(own.Operator, HttpMethod.Post, "/api/task-orders", new { incidentId = id, organisationCode = own.Organisation, instructions = "越界" }),
                    Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden));
            }
        }
    }

    [Test]
    public async Task UnitsAndDuty_OfTheOtherStreet_AreNeitherListedNorChanged()
    {
        foreach (var (own, other) in Pairs())
        {
            foreach (var reader in own.Readers)
            {
                var units = (await GetAsync(reader, "/api/units")).EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
                Assert.That(units, Does.Contain(own.Unit).And.Not.Contain(other.Unit), $"{own.Name}'s unit list");
                Assert.That(await StatusAsync(reader, HttpMethod.Get, $"/api/units/{other.Unit}"), Is.EqualTo(HttpStatusCode.NotFound));
            }

            Assert.That(await StatusAsync(own.Operator, HttpMethod.Post, $"/api/units/{other.Unit}/duty", new { onDuty = false }), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await StatusAsync(own.Responder, HttpMethod.Post, $"/api/units/{other.Unit}/duty", new { onDuty = false }), Is.EqualTo(HttpStatusCode.Forbidden));
        }

        var stillOn = await GetAsync(admin, "/api/units");
        Assert.That(stillOn.EnumerateArray().Where(u => u.GetProperty("code").GetString() is DemoUnit or SecondStreet.Unit)
            .Select(u => u.GetProperty("status").GetString()), Has.None.EqualTo("OffDuty"));
    }

    [Test]
    public async Task TaskOrdersAndAssignments_OfTheOtherStreet_AreNeitherListedNorActedOn()
    {
        foreach (var (own, other) in Pairs())
        {
            foreach (var person in own.Readers.Append(own.Handler))
            {
                var orders = (await GetAsync(person, "/api/task-orders")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
                Assert.That(orders, Does.Not.Contain(other.TaskOrder), $"{own.Name}'s task orders");
                Assert.That(await StatusAsync(person, HttpMethod.Get, $"/api/task-orders/{other.TaskOrder}"), Is.EqualTo(HttpStatusCode.NotFound));
            }

            Assert.That(await StatusAsync(own.Handler, HttpMethod.Post, $"/api/task-orders/{other.TaskOrder}/accept"),
                Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden), $"{own.Name}'s handler accepts the other street's order");
            Assert.That(await StatusAsync(own.Operator, HttpMethod.Post, $"/api/task-orders/{other.TaskOrder}/close"), Is.EqualTo(HttpStatusCode.NotFound));

            foreach (var person in new[] { own.Operator, own.Responder })
            {
                Assert.That(await StatusAsync(person, HttpMethod.Get, $"/api/assignments/{other.Assignment}"), Is.EqualTo(HttpStatusCode.NotFound));
                Assert.That(await StatusAsync(person, HttpMethod.Post, $"/api/assignments/{other.Assignment}/acknowledge"), Is.EqualTo(HttpStatusCode.NotFound));
            }

            var mine = (await GetAsync(own.Responder, "/api/assignments/mine")).ToString();
            Assert.That(mine, Does.Not.Contain(other.Assignment.ToString()));
        }
    }

    [Test]
    public async Task CommandHubPushes_CarryNothingOfTheOtherStreet()
    {
        // 云峰's screen stops at its own street's last change, the second street's at its unit's change made after all of 云峰's work.
        var firstSaw = await PushesUntilAsync(first.Screen, text => text.Contains(first.Incidents[^1].ToString(), StringComparison.Ordinal));
        var secondSaw = await PushesUntilAsync(second.Screen, text => text.Contains(LastChange, StringComparison.Ordinal));

        Assert.That(firstSaw.Where(p => Crosses(p, second)), Is.Empty, "pushes to 云峰's screen about the second street");
        Assert.That(secondSaw.Where(p => Crosses(p, first)), Is.Empty, "pushes to the second street's screen about 云峰");
        Assert.That(firstSaw, Is.Not.Empty);
        Assert.That(secondSaw, Is.Not.Empty);
    }

    [Test]
    public async Task BorderIncident_IsSeenFromBothSidesOfTheEdge_InListsReadsTaskOrdersAndPushes()
    {
        using var neighbour = await BorderStreetAsync();
        await using var neighbourScreen = await ScreenAsync(BorderOperator);
        await using var secondScreen = await ScreenAsync("operator2");
        await using var firstScreen = await ScreenAsync("operator");

        // On the shared edge x = SecondStreet.East. The border street's code is the lower, so it holds the incident and
        // the second street shares it: before one policy, only the border street saw it.
        var onEdge = await AlertAsync("110-border-noise", "noise", "边界上的夜间施工噪音", SecondStreet.East, SecondStreet.Lat);
        var where = (await GetAsync(admin, $"/api/incidents/{onEdge}")).GetProperty("incident").GetProperty("jurisdiction");
        Assert.That(where.GetProperty("street").GetProperty("code").GetString(), Is.EqualTo(BorderStreet));
        Assert.That(where.GetProperty("sharedWith").EnumerateArray().Select(c => c.GetString()), Does.Contain(SecondStreet.Code));

        foreach (var screen in new[] { neighbourScreen, secondScreen })
        {
            await screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == onEdge, TimeSpan.FromSeconds(30));
        }

        foreach (var reader in new[] { neighbour, second.Operator, second.Supervisor! })
        {
            Assert.That(await IdsAsync(reader, "/api/incidents?pageSize=200"), Does.Contain(onEdge), "both sides list it");
            Assert.That(await StatusAsync(reader, HttpMethod.Get, $"/api/incidents/{onEdge}"), Is.EqualTo(HttpStatusCode.OK), "both sides read it");
        }

        // The higher side may act on it too: it issues the task order, which both sides then list and read.
        Guid order;
        using (var issued = await second.Operator.PostAsJsonAsync("/api/task-orders",
            new { incidentId = onEdge, organisationCode = second.Organisation, instructions = "查处边界噪音" }))
        {
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
            order = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        foreach (var reader in new[] { neighbour, second.Operator })
        {
            var orders = (await GetAsync(reader, "/api/task-orders")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid());
            Assert.That(orders, Does.Contain(order));
            Assert.That(await StatusAsync(reader, HttpMethod.Get, $"/api/task-orders/{order}"), Is.EqualTo(HttpStatusCode.OK));
        }

        // 云峰 is on neither side: nothing of it in 云峰's lists, reads or pushes (up to a 云峰 incident made after it).
        Assert.That(await IdsAsync(first.Operator, "/api/incidents?pageSize=200"), Does.Not.Contain(onEdge));
        Assert.That(await StatusAsync(first.Operator, HttpMethod.Get, $"/api/incidents/{onEdge}"), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync(first.Operator, "/api/task-orders")).ToString(), Does.Not.Contain(order.ToString()));
        // Not a repeat of 云峰's earlier noise report (which it would join): another place, no category.
        var marker = await AlertAsync("110-border-marker", null, "qwv xyzzy 云峰", 120.225, 30.295);
        var firstSaw = await PushesUntilAsync(firstScreen, text => text.Contains(marker.ToString(), StringComparison.Ordinal));
        Assert.That(firstSaw.Where(p => p.Contains(onEdge.ToString(), StringComparison.Ordinal) || p.Contains(order.ToString(), StringComparison.Ordinal)),
            Is.Empty, "pushes to 云峰's screen about the border incident");
    }

    [Test]
    public async Task ResponderTaskOrderList_HoldsOnlyOrdersTheResponderMayOpen_NeverAnUnlocatedIncidents()
    {
        // No location: no area holds the incident, so every operator sees it (to place it), and its task order with it.
        var nowhere = await AlertAsync("110-nowhere-noise", "noise", "无位置的噪音投诉", null, null);
        Guid order;
        using (var issued = await first.Operator.PostAsJsonAsync("/api/task-orders",
            new { incidentId = nowhere, organisationCode = first.Organisation, instructions = "核实无位置投诉" }))
        {
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
            order = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        Assert.That((await GetAsync(second.Operator, "/api/task-orders")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()), Does.Contain(order));
        foreach (var responder in new[] { first.Responder, second.Responder })
        {
            var listed = (await GetAsync(responder, "/api/task-orders")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
            Assert.That(listed, Does.Not.Contain(order), "the unlocated incident's order");
            Assert.That(await StatusAsync(responder, HttpMethod.Get, $"/api/task-orders/{order}"), Is.EqualTo(HttpStatusCode.NotFound));
            foreach (var id in listed)
            {
                Assert.That(await StatusAsync(responder, HttpMethod.Get, $"/api/task-orders/{id}"), Is.EqualTo(HttpStatusCode.OK), $"listed {id} but may not open it");
            }
        }
    }

    [TearDown]
    public void NoServerErrors() => Assert.That(serverErrors, Is.Empty, "calls that answered a 5xx");

    private IEnumerable<(Street Own, Street Other)> Pairs() => [(first, second), (second, first)];

    private static bool Crosses(string push, Street other) =>
        other.Marks.Any(m => push.Contains(m, StringComparison.Ordinal))
        || other.Incidents.Append(other.Triaged).Any(id => push.Contains(id.ToString(), StringComparison.Ordinal))
        || push.Contains(other.TaskOrder.ToString(), StringComparison.Ordinal)
        || push.Contains(other.Assignment.ToString(), StringComparison.Ordinal);

    private static async Task<List<string>> PushesUntilAsync(HubTestClient screen, Func<string, bool> last)
    {
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var (target, argument) in screen.CallsAsync(timeout.Token))
        {
            var text = target + " " + argument.GetRawText();
            seen.Add(text);
            if (last(text))
            {
                break;
            }
        }

        return seen;
    }

    private async Task<HubTestClient> ScreenAsync(string userName)
    {
        var screen = await running.ConnectHubAsync(userName);
        await screen.InvokeAsync("WatchIncidents");
        return screen;
    }
}
