using Dispatch.Server.Security;

namespace Dispatch.Server.Incidents;

public static class IncidentsSetup
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentStore>();
        return builder;
    }

    public static WebApplication MapIncidents(this WebApplication app)
    {
        // Every route under /api/incidents is in IncidentRoutes, with the stage that maps it.
        app.MapIncidentRoute(IncidentRoutes.List, IncidentEndpoints.List).WithTags("Incidents").RequireAuthorization(Policies.Read)
            .WithName("ListIncidents")
            .WithSummary("The incidents, newest first, paged: filter by status, kind, category, community, organisation, receivedAt (from inclusive, to exclusive) and q (words, address, the shown digits of a caller's number, incident id).")
            .Produces<IncidentPage>()
            .ProducesValidationProblem();
        app.MapIncidentRoute(IncidentRoutes.Open, IncidentEndpoints.Open).WithTags("Incidents").RequireAuthorization(Policies.Read)
            .WithName("ListOpenIncidents")
            .WithSummary("Every open incident in the user's scope (waiting, triage, in progress), urgent first, then the longest waiting; never paged away.")
            .Produces<IncidentPage>();
        app.MapIncidentRoute(IncidentRoutes.Get, IncidentEndpoints.Get).WithTags("Incidents").RequireAuthorization(Policies.Read)
            .WithName("GetIncident")
            .WithSummary("One incident with every alert that joined it, its timeline and its response clocks (1-3-5).")
            .Produces<IncidentDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
