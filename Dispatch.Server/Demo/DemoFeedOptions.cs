using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// The live demo feed, configuration section <c>Demo</c> (beside <c>Demo:Seed</c>): <c>Demo:Feed</c> turns it on
/// (true in appsettings.Development.json, false by default, refused in Production), the other keys shape it.
/// </summary>
public sealed class DemoFeedOptions
{
    public const string Section = "Demo";

    /// <summary><c>Demo:Feed</c>: invent alerts and grid events and play the demo responders.</summary>
    public bool Feed { get; set; }

    /// <summary><c>Demo:FeedIntervalSeconds</c>: the mean time between two arrivals; each gap is drawn from ⅔ to 4⁄3 of it.</summary>
    public int FeedIntervalSeconds { get; set; } = 30;

    /// <summary><c>Demo:FeedSeed</c>: seeds every random choice, so a demo can be replayed; a random seed when absent.</summary>
    public int? FeedSeed { get; set; }

    /// <summary><c>Demo:FeedMaxOpen</c>: the feed waits while this many of its incidents are still open, so the screens stay readable.</summary>
    public int FeedMaxOpen { get; set; } = 12;

    /// <summary><c>Demo:FeedGridEventShare</c>: the share of arrivals that are grid events rather than 110 alerts.</summary>
    public double FeedGridEventShare { get; set; } = 0.35;

    /// <summary>
    /// <c>Demo:FeedDispatchShare</c>: the share of incidents that auto-dispatch leaves alone which the feed dispatches
    /// itself after a few seconds; the rest wait for the operator (for <see cref="FeedOperatorGraceSeconds"/>).
    /// </summary>
    public double FeedDispatchShare { get; set; } = 0.75;

    /// <summary><c>Demo:FeedOperatorGraceSeconds</c>: how long an incident left for the operator waits before the feed takes it.</summary>
    public int FeedOperatorGraceSeconds { get; set; } = 300;

    /// <summary><c>Demo:FeedTickMs</c>: how often the feed looks at the clock (real time); tests shorten it.</summary>
    public int FeedTickMs { get; set; } = 1000;

    public TimeSpan Interval => TimeSpan.FromSeconds(FeedIntervalSeconds);

    public TimeSpan OperatorGrace => TimeSpan.FromSeconds(FeedOperatorGraceSeconds);

    public TimeSpan Tick => TimeSpan.FromMilliseconds(FeedTickMs);

    /// <summary>Every problem with the configured values, worded for the person editing appsettings.json.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FeedIntervalSeconds is < 1 or > 86_400)
        {
            problems.Add("Demo:FeedIntervalSeconds must be from 1 to 86400, e.g. 30 for one arrival every 20–40 s.");
        }

        if (FeedMaxOpen is < 1 or > 1000)
        {
            problems.Add("Demo:FeedMaxOpen must be from 1 to 1000, e.g. 12.");
        }

        if (!(FeedGridEventShare is >= 0 and <= 1))
        {
            problems.Add("Demo:FeedGridEventShare must be from 0 to 1, e.g. 0.35.");
        }

        if (!(FeedDispatchShare is >= 0 and <= 1))
        {
            problems.Add("Demo:FeedDispatchShare must be from 0 to 1, e.g. 0.75.");
        }

        if (FeedOperatorGraceSeconds is < 1 or > 86_400)
        {
            problems.Add("Demo:FeedOperatorGraceSeconds must be from 1 to 86400, e.g. 300.");
        }

        if (FeedTickMs is < 10 or > 60_000)
        {
            problems.Add("Demo:FeedTickMs must be from 10 to 60000, e.g. 1000.");
        }

        return problems;
    }
}

/// <summary>Refuses to start with a feed configuration that makes no sense, naming the key to fix.</summary>
internal sealed class DemoFeedOptionsValidator : IValidateOptions<DemoFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoFeedOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
