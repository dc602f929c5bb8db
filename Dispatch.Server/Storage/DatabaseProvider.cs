namespace Dispatch.Server.Storage;

/// <summary>The database engines Dispatch runs on; chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
