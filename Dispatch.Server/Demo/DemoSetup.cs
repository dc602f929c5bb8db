using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

public static class DemoSetup
{
    /// <summary>Registered after Geo, Assignment and Organisations and before Messaging, for the start-up order.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var refusal = DemoFeedRules.Refusal(
            builder.Configuration.GetValue<bool>("Demo:Seed"), builder.Configuration.GetValue<bool>("Demo:Feed"), builder.Environment.EnvironmentName);
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal);
        }

        builder.Services.AddHostedService<DemoDataSeeder>();

        // Always registered: the feed reads Demo:Feed itself.
        builder.Services.AddOptions<DemoFeedOptions>().Bind(builder.Configuration.GetSection(DemoFeedOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DemoFeedOptions>, DemoFeedOptionsValidator>();
        builder.Services.AddSingleton<ResponderSimulator>();
        builder.Services.AddScoped<DemoHands>();
        builder.Services.AddHostedService<DemoFeed>();
        return builder;
    }
}
