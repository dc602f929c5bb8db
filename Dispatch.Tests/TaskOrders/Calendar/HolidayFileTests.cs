using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Tests.TaskOrders.Calendar;

public sealed class HolidayFileTests
{
    private static HolidayFile.ParseResult Parse(string json) => HolidayFile.Parse(json);

    [Test]
    public void Parse_WhenAValidFileWithUpstreamExtras_ReadsIt()
    {
        var result = Parse("""
            {"$schema": "x", "$id": "y", "year": 2027, "papers": ["https://www.gov.cn/x"],
             "days": [{"name": "国庆节", "date": "2027-10-02", "isOffDay": true},
                      {"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
                      {"name": "国庆节", "date": "2027-10-09", "isOffDay": false}]}
            """);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.File!.Year, Is.EqualTo(2027));
        Assert.That(result.File.Days.Select(d => HolidayFile.Text(d.Date)), Is.EqualTo(new[] { "2027-10-01", "2027-10-02", "2027-10-09" }));
        Assert.That(result.File.Days[2].IsOffDay, Is.False);
    }

    [Test]
    public void Parse_WhenADecemberDayOfTheYearBefore_AcceptsIt()
    {
        // The 2023 notice gives 2022-12-31 to 元旦 2023.
        var result = Parse("""{"year": 2023, "days": [{"name": "元旦", "date": "2022-12-31", "isOffDay": true}]}""");

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase("not json", "$", "not valid JSON", TestName = "Parse_WhenNotJson_SaysSo")]
    [TestCase("[]", "$", "one JSON object", TestName = "Parse_WhenNotAnObject_SaysSo")]
    [TestCase("""{"days": []}""", "year", "year is missing", TestName = "Parse_WhenYearMissing_NamesYear")]
    [TestCase("""{"year": "2027", "days": []}""", "year", "whole number", TestName = "Parse_WhenYearIsText_NamesYear")]
    [TestCase("""{"year": 1999, "days": []}""", "year", "out of range", TestName = "Parse_WhenYearTooEarly_SaysOutOfRange")]
    [TestCase("""{"year": 2101, "days": []}""", "year", "out of range", TestName = "Parse_WhenYearTooLate_SaysOutOfRange")]
    [TestCase("""{"year": 2027}""", "days", "days is missing", TestName = "Parse_WhenDaysMissing_NamesDays")]
    [TestCase("""{"year": 2027, "days": [{"date": "2027-10-01", "isOffDay": true}]}""", "days[0].name", "name is missing", TestName = "Parse_WhenNameMissing_NamesTheDay")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "date": "2027-10-01"}]}""", "days[0].isOffDay", "isOffDay is missing", TestName = "Parse_WhenIsOffDayMissing_NamesTheDay")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "isOffDay": true}]}""", "days[0].date", "date is missing", TestName = "Parse_WhenDateMissing_NamesTheDay")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "date": "2027/10/01", "isOffDay": true}]}""", "days[0].date", "yyyy-MM-dd", TestName = "Parse_WhenDateHasSlashes_AsksForIso")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "date": "2027-13-01", "isOffDay": true}]}""", "days[0].date", "yyyy-MM-dd", TestName = "Parse_WhenMonth13_AsksForARealDate")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]}""", "days[0].date", "is not in 2027", TestName = "Parse_WhenDateInAnotherYear_SaysYearMismatch")]
    [TestCase("""{"year": 2027, "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}""", "days[0].date", "is not in 2027", TestName = "Parse_WhenDateInTheNextYear_SaysYearMismatch")]
    [TestCase("""{"year": 2027, "days": [{"name": "国庆节", "date": "2027-10-01", "isOffDay": true}, {"name": "国庆节", "date": "2027-10-01", "isOffDay": false}]}""", "days[1].date", "listed twice (also days[0])", TestName = "Parse_WhenADateIsListedTwice_NamesBoth")]
    public void Parse_WhenInvalid_NamesTheFieldAndTheFix(string json, string field, string message)
    {
        var result = Parse(json);

        Assert.That(result.File, Is.Null);
        Assert.That(result.Errors, Does.ContainKey(field));
        Assert.That(result.Errors[field].Single(), Does.Contain(message));
    }
}
