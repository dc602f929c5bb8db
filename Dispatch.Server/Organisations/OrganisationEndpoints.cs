using Dispatch.Contracts;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using MassTransit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Organisations;

/// <summary>One organisation as the API shows it: the summary, its type's Chinese name, and when it was stored.</summary>
public sealed record OrganisationView(
    string Code, string Name, OrganisationType Type, string TypeZh, IReadOnlyList<string> AreaCodes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrganisationView From(StoredOrganisation stored)
    {
        var o = stored.Organisation;
        return new OrganisationView(o.Code, o.Name, o.Type, OrganisationNames.Chinese(o.Type), o.AreaCodes, stored.CreatedAt, stored.UpdatedAt);
    }
}

/// <summary><c>/api/organisations</c>: read and edit the organisations and the areas they serve.</summary>
public static class OrganisationEndpoints
{
    public const long MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> List(string? type, OrganisationStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = StrictEnum.Optional<OrganisationType>(type, "type", (field, message) => errors[field] = [message]);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        var organisations = await store.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(organisations.Select(OrganisationView.From).ToList());
    }

    public static async Task<IResult> Get(string code, OrganisationStore store, CancellationToken cancellationToken)
    {
        var stored = code.Length > 32 ? null : await store.GetAsync(code, cancellationToken);
        return stored is null ? Problems.NotFound($"Organisation '{code}' (责任单位)") : TypedResults.Ok(OrganisationView.From(stored));
    }

    /// <summary>Creates (201) or replaces (200) an organisation, audits it, and refreshes this node's directory.</summary>
    public static async Task<IResult> Put(
        string code, HttpContext http, OrganisationStore store, OrganisationDirectory directory, IPublishEndpoint bus, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (edit, problem) = await JsonBody.ReadAsync<OrganisationEdit>(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (organisation, errors) = OrganisationValidator.Validate(code, edit);
        if (organisation is null)
        {
            return Problems.Invalid(errors, "单位数据有误 / The organisation has invalid fields");
        }

        var actor = Actors.NameOf(http.User);
        var (created, stored) = await store.SaveAsync(organisation, actor, clock.GetUtcNow(), cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        await bus.Publish(new ReferenceDataChanged(ReferenceData.Organisations, clock.GetUtcNow()), cancellationToken);
        loggers.CreateLogger(typeof(OrganisationEndpoints)).LogInformation(
            "Organisation {OrganisationCode} {OrganisationChange} by {Actor}", organisation.Code, created ? "created" : "replaced", actor);

        var view = OrganisationView.From(stored);
        return created
            ? TypedResults.Created($"/api/organisations/{Uri.EscapeDataString(organisation.Code)}", view)
            : TypedResults.Ok(view);
    }
}
