using System.Data;
using System.Globalization;
using Dapper;

namespace Dispatch.Server.Storage;

/// <summary>
/// Reads instants back as UTC <see cref="DateTimeOffset"/> whatever the engine returns: SQLite gives text,
/// Npgsql gives a UTC <see cref="DateTime"/> for timestamptz, SqlClient gives a <see cref="DateTimeOffset"/>.
/// Instants are always written in UTC, so SQLite's text sorts in time order.
/// </summary>
internal sealed class InstantTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new InstantTypeHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.Value = value.ToUniversalTime();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        _ => throw new DataException($"Cannot read an instant from a {value.GetType().Name}."),
    };
}
