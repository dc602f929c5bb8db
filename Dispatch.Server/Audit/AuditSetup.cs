namespace Dispatch.Server.Audit;

public static class AuditSetup
{
    /// <summary>The audit log. The stages that hold deadlines register an <see cref="IBreachSource"/> each.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }

    /// <summary>
    /// The breach list. Who may read it is the host's to say (<paramref name="readPolicy"/>): the audit log sits below
    /// the security stage, which writes to it, so it names no roles itself.
    /// </summary>
    public static WebApplication MapAudit(this WebApplication app, string readPolicy)
    {
        app.MapGet("/api/audit/breaches", BreachEndpoints.List).WithTags("Assessment").RequireAuthorization(readPolicy).WithName("Breaches")
            .WithSummary("Every missed deadline due in the period (kind: respond, arrive, reinforce, task-order; organisation; street), with how late and a link to the incident's timeline; format=csv for Excel.")
            .Produces<List<Breach>>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesValidationProblem();
        return app;
    }
}
