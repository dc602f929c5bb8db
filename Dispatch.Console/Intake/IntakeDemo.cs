using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dispatch.Console.Alerts;
using Spectre.Console;

namespace Dispatch.Console.Intake;

public sealed record DemoOptions(int Count, double Rate, int? Seed, Uri Server);

/// <summary>A seeded generator as the demo loop sees it: the run id, and the next submission's id and JSON.</summary>
public sealed record DemoSource(string RunId, Func<DateTimeOffset, (string? Id, string Json)> Next);

/// <summary>
/// <c>dispatch alert demo</c> and <c>dispatch grid-event demo</c>: generated submissions sent at a steady rate,
/// with a live progress bar and a summary. Each is generated just before it is sent, so its time is its real send time.
/// </summary>
public static class IntakeDemo
{
    public const double DefaultRate = 5;

    /// <summary>Enough to keep a local server busy at high rates without queueing hundreds of requests in the client.</summary>
    public const int MaxConcurrency = 8;

    private const int RejectionsShown = 5;

    /// <param name="kind">Which intake route, and the words for what is sent.</param>
    /// <param name="options">Count, rate, seed and server.</param>
    /// <param name="createSource">Makes the generator from the seed.</param>
    /// <param name="output">Where the progress bar and summary go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<int> RunAsync(
        IntakeKind kind, DemoOptions options, Func<int, DemoSource> createSource, TextWriter output, CancellationToken cancellationToken)
    {
        var console = Terminal.For(output);
        var seed = options.Seed ?? Random.Shared.Next();
        var generator = createSource(seed);
        var serverText = AlertSender.ServerText(options.Server);
        var rateText = options.Rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{options.Rate:0.##}/s") : "full speed";
        console.MarkupLineInterpolated(
            $"Sending [bold]{options.Count}[/] demo {kind.Plural} to [blue]{serverText}[/] at {rateText} (seed {seed}, run {generator.RunId}; replay with --seed {seed})");

        var tally = new Tally();
        var stopwatch = Stopwatch.StartNew();
        using var http = AlertSender.CreateHttpClient();
        var sender = new IntakeSender(http, options.Server, kind);
        using var gate = new SemaphoreSlim(MaxConcurrency);

        // Cancelled by Ctrl+C, or when the server turns out unreachable: no point sending the rest.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(tally.Describe(), maxValue: options.Count);
                var inFlight = new List<Task>();
                try
                {
                    for (var i = 0; i < options.Count; i++)
                    {
                        if (options.Rate > 0)
                        {
                            // Scheduled from the start rather than per submission, so slow answers do not lower the rate.
                            var wait = TimeSpan.FromSeconds(i / options.Rate) - stopwatch.Elapsed;
                            if (wait > TimeSpan.Zero)
                            {
                                await Task.Delay(wait, stop.Token);
                            }
                        }

                        await gate.WaitAsync(stop.Token);
                        var (id, json) = generator.Next(TimeProvider.System.GetUtcNow());
                        inFlight.Add(SendOneAsync(id, json, bar));
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Fall through: wait for what is already on the wire, then summarise.
                }

                await Task.WhenAll(inFlight);
            });

        stopwatch.Stop();
        WriteSummary(console, tally, stopwatch.Elapsed);

        if (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]interrupted[/]");
            return ExitCodes.Interrupted;
        }

        return tally.Failed > 0 ? ExitCodes.Unavailable
            : tally.Rejected > 0 ? ExitCodes.Rejected
            : ExitCodes.Ok;

        async Task SendOneAsync(string? id, string json, ProgressTask bar)
        {
            try
            {
                // The caller's token, not stop: a submission already on its way is allowed to finish.
                var result = await sender.SendAsync(json, cancellationToken);
                tally.Record(id, result);
                bar.Increment(1);
                bar.Description = tally.Describe();
                if (result is SendFailed { Unreachable: true })
                {
                    await stop.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: not counted as sent.
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private static void WriteSummary(IAnsiConsole console, Tally tally, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var table = new Table()
            .Title("Demo run 演示结果")
            .AddColumn("")
            .AddColumn(new TableColumn("").RightAligned())
            .HideHeaders();
        table.AddRow("sent 已发送", tally.Sent.ToString(CultureInfo.InvariantCulture));
        table.AddRow("accepted 已受理", tally.Accepted.ToString(CultureInfo.InvariantCulture));
        table.AddRow("rejected 被拒绝", tally.Rejected.ToString(CultureInfo.InvariantCulture));
        table.AddRow("failed 失败", tally.Failed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("elapsed 用时", string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s"));
        table.AddRow("rate 速率", string.Create(CultureInfo.InvariantCulture, $"{tally.Sent / seconds:0.0} /s"));
        console.Write(table);

        foreach (var (id, problem) in tally.Rejections)
        {
            console.MarkupLineInterpolated($"[red]✗ {id} rejected ({problem.Status}): {problem.Title}[/]");
            foreach (var line in IntakeCommands.ProblemLines(problem))
            {
                console.WriteLine("    " + line);
            }
        }

        if (tally.Rejected > tally.Rejections.Count)
        {
            console.WriteLine($"… and {tally.Rejected - tally.Rejections.Count} more rejected.");
        }

        if (tally.FirstFailure is { } failure)
        {
            console.MarkupLineInterpolated($"[red]✗ {failure}[/]");
        }
    }

    /// <summary>Counters updated from concurrent sends.</summary>
    private sealed class Tally
    {
        private int accepted, rejected, failed;
        private readonly ConcurrentQueue<(string Id, SendRejected Problem)> rejections = new();
        private string? firstFailure;

        public int Accepted => Volatile.Read(ref accepted);
        public int Rejected => Volatile.Read(ref rejected);
        public int Failed => Volatile.Read(ref failed);
        public int Sent => Accepted + Rejected + Failed;
        public ConcurrentQueue<(string Id, SendRejected Problem)> Rejections => rejections;
        public string? FirstFailure => Volatile.Read(ref firstFailure);

        public void Record(string? id, SendResult result)
        {
            switch (result)
            {
                case SendAccepted:
                    Interlocked.Increment(ref accepted);
                    break;
                case SendRejected problem:
                    if (Interlocked.Increment(ref rejected) <= RejectionsShown)
                    {
                        rejections.Enqueue((id ?? "?", problem));
                    }

                    break;
                case SendFailed failure:
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure.Message, null);
                    break;
            }
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"sent {Sent} · [green]accepted {Accepted}[/] · [yellow]rejected {Rejected}[/] · [red]failed {Failed}[/]");
    }
}
