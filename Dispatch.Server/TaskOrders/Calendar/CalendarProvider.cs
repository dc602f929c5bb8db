namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>
/// The calendar every due time is computed on. Readers take <see cref="Current"/> once per computation; an
/// import swaps in a whole new snapshot, so no reader ever sees half a year. The swap is per process: another
/// node sees an import on its next start (a bus message to reload everywhere comes with multi-node task orders).
/// </summary>
public sealed class CalendarProvider
{
    // Until the database has been read, the years shipped with the server: never a calendar that knows nothing.
    private WorkingCalendar current = new(HolidayFile.Embedded());

    public WorkingCalendar Current => Volatile.Read(ref current);

    public void Swap(WorkingCalendar calendar) => Volatile.Write(ref current, calendar);

    /// <summary>Rebuilds the snapshot from the database and swaps it in.</summary>
    public async Task<WorkingCalendar> ReloadAsync(CalendarStore store, CancellationToken cancellationToken)
    {
        var calendar = new WorkingCalendar(await store.LoadAsync(cancellationToken));
        Swap(calendar);
        return calendar;
    }
}

/// <summary>
/// At start-up, after the migrations: stores the shipped years the database lacks (an imported year, even an
/// older correction, is never overwritten), then loads the snapshot from the database.
/// </summary>
internal sealed class CalendarStartup(
    CalendarStore store, CalendarProvider provider, TimeProvider clock, ILogger<CalendarStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.YearsAsync(cancellationToken)).Select(y => y.Year).ToHashSet();
        foreach (var file in HolidayFile.Embedded().Where(f => !stored.Contains(f.Year)))
        {
            await store.ImportAsync(file, CalendarStore.EmbeddedSource, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Imported the shipped calendar for {CalendarYear} with {CalendarDays} listed days",
                file.Year, file.Days.Count);
        }

        var calendar = await provider.ReloadAsync(store, cancellationToken);
        var status = calendar.StatusOn(WorkingCalendar.Today(clock));
        if (status.FallbackYears.Count > 0)
        {
            logger.LogWarning("Working-day calendar incomplete: {CalendarStatus}", status.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
