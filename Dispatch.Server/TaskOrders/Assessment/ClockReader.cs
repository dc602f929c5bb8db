using System.Data.Common;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Storage;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>
/// Reads <c>incident_clocks</c>, which the response-clock stage owns and creates (migration 0011). Assessment only
/// reads it; until that migration has run the table is missing and this answers "no clocks" rather than failing.
/// </summary>
public sealed class ClockReader(Database database, ILogger<ClockReader> logger)
{
    private const string Columns = """
        SELECT incident_id AS IncidentId, kind AS Kind, state AS State, due_at AS DueAt, met_at AS MetAt, breached_at AS BreachedAt
        FROM incident_clocks
        """;

    private const string SelectForIncidentsReceived = Columns + """

        WHERE incident_id IN (SELECT id FROM incidents WHERE received_at >= @From AND received_at < @To)
        """;

    private const string SelectBreached = Columns + "\nWHERE state = 'Breached' AND due_at >= @From AND due_at < @To";

    /// <summary>The clocks of the incidents received in [from, to); null when the clock table does not exist.</summary>
    public Task<IReadOnlyList<ClockFact>?> ForIncidentsReceivedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync(SelectForIncidentsReceived, from, to, cancellationToken);

    /// <summary>Breached clocks due in [from, to); null when the clock table does not exist.</summary>
    public Task<IReadOnlyList<ClockFact>?> BreachedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync(SelectBreached, from, to, cancellationToken);

    private async Task<IReadOnlyList<ClockFact>?> ReadAsync(string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { From = from.ToUniversalTime(), To = to.ToUniversalTime() }, cancellationToken: cancellationToken));
            return rows.Select(r => new ClockFact(Guid.Parse(r.IncidentId), Enum.Parse<ClockKind>(r.Kind), Enum.Parse<ClockState>(r.State), r.DueAt, r.MetAt, r.BreachedAt)).ToList();
        }
        catch (DbException ex)
        {
            // Most likely the clock stage's migration is not in this database yet; said once per request, not hidden.
            logger.LogWarning("Response clocks unavailable for assessment: {ClockError}", ex.Message);
            return null;
        }
    }

    private sealed class Row
    {
        public string IncidentId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string State { get; set; } = "";
        public DateTimeOffset DueAt { get; set; }
        public DateTimeOffset? MetAt { get; set; }
        public DateTimeOffset? BreachedAt { get; set; }
    }
}
