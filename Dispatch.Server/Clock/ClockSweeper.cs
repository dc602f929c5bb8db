using Dispatch.Contracts;
using Dispatch.Server.Operations.Metrics;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>
/// Raises <see cref="ClockWarning"/> and <see cref="ClockBreached"/> within a second of their time. Due times
/// live in the database, so after a restart whatever fell due while the server was down fires on the first pass
/// (marked late). Every node runs one; the conditional updates in <see cref="ClockStore.FireAsync"/> let only one
/// of them fire each clock. A message is published after its change commits: a crash in between loses the push
/// but never the stored breach (an outbox would close that gap).
/// </summary>
public sealed class ClockSweeper(
    ClockStore store,
    IBus bus,
    TimeProvider clock,
    IOptions<ClockOptions> options,
    DispatchMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<ClockSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing needs the bus, which starts after this service; the first pass waits for the whole app.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var sweep = new ClockSweep(store, options.Value);
        // A periodic timer keeps a tick that comes while a pass runs, where a delay started after the pass would
        // not see it: a moment that passes during a sweep is swept next, on the system clock and on a test's.
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                var now = clock.GetUtcNow();
                (var fired, more) = await sweep.RunOnceAsync(now, stoppingToken);
                foreach (var change in fired)
                {
                    await PublishAsync(change, now, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database or the bus is away for a moment: the due rows stay due, the next pass fires them.
                logger.LogError(ex, "Clock sweep failed; retrying in {SweepIntervalMs} ms", options.Value.SweepIntervalMs);
            }

            if (!more)
            {
                try
                {
                    await timer.WaitForNextTickAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PublishAsync(ClockChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var c = change.After;
        var lateness = now - (c.State == ClockState.Breached ? c.DueAt : c.WarnAt);
        metrics.ClockFired(c.Kind.ToString(), c.State == ClockState.Breached, c.Late, lateness);
        if (c.State == ClockState.Breached)
        {
            logger.LogWarning("Clock {ClockKind} of incident {IncidentId} breached (due {DueAt:O}, late {Late})", c.Kind, c.IncidentId, c.DueAt, c.Late);
            await bus.Publish(new ClockBreached(c.IncidentId, c.Kind, c.DueAt, now, c.Late), cancellationToken);
        }
        else
        {
            logger.LogInformation("Clock {ClockKind} of incident {IncidentId} warned (due {DueAt:O})", c.Kind, c.IncidentId, c.DueAt);
            await bus.Publish(new ClockWarning(c.IncidentId, c.Kind, c.DueAt, now), cancellationToken);
        }
    }
}
