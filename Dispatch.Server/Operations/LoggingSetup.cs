using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Dispatch.Server.Operations;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging. <c>Serilog:Format</c> = <c>text</c> (readable; the
    /// Development default) or <c>json</c> (one object per line; the Production default). Levels come from
    /// <c>Serilog:MinimumLevel</c>.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Serilog:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Node", NodeName(builder.Configuration));
        configuration = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        // This server's own logger, not the static Log.Logger: tests run several servers in one process.
        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
        builder.Services.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary><c>Node:Name</c>, or the machine name and process id: several nodes may share a machine.</summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["Node:Name"] is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// One line per request (Serilog.AspNetCore), with its status and duration. Put it outside the exception handler:
    /// it then logs the status the client got, 500 for a request that threw, rather than the 200 the response
    /// still held when the exception passed by. Probes log at Debug; server errors at Error.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        return app.UseSerilogRequestLogging(o =>
        {
            o.Logger = logger;
            o.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
    }
}
