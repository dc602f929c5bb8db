using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Security;

/// <summary>
/// <c>X-Api-Key</c> for machines. Lookups are cached for <see cref="CacheFor"/>: intake may take hundreds of
/// alerts a second, and a revoked key stops working within that time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = values[0]!.Trim();
        if (secret.Length > 200)
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var key = await cache.GetOrCreateAsync("apikey:" + ApiKeyStore.Hash(secret), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return keys.FindBySecretAsync(secret, Context.RequestAborted);
        });
        if (key is null || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, Roles.Machine), new Claim(DispatchClaims.ApiKeyId, key.Id)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
