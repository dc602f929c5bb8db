using System.Xml.Linq;
using Dapper;
using Dispatch.Server.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Dispatch.Server.Security;

/// <summary>
/// Keeps the Data Protection key ring in the database instead of each machine's disk, so that every node reads
/// the cookies and antiforgery tokens every other node issued: no sticky sessions are needed. The keys
/// themselves are protected by the database's own access control; production may add key encryption at rest.
/// </summary>
public sealed class DatabaseKeyRepository(Database database, TimeProvider clock) : IXmlRepository
{
    private const string SelectAll = "SELECT xml FROM data_protection_keys ORDER BY created_at";

    private const string Insert = """
        INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@FriendlyName, @Xml, @CreatedAt)
        """;

    // The framework's interface is synchronous; it is called rarely (start-up, key rotation every 90 days).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>(SelectAll).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            connection.Execute(Insert, new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = clock.GetUtcNow() });
        }
        catch (System.Data.Common.DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Two nodes created a key at the same moment with the same name (a fresh database); either will do.
        }
    }
}
