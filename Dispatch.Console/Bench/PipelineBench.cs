using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Demo;
using Dispatch.Server.Intake;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Dispatch.Console.Bench;

/// <summary>One phase's figures: how many, how fast, how late.</summary>
public sealed record PhaseResult(string Name, int Sent, int Received, double Seconds, double PerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

/// <summary>A whole run: the pipeline and, in the same run on the same broker, the raw baseline.</summary>
public sealed record PipelineBenchResult(DateTimeOffset At, string Machine, double Rate, double DurationSeconds, PhaseResult Pipeline, PhaseResult Baseline)
{
    public double ThroughputRatio => Baseline.PerSecond == 0 ? 0 : Pipeline.PerSecond / Baseline.PerSecond;
}

/// <summary>
/// <c>dispatch bench pipeline</c>: drives a running server through RabbitMQ with realistic alerts (raw JSON to the
/// intake exchange, as the 110 platform sends them) and times each one until its incident reaches a SignalR
/// client; then sends the same payloads publish → consume on a plain queue of the same broker, as the baseline.
/// </summary>
public static class PipelineBench
{
    public static async Task<PipelineBenchResult> RunAsync(Uri server, Uri amqp, double rate, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        var count = rate > 0 ? Math.Max(1, (int)(rate * duration.TotalSeconds)) : 5000;
        var generator = new DemoAlertGenerator(new Random(20261122), DemoAlertGenerator.NewRunId());
        var payloads = Enumerable.Range(0, count).Select(_ => generator.Next(DateTimeOffset.UtcNow)).ToList();

        await progress.WriteLineAsync($"Pipeline: {count} alerts at {(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) + "/s" : "full speed")} → {server} (hub) via {amqp.Host}");
        var pipeline = await PipelinePhaseAsync(server, amqp, payloads, rate, cancellationToken);
        await progress.WriteLineAsync($"Baseline: the same {count} payloads publish → consume on a plain queue");
        var baseline = await BaselinePhaseAsync(amqp, payloads, rate, cancellationToken);
        return new PipelineBenchResult(DateTimeOffset.UtcNow, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", rate, duration.TotalSeconds, pipeline, baseline);
    }

    private static async Task<PhaseResult> PipelinePhaseAsync(Uri server, Uri amqp, List<AlertSubmission> payloads, double rate, CancellationToken cancellationToken)
    {
        var cookie = await SignInCookieAsync(server, cancellationToken);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/command"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var latencies = new ConcurrentBag<double>();
        var lastReceived = 0L;
        hub.On<JsonElement>("IncidentOpened", incident =>
        {
            if (sentAt.TryRemove(incident.GetProperty("id").GetGuid(), out var started))
            {
                var now = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
                Interlocked.Exchange(ref lastReceived, now);
            }
        });
        await hub.StartAsync(cancellationToken);
        await hub.InvokeAsync("WatchIncidents", cancellationToken);

        var start = Stopwatch.GetTimestamp();
        await PublishPacedAsync(amqp, "dispatch.intake.alerts", "", payloads, rate,
            (alert, at) => sentAt[IncidentReference.ForAlert(alert.AlertId!)] = at, cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!sentAt.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        await hub.StopAsync(CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(start, Interlocked.Read(ref lastReceived) is > 0 and var l ? l : Stopwatch.GetTimestamp()).TotalSeconds;
        return Summarise("pipeline: RabbitMQ → intake → routing → store → SignalR", payloads.Count, latencies, seconds);
    }

    private static async Task<PhaseResult> BaselinePhaseAsync(Uri amqp, List<AlertSubmission> payloads, double rate, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "dispatch bench baseline" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var consumeChannel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = (await consumeChannel.QueueDeclareAsync($"dispatch.bench.baseline.{Guid.NewGuid():N}", durable: true, exclusive: false, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        await consumeChannel.BasicQosAsync(0, 200, false, cancellationToken);
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var lastReceived = 0L;
        var consumer = new AsyncEventingBasicConsumer(consumeChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // Parse like the pipeline's first hop does, so the baseline pays for reading the JSON too.
            var alert = JsonSerializer.Deserialize<AlertSubmission>(delivery.Body.Span, JsonSerializerOptions.Web);
            if (alert?.AlertId is { } id && sentAt.TryRemove(id, out var started))
            {
                var now = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
                Interlocked.Exchange(ref lastReceived, now);
            }

            await consumeChannel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await consumeChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);

        var start = Stopwatch.GetTimestamp();
        await PublishPacedAsync(amqp, "", queue, payloads, rate, (alert, at) => sentAt[alert.AlertId!] = at, cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!sentAt.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(start, Interlocked.Read(ref lastReceived) is > 0 and var l ? l : Stopwatch.GetTimestamp()).TotalSeconds;
        return Summarise("baseline: RabbitMQ.Client publish → consume", payloads.Count, latencies, seconds);
    }

    /// <summary>Publishes at a steady rate (0: as fast as confirms allow), persistent and confirmed in batches.</summary>
    private static async Task PublishPacedAsync(
        Uri amqp, string exchange, string routingKey, List<AlertSubmission> payloads, double rate, Action<AlertSubmission, long> sent, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "dispatch bench publisher" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task>();
        for (var i = 0; i < payloads.Count; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken);
                }
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(payloads[i], JsonSerializerOptions.Web);
            sent(payloads[i], Stopwatch.GetTimestamp());
            pending.Add(channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body, cancellationToken).AsTask());
            if (pending.Count >= 100)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private static PhaseResult Summarise(string name, int sent, ConcurrentBag<double> latencies, double seconds)
    {
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new PhaseResult(name, sent, sorted.Length, Math.Round(seconds, 2), Math.Round(sorted.Length / Math.Max(seconds, 0.001), 1),
            Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.95), 2), Math.Round(Percentile(0.99), 2), Math.Round(sorted.LastOrDefault(double.NaN), 2));
    }

    /// <summary>The hub needs a signed-in watcher; the CLI's --user/--password (or environment) name it.</summary>
    private static async Task<string> SignInCookieAsync(Uri server, CancellationToken cancellationToken)
    {
        var credentials = Dispatch.Console.Security.Credentials.Current;
        if (credentials.User is null)
        {
            throw new InvalidOperationException("bench pipeline watches the hub as a user: give --user and --password (e.g. the demo admin).");
        }

        using var http = new HttpClient { BaseAddress = server };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = credentials.User, password = credentials.Password ?? "" }, cancellationToken);
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in as {credentials.User} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
