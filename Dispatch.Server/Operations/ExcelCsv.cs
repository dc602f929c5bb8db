using System.Globalization;
using System.Text;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Operations;

/// <summary>Reports as CSV for Excel: UTF-8 with a byte-order mark (else Excel reads Chinese as GBK), RFC 4180 quoting, Beijing time.</summary>
public static class ExcelCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>CSV when asked by <c>format=csv</c> or by an Accept header naming text/csv; JSON otherwise.</summary>
    public static bool Wanted(HttpRequest request, string? format, Dictionary<string, string[]> errors)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrEmpty(format) && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(format) && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            errors["format"] = ["format must be json or csv."];
        }

        return csv;
    }

    /// <summary>Any table as Excel-ready CSV bytes: the header row, then one line per row of cells.</summary>
    public static byte[] Table(IEnumerable<string> header, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var cells in rows)
        {
            text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToOffset(ReportPeriod.ShanghaiOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    // A leading = + - @ would make Excel run the cell as a formula: prefixed with ' (CSV injection).
    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
