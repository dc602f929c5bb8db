using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Addresses;
using Dispatch.Server.Geo;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Organisations;
using MassTransit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Routing;

/// <summary>A correction's body: what to change to, and why (the reason is required and audited).</summary>
public sealed class CorrectionRequest
{
    public string? OrganisationCode { get; set; }
    public string? CategoryCode { get; set; }

    /// <summary>For <c>/address</c>: the register id of the address the operator picked.</summary>
    public string? AddressId { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The triage queue and the corrections operators and departments make to routing.</summary>
public static class TriageEndpoints
{
    public const int MaxReasonLength = 500;

    public static async Task<IResult> Queue(ClaimsPrincipal user, IncidentStore store, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize ?? IncidentEndpoints.DefaultPageSize;
        if (page is < 1 || size is < 1 or > IncidentEndpoints.MaxPageSize)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                [page is < 1 ? "page" : "pageSize"] = [$"page starts at 1; pageSize is 1 to {IncidentEndpoints.MaxPageSize}."],
            }, "查询参数有误 / Invalid query");
        }

        // Urgent (danger to life) first, then whoever has waited longest.
        return TypedResults.Ok(await store.ListAsync(new IncidentQuery(IncidentStatus.NeedsTriage, null, null, page ?? 1, size, UrgentThenOldest: true, AccessScope.Of(user)), cancellationToken));
    }

    public static Task<IResult> Reclassify(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore store, CategoryCatalogue catalogue, ResponsibleLookup responsible,
        IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken) =>
        CorrectAsync(id, request, user, store, bus, clock, "reclassified", AuditNames.IncidentReclassified, (body, incident, actor) =>
        {
            var category = catalogue.Find(body.CategoryCode);
            return category is null
                ? (null, new Dictionary<string, string[]> { ["categoryCode"] = [$"categoryCode '{body.CategoryCode}' is not in the catalogue (GET /api/catalogue/categories)."] })
                : (IncidentCorrections.Reclassify(incident, category, body.Reason!, actor, responsible), null);
        }, cancellationToken);

    public static Task<IResult> Route(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore store, OrganisationDirectory organisations,
        IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken) =>
        CorrectAsync(id, request, user, store, bus, clock, "routed", AuditNames.IncidentRerouted, (body, incident, actor) =>
        {
            var organisation = organisations.Current.Find(body.OrganisationCode);
            return organisation is null
                ? (null, new Dictionary<string, string[]> { ["organisationCode"] = [$"organisationCode '{body.OrganisationCode}' is not a known organisation (GET /api/organisations)."] })
                : (IncidentCorrections.RouteByHand(incident, new OrganisationRef(organisation.Code, organisation.Name, organisation.Type), body.Reason!, actor), null);
        }, cancellationToken);

    public static Task<IResult> LocateByAddress(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore store, AddressRegister addresses, JurisdictionIndex jurisdictions,
        CategoryCatalogue catalogue, ResponsibleLookup responsible, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken) =>
        CorrectAsync(id, request, user, store, bus, clock, "located", AuditNames.IncidentLocated, (body, incident, actor) =>
        {
            var entry = addresses.Current.Find(body.AddressId?.Trim());
            return entry is null
                ? (null, new Dictionary<string, string[]> { ["addressId"] = [$"addressId '{body.AddressId}' is not in the address register (GET /api/geo/addresses?q=…)."] })
                : (IncidentCorrections.LocateByAddress(incident, entry, jurisdictions.Locate(entry.Lon, entry.Lat), catalogue.Find(incident.CategoryCode),
                    body.Reason!, actor, responsible), null);
        }, cancellationToken);

    public static Task<IResult> Return(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore store, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken) =>
        CorrectAsync(id, request, user, store, bus, clock, "returned", AuditNames.IncidentReturned,
            (body, incident, actor) => (IncidentCorrections.Return(incident, body.Reason!, actor), null), cancellationToken);

    /// <summary>Load → decide → store with the version read → announce. Every refusal is a problem a person can act on.</summary>
    internal static async Task<IResult> CorrectAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, IncidentStore store, IPublishEndpoint bus, TimeProvider clock,
        string change, string auditAction,
        Func<CorrectionRequest, IncidentSummary, string, (Correction? Correction, Dictionary<string, string[]>? Errors)> decide,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CorrectionRequest>(request, 8 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["reason"] = [$"reason is required, at most {MaxReasonLength} characters: it is kept in the audit log."] },
                "缺少理由 / A reason is required");
        }

        body!.Reason = reason;
        var current = await store.GetVersionedAsync(id, cancellationToken);
        var scope = AccessScope.Of(user);
        if (current is null)
        {
            return Problems.NotFound($"Incident {id}");
        }

        // A department may only hand back what was given to it. Checked before visibility: a handler sees only
        // their organisation's incidents, so the scope check below would turn this refusal into a 404.
        if (scope.Role == Roles.DepartmentHandler && !scope.IsOrganisation(current.Incident.Routing?.Organisation?.Code))
        {
            return TypedResults.Problem(title: "无权退回 / Not yours to return", statusCode: StatusCodes.Status403Forbidden,
                detail: "Only the organisation the incident is routed to can return it.");
        }

        // Operators correct within their areas; elsewhere the incident does not exist for them.
        if (!scope.CanSee(current.Incident))
        {
            return Problems.NotFound($"Incident {id}");
        }

        var actor = Actors.NameOf(user);
        var (correction, errors) = decide(body, current.Incident, actor);
        if (errors is not null)
        {
            return Problems.Invalid(errors, "更正内容有误 / Invalid correction");
        }

        if (correction!.After is not { } after)
        {
            return Conflict(correction.Refused!, current.Incident);
        }

        var audit = new AuditEntry(clock.GetUtcNow(), actor, user.FindFirstValue(ClaimTypes.Role), auditAction, AuditNames.IncidentSubject,
            IncidentStore.IdText(id), AuditJson.Serialize(current.Incident), AuditJson.Serialize(after));
        if (!await store.ReplaceAsync(after, current.Version, audit, cancellationToken))
        {
            return Conflict("事件已被他人修改，请刷新后重试 / someone changed the incident meanwhile: reload it and try again", current.Incident);
        }

        await bus.Publish(new IncidentUpdated(after, change), cancellationToken);
        return TypedResults.Ok(after);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string why, IncidentSummary incident) => TypedResults.Problem(
        title: "无法执行 / Not possible now",
        detail: why,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["status"] = incident.Status.ToString(), ["routing"] = incident.Routing?.Outcome.ToString() });
}
