using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.TaskOrders;

/// <summary>The task-order routes as the command room, a department and a supervisor use them, on a fake clock.</summary>
[NonParallelizable]
public sealed class TaskOrderEndpointsTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 9, 30, 10, 0, 0, Cst));
    private RunningServer running = null!;
    private HttpClient machine = null!, operatorClient = null!, handler = null!, otherHandler = null!, supervisor = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(clock: clock, settings: new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Security:LoginAttemptsPerMinute"] = "1000",
            ["TaskOrders:SweepSeconds"] = "3600",
        });
        await running.App.Services.GetRequiredService<AccountService>()
            .CreateAsync("sj-handler", "市场监管所", Roles.DepartmentHandler, "SJ-YUNFENG", Session.DemoPassword, "test", CancellationToken.None);
        await running.App.Services.GetRequiredService<AccountService>()
            .CreateAsync("sup-elsewhere", "邻街督查", Roles.Supervisor, "330102008", Session.DemoPassword, "test", CancellationToken.None);
        machine = running.Machine();
        operatorClient = await running.AsAsync("operator");
        handler = await running.AsAsync("handler");
        otherHandler = await running.AsAsync("sj-handler");
        supervisor = await running.AsAsync("supervisor");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        machine.Dispose();
        operatorClient.Dispose();
        handler.Dispose();
        otherHandler.Dispose();
        supervisor.Dispose();

        await running.DisposeAsync();
    }

    private async Task<Guid> IncidentAsync(string alertId)
    {
        // Past the duplicate window, so that each test's alert opens an incident of its own rather than joining one.
        clock.Advance(TimeSpan.FromMinutes(20));
        await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = clock.GetUtcNow().ToString("O"), categoryCode = "noise", description = "夜间施工噪音", location = new { lon = 120.215, lat = 30.29 },
        });
        var id = Dispatch.Server.Intake.IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorClient.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(10), "the incident");
        return id;
    }

    private async Task<JsonElement> IssueAsync(Guid incidentId, string organisationCode = "CG-YUNFENG")
    {
        var response = await operatorClient.PostAsJsonAsync("/api/task-orders", new { incidentId, organisationCode, instructions = "查处夜间施工噪音" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    /// <summary>The steps the task order's detail offers the person behind <paramref name="client"/>.</summary>
    private static async Task<string[]> AllowedStepsAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/task-orders/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()!)];

    [Test]
    public async Task Lifecycle_OverHttp_FromIssueToClose_WithHistoryAndRepeatsHarmless()
    {
        var order = await IssueAsync(await IncidentAsync("110-to-lifecycle"));
        var id = order.GetProperty("id").GetGuid();
        var again = await operatorClient.PostAsJsonAsync("/api/task-orders", new { incidentId = order.GetProperty("incidentId").GetGuid(), instructions = "再来一次" });

        Assert.That(order.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 10, 14, 23, 59, 59, Cst)));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "issuing again answers the one already issued");
        Assert.That((await PostAsync(handler, $"/api/task-orders/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await PostAsync(handler, $"/api/task-orders/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK), "repeat");
        var premature = await PostAsync(operatorClient, $"/api/task-orders/{id}/close");
        Assert.That(premature.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(premature.Body.GetProperty("orderStatus").GetString(), Is.EqualTo("Accepted"));
        Assert.That((await PostAsync(handler, $"/api/task-orders/{id}/complete", new { result = "已责令停工" })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AllowedStepsAsync(operatorClient, id), Is.EqualTo(new[] { "evaluate", "close" }));
        Assert.That(await AllowedStepsAsync(handler, id), Is.Empty);
        Assert.That((await PostAsync(operatorClient, $"/api/task-orders/{id}/evaluate", new { rating = "满意" })).Status, Is.EqualTo(HttpStatusCode.OK));
        var closed = await PostAsync(operatorClient, $"/api/task-orders/{id}/close");

        Assert.That(closed.Body.GetProperty("status").GetString(), Is.EqualTo("Closed"));
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/task-orders/{id}");
        Assert.That(detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "issued", "accepted", "completed", "evaluated", "closed" }));
    }

    [Test]
    public async Task HandlerOfAnotherOrganisation_CannotSeeOrActOnTheOrder()
    {
        var id = (await IssueAsync(await IncidentAsync("110-to-foreign"))).GetProperty("id").GetGuid();

        var read = await otherHandler.GetAsync($"/api/task-orders/{id}");
        var accept = await PostAsync(otherHandler, $"/api/task-orders/{id}/accept");
        var list = await otherHandler.GetFromJsonAsync<JsonElement>("/api/task-orders");
        var own = await handler.GetFromJsonAsync<JsonElement>("/api/task-orders");

        Assert.That((read.StatusCode, accept.Status), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.Forbidden)));
        Assert.That(list.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()), Does.Not.Contain(id));
        Assert.That(own.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()), Does.Contain(id));
    }

    [Test]
    public async Task ReturnThenReassign_GivesTheRightOrganisationAFreshDueTimeAndItsHandlerCanAccept()
    {
        var id = (await IssueAsync(await IncidentAsync("110-to-return"))).GetProperty("id").GetGuid();

        var returned = await PostAsync(handler, $"/api/task-orders/{id}/return", new { reason = "无证经营属市场监管" });
        var noReason = await PostAsync(operatorClient, $"/api/task-orders/{id}/reassign", new { organisationCode = "SJ-YUNFENG" });
        var reassigned = await PostAsync(operatorClient, $"/api/task-orders/{id}/reassign", new { organisationCode = "SJ-YUNFENG", reason = "改派市场监管所" });
        var accepted = await PostAsync(otherHandler, $"/api/task-orders/{id}/accept");

        Assert.That((returned.Status, noReason.Status, reassigned.Status, accepted.Status),
            Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(reassigned.Body.GetProperty("organisation").GetProperty("code").GetString(), Is.EqualTo("SJ-YUNFENG"));
    }

    [Test]
    public async Task Delay_RequestedByTheHandler_IsApprovedBySupervisorOnly()
    {
        var id = (await IssueAsync(await IncidentAsync("110-to-delay"))).GetProperty("id").GetGuid();
        await PostAsync(handler, $"/api/task-orders/{id}/accept");

        var requested = await PostAsync(handler, $"/api/task-orders/{id}/request-delay", new { reason = "需协调产权单位", newDueAt = "2025-10-21T23:59:59+08:00" });
        var pendingForSupervisor = await AllowedStepsAsync(supervisor, id);
        var pendingForHandler = await AllowedStepsAsync(handler, id);
        var pendingForOperator = await AllowedStepsAsync(operatorClient, id);
        var byOperator = await operatorClient.PostAsJsonAsync($"/api/task-orders/{id}/approve-delay", new { });
        var approved = await PostAsync(supervisor, $"/api/task-orders/{id}/approve-delay");

        Assert.That((requested.Status, byOperator.StatusCode, approved.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK)));
        Assert.That(pendingForSupervisor, Is.EqualTo(new[] { "approve-delay", "reject-delay" }));
        Assert.That(pendingForHandler, Is.EqualTo(new[] { "complete" }));
        Assert.That(pendingForOperator, Is.Empty);
        Assert.That(approved.Body.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 10, 21, 23, 59, 59, Cst)));
    }

    [Test]
    public async Task Sweeper_RemindsAndMarksOverdue_PushesToTheDesk_AndSupervisorsSeeTheBreachAssessmentAndCsv()
    {
        var incidentId = await IncidentAsync("110-to-sweep");
        var id = (await IssueAsync(incidentId)).GetProperty("id").GetGuid();
        await using var desk = await HubTestClient.ConnectAsync(running.Address, "/hubs/desk", await Session.SignInCookieAsync(running.Address, "handler"));
        await desk.InvokeAsync("WatchTaskOrders");

        // The server's own sweeper runs on the fake clock: moving the clock past its hourly tick runs a pass at that moment.
        clock.SetUtcNow(new DateTimeOffset(2025, 10, 14, 0, 0, 1, Cst));
        var reminder = await desk.WaitForCallAsync("TaskOrderChanged", o => o.GetProperty("id").GetGuid() == id && o.GetProperty("remindedAt").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(10));
        clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 0, 0, 1, Cst));
        var overdue = await desk.WaitForCallAsync("TaskOrderChanged", o => o.GetProperty("id").GetGuid() == id && o.GetProperty("overdue").GetBoolean(), TimeSpan.FromSeconds(10));

        Assert.That(reminder.GetProperty("remindedAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 10, 14, 0, 0, 1, Cst)));
        Assert.That(overdue.GetProperty("overdueAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 10, 15, 0, 0, 1, Cst)));

        // Sessions signed in two weeks ago (on the fake clock) have expired: sign in again, as people would.
        using var supervisor = await running.AsAsync("supervisor");
        using var handler = await running.AsAsync("handler");
        var breaches = await supervisor.GetFromJsonAsync<JsonElement>("/api/audit/breaches?from=2025-10-01&to=2025-10-31&kind=task-order");
        var breach = breaches.EnumerateArray().Single(b => b.GetProperty("taskOrderId").GetGuid() == id);
        Assert.That(breach.GetProperty("timeline").GetString(), Is.EqualTo($"/api/incidents/{incidentId}"));
        Assert.That(breach.GetProperty("lateSeconds").GetDouble(), Is.EqualTo(2));

        var overdueList = await handler.GetFromJsonAsync<JsonElement>("/api/task-orders?overdue=true");
        Assert.That(overdueList.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()), Does.Contain(id));

        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/assessment?from=2025-09-01&to=2025-10-31&groupBy=organisation");
        var cg = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "CG-YUNFENG");
        Assert.That(cg.GetProperty("overdueOpen").GetInt32(), Is.GreaterThanOrEqualTo(1));
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/assessment?from=2025-09-01&to=2025-10-31");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await supervisor.SendAsync(csvRequest);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That((await handler.GetAsync("/api/assessment?from=2025-09-01&to=2025-10-31")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        // A supervisor of the neighbouring street audits their own street: none of this is theirs.
        using var elsewhere = await running.AsAsync("sup-elsewhere");
        var theirBreaches = await elsewhere.GetFromJsonAsync<JsonElement>("/api/audit/breaches?from=2025-10-01&to=2025-10-31");
        Assert.That(theirBreaches.EnumerateArray().Select(b => b.GetProperty("incidentId").GetGuid()), Does.Not.Contain(incidentId));
        var theirReport = await elsewhere.GetFromJsonAsync<JsonElement>("/api/assessment?from=2025-09-01&to=2025-10-31&groupBy=organisation");
        Assert.That(theirReport.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()), Does.Not.Contain("CG-YUNFENG"));

        var file = Path.Combine(Path.GetTempPath(), $"assessment-{Guid.NewGuid():N}.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync(["report", "assessment", "--from", "2025-09-01", "--to", "2025-10-31", "--group-by", "street", "--csv", file,
            "--server", running.Address.ToString(), "--user", "supervisor", "--password", Session.DemoPassword], output, error);
        Assert.That(exit, Is.Zero, error.ToString());
        Assert.That(await File.ReadAllTextAsync(file), Does.Contain("330102007"));
        File.Delete(file);
    }

    [Test]
    public async Task ComplexGridEvent_RoutedToAnOrganisation_GetsATaskOrderByItself()
    {
        var response = await machine.PostAsJsonAsync("/api/intake/grid-events", new
        {
            eventId = "GE-to-complex", reportedAt = clock.GetUtcNow().ToString("O"), reporter = "网格员张三", reporterKind = "GridMember", tier = "Complex",
            categoryCode = "noise", description = "工地夜间施工多部门协调", location = new { lon = 120.215, lat = 30.29 },
        });
        Assert.That((int)response.StatusCode, Is.LessThan(300), await response.Content.ReadAsStringAsync());

        var order = await Eventually.GetValueAsync(async () =>
        {
            var list = await operatorClient.GetFromJsonAsync<JsonElement>("/api/task-orders");
            return list.EnumerateArray().Where(o => o.GetProperty("source").GetString() == "ComplexGridEvent").Select(o => (JsonElement?)o).FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the grid event's task order");

        Assert.That(order.GetProperty("instructions").GetString(), Is.EqualTo("工地夜间施工多部门协调"));
    }
}
