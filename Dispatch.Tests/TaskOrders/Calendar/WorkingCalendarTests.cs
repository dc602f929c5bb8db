using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Tests.TaskOrders.Calendar;

/// <summary>
/// Every expected value is worked out by hand from the State Council notices (the shipped holiday-cn files):
/// the day of issue is never counted; the deadline is 23:59:59 +08:00 of the N-th working day after it.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = new(HolidayFile.Embedded());

    private static DateTimeOffset Due(string issued, int n) => China.DueAt(DateTimeOffset.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), n).Due;

    private static DateTimeOffset EndOf(string day) =>
        DateTimeOffset.Parse(day + "T23:59:59+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Embedded_HoldsTheShippedYears() =>
        Assert.That(HolidayFile.Embedded().Select(f => f.Year), Is.EqualTo(new[] { 2023, 2024, 2025, 2026 }));

    [TestCase("2025-10-01", false, TestName = "IsWorkingDay_WhenNationalDayOnAWednesday_IsOff")]
    [TestCase("2025-10-11", true, TestName = "IsWorkingDay_WhenMakeUpSaturday_IsWorking")]
    [TestCase("2025-09-28", true, TestName = "IsWorkingDay_WhenMakeUpSunday_IsWorking")]
    [TestCase("2025-10-12", false, TestName = "IsWorkingDay_WhenUnlistedSunday_IsOff")]
    [TestCase("2025-10-09", true, TestName = "IsWorkingDay_WhenUnlistedThursday_IsWorking")]
    [TestCase("2026-01-04", true, TestName = "IsWorkingDay_WhenNewYearMakeUpSunday2026_IsWorking")]
    [TestCase("2022-12-31", false, TestName = "IsWorkingDay_WhenDecemberDayListedInNextYearsFile_IsOff")]
    public void IsWorkingDay(string date, bool working) =>
        Assert.That(China.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(working));

    [Test]
    public void DueAt_WhenIssuedBeforeNationalDay2025_IsEndOfOctober14()
    {
        // Issued Tue 30 Sep (not counted). 10/1–10/8 off; 10/9 Thu (1), 10/10 Fri (2), 10/11 Sat make-up (3),
        // 10/12 Sun off, 10/13 Mon (4), 10/14 Tue (5).
        var due = China.DueAt(DateTimeOffset.Parse("2025-09-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), 5);

        Assert.That(due.Due, Is.EqualTo(EndOf("2025-10-14")));
        Assert.That(due.Due.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
        Assert.That(due.Fallback, Is.False);
        Assert.That(due.CountedDays.Select(HolidayFile.Text),
            Is.EqualTo(new[] { "2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14" }));
    }

    // Spring Festival 2025: 1/28–2/4 off, 2/8 Sat make-up. Issued Mon 1/27: 2/5 (1), 2/6 (2), 2/7 (3), 2/8 Sat (4), 2/10 Mon (5).
    [TestCase("2025-01-27T09:00:00+08:00", 5, "2025-02-10", TestName = "DueAt_WhenIssuedOnTheEveOfSpringFestival2025_CountsTheMakeUpSaturday")]
    // Spring Festival 2026: 2/14 Sat make-up, 2/15–2/23 off. Issued Fri 2/13: 2/14 Sat (1), 2/24 (2), 2/25 (3), 2/26 (4), 2/27 (5).
    [TestCase("2026-02-13T16:00:00+08:00", 5, "2026-02-27", TestName = "DueAt_WhenIssuedBeforeSpringFestival2026_StartsOnTheMakeUpSaturday")]
    // 2026: 9/20 Sun make-up. Issued Fri 9/18: 9/19 Sat off, 9/20 Sun (1), 9/21 (2), 9/22 (3), 9/23 (4), 9/24 Thu (5).
    [TestCase("2026-09-18T10:00:00+08:00", 5, "2026-09-24", TestName = "DueAt_WhenAMakeUpSundayFollows_CountsIt")]
    // 2026: 中秋 9/25–9/27 off, 国庆 10/1–10/7 off. Issued Thu 9/24: 9/28 (1), 9/29 (2), 9/30 (3), 10/8 (4), 10/9 (5).
    [TestCase("2026-09-24T10:00:00+08:00", 5, "2026-10-09", TestName = "DueAt_WhenMidAutumnAndNationalDay2026_SkipsBoth")]
    // 2026: issued Wed 9/30: 10/1–10/7 off, 10/8 Thu (1), 10/9 Fri (2), 10/10 Sat make-up (3), 10/12 Mon (4), 10/13 Tue (5).
    [TestCase("2026-09-30T10:00:00+08:00", 5, "2026-10-13", TestName = "DueAt_WhenIssuedBeforeNationalDay2026_CountsOctober10")]
    // Year end: issued Tue 2025-12-30: 12/31 (1), 2026-01-01..03 off, 1/4 Sun make-up (2), 1/5 (3), 1/6 (4), 1/7 (5).
    [TestCase("2025-12-30T10:00:00+08:00", 5, "2026-01-07", TestName = "DueAt_WhenRunningIntoNewYear2026_SkipsYuandanAndCountsJanuary4")]
    // The day of issue is not counted whatever the hour: 00:00:00 and 23:59:59 on 9/30 both give 10/14.
    [TestCase("2025-09-30T00:00:00+08:00", 5, "2025-10-14", TestName = "DueAt_WhenIssuedAtMidnightStartingTheDay_DoesNotCountThatDay")]
    [TestCase("2025-09-30T23:59:59+08:00", 5, "2025-10-14", TestName = "DueAt_WhenIssuedAtTheLastSecondOfTheDay_GivesTheSameDeadline")]
    // 2025-09-29T17:00:00Z is 2025-09-30 01:00 in Shanghai: the issue day is 9/30, as above.
    [TestCase("2025-09-29T17:00:00Z", 5, "2025-10-14", TestName = "DueAt_WhenUtcFallsOnTheNextShanghaiDate_CountsFromTheShanghaiDate")]
    // 2025-09-29T15:59:59Z is Mon 9/29 23:59:59 in Shanghai: 9/30 (1), 10/9 (2), 10/10 (3), 10/11 Sat (4), 10/13 (5).
    [TestCase("2025-09-29T15:59:59Z", 5, "2025-10-13", TestName = "DueAt_WhenUtcIsStillTheShanghaiDayBefore_CountsFromIt")]
    // Issued on a holiday (Fri 10/3/2025): 10/4–10/8 off; 10/9 (1), 10/10 (2), 10/11 Sat (3), 10/13 (4), 10/14 (5).
    [TestCase("2025-10-03T11:00:00+08:00", 5, "2025-10-14", TestName = "DueAt_WhenIssuedOnAHoliday_CountsFromTheNextWorkingDay")]
    // Issued on an ordinary Saturday 2025-11-15: 11/16 Sun off, 11/17 Mon (1) .. 11/21 Fri (5).
    [TestCase("2025-11-15T11:00:00+08:00", 5, "2025-11-21", TestName = "DueAt_WhenIssuedOnAWeekend_CountsFromMonday")]
    // Issued on a make-up Saturday (10/11/2025, a working day): not counted either; 10/12 Sun off, 10/13 Mon (1).
    [TestCase("2025-10-11T11:00:00+08:00", 1, "2025-10-13", TestName = "DueAt_WhenIssuedOnAMakeUpSaturday_DoesNotCountIt")]
    // N = 1: the first working day after 9/30/2025 is 10/9.
    [TestCase("2025-09-30T10:00:00+08:00", 1, "2025-10-09", TestName = "DueAt_WhenOneWorkingDay_IsTheEndOfTheNextWorkingDay")]
    // Spring Festival 2025 make-up Sunday 1/26: issued Fri 1/24, 1/25 Sat off, 1/26 Sun (1).
    [TestCase("2025-01-24T10:00:00+08:00", 1, "2025-01-26", TestName = "DueAt_WhenTheNextDayIsAMakeUpSunday_IsThatSunday")]
    public void DueAt(string issued, int workingDays, string dueDay)
    {
        Assert.That(Due(issued, workingDays), Is.EqualTo(EndOf(dueDay)));
        Assert.That(China.DueAt(DateTimeOffset.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), workingDays).Fallback, Is.False);
    }

    [Test]
    public void DueAt_WhenTheYearHasNoNotice_CountsMondayToFridayAndSaysSo()
    {
        // 2027 unknown: issued Thu 2027-09-30; 10/1 Fri (1), 10/4 Mon (2), 10/5 (3), 10/6 (4), 10/7 Thu (5).
        // (The real notice will surely move this; that is why the answer says fallback.)
        var due = China.DueAt(DateTimeOffset.Parse("2027-09-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), 5);

        Assert.That(due.Due, Is.EqualTo(EndOf("2027-10-07")));
        Assert.That(due.Fallback, Is.True);
        Assert.That(due.FallbackYears, Is.EqualTo(new[] { 2027 }));
    }

    [Test]
    public void DueAt_WhenRunningFromAKnownIntoAnUnknownYear_IsFallback()
    {
        // Wed 2026-12-30: 12/31 Thu (1), 2027-01-01 Fri (2, a working day by fallback), 1/4 (3), 1/5 (4), 1/6 (5).
        var due = China.DueAt(DateTimeOffset.Parse("2026-12-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), 5);

        Assert.That(due.Due, Is.EqualTo(EndOf("2027-01-06")));
        Assert.That(due.Fallback, Is.True);
    }

    [Test]
    public void DueAt_WhenTheDayOfIssueAloneIsInAnUnknownYear_IsNotFallback()
    {
        // Issued 2022-12-30 (2022 not shipped): only the days counted matter, and they are in 2023.
        // 12/31 off, 2023-01-01..02 off; 1/3 Tue (1).
        var due = China.DueAt(DateTimeOffset.Parse("2022-12-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), 1);

        Assert.That(due.Due, Is.EqualTo(EndOf("2023-01-03")));
        Assert.That(due.Fallback, Is.False);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(WorkingCalendar.MaxWorkingDays + 1)]
    public void DueAt_WhenWorkingDaysOutOfRange_Throws(int n) =>
        Assert.That(() => China.DueAt(DateTimeOffset.Parse("2025-09-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), n),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void AddWorkingDays_WhenStartIsAWorkingDay_DoesNotCountIt() =>
        Assert.That(China.AddWorkingDays(new DateOnly(2025, 11, 17), 1), Is.EqualTo(new DateOnly(2025, 11, 18)));

    [Test]
    public void IsKnownYear_KnowsOnlyTheImportedYears()
    {
        Assert.That(China.IsKnownYear(2026), Is.True);
        Assert.That(China.IsKnownYear(2027), Is.False);
        Assert.That(China.IsKnownYear(2022), Is.False, "2022-12-31 is listed in the 2023 file, but 2022 has no notice of its own");
    }

    // 08:30–12:00 and 13:30–17:30. Tue 2025-09-30 10:00 + 4 h: 10:00–12:00 (2 h), 13:30–15:30 (2 h).
    [TestCase("2025-09-30T10:00:00+08:00", 4.0, "2025-09-30T15:30:00+08:00", TestName = "AddWorkingHours_WhenWithinOneDay_SkipsLunch")]
    // 16:00 + 4 h: 16:00–17:30 (1.5 h); 10/1–10/8 off; Thu 10/9 08:30–11:00 (2.5 h).
    [TestCase("2025-09-30T16:00:00+08:00", 4.0, "2025-10-09T11:00:00+08:00", TestName = "AddWorkingHours_WhenRunningIntoAHoliday_ContinuesOnTheNextWorkingDay")]
    // Reported during lunch: starts at 13:30.
    [TestCase("2025-09-29T12:30:00+08:00", 2.0, "2025-09-29T15:30:00+08:00", TestName = "AddWorkingHours_WhenStartedAtLunch_StartsAfterLunch")]
    // Reported Saturday 2025-11-15: starts Monday 08:30.
    [TestCase("2025-11-15T09:00:00+08:00", 1.0, "2025-11-17T09:30:00+08:00", TestName = "AddWorkingHours_WhenStartedOnAWeekend_StartsMonday")]
    // Make-up Saturday 2025-10-11 is a working day with office hours.
    [TestCase("2025-10-10T17:00:00+08:00", 1.0, "2025-10-11T09:00:00+08:00", TestName = "AddWorkingHours_WhenTheNextDayIsAMakeUpSaturday_WorksOnIt")]
    public void AddWorkingHours(string start, double hours, string expected) =>
        Assert.That(
            China.AddWorkingHours(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(hours)),
            Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void StatusOn_WhenThisYearIsKnownBeforeDecember_HasNoFallback()
    {
        var status = China.StatusOn(new DateOnly(2026, 11, 30));

        Assert.That(status.KnownYears, Is.EqualTo(new[] { 2023, 2024, 2025, 2026 }));
        Assert.That(status.FallbackYears, Is.Empty);
    }

    [Test]
    public void StatusOn_FromDecemberFirst_WantsNextYear()
    {
        var status = China.StatusOn(new DateOnly(2026, 12, 1));

        Assert.That(status.FallbackYears, Is.EqualTo(new[] { 2027 }));
        Assert.That(status.Message, Does.Contain("2027 not imported: counting Monday–Friday"));
    }

    [Test]
    public void StatusOn_WhenThisYearIsUnknown_SaysSo() =>
        Assert.That(China.StatusOn(new DateOnly(2027, 3, 1)).FallbackYears, Is.EqualTo(new[] { 2027 }));
}
