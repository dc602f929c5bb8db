using System.Diagnostics;
using Serilog;
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

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }

    /// <summary><c>Node:Name</c>, or the machine name and process id: several nodes may share a machine.</summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["Node:Name"] is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>One line per request, with its status and duration (Serilog.AspNetCore does not restore here).</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dispatch.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            int? thrown = null;
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                // The exception handler outside this middleware writes the answer after this line is logged: log
                // the status it will send, not the 200 the response still holds.
                thrown = context.Response.HasStarted ? null : ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                throw;
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var level = context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz")
                    ? LogLevel.Debug
                    : LogLevel.Information;
                logger.Log(level, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMs:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, thrown ?? context.Response.StatusCode, elapsed);
            }
        });
    }
}
