using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Messaging;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Messaging;

/// <summary>With <c>Bus:RabbitMq:QuorumQueues</c>, the durable work queues are quorum queues and the pipeline still runs.</summary>
[NonParallelizable]
public sealed class QuorumQueueTests
{
    [Test]
    public async Task QuorumQueues_WhenConfigured_DeclaresEveryWorkQueueAsQuorumAndAlertsFlow()
    {
        // A virtual host of its own: a queue's type is fixed when first declared.
        var vhost = "dispatch-quorum-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("rabbitmqctl", $"add_vhost {vhost}");
        var user = Uri.UnescapeDataString(TestEnvironment.RabbitMq.UserInfo.Split(':')[0]);
        await RunAsync("rabbitmqctl", $"set_permissions -p {vhost} {user} .* .* .*");
        try
        {
            var uri = new UriBuilder(TestEnvironment.RabbitMq) { Path = "/" + vhost }.Uri;
            await using var running = await RunningServer.StartAsync("PostgreSql", uri, settings: new Dictionary<string, string> { ["Bus:RabbitMq:QuorumQueues"] = "true" });
            using var platform = running.Machine();
            var response = await platform.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-quorum-1", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "仲裁队列测试" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await Eventually.GetAsync(async () => await running.Database.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id = '110-quorum-1'") == 1 ? "" : null,
                TimeSpan.FromSeconds(15), "the alert through quorum queues");

            var queues = (await RunAsync("rabbitmqctl", $"list_queues -p {vhost} --quiet --no-table-headers name type"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1]);
            Assert.That(ErrorQueues.SourceQueues.Select(q => queues.GetValueOrDefault(q)), Is.All.EqualTo("quorum"), string.Join(", ", queues));
        }
        finally
        {
            await RunAsync("rabbitmqctl", $"delete_vhost {vhost}");
        }
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
