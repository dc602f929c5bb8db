using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Dispatch.Server.Security;

/// <summary>
/// Checks the session behind every cookie request. A session's state is cached for <see cref="CacheFor"/>, so a
/// busy screen costs the database one lookup per few seconds; the node that ends a session forgets it at once,
/// and every other node within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionValidator(SessionStore sessions, IMemoryCache cache, TimeProvider clock, SecurityOptions options)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);

    public TimeSpan Lifetime => TimeSpan.FromHours(options.SessionHours);

    public static string? IdHashOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DispatchClaims.Session) is { Length: > 0 } id ? SessionStore.Hash(id) : null;

    public async Task<bool> StandsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (IdHashOf(principal) is not { } idHash)
        {
            return false;
        }

        var session = await cache.GetOrCreateAsync(Key(idHash), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return sessions.FindAsync(idHash, cancellationToken);
        });
        var now = clock.GetUtcNow();
        if (!SessionRules.Stands(session, principal) || SessionRules.Idle(session!, now, Lifetime))
        {
            return false;
        }

        if (SessionRules.NeedsTouch(session!, now))
        {
            await sessions.TouchAsync(idHash, now, cancellationToken);
            cache.Remove(Key(idHash));
        }

        return true;
    }

    /// <summary>This node forgets a session's state, so the next request reads it again.</summary>
    public void Forget(string idHash) => cache.Remove(Key(idHash));

    /// <summary>The cookie handler's hook: a cookie whose session has ended signs nobody in.</summary>
    public static async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (context.Principal is null || !await validator.StandsAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static string Key(string idHash) => "session:" + idHash;
}
