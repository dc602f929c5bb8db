using System.Security.Claims;
using Dispatch.Contracts;
using Dispatch.Server.Operations;
using Dispatch.Server.Security;
using MassTransit;

namespace Dispatch.Server.Clock;

/// <summary>
/// <c>/api/alarms</c>: the command screen's alarm list. Acknowledging is recorded with who and when, and announced on
/// the bus so every node's command screens drop the alarm, not only the screen of the one who acknowledged.
/// </summary>
public static class AlarmEndpoints
{
    public static async Task<IResult> List(ClaimsPrincipal user, AlarmStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AlarmList(await store.ListAsync(AccessScope.Of(user), includeAcknowledged: false, cancellationToken)));

    public static async Task<IResult> Acknowledge(
        string id, ClaimsPrincipal user, AlarmStore store, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!AlarmIds.IsWellFormed(id))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["id"] = ["id must be an alarm id from GET /api/alarms: breach-{clock}-{incident}, reinforcement-{number} or urgent-{incident}."],
            }, "告警编号有误 / Invalid alarm id");
        }

        var now = clock.GetUtcNow();
        var actor = Actors.NameOf(user);
        // Outside the user's areas the alarm does not exist for them, as its incident does not (GET /api/incidents/{id}).
        var done = await store.AcknowledgeAsync(AccessScope.Of(user), id, actor, user.FindFirstValue(ClaimTypes.Role), now, cancellationToken);
        if (done is null)
        {
            return Problems.NotFound($"Alarm {id}");
        }

        if (!done.Already)
        {
            await bus.Publish(new AlarmsAcknowledged([done.IncidentId], actor, now), cancellationToken);
        }

        return TypedResults.Ok(done);
    }

    public static async Task<IResult> AcknowledgeAll(
        ClaimsPrincipal user, AlarmStore store, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = Actors.NameOf(user);
        var done = await store.AcknowledgeAllAsync(AccessScope.Of(user), actor, user.FindFirstValue(ClaimTypes.Role), now, cancellationToken);
        if (done.Count > 0)
        {
            await bus.Publish(new AlarmsAcknowledged([.. done.Select(a => a.IncidentId).Distinct()], actor, now), cancellationToken);
        }

        return TypedResults.Ok(new AlarmsAcknowledgedView(done));
    }
}
