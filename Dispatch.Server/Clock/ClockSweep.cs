namespace Dispatch.Server.Clock;

/// <summary>
/// One pass of the sweeper: read what is due, decide, fire with conditional updates. Separate from the hosted
/// loop so the benchmark runs exactly what the server runs.
/// </summary>
public sealed class ClockSweep(ClockStore store, ClockOptions options)
{
    /// <summary>Fires one batch due at <paramref name="now"/>; <c>More</c> when the batch was full and more may wait.</summary>
    public async Task<(IReadOnlyList<ClockChange> Fired, bool More)> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(now, options.BatchSize, cancellationToken);
        var changes = due.Select(c => ClockRules.Fire(c, now, options.LateAfter)).OfType<ClockChange>().ToList();
        var fired = await store.FireAsync(changes, cancellationToken);
        return (fired, due.Count >= options.BatchSize);
    }
}
