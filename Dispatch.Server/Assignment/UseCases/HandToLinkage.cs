using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Parsing;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The body of <c>POST /api/incidents/{id}/linkages</c>.</summary>
public sealed class LinkageRequest
{
    /// <summary><c>Fire</c> (119), <c>Medical</c> (120) or <c>Emergency</c> (应急).</summary>
    public string? Service { get; set; }

    /// <summary>The other centre's number for the hand-off, when they gave one.</summary>
    public string? ExternalReference { get; set; }

    /// <summary>What the operator told them.</summary>
    public string? Note { get; set; }
}

/// <summary>What a hand-off answers: the hand-off, and whether this request made it (false: it was made before).</summary>
public sealed record LinkageAccepted(IncidentLinked Linkage, bool Created);

/// <summary>
/// Hand an incident to 119, 120 or 应急 (联动) with one action: parse → load → decide (<see cref="Decide"/>) → store
/// with its audit entry → publish <see cref="IncidentLinked"/> (the respond clock counts the hand-off as the
/// centre's response) and <see cref="IncidentUpdated"/> (every command screen shows it). The incident stays open:
/// police may still be needed at a fire, and an operator closes it as usual.
/// </summary>
public sealed class HandToLinkage(IncidentStore incidents, LinkageStore linkages, IPublishEndpoint bus, TimeProvider clock)
{
    public const string Title = "联动移交有误 / Invalid linkage hand-off";
    public const string Linked = "incident.linked";

    /// <summary>External references are short numbers read out over the phone.</summary>
    public const int MaxReferenceLength = 64;

    public async Task<Outcome<LinkageAccepted>> HandleAsync(Guid incidentId, LinkageRequest? body, Acting acting, CancellationToken cancellationToken)
    {
        var (request, invalid) = Parse(body);
        if (invalid is not null)
        {
            return invalid;
        }

        var incident = await incidents.GetAsync(incidentId, cancellationToken);
        if (Decide(incidentId, acting, incident) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var linkage = new IncidentLinked(incident!.Id, request.Service, ReferenceOf(request.Service, id, now), request.ExternalReference, request.Note,
            now, acting.Actor.Name);
        var audit = new AuditEntry(now, acting.Actor.Name, acting.Actor.Role, Linked, AuditNames.IncidentSubject, IncidentStore.IdText(incident.Id), null,
            AuditJson.Serialize(new { Service = linkage.Service.ToString(), linkage.Reference, linkage.ExternalReference, linkage.Note }));
        if (await linkages.AddAsync(id, linkage, audit, cancellationToken) is { } earlier)
        {
            return Outcome.Done(new LinkageAccepted(earlier, false));
        }

        await bus.Publish(linkage, cancellationToken);
        await bus.Publish(new IncidentUpdated(incident, "linked"), cancellationToken);
        return Outcome.Done(new LinkageAccepted(linkage, true));
    }

    /// <summary>Pure: operators (and supervisors, admins) within their areas; never on a closed incident.</summary>
    public static Refusal? Decide(Guid incidentId, Acting acting, IncidentSummary? incident)
    {
        if (!FieldAccess.MayRead(acting.Scope, incident))
        {
            return Refusal.NotFound($"Incident {incidentId}");
        }

        return incident!.Status == IncidentStatus.Closed
            ? Refusal.Conflict("事件已结束 / The incident is closed", $"Incident {incidentId} is closed: it can no longer be handed to another service.",
                new Dictionary<string, object?> { ["status"] = incident.Status.ToString() })
            : null;
    }

    /// <summary>
    /// The centre's reference, quoted on the phone to the other centre: the service's number, the Shanghai date and
    /// six characters of the hand-off id, e.g. <c>119-20261206-3F2A1C</c>.
    /// </summary>
    public static string ReferenceOf(LinkageService service, Guid id, DateTimeOffset at)
    {
        var day = at.ToOffset(ReportPeriod.ShanghaiOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return $"{NumberOf(service)}-{day}-{id.ToString("N", CultureInfo.InvariantCulture)[..6].ToUpperInvariant()}";
    }

    /// <summary>What the service is called on the phone: 119, 120, or YJ for 应急 (it has no short number of its own).</summary>
    public static string NumberOf(LinkageService service) => service switch
    {
        LinkageService.Fire => "119",
        LinkageService.Medical => "120",
        _ => "YJ",
    };

    private sealed record Parsed(LinkageService Service, string? ExternalReference, string? Note);

    private static (Parsed Request, Refusal? Invalid) Parse(LinkageRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!StrictEnum.TryParse<LinkageService>(body?.Service, out var service))
        {
            errors["service"] = [string.IsNullOrWhiteSpace(body?.Service)
                ? "service is required: Fire (119), Medical (120) or Emergency (应急)."
                : StrictEnum.NotOneOf<LinkageService>("service", body!.Service)];
        }

        var external = Optional(body?.ExternalReference, "externalReference", MaxReferenceLength, errors);
        var note = Optional(body?.Note, "note", FieldText.MaxLength, errors);
        return (new Parsed(service, external, note), errors.Count == 0 ? null : Refusal.Invalid(errors, Title));
    }

    private static string? Optional(string? text, string field, int max, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max || trimmed.Any(char.IsControl))
        {
            errors[field] = [$"{field} is at most {max} characters, without control characters."];
            return null;
        }

        return trimmed;
    }
}
