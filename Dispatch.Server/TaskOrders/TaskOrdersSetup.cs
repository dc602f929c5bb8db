using Dispatch.Server.Operations;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.Security;

namespace Dispatch.Server.TaskOrders;

public static class TaskOrdersSetup
{
    /// <summary>The working-day calendar (task orders themselves come later). Call after <c>AddStorage</c>.</summary>
    public static WebApplicationBuilder AddTaskOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddSingleton<CalendarProvider>();
        builder.Services.AddHostedService<CalendarStartup>();
        builder.Services.AddHealthChecks()
            .AddCheck<CalendarHealthCheck>("calendar", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication MapTaskOrders(this WebApplication app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.People);
        calendar.MapGet("/status", CalendarEndpoints.Status)
            .WithName("CalendarStatus")
            .WithSummary("Years with a State Council notice, years counted Monday–Friday for lack of one, and a message for people.")
            .Produces<CalendarStatus>();
        calendar.MapGet("/due", CalendarEndpoints.Due)
            .WithName("DueTime")
            .WithSummary("The deadline of N working days from an issue time: the end (23:59:59 +08:00) of the N-th working day after the day of issue.")
            .Produces<DueTime>()
            .ProducesValidationProblem();
        calendar.MapGet("/years", CalendarEndpoints.Years)
            .WithName("CalendarYears")
            .WithSummary("The imported years with when and from where.")
            .Produces<IReadOnlyList<CalendarYear>>();
        calendar.MapGet("/years/{year:int}", CalendarEndpoints.Year)
            .WithName("CalendarYear")
            .WithSummary("One year's holidays and make-up working days.")
            .Produces<CalendarYearDays>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapPost("/years", CalendarEndpoints.Import).RequireAuthorization(Policies.Administer)
            .WithName("ImportCalendarYear")
            .WithSummary("Import a year's notice in the holiday-cn format {year, papers, days}; the same year again replaces it.")
            .Accepts<HolidayFile>("application/json")
            .Produces<CalendarImported>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }
}
