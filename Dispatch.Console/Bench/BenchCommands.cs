using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dispatch.Console.Bench;

/// <summary><c>dispatch bench locate | address | classify | pipeline | clocks</c>: BenchmarkDotNet ones in process (no child build), Release only.</summary>
public static class BenchCommands
{
    public static Command Build()
    {
        var bench = new Command("bench", "Benchmarks (build in Release: dotnet run -c Release --project Dispatch.Console -- bench …).");
        var locate = new Command("locate", "Locate against 10,000 synthetic grid cells, side by side with an unprepared STR-tree baseline.");
        locate.SetAction(parse => RunInProcess<LocateBenchmarks>("locate", parse.InvocationConfiguration.Error));
        var classify = new Command("classify", "Classify a text with the shipped model, side by side with the keyword scoring it replaced (the mean is per text).");
        classify.SetAction(parse => RunInProcess<ClassifyBenchmarks>("classify", parse.InvocationConfiguration.Error));
        bench.Subcommands.Add(locate);
        var address = new Command("address", "Match address texts against a synthetic register of 50,000 addresses (the mean is per text: BenchmarkDotNet divides each 1,000-text operation).");
        address.SetAction(parse => RunInProcess<AddressBenchmarks>("address", parse.InvocationConfiguration.Error));
        bench.Subcommands.Add(address);
        bench.Subcommands.Add(classify);
        bench.Subcommands.Add(PipelineCommand());
        bench.Subcommands.Add(ClockBench.Build());
        return bench;
    }

    private static int RunInProcess<T>(string name, TextWriter error)
    {
        // In process: a child build needs a full package source and minutes on two shared cores; the
        // baseline in the same run keeps the ratio meaningful on a noisy machine.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .WithOptions(ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run<T>(config);
        if (summary.HasCriticalValidationErrors)
        {
            error.WriteLine($"Benchmark refused to run (see above); build in Release: dotnet run -c Release --project Dispatch.Console -- bench {name}");
            return ExitCodes.Rejected;
        }

        return ExitCodes.Ok;
    }

    private static readonly System.Text.Json.JsonSerializerOptions IndentedJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    private static Command PipelineCommand()
    {
        var server = new Option<string>("--server") { Description = "The running server (default: $DISPATCH_SERVER, else http://localhost:5080).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DISPATCH_SERVER") ?? "http://localhost:5080" };
        var amqp = new Option<string>("--amqp") { Description = "Its broker, with the virtual host (default: $DISPATCH_AMQP, else amqp://guest:guest@localhost:5672/).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DISPATCH_AMQP") ?? "amqp://guest:guest@localhost:5672/" };
        var rate = new Option<double>("--rate") { Description = "Alerts per second; 0 sends 5,000 as fast as the broker confirms.", DefaultValueFactory = _ => 200 };
        var duration = new Option<double>("--duration") { Description = "Seconds to send for (with --rate > 0).", DefaultValueFactory = _ => 30 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file." };
        var pipeline = new Command("pipeline", "Alert-to-screen latency and throughput through RabbitMQ, side by side with a raw publish → consume baseline. "
            + "Run the server with Routing__DuplicateRadiusMetres=0, so that every demo alert opens its own incident instead of joining a nearby one.")
        {
            server, amqp, rate, duration, json,
        };
        pipeline.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            PipelineBenchResult result;
            try
            {
                result = await PipelineBench.RunAsync(new Uri(parse.GetValue(server)!), new Uri(parse.GetValue(amqp)!), parse.GetValue(rate),
                    TimeSpan.FromSeconds(parse.GetValue(duration)), output, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"bench pipeline: {ex.Message}");
                return ExitCodes.Unavailable;
            }

            await output.WriteLineAsync($"{"phase",-58} {"sent",6} {"recv",6} {"msg/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            foreach (var p in new[] { result.Pipeline, result.Baseline })
            {
                await output.WriteLineAsync(System.FormattableString.Invariant($"{p.Name,-58} {p.Sent,6} {p.Received,6} {p.PerSecond,8:0.0} {p.P50Ms,8:0.00} {p.P95Ms,8:0.00} {p.P99Ms,8:0.00} {p.MaxMs,8:0.00}"));
            }

            await output.WriteLineAsync(System.FormattableString.Invariant($"pipeline throughput = {result.ThroughputRatio:0.00} × baseline"));
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, System.Text.Json.JsonSerializer.Serialize(result, IndentedJson), cancellationToken);
            }

            if (result.Pipeline.Received < result.Pipeline.Sent)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"{result.Pipeline.Sent - result.Pipeline.Received} alerts never reached the screen as new incidents (lost, too slow, or joined a nearby incident: is Routing__DuplicateRadiusMetres=0 set on the server?).");
                return ExitCodes.Unavailable;
            }

            return ExitCodes.Ok;
        });
        return pipeline;
    }
}
