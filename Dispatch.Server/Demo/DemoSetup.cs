using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// The demo module: the demo street's data, accounts and API key, the live feed and the simulated responders. Reached
/// only through <c>Modules.AddOptionalModules</c>, and left out of production builds (<c>-p:IncludeDemo=false</c>).
/// </summary>
public static class DemoSetup
{
    /// <summary>Registered after Geo, Assignment and Organisations and before Messaging, for the start-up order.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment.EnvironmentName;
        var refusal = DemoFeedRules.Refusal(builder.Configuration.GetValue<bool>("Demo:Seed"), builder.Configuration.GetValue<bool>("Demo:Feed"), environment);
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal);
        }

        // A real centre's server carries no demo service at all, not even idle ones.
        if (!DemoFeedRules.DemoEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase))
        {
            return builder;
        }

        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        builder.Services.AddHostedService<DemoAccountsSeeder>();
        builder.Services.AddHostedService<DemoDataSeeder>();

        // Registered in every demo environment: the feed reads Demo:Feed itself.
        builder.Services.AddOptions<DemoFeedOptions>().Bind(builder.Configuration.GetSection(DemoFeedOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DemoFeedOptions>, DemoFeedOptionsValidator>();
        builder.Services.AddSingleton<ResponderSimulator>();
        builder.Services.AddScoped<DemoHands>();
        builder.Services.AddHostedService<DemoFeed>();
        return builder;
    }
}
