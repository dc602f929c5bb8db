using System.Data.Common;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Audit;

/// <summary>
/// Creates or replaces one reference record (a category, an organisation, a unit) with its audit entry in the same
/// transaction: read what is stored, write, append what it was and what it became, commit. The store that owns the
/// table gives the SQL; this is the order and the retry, once for all of them.
/// </summary>
public static class AuditedSave
{
    /// <returns>Whether the record was created (nothing was stored before), and the record as stored.</returns>
    public static async Task<(bool Created, TStored Stored)> SaveAsync<TBefore, TStored>(
        Database database,
        Func<DbConnection, DbTransaction, Task<TBefore?>> read,
        Func<DbConnection, DbTransaction, TBefore?, Task<TStored>> write,
        Func<TBefore?, TStored, AuditEntry> audit,
        CancellationToken cancellationToken)
        where TBefore : class
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await OnceAsync(connection, read, write, audit, cancellationToken);
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Someone created the same code between our read and our insert: theirs is now the "before".
            return await OnceAsync(connection, read, write, audit, cancellationToken);
        }
    }

    private static async Task<(bool Created, TStored Stored)> OnceAsync<TBefore, TStored>(
        DbConnection connection,
        Func<DbConnection, DbTransaction, Task<TBefore?>> read,
        Func<DbConnection, DbTransaction, TBefore?, Task<TStored>> write,
        Func<TBefore?, TStored, AuditEntry> audit,
        CancellationToken cancellationToken)
        where TBefore : class
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var before = await read(connection, tx);
        var stored = await write(connection, tx, before);
        await AuditLog.AppendAsync(connection, tx, audit(before, stored), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (before is null, stored);
    }
}
