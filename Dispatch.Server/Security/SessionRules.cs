using System.Security.Claims;

namespace Dispatch.Server.Security;

/// <summary>
/// Pure: whether a session still stands for the principal its cookie carries. It ends when revoked (sign-out, a
/// password reset, an admin), when idle longer than the session lifetime, and as soon as the user is disabled,
/// removed or given another role or scope — the cookie's claims would no longer say the truth.
/// </summary>
public static class SessionRules
{
    /// <summary>last_seen_at is written at most this often per session, not on every request.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Not revoked, and the user is still who the cookie says. Idleness is <see cref="Idle"/>.</summary>
    public static bool Stands(SessionState? session, ClaimsPrincipal principal) =>
        session is { RevokedAt: null, UserDisabled: false }
        && string.Equals(session.UserName, principal.Identity?.Name, StringComparison.Ordinal)
        && string.Equals(session.UserRole, principal.FindFirstValue(ClaimTypes.Role), StringComparison.Ordinal)
        && string.Equals(session.UserScope, principal.FindFirstValue(DispatchClaims.Scope), StringComparison.Ordinal);

    /// <summary>Unused for longer than the session lifetime (an open hub connection counts as use).</summary>
    public static bool Idle(SessionState session, DateTimeOffset now, TimeSpan lifetime) => session.LastSeenAt + lifetime <= now;

    public static bool NeedsTouch(SessionState session, DateTimeOffset now) => now - session.LastSeenAt >= TouchEvery;
}
