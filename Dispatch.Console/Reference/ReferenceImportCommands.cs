using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Console.Alerts;

namespace Dispatch.Console.Reference;

/// <summary>
/// <c>dispatch units import</c> and <c>dispatch organisations import</c>: an installer's list of units or
/// organisations (shaped like <c>infra/geo/units.json</c> / <c>organisations.json</c>) sent to the server one
/// <c>PUT</c> at a time, as an admin, so each is validated and audited as if edited by hand. Organisations first:
/// a unit names the organisation it belongs to.
/// </summary>
public static class ReferenceImportCommands
{
    /// <summary>One kind of reference record: the file's list property, the API path, and the fields the PUT takes.</summary>
    private sealed record Kind(string Noun, string ListProperty, string ApiPath, string[] Fields);

    private static readonly Kind Units = new("unit", "units", "api/units/", ["name", "organisation", "kind"]);
    private static readonly Kind Organisations = new("organisation", "organisations", "api/organisations/", ["name", "type", "areaCodes"]);

    public static Command BuildUnits() => Build(Units, "units",
        "Units (处置力量): import them from a JSON file through the server (PUT /api/units/{code}); same codes are replaced.",
        "JSON file {\"units\":[{\"code\",\"name\",\"organisation\",\"kind\"}]}, e.g. infra/geo/units.json; other fields (lon, lat) are left out: a unit reports its own position.");

    public static Command BuildOrganisations() => Build(Organisations, "organisations",
        "Organisations (责任单位): import them from a JSON file through the server (PUT /api/organisations/{code}); same codes are replaced.",
        "JSON file {\"organisations\":[{\"code\",\"name\",\"type\",\"areaCodes\"}]}, e.g. infra/geo/organisations.json.");

    private static Command Build(Kind kind, string verb, string description, string fileDescription)
    {
        var file = new Argument<FileInfo>("file") { Description = fileDescription }.AcceptExistingOnly();
        var server = AlertCommands.ServerOption();
        var import = new Command("import", $"Create or replace every {kind.Noun} of the file, as an admin (--user/--password).") { file, server };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            var path = parse.GetValue(file)!;
            var (items, failure) = await ReadAsync(path, kind);
            if (items is null)
            {
                await config.Error.WriteLineAsync($"✗ {path.Name}: {failure}");
                return ExitCodes.Rejected;
            }

            using var http = AlertSender.CreateHttpClient();
            return await ImportAsync(http, AlertSender.ParseServer(parse.GetValue(server)), kind, path.Name, items, config.Output, config.Error, cancellationToken);
        });

        return new Command(verb, description) { import };
    }

    /// <summary>The file's items, or why it cannot be read; per-item problems are left to the loop to report.</summary>
    private static async Task<(JsonArray? Items, string? Failure)> ReadAsync(FileInfo path, Kind kind)
    {
        try
        {
            var root = JsonNode.Parse(await File.ReadAllTextAsync(path.FullName));
            return root is JsonObject { } o && o[kind.ListProperty] is JsonArray items
                ? (items, null)
                : (null, $"expected a JSON object with a \"{kind.ListProperty}\" array.");
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read it: {ex.Message}");
        }
    }

    private static async Task<int> ImportAsync(
        HttpClient http, Uri server, Kind kind, string fileName, JsonArray items, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (created, replaced, refused) = (0, 0, 0);
        for (var i = 0; i < items.Count; i++)
        {
            var progress = $"[{i + 1}/{items.Count}]";
            if (items[i] is not JsonObject item || item["code"] is not JsonValue codeValue || !codeValue.TryGetValue<string>(out var code) || code.Trim().Length == 0)
            {
                await error.WriteLineAsync($"  ✗ {progress} item {i}: no \"code\"; skipped.");
                refused++;
                continue;
            }

            var body = new JsonObject();
            foreach (var field in kind.Fields)
            {
                body[field] = item[field]?.DeepClone();
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server, kind.ApiPath + Uri.EscapeDataString(code.Trim())))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            HttpStatusCode status;
            string answer;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                status = response.StatusCode;
                answer = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                await error.WriteLineAsync($"✗ {fileName}: {AlertSender.Unreachable(server).Message} ({created + replaced} of {items.Count} done).");
                return ExitCodes.Unavailable;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"✗ {fileName}: no answer from {AlertSender.ServerText(server)} in time ({created + replaced} of {items.Count} done).");
                return ExitCodes.Unavailable;
            }

            switch (status)
            {
                case HttpStatusCode.Created:
                    created++;
                    await output.WriteLineAsync($"  {progress} {code} created 已创建");
                    continue;
                case HttpStatusCode.OK:
                    replaced++;
                    await output.WriteLineAsync($"  {progress} {code} replaced 已替换");
                    continue;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    // Every other item would be refused the same way.
                    await error.WriteLineAsync($"✗ {fileName}: {AlertSender.ServerText(server)} answered {(int)status}: {Describe(answer)} — sign in as an admin (--user/--password).");
                    return ExitCodes.Rejected;
                case >= HttpStatusCode.InternalServerError:
                    await error.WriteLineAsync($"✗ {fileName}: {AlertSender.ServerText(server)} answered {(int)status} at {code}: {Describe(answer)} ({created + replaced} of {items.Count} done).");
                    return ExitCodes.Unavailable;
                default:
                    refused++;
                    await error.WriteLineAsync($"  ✗ {progress} {code} refused ({(int)status}): {Describe(answer)}");
                    continue;
            }
        }

        var summary = $"{fileName}: {created + replaced} of {items.Count} {kind.Noun}(s) imported 已导入 ({created} created, {replaced} replaced";
        if (refused > 0)
        {
            await error.WriteLineAsync($"✗ {summary}, {refused} refused 被拒绝).");
            return ExitCodes.Rejected;
        }

        await output.WriteLineAsync($"✓ {summary}).");
        return ExitCodes.Ok;
    }

    /// <summary>A problem's named fields ("kind: …; name: …"), else its detail or title, else the raw text.</summary>
    private static string Describe(string answer)
    {
        try
        {
            if (JsonNode.Parse(answer) is JsonObject problem)
            {
                if (problem["errors"] is JsonObject errors && errors.Count > 0)
                {
                    return string.Join("; ", errors.OrderBy(e => e.Key, StringComparer.Ordinal)
                        .Select(e => $"{e.Key}: {string.Join(" ", (e.Value as JsonArray ?? []).Select(m => m?.ToString()))}"));
                }

                return problem["detail"]?.ToString() ?? problem["title"]?.ToString() ?? answer;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: show what came.
        }

        return answer.Length > 200 ? answer[..200] + "…" : answer;
    }
}
