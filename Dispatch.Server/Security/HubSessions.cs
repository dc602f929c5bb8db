using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Security;

/// <summary>
/// The open hub connections of this node by session, so that ending a session closes them: at once when it ends
/// here (sign-out), and within <see cref="SessionWatcher.Every"/> when another node or the CLI ended it, or the
/// user was disabled or given another role.
/// </summary>
public sealed class HubSessions
{
    private readonly ConcurrentDictionary<string, (string IdHash, HubCallerContext Context)> connections = new();

    public void Add(HubCallerContext context)
    {
        // A connection signed in by cookie has a session; one without (none today) is left to its own lifetime.
        if (context.User is { } user && SessionValidator.IdHashOf(user) is { } idHash)
        {
            connections[context.ConnectionId] = (idHash, context);
        }
    }

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<(string IdHash, HubCallerContext Context)> Open => connections.Values.ToList();

    /// <summary>Closes this node's connections of a session.</summary>
    public void Close(string idHash)
    {
        foreach (var (_, (hash, context)) in connections)
        {
            if (hash == idHash)
            {
                context.Abort();
            }
        }
    }
}

/// <summary>Registers every hub connection with <see cref="HubSessions"/>.</summary>
public sealed class SessionHubFilter(HubSessions sessions) : IHubFilter
{
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        sessions.Add(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        sessions.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }
}

/// <summary>
/// Every few seconds (real time), reads the sessions of this node's open hub connections and closes those that no
/// longer stand. An open screen counts as use: its session is kept from going idle.
/// </summary>
public sealed class SessionWatcher(HubSessions hubs, SessionStore sessions, SessionValidator validator, TimeProvider clock, ILogger<SessionWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; the next tick tries again.
                logger.LogWarning(ex, "Could not check the sessions of open hub connections");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var open = hubs.Open;
        if (open.Count == 0)
        {
            return;
        }

        var states = (await sessions.FindManyAsync(open.Select(o => o.IdHash).Distinct().ToList(), cancellationToken)).ToDictionary(s => s.IdHash);
        var now = clock.GetUtcNow();
        var touched = new HashSet<string>();
        foreach (var (idHash, context) in open)
        {
            var state = states.GetValueOrDefault(idHash);
            if (!SessionRules.Stands(state, context.User!))
            {
                validator.Forget(idHash);
                context.Abort();
            }
            else if (SessionRules.NeedsTouch(state!, now) && touched.Add(idHash))
            {
                await sessions.TouchAsync(idHash, now, cancellationToken);
            }
        }
    }
}
