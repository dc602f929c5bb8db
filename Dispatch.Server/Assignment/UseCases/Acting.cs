using System.Security.Claims;
using Dispatch.Server.Audit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>Who did something, for the audit log and the messages.</summary>
public sealed record Actor(string Name, string? Role)
{
    public static Actor System { get; } = new(AuditNames.SystemActor, null);
}

/// <summary>Who acts and what they may see: the audit name and role, and the scope "who may act" is decided on.</summary>
public sealed record Acting(Actor Actor, AccessScope Scope)
{
    public static Acting Of(ClaimsPrincipal user) => new(new Actor(Actors.NameOf(user), user.FindFirstValue(ClaimTypes.Role)), AccessScope.Of(user));
}
