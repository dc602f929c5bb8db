using System.Diagnostics;

namespace Dispatch.Tests.Support;

/// <summary>The test virtual host's queues as the broker counts them (rabbitmqctl).</summary>
public static class RabbitQueues
{
    /// <summary>
    /// Waits until every queue that has a consumer holds no message, ready or unacknowledged. A consumer publishes
    /// what follows before it acknowledges, so then nothing is in flight through the bus: the pipeline is idle.
    /// (Queues with no consumer, such as error queues or a killed node's, cannot drain and are not waited for.)
    /// </summary>
    public static Task IdleAsync(TimeSpan timeout) =>
        Eventually.GetAsync(async () => await InFlightAsync() == 0 ? "" : null, timeout, "every consumed queue to be empty and acknowledged");

    private static async Task<long> InFlightAsync()
    {
        var vhost = Uri.UnescapeDataString(TestEnvironment.RabbitMq.AbsolutePath.TrimStart('/'));
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", $"list_queues -q --no-table-headers -p \"{(vhost.Length == 0 ? "/" : vhost)}\" messages consumers")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed ({process.ExitCode}): {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 2 && long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) > 0)
            .Sum(f => long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture));
    }
}
