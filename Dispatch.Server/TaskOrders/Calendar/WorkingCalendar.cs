namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>
/// A due time and how it was reached. <paramref name="Due"/> is the end of the last counted day: 24:00 in law,
/// represented as the last whole second, 23:59:59 +08:00 (a deadline "by 24:00 of day D" is met by anything
/// done at or before that instant).
/// </summary>
/// <param name="Due">23:59:59 +08:00 of the last counted working day.</param>
/// <param name="Fallback">True when a day counted or skipped lies in a year no notice was imported for (and no
/// other year's notice lists it), so that day was judged Monday–Friday only.</param>
/// <param name="Issued">The issue instant, shown in +08:00.</param>
/// <param name="WorkingDays">N, as asked.</param>
/// <param name="CountedDays">The N working days counted, in order; the last is the due day.</param>
/// <param name="FallbackYears">The years judged Monday–Friday only.</param>
public sealed record DueTime(
    DateTimeOffset Due, bool Fallback, DateTimeOffset Issued, int WorkingDays,
    IReadOnlyList<DateOnly> CountedDays, IReadOnlyList<int> FallbackYears);

/// <summary>Office hours on a working day, for limits in working hours (工作时). Each period is [From, To).</summary>
public sealed record OfficeHours(IReadOnlyList<(TimeOnly From, TimeOnly To)> Periods)
{
    /// <summary>08:30–12:00 and 13:30–17:30, the usual hours of a street office (7.5 h).</summary>
    public static readonly OfficeHours Default = new([
        (new TimeOnly(8, 30), new TimeOnly(12, 0)),
        (new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ]);
}

/// <summary>What the calendar knows now, for readiness and the supervisors' banner.</summary>
/// <param name="KnownYears">Years with an imported notice.</param>
/// <param name="FallbackYears">Years that matter now (this year; from 1 December also the next) with no notice:
/// they are counted Monday–Friday.</param>
/// <param name="Message">Bilingual, for people; says what is counted how.</param>
public sealed record CalendarStatus(IReadOnlyList<int> KnownYears, IReadOnlyList<int> FallbackYears, string Message);

/// <summary>
/// China's working days as an immutable snapshot of the State Council notices: a listed day off is off even on a
/// weekday, a listed make-up day (调休) is a working day even on a Saturday or Sunday, and an unlisted day is a
/// working day Monday to Friday. Years without a notice fall back to Monday–Friday and every answer says so.
/// Pure: no clock, no database; build a new one to change it.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>
    /// Asia/Shanghai as a fixed +08:00. China has kept no daylight saving time since 1991 and the whole country
    /// uses one zone, so a fixed offset is exact for every date we count, and needs no tzdata on the host
    /// (Windows and slim containers name or lack the zone differently).
    /// </summary>
    public static readonly TimeSpan ShanghaiOffset = Operations.Parsing.ReportPeriod.ShanghaiOffset;

    /// <summary>The end of a day as this system represents it: the last whole second before 24:00.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <summary>More working days than any deadline asks for; guards against nonsense input.</summary>
    public const int MaxWorkingDays = 366;

    private readonly Dictionary<DateOnly, HolidayDay> listed = [];
    private readonly SortedSet<int> knownYears = [];

    /// <summary>
    /// Builds the snapshot from the years' notices. When two files list the same date (a December day in the next
    /// year's file and in its own), the later year's notice wins: it was published later.
    /// </summary>
    public WorkingCalendar(IEnumerable<HolidayFile> years)
    {
        foreach (var file in years.OrderBy(f => f.Year))
        {
            knownYears.Add(file.Year);
            foreach (var day in file.Days)
            {
                listed[day.Date] = day;
            }
        }
    }

    /// <summary>A calendar that knows no year: Monday–Friday everywhere.</summary>
    public static WorkingCalendar Empty { get; } = new([]);

    public IReadOnlyCollection<int> KnownYears => knownYears;

    public bool IsKnownYear(int year) => knownYears.Contains(year);

    /// <summary>The notice's entry for a date, if it lists one.</summary>
    public HolidayDay? Listed(DateOnly date) => listed.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) =>
        listed.TryGetValue(date, out var day)
            ? !day.IsOffDay
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself is never counted.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n) => CountWorkingDays(start, n)[^1];

    /// <summary>
    /// 民法典 art. 201/203 on working days: the day of issue is not counted, whatever the time of issue and
    /// whether or not it is a working day; the deadline is the end of the N-th working day after it, in
    /// Asia/Shanghai.
    /// </summary>
    public DueTime DueAt(DateTimeOffset issued, int workingDays)
    {
        var local = issued.ToOffset(ShanghaiOffset);
        var counted = CountWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        var last = counted[^1];
        var fallbackYears = new SortedSet<int>();
        for (var day = DateOnly.FromDateTime(local.DateTime).AddDays(1); day <= last; day = day.AddDays(1))
        {
            // A day another year's notice lists (2022-12-31 in the 2023 file) is known even if its own year is not.
            if (!IsKnownYear(day.Year) && !listed.ContainsKey(day))
            {
                fallbackYears.Add(day.Year);
            }
        }

        return new DueTime(
            new DateTimeOffset(last.ToDateTime(EndOfDay), ShanghaiOffset),
            fallbackYears.Count > 0, local, workingDays, counted, fallbackYears.ToList());
    }

    /// <summary>
    /// Working hours (工作时) from <paramref name="start"/>: counts only office hours on working days and
    /// answers the instant the last hour is used up. A start outside office hours begins at the next period.
    /// Holiday and make-up rules are those of <see cref="IsWorkingDay"/>.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, TimeSpan duration, OfficeHours? hours = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var periods = (hours ?? OfficeHours.Default).Periods;
        if (periods.Count == 0 || periods.All(p => p.To <= p.From))
        {
            throw new ArgumentException("Office hours need at least one period that ends after it starts.", nameof(hours));
        }

        var local = start.ToOffset(ShanghaiOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        var now = TimeOnly.FromDateTime(local.DateTime);
        var left = duration;
        for (var guard = 0; guard < 3 * MaxWorkingDays; guard++, day = day.AddDays(1), now = TimeOnly.MinValue)
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (from, to) in periods.Where(p => p.To > p.From).OrderBy(p => p.From))
            {
                var begin = now > from ? now : from;
                if (begin >= to)
                {
                    continue;
                }

                var available = to - begin;
                if (left <= available)
                {
                    return new DateTimeOffset(day.ToDateTime(begin).Add(left), ShanghaiOffset);
                }

                left -= available;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(duration), duration, "More working hours than a year holds.");
    }

    /// <summary>
    /// What is counted how on <paramref name="today"/> (Asia/Shanghai): this year must be known, and from
    /// 1 December the next year too, since deadlines issued then run into it.
    /// </summary>
    public CalendarStatus StatusOn(DateOnly today)
    {
        var needed = today.Month == 12 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        var missing = needed.Where(y => !IsKnownYear(y)).ToList();
        var known = knownYears.ToList();
        var knownText = known.Count == 0 ? "none" : string.Join(", ", known);
        var message = missing.Count == 0
            ? $"节假日已导入 {knownText} / Holidays imported for {knownText}."
            : string.Join(" ", missing.Select(y =>
                $"{y} 年节假日未导入，按周一至周五计算工作日 / {y} not imported: counting Monday–Friday."));
        return new CalendarStatus(known, missing, message);
    }

    /// <summary>Today's date in Asia/Shanghai.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ShanghaiOffset).DateTime);

    /// <summary>"周二 Tue": how a person reads a weekday here.</summary>
    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    // Written out rather than taken from CultureInfo: slim hosts run without ICU data.
    private static readonly string[] WeekdayNames = ["周日 Sun", "周一 Mon", "周二 Tue", "周三 Wed", "周四 Thu", "周五 Fri", "周六 Sat"];

    private List<DateOnly> CountWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxWorkingDays);
        var counted = new List<DateOnly>(n);
        for (var day = start.AddDays(1); counted.Count < n; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                counted.Add(day);
            }
        }

        return counted;
    }
}
