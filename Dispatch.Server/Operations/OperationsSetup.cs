using System.Text.Json.Serialization;
using Dispatch.Server.Operations.Metrics;

namespace Dispatch.Server.Operations;

public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Routing answers a body of another type with a bare 415 before any handler: say what to send.
            if (c.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && c.ProblemDetails.Detail is null)
            {
                c.ProblemDetails.Title = "不支持的内容类型 / Unsupported content type";
                c.ProblemDetails.Detail = "Send the body as JSON with Content-Type: application/json.";
            }
        });

        // Unbindable query and route values throw in every environment, so BadRequestHandler names the parameter.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DispatchMetrics>();
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        // The exporter listens from its creation on: create it before the first alert, not at the first scrape.
        app.Services.GetRequiredService<PrometheusExporter>();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The API's documentation is public, like the app shell; the data behind every route needs a role.
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Dispatch v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Dispatch API";
        });
        return app;
    }

    /// <summary>
    /// The probes, the metrics and the OpenAPI document. Who may scrape the metrics is the host's to say
    /// (<paramref name="metricsPolicy"/>): the stages below security, which it builds on, name no roles.
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app, string metricsPolicy)
    {
        // Probes of load balancers and orchestrators carry no credentials.
        app.MapGet("/healthz", HealthEndpoints.Alive).WithTags("Operations").WithName("Alive").AllowAnonymous();
        app.MapGet("/readyz", HealthEndpoints.Ready).WithTags("Operations").WithName("Ready").AllowAnonymous()
            .Produces<Readiness>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/metrics", MetricsEndpoint.Scrape).WithTags("Operations").WithName("Metrics").RequireAuthorization(metricsPolicy)
            .WithSummary("Prometheus metrics: alerts, incidents, pipeline latency, bus consumers, SignalR connections.");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
