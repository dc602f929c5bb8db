using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Security;

/// <summary>
/// A Prometheus scraper cannot sign in; it presents <c>Operations:MetricsToken</c> (set from the environment, never
/// the repo) as <c>Authorization: Bearer …</c>. Compared in constant time; no token configured means no such access.
/// </summary>
public static class MetricsToken
{
    public static bool Matches(HttpContext http, string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return false;
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(configured));
    }
}
