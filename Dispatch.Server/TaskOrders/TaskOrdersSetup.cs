using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Operations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Assessment;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

public static class TaskOrdersSetup
{
    /// <summary>The working-day calendar, task orders, their sweeper and assessment. Call after <c>AddStorage</c>.</summary>
    public static WebApplicationBuilder AddTaskOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("TaskOrders").Get<TaskOrderOptions>() ?? new TaskOrderOptions());
        builder.Services.AddSingleton<TaskOrderStore>();
        builder.Services.AddSingleton<TaskOrderIssuer>();
        builder.Services.AddSingleton<IssueTaskOrderHandler>();
        builder.Services.AddSingleton<TaskOrderStepHandler>();
        builder.Services.AddSingleton<IBreachSource, TaskOrderBreachSource>();
        builder.Services.AddSingleton<TaskOrderSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TaskOrderSweeper>());
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
        MapOrders(app);
        return app;
    }

    public static void AddTaskOrderConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IssueTaskOrderOnHandOverConsumer>();
        bus.AddConsumer<IssueTaskOrderForComplexGridEventConsumer>();
    }

    private static void MapOrders(WebApplication app)
    {
        var orders = app.MapGroup("/api/task-orders").WithTags("Task orders");
        orders.MapGet("/", TaskOrderEndpoints.List).RequireAuthorization(Policies.People).WithName("ListTaskOrders")
            .WithSummary("Task orders by due time; filter by status, organisation, overdue. Handlers see their organisation's; operators and supervisors their areas'.")
            .Produces<List<TaskOrderView>>().ProducesValidationProblem();
        orders.MapPost("/", TaskOrderEndpoints.Issue).RequireAuthorization(Policies.Operate).WithName("IssueTaskOrder")
            .WithSummary("Issue a task order by hand from an incident {incidentId, organisationCode?, instructions, workingDays?}; 201, or 200 with the one already issued.")
            .Accepts<TaskOrderRequest>("application/json").Produces<TaskOrderView>(StatusCodes.Status201Created).Produces<TaskOrderView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/{id:guid}", TaskOrderEndpoints.Get).RequireAuthorization(Policies.People).WithName("GetTaskOrder")
            .WithSummary("One task order with its history and the incident it follows up (description, address, areas).").Produces<TaskOrderDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        var order = orders.MapGroup("/{id:guid}");
        Step(order, "accept", TaskOrderEndpoints.Accept, "AcceptTaskOrder", "签收: the organisation takes the order.");
        Step(order, "complete", TaskOrderEndpoints.Complete, "CompleteTaskOrder", "办结 {result}: done, with the result.");
        Step(order, "return", TaskOrderEndpoints.Return, "ReturnTaskOrder", "退回 {reason}: not this organisation's work; back to the command room.");
        Step(order, "request-delay", TaskOrderEndpoints.RequestDelay, "RequestTaskOrderDelay", "延期 {reason, newDueAt}: ask a supervisor for more time.");
        Step(order, "approve-delay", TaskOrderEndpoints.ApproveDelay, "ApproveTaskOrderDelay", "Approve the pending delay: the requested due time applies.");
        Step(order, "reject-delay", TaskOrderEndpoints.RejectDelay, "RejectTaskOrderDelay", "Reject the pending delay {reason}: the due time stays.");
        Step(order, "evaluate", TaskOrderEndpoints.Evaluate, "EvaluateTaskOrder", "The citizen's answer from the return call {rating: 满意|基本满意|不满意, comment?}.");
        Step(order, "reopen", TaskOrderEndpoints.Reopen, "ReopenTaskOrder", "返工 {reason} after 不满意: back to the organisation with a new due time.");
        Step(order, "close", TaskOrderEndpoints.Close, "CloseTaskOrder", "Close a completed or evaluated order.");
        Step(order, "reassign", TaskOrderEndpoints.Reassign, "ReassignTaskOrder",
            "Give a returned order to the right organisation {organisationCode, reason}: a fresh due time from now.");

        app.MapGet("/api/assessment", AssessmentEndpoints.Assess).WithTags("Assessment").RequireAuthorization(Policies.Supervise).WithName("Assessment")
            .WithSummary("考核 for a period (from, to: dates in Asia/Shanghai or instants) by organisation, street or community; format=csv or Accept: text/csv for Excel.")
            .Produces<AssessmentReport>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesValidationProblem();
    }

    /// <summary>A step's route, with the policy <see cref="TaskOrderSteps"/> gives it (the same that decides the steps offered).</summary>
    private static void Step(RouteGroupBuilder group, string path, Delegate handler, string name, string summary) =>
        group.MapPost("/" + path, handler).RequireAuthorization(TaskOrderSteps.PolicyOf(path)).WithName(name).WithSummary(summary)
            .Produces<TaskOrderView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
