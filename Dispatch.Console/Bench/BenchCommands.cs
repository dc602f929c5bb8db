using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dispatch.Console.Bench;

/// <summary><c>dispatch bench locate</c>: BenchmarkDotNet, in process (no child build), Release only.</summary>
public static class BenchCommands
{
    public static Command Build()
    {
        var bench = new Command("bench", "Benchmarks (build in Release: dotnet run -c Release --project Dispatch.Console -- bench …).");
        var locate = new Command("locate", "Locate against 10,000 synthetic grid cells, side by side with an unprepared STR-tree baseline.");
        locate.SetAction(parse =>
        {
            // In process: a child build needs a full package source and minutes on two shared cores; the
            // baseline in the same run keeps the ratio meaningful on a noisy machine.
            var config = DefaultConfig.Instance
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
                .WithOptions(ConfigOptions.JoinSummary);
            var summary = BenchmarkRunner.Run<LocateBenchmarks>(config);
            if (summary.HasCriticalValidationErrors)
            {
                parse.InvocationConfiguration.Error.WriteLine("Benchmark refused to run (see above); build in Release: dotnet run -c Release --project Dispatch.Console -- bench locate");
                return ExitCodes.Rejected;
            }

            return ExitCodes.Ok;
        });
        bench.Subcommands.Add(locate);
        bench.Subcommands.Add(ClockBench.Build());
        return bench;
    }
}
