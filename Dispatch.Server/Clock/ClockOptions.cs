using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>Configuration section <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>The warning point as a fraction of each clock's time (<c>Clock:WarnFraction</c>, default 0.8).</summary>
    public double WarnFraction { get; set; } = 0.8;

    /// <summary>How often the sweeper looks for due clocks (<c>Clock:SweepIntervalMs</c>); well under the 1 s promise.</summary>
    public int SweepIntervalMs { get; set; } = 200;

    /// <summary>Clocks fired per transaction (<c>Clock:BatchSize</c>); a full batch is followed at once by the next.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A breach fired later than this after its due time is marked late (<c>Clock:LateAfterMs</c>).</summary>
    public int LateAfterMs { get; set; } = 1000;

    public TimeSpan SweepInterval => TimeSpan.FromMilliseconds(SweepIntervalMs);

    public TimeSpan LateAfter => TimeSpan.FromMilliseconds(LateAfterMs);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(WarnFraction is > 0 and < 1))
        {
            problems.Add("Clock:WarnFraction must be above 0 and below 1, e.g. 0.8 to warn at 80% of each clock's time.");
        }

        if (SweepIntervalMs is < 10 or > 1000)
        {
            problems.Add("Clock:SweepIntervalMs must be from 10 to 1000: clocks must fire within a second of their due time.");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            problems.Add("Clock:BatchSize must be from 1 to 10000.");
        }

        if (LateAfterMs < 0)
        {
            problems.Add("Clock:LateAfterMs must not be negative.");
        }

        return problems;
    }
}

/// <summary>Refuses to start with a clock configuration that cannot keep the promise, naming the key to fix.</summary>
internal sealed class ClockOptionsValidator : IValidateOptions<ClockOptions>
{
    public ValidateOptionsResult Validate(string? name, ClockOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
