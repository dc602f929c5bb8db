using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using RabbitMQ.Client;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The whole slice on a real RabbitMQ and PostgreSQL: alert in over HTTP or raw AMQP, incident stored,
/// <c>IncidentOpened</c> pushed to a SignalR client on a real port.
/// </summary>
[NonParallelizable]
public sealed class RabbitMqPipelineTests
{
    private RunningServer running = null!;
    private HttpClient intake = null!;
    private HttpClient http = null!;
    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        running = await RunningServer.StartAsync("PostgreSql", TestEnvironment.RabbitMq);
        db = running.Database;

        // The 110 platform posts with its API key; an operator reads the incidents.
        intake = running.Machine();
        http = await running.AsAsync("operator");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        intake.Dispose();
        http.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task HttpAlert_OverRabbitMq_ReachesASignalRClient()
    {
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var alertId = "110-rmq-" + Guid.NewGuid().ToString("N")[..8];
        var expected = IncidentReference.ForAlert(alertId);
        var pushed = screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == expected, TimeSpan.FromSeconds(15));

        var response = await intake.PostAsJsonAsync("/api/intake/alerts", Alert(alertId, "neighbour-dispute", "楼上楼下因漏水发生争吵"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = await pushed;
        Assert.That(incident.GetProperty("kind").GetString(), Is.EqualTo("Dispute"));
        Assert.That(incident.GetProperty("description").GetString(), Is.EqualTo("楼上楼下因漏水发生争吵"));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM incidents WHERE id = @Id", new { Id = expected.ToString() }), Is.EqualTo(1));
    }

    [Test]
    public async Task RawJsonPublishedToTheIntakeExchange_BecomesAnIncident()
    {
        await using var screen = await running.ConnectHubAsync();
        await screen.InvokeAsync("WatchIncidents");
        var alertId = "110-amqp-" + Guid.NewGuid().ToString("N")[..8];
        var expected = IncidentReference.ForAlert(alertId);
        var pushed = screen.WaitForCallAsync("IncidentOpened", i => i.GetProperty("id").GetGuid() == expected, TimeSpan.FromSeconds(15));

        // As the 110 platform would: any AMQP client, a plain JSON body, no MassTransit envelope.
        await PublishRawAsync(JsonSerializer.Serialize(Alert(alertId, "theft", "报警人称其店内手机被盗")));

        var incident = await pushed;
        Assert.That(incident.GetProperty("kind").GetString(), Is.EqualTo("Police"));
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{expected}");
        Assert.That(detail.GetProperty("alerts")[0].GetProperty("source").GetString(), Is.EqualTo("amqp"));
    }

    [Test]
    public async Task InvalidRawJson_GoesToTheErrorQueueAndTheNextAlertStillGetsThrough()
    {
        var goodId = "110-after-bad-" + Guid.NewGuid().ToString("N")[..8];
        var before = await ErrorQueueDepthAsync();

        await PublishRawAsync("""{"alertId":"","description":"缺少时间"}""");
        await PublishRawAsync("this is not json");
        await PublishRawAsync(JsonSerializer.Serialize(Alert(goodId, "noise", "夜间施工噪音扰民")));

        await Eventually.GetAsync(async () => (await http.GetAsync($"/api/incidents/{IncidentReference.ForAlert(goodId)}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(15), "the valid alert after the bad ones");
        var errors = await Eventually.GetAsync(async () =>
        {
            var count = await ErrorQueueDepthAsync();
            return count >= before + 2 ? (object)count : null;
        }, TimeSpan.FromSeconds(15), "both bad messages in the error queue");
        Assert.That(errors, Is.EqualTo(before + 2));
    }

    private static object Alert(string alertId, string category, string description) => new
    {
        alertId,
        receivedAt = DateTimeOffset.UtcNow.ToString("O"),
        categoryCode = category,
        description,
        address = "杭州市上城区九堡街道",
        location = new { lon = 120.26, lat = 30.30 },
    };

    private static async Task PublishRawAsync(string body)
    {
        var factory = new ConnectionFactory { Uri = TestEnvironment.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(RawAlertIntakeConsumer.QueueName, "", mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    private static async Task<uint> ErrorQueueDepthAsync()
    {
        var factory = new ConnectionFactory { Uri = TestEnvironment.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var queue = await channel.QueueDeclarePassiveAsync(RawAlertIntakeConsumer.QueueName + "_error");
            return queue.MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // MassTransit declares the error queue with the first fault.
        }
    }
}
