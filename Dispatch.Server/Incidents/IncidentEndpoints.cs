using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Security;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Server.Incidents;

/// <summary>The incident queue and one incident's detail.</summary>
public static class IncidentEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The longest code a filter takes: the incidents table's code columns hold 32 characters.</summary>
    public const int MaxCodeLength = 32;

    /// <summary>Enough for a sentence of the caller's words, an address or an id; more is a pasted page, not a search.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>
    /// The incident list, newest first: the command screen's history. Filters: status, kind, category, community and
    /// organisation (codes), receivedAt (from, to) and a text search (q).
    /// </summary>
    public static async Task<IResult> List(
        ClaimsPrincipal user, IncidentStore store, string? status, string? from, string? to, int? page, int? pageSize,
        string? kind, string? category, string? community, string? organisation, string? q, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        var statusFilter = StrictEnum.Optional<IncidentStatus>(status, "status", Fail);
        var kindFilter = StrictEnum.Optional<IncidentKind>(kind, "kind", Fail);
        var categoryCode = Code(category, "category", "a category code", Fail);
        var communityCode = Code(community, "community", "a community's area code", Fail);
        var organisationCode = Code(organisation, "organisation", "an organisation code", Fail);
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text?.Length > MaxSearchLength)
        {
            Fail("q", $"q is {text.Length} characters; search with at most {MaxSearchLength}: words, an address, a number or an incident id.");
        }

        var fromTime = ParseInstant(from, "from", errors);
        var toTime = ParseInstant(to, "to", errors);
        if (fromTime is not null && toTime is not null && fromTime >= toTime)
        {
            errors["to"] = ["to must be later than from."];
        }

        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "查询参数有误 / Invalid query");
        }

        var result = await store.ListAsync(new IncidentQuery(statusFilter, fromTime, toTime, pageNumber, size, Scope: AccessScope.Of(user),
            Kind: kindFilter, Category: categoryCode, Community: communityCode, Organisation: organisationCode, Text: text), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Every open incident the user may see (waiting, in triage, in progress), urgent first, then the longest waiting:
    /// the command screen holds all of them however many newer ones arrive, so none drops out of sight.
    /// </summary>
    public static async Task<IResult> Open(ClaimsPrincipal user, IncidentStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListAsync(new IncidentQuery(null, null, null, 1, OpenLimit, UrgentThenOldest: true, AccessScope.Of(user), OpenOnly: true), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// A bound on one answer only: a centre with more open incidents than this has a problem no screen solves, and
    /// <c>total</c> still says how many there are.
    /// </summary>
    public const int OpenLimit = 5000;

    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, IncidentStore store, AuditLog audit, [FromServices] IEnumerable<IIncidentDetailPart> parts,
        CancellationToken cancellationToken)
    {
        // An intake reference whose alert joined another incident leads to that incident.
        var incident = await store.ResolveReferenceAsync(id, cancellationToken);

        // Outside the user's areas it does not exist for them: saying "forbidden" would confirm that it does.
        if (incident is null || !AccessScope.Of(user).CanSee(incident))
        {
            return Problems.NotFound($"Incident {id}");
        }

        id = incident.Id;

        // Callers' numbers are personal data: masked here for every reader; GET /api/incidents/{id}/caller-phones
        // gives them, audited, to whoever calls back.
        var alerts = (await store.AlertsOfAsync(id, cancellationToken)).Select(a => a with { CallerPhone = PhoneMask.Mask(a.CallerPhone) }).ToList();
        var history = await audit.ForSubjectAsync(AuditNames.IncidentSubject, IncidentStore.IdText(id), cancellationToken);
        var timeline = history.Select(h => new TimelineEntry(h.At, h.Actor, h.Action)).ToList();
        var gridEvent = incident.Source == IncidentSource.GridEvent ? await store.GridEventOfAsync(id, cancellationToken) : null;
        var detail = new IncidentDetail(incident, alerts, timeline, gridEvent);
        foreach (var part in parts)
        {
            detail = await part.AddToAsync(detail, cancellationToken);
        }

        return TypedResults.Ok(detail);
    }

    /// <summary>An optional code filter: blank is none, else trimmed and at most <see cref="MaxCodeLength"/> characters.</summary>
    private static string? Code(string? text, string field, string what, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var code = text.Trim();
        if (code.Length > MaxCodeLength)
        {
            fail(field, $"{field} is {what} of at most {MaxCodeLength} characters, not '{Echo.Shorten(code)}'.");
            return null;
        }

        return code;
    }

    private static DateTimeOffset? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (OffsetTime.TryParse(text, out var value))
        {
            return value;
        }

        errors[field] = [OffsetTime.Refusal(field, text)];
        return null;
    }
}
