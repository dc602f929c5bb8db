using System.Text.Json.Serialization;

namespace Dispatch.Server.Operations;

public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLogging();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapGet("/healthz", HealthEndpoints.Alive).WithTags("Operations").WithName("Alive");
        app.MapGet("/readyz", HealthEndpoints.Ready).WithTags("Operations").WithName("Ready")
            .Produces<Readiness>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Dispatch v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Dispatch API";
        });
        return app;
    }
}
