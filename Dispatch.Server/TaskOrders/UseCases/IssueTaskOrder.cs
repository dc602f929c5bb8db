using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>A hand-issued task order as asked for.</summary>
public sealed record IssueRequest(Guid IncidentId, string? OrganisationCode, string Instructions, int? WorkingDays)
{
    public static IssueRequest? Parse(TaskOrderRequest? body, Dictionary<string, string[]> errors)
    {
        if (body?.IncidentId is not { } incidentId || incidentId == Guid.Empty)
        {
            errors["incidentId"] = ["incidentId is required: the incident the task order follows up."];
            incidentId = Guid.Empty;
        }

        var instructions = StepFields.Text(body?.Instructions, "instructions", StepFields.MaxTextLength, errors);
        if (body?.WorkingDays is { } days && days is < 1 or > 30)
        {
            errors["workingDays"] = [$"workingDays must be from 1 to 30 (default: the category's, usually 5); it was {days}."];
        }

        return errors.Count > 0 ? null : new IssueRequest(incidentId, body!.OrganisationCode, instructions!, body.WorkingDays);
    }
}

/// <summary>Why a task order was not issued; no HTTP status: the endpoint maps each.</summary>
public abstract record IssueRefusal
{
    /// <summary>No such incident, or one the user may not see.</summary>
    public sealed record IncidentNotFound(Guid IncidentId) : IssueRefusal;

    /// <summary>No organisation to give the order to: the named one is unknown, or none was named and routing chose none.</summary>
    public sealed record NoOrganisation(string Why) : IssueRefusal;
}

/// <summary>An operator issues a task order by hand from an incident in their areas: pure decisions.</summary>
public static class IssueTaskOrder
{
    /// <summary>The organisation a task order goes to: the one given, else the one the incident is routed to.</summary>
    public static OrganisationRef? OrganisationFor(OrganisationRef? given, IncidentSummary incident) => given ?? incident.Routing?.Organisation;

    /// <summary>Whether the user may issue for this incident, and to which organisation.</summary>
    public static (OrganisationRef? Organisation, IssueRefusal? Refusal) Decide(
        IssueRequest request, IncidentSummary? incident, AccessScope scope, OrganisationSnapshot directory)
    {
        if (incident is null || !scope.CanSee(incident))
        {
            return (null, new IssueRefusal.IncidentNotFound(request.IncidentId));
        }

        if (request.OrganisationCode is { } code)
        {
            return directory.Find(code.Trim()) is { } found
                ? (new OrganisationRef(found.Code, found.Name, found.Type), null)
                : (null, new IssueRefusal.NoOrganisation($"organisationCode '{code}' is not a known organisation (GET /api/organisations)."));
        }

        return OrganisationFor(null, incident) is { } routed
            ? (routed, null)
            : (null, new IssueRefusal.NoOrganisation("organisationCode is required: the incident is not routed to any organisation."));
    }
}

/// <summary>Issue by hand: load the incident → decide (<see cref="IssueTaskOrder.Decide"/>) → store and announce (<see cref="TaskOrderIssuer"/>).</summary>
public sealed class IssueTaskOrderHandler(IncidentStore incidents, OrganisationDirectory organisations, TaskOrderIssuer issuer, CalendarProvider calendar, TimeProvider clock)
{
    /// <summary>The order issued (<c>Created</c>) or the one already issued for the incident; or why none.</summary>
    public async Task<(bool Created, TaskOrderView? Order, IssueRefusal? Refusal)> HandleAsync(
        IssueRequest request, AccessScope scope, string actor, string? role, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var incident = await incidents.ResolveReferenceAsync(request.IncidentId, cancellationToken);
        var (organisation, refusal) = IssueTaskOrder.Decide(request, incident, scope, organisations.Current);
        if (refusal is not null)
        {
            return (false, null, refusal);
        }

        var now = clock.GetUtcNow();
        var (created, order) = await issuer.IssueAsync(incident!, TaskOrderSource.Manual, organisation!, request.Instructions, request.WorkingDays,
            now, actor, role, bus, cancellationToken);
        return (created, order.ToView(now, calendar.Current), null);
    }
}
