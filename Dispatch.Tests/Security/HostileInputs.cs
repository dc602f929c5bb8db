using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dispatch.Tests.Security;

/// <summary>What a query parameter holds, which decides what a hostile value in it must answer.</summary>
public enum QueryKind
{
    /// <summary>A number: anything but a number in range is a 400.</summary>
    Number,

    /// <summary>One of a fixed set of words (a status, a format): anything else is a 400.</summary>
    Choice,

    /// <summary>A date or an instant: anything else, and an instant without an offset, is a 400.</summary>
    Time,

    /// <summary>Text searched for or a code filtered by: any text is a question (200), but not control characters.</summary>
    Text,
}

/// <summary>One hostile request body: its bytes and content type, or null when it does not apply to the route.</summary>
public sealed record HostileBody(string Name, Func<RequestSchema, (byte[] Bytes, string ContentType, long? DeclaredLength)?> Make);

/// <summary>The fields of a route's JSON body as the OpenAPI document describes them, for inputs aimed at one field.</summary>
public sealed record RequestSchema(string? FirstString, string? FirstNumber, string? FirstTime, string? FirstField)
{
    public static readonly RequestSchema None = new(null, null, null, null);

    /// <summary>Reads the request body schema of <paramref name="method"/> <paramref name="path"/>, or <see cref="None"/>.</summary>
    public static RequestSchema Of(JsonElement document, string method, string path)
    {
        if (!document.GetProperty("paths").TryGetProperty(path, out var item)
            || !item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            || !operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return None;
        }

        var properties = Resolve(document, schema).TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        string? first = null, text = null, number = null, time = null;
        foreach (var property in properties)
        {
            var value = Resolve(document, property.Value);
            var types = TypesOf(value);
            first ??= property.Name;
            if (types.Contains("integer") || types.Contains("number"))
            {
                number ??= property.Name;
            }
            else if (types.Contains("string"))
            {
                var format = value.TryGetProperty("format", out var f) ? f.GetString() : null;
                if (format == "date-time")
                {
                    time ??= property.Name;
                }
                else
                {
                    text ??= property.Name;
                }
            }
        }

        return new RequestSchema(text, number, time, first);
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        // "oneOf": [{"type":"null"}, {"$ref": ...}] for a nullable object.
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    {
                        return Resolve(document, option);
                    }
                }
            }
        }

        return schema;
    }

    private static List<string> TypesOf(JsonElement schema) => !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
}

/// <summary>The hostile inputs of the matrix: whole bodies, values aimed at one field, and values of one query parameter.</summary>
public static class HostileInputs
{
    /// <summary>More than any route takes (the address register's 50 MB, Kestrel's 30 MB): only the header says so.</summary>
    public const long Oversize = 64L * 1024 * 1024;

    /// <summary>Long enough for no text field of ours, short enough for every JSON body limit (login's 4 KiB).</summary>
    public const int HugeStringLength = 3000;

    public static readonly HostileBody[] Bodies =
    [
        Whole("malformed JSON", "{\"a\":"),
        new("wrong content type", _ => (Encoding.UTF8.GetBytes("{}"), "text/plain", null)),
        new("empty body", _ => ([], "application/json", null)),
        new("oversize body", _ => (Encoding.UTF8.GetBytes("{}"), "application/json", Oversize)),
        // 200 levels in 400 bytes: deeper than the 16 any body may have, yet under every route's size limit.
        Whole("deep nesting", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}"),
        Whole("array at the root", "[1,2,3]"),
        Whole("null at the root", "null"),
        Whole("unknown field", """{"zzz_unknown_field":1}"""),
        Whole("NaN literal", """{"a":NaN}"""),
        new("invalid UTF-8", s => (
            [.. Encoding.UTF8.GetBytes($"{{\"{s.FirstString ?? "name"}\":\"a"), 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes("\"}")],
            "application/json", null)),
        AtString("lone surrogate", "\"a\\uD800b\""),
        AtString("NUL", "\"a\\u0000b\""),
        AtString("ESC", "\"\\u001b[31mred\""),
        AtString("bidi override", "\"abc\\u202Edef\""),
        AtString("huge string", "\"" + new string('x', HugeStringLength) + "\""),
        new("wrong type", s => s.FirstField is null ? null : Json($"{{\"{s.FirstField}\":{(s.FirstNumber == s.FirstField ? "\"abc\"" : "{\"nested\":true}")}}}")),
        AtNumber("out-of-range number", "1e400"),
        AtNumber("NaN as text", "\"NaN\""),
        AtNumber("Infinity as text", "\"-Infinity\""),
        new("time without offset", s => s.FirstTime is null ? null : Json($"{{\"{s.FirstTime}\":\"2026-12-05T10:00:00\"}}")),
    ];

    /// <summary>Values for one query parameter, percent-encoded as sent.</summary>
    public static readonly (string Name, string Value)[] QueryValues =
    [
        ("non-numeric", "abc"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("out-of-range number", "1e400"),
        ("negative", "-5"),
        ("huge string", new string('x', 2 * HugeStringLength)), // over the server's 4,000-character backstop
        ("NUL", "a%00b"),
        ("ESC", "%1B%5B31m"),
        ("bidi override", "abc%E2%80%AEdef"),
        ("invalid UTF-8", "a%FF%FEb"),
        ("lone surrogate", "a%ED%A0%80b"),
        ("time without offset", "2026-12-05T10:00:00"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("SQL", "%27%20OR%201%3D1%20--"),
    ];

    /// <summary>What a hostile value of a parameter of this kind must answer.</summary>
    public static int Expected(QueryKind kind, string input) => (kind, input) switch
    {
        // Text is a question: odd text finds nothing, but bytes that are not text are refused.
        (QueryKind.Text, "NUL" or "ESC" or "bidi override" or "invalid UTF-8" or "lone surrogate" or "huge string") => 400,
        (QueryKind.Text, _) => 200,
        (QueryKind.Number, "negative") => 400,
        _ => 400,
    };

    private static HostileBody Whole(string name, string json) => new(name, _ => Json(json));

    private static HostileBody AtString(string name, string value) =>
        new(name, s => Json($"{{\"{s.FirstString ?? "name"}\":{value}}}"));

    private static HostileBody AtNumber(string name, string value) =>
        new(name, s => s.FirstNumber is null ? null : Json($"{{\"{s.FirstNumber}\":{value}}}"));

    private static (byte[], string, long?) Json(string text) => (Encoding.UTF8.GetBytes(text), "application/json", null);

    /// <summary>A problem body a person can act on: RFC 7807 fields, a title and a detail or errors, no stack trace.</summary>
    public static string? WhyNotAProblem(int status, string? contentType, string body)
    {
        if (contentType != "application/problem+json")
        {
            return $"content type {contentType ?? "none"}";
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }

        var title = node?["title"]?.GetValueKind() == JsonValueKind.String ? node["title"]!.GetValue<string>() : null;
        var detail = node?["detail"]?.GetValueKind() == JsonValueKind.String ? node["detail"]!.GetValue<string>() : null;
        var statusField = node?["status"]?.GetValueKind() == JsonValueKind.Number ? node["status"]!.GetValue<int>() : (int?)null;
        if (string.IsNullOrWhiteSpace(title))
        {
            return "no title";
        }

        if (statusField != status)
        {
            return $"status field {statusField?.ToString() ?? "missing"}";
        }

        if (string.IsNullOrWhiteSpace(detail) && node?["errors"] is null)
        {
            return "neither detail nor errors";
        }

        return body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal) ? "an exception in the body" : null;
    }
}
