using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

/// <summary>Task-order settings (<c>TaskOrders</c> section).</summary>
public sealed class TaskOrderOptions
{
    /// <summary>How often the sweeper looks for reminders and overdue orders. A mark is at most this late.</summary>
    public int SweepSeconds { get; set; } = 30;
}

/// <summary>
/// Raises the reminder at 00:00 Asia/Shanghai of the due day and <c>overdue</c> once the due time has passed.
/// Durable: both marks are columns, set by conditional updates, so after a restart it raises what it missed
/// (late) and never anything twice, on one node or many (the pattern of eShop's GracePeriodManagerService,
/// with the time passed in from <see cref="TimeProvider"/>).
/// </summary>
public sealed class TaskOrderSweeper(
    TaskOrderStore store, IBus bus, CalendarProvider calendar, TimeProvider clock, TaskOrderOptions options, ILogger<TaskOrderSweeper> logger) : BackgroundService
{
    /// <summary>One pass at <paramref name="now"/>: marks and announces what fell due. Answers how many marks it set.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminded = await store.MarkRemindersAsync(now, cancellationToken);
        foreach (var order in reminded)
        {
            logger.LogInformation("Task order {TaskOrderId} of {OrganisationCode}: last working day, due {DueAt}", order.Id, order.Organisation.Code, order.DueAt);
            await bus.Publish(new TaskOrderChanged(order.ToView(now, calendar.Current), TaskOrderActions.Reminder), cancellationToken);
        }

        var overdue = await store.MarkOverdueAsync(now, cancellationToken);
        foreach (var order in overdue)
        {
            logger.LogWarning("Task order {TaskOrderId} of {OrganisationCode} is overdue (due {DueAt})", order.Id, order.Organisation.Code, order.DueAt);
            await bus.Publish(new TaskOrderChanged(order.ToView(now, calendar.Current), TaskOrderActions.Overdue), cancellationToken);
        }

        return reminded.Count + overdue.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.SweepSeconds)), clock);
        do
        {
            try
            {
                await SweepAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged, not swallowed silently: the next pass retries, and nothing is marked that was not announced.
                logger.LogError(ex, "Task-order sweep failed; retrying in {SweepSeconds} s", options.SweepSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
