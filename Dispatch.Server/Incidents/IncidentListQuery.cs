using System.Text.RegularExpressions;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Incidents;

/// <summary>
/// The WHERE clause and parameters of the incident list (<see cref="IncidentStore.ListAsync"/>), from an
/// <see cref="IncidentQuery"/>. Every value is a parameter. Searched text is found with the dialect's exact substring
/// test, never LIKE, so a '%' or '_' someone types is that character and not a wildcard.
/// </summary>
internal static partial class IncidentListQuery
{
    public static (string Filter, DynamicParameters Parameters) Build(IncidentQuery query, SqlDialect dialect)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters(new
        {
            Status = query.Status?.ToString(),
            From = query.From?.ToUniversalTime(),
            To = query.To?.ToUniversalTime(),
            Skip = (query.Page - 1) * query.PageSize,
            Take = query.PageSize,
        });

        if (query.Status is not null)
        {
            where.Add("status = @Status");
        }

        if (query.OpenOnly)
        {
            where.Add("status <> 'Closed'");
        }

        if (query.From is not null)
        {
            where.Add("received_at >= @From");
        }

        if (query.To is not null)
        {
            where.Add("received_at < @To");
        }

        Equal(where, parameters, "kind", "Kind", query.Kind?.ToString());
        Equal(where, parameters, "category_code", "Category", query.Category);
        Equal(where, parameters, "community_code", "Community", query.Community);
        Equal(where, parameters, "organisation_code", "Organisation", query.Organisation);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add(TextSearch(query.Text.Trim(), parameters, dialect));
        }

        // Visibility exactly as before the filters: triage is seen by whoever places it.
        var visible = query.Scope is { } scope
            ? Visibility.Filter(scope, query.Status == IncidentStatus.NeedsTriage ? RecordKind.TriageIncident : RecordKind.Incident,
                VisibilityColumns.Incidents, dialect)
            : null;
        if (visible is not null)
        {
            if (visible.Where is { } inScope)
            {
                where.Add(inScope);
            }

            parameters.AddDynamicParams(visible.Parameters);
        }

        return (where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where), parameters);
    }

    private static void Equal(List<string> where, DynamicParameters parameters, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = @{parameter}");
            parameters.Add(parameter, value);
        }
    }

    /// <summary>
    /// The incident's words and address, any caller's words and address, what shows of any caller's number, and the
    /// incident's id from its first eight characters. Case is ignored (LOWER on both sides: SQLite and PostgreSQL
    /// compare exactly, SQL Server by its collation).
    /// </summary>
    private static string TextSearch(string text, DynamicParameters parameters, SqlDialect dialect)
    {
        parameters.Add("Text", text.ToLowerInvariant());
        var inAlert = new List<string>
        {
            dialect.ContainsText("LOWER(a.description)", "Text"),
            dialect.ContainsText("LOWER(a.address)", "Text"),
        };
        if (CallerNumberSearch.Of(text) is { } number)
        {
            inAlert.Add(NumberSearch(number, parameters, dialect));
        }

        var any = new List<string>
        {
            dialect.ContainsText("LOWER(description)", "Text"),
            dialect.ContainsText("LOWER(address)", "Text"),
            $"EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = incidents.id AND ({string.Join(" OR ", inAlert)}))",
        };

        var id = text.ToLowerInvariant();
        if (IdPrefix().IsMatch(id))
        {
            // Hex digits and dashes only (checked just above): no wildcard can be in it.
            parameters.Add("IdPrefix", id + "%");
            any.Add("id LIKE @IdPrefix");
        }

        return "(" + string.Join(" OR ", any) + ")";
    }

    /// <summary>The stored number (trimmed at intake) against what <see cref="PhoneMask"/> shows of it, the first three and the last four.</summary>
    private static string NumberSearch(CallerNumberSearch number, DynamicParameters parameters, SqlDialect dialect)
    {
        const string Phone = "a.caller_phone";
        var shown = $"{dialect.Length(Phone)} >= 7";
        if (number.Part is { } part)
        {
            parameters.Add("PhonePart", part);
            return $"({shown} AND ({dialect.ContainsText(dialect.Left(Phone, 3), "PhonePart")} OR {dialect.ContainsText(dialect.Right(Phone, 4), "PhonePart")}))";
        }

        var clause = $"({shown} AND {dialect.Right(Phone, 4)} = @PhoneEnd";
        parameters.Add("PhoneEnd", number.End);
        if (number.Start is { } start)
        {
            parameters.Add("PhoneStart", start);
            clause += $" AND {dialect.Left(Phone, 3)} = @PhoneStart";
        }

        return clause + ")";
    }

    [GeneratedRegex("^[0-9a-f]{8}[0-9a-f-]{0,28}$")]
    private static partial Regex IdPrefix();
}
