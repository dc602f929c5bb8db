using System.Data.Common;

namespace Dispatch.Server.Storage;

/// <summary>Opens connections to the configured database. One per app; stores take it by injection.</summary>
public sealed class Database(SqlDialect dialect, string connectionString)
{
    public SqlDialect Dialect { get; } = dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
