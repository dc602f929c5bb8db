namespace Dispatch.Server.Demo;

public static class DemoSetup
{
    /// <summary>Registered after Geo, Assignment and Organisations and before Messaging, for the start-up order.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}
