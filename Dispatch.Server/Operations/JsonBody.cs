using System.Text.Json;

namespace Dispatch.Server.Operations;

/// <summary>Strict reading of JSON request bodies, shared by every endpoint that takes one.</summary>
public static class JsonBody
{
    /// <summary>Reads a JSON body strictly, turning every way it can be wrong into a problem a person can act on.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        try
        {
            // Counted here as well as by Kestrel's limit: a chunked body has no Content-Length to check up front,
            // and not every server (the test host among them) enforces the limit.
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return (null, Problems.TooLarge(maxBytes));
                }

                body.Write(chunk, 0, read);
            }

            using (var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), new JsonDocumentOptions { MaxDepth = StrictJson.Options.MaxDepth }))
            {
                if (TextCheck.FirstForbidden(document.RootElement) is { } forbidden)
                {
                    return (null, Problems.Invalid(
                        new Dictionary<string, string[]> { [forbidden.Field] = [$"{forbidden.Field} {forbidden.Problem} Send plain text."] },
                        "文本含有不允许的字符 / Text with forbidden characters"));
                }
            }

            body.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(body, StrictJson.Options, cancellationToken);
            return (value, null);
        }
        catch (JsonException ex) when (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (null, Problems.UnknownField(Problems.FieldFromPath(ex.Path) ?? "?"));
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson(ex));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
    }
}
