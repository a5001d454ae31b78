using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WireTrace.Core.Documents;

namespace WireTrace.Service;

/// <summary>
/// Reads the body of <c>POST /articles</c> and <c>POST /match</c>: one object
/// <c>{"id","text","title"?,"outlet"?,"published"?,"url"?}</c> or an array of them, as JSON, at most the size limit.
/// Every problem is an <see cref="ApiException"/> with a 4xx status.
/// </summary>
internal static class ArticleRequests
{
    public const int MaxIdLength = 512;

    public static async Task<IReadOnlyList<Article>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var type = request.ContentType;
        if (type == null || !type.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported media type", $"send the articles as application/json, not '{type ?? "(none)"}'");
        }
        if (request.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "malformed JSON", e.Message);
        }
        using (json)
        {
            var root = json.RootElement;
            var articles = new List<Article>();
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    articles.Add(ToArticle(root, null));
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var e in root.EnumerateArray()) articles.Add(ToArticle(e, i++));
                    break;
                default:
                    throw new ApiException(StatusCodes.Status400BadRequest, "wrong body", "the body must be an article object or an array of them");
            }
            if (articles.Count == 0) throw new ApiException(StatusCodes.Status400BadRequest, "no articles", "the array is empty");
            var repeated = articles.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated != null) throw new ApiException(StatusCodes.Status400BadRequest, "repeated id", $"the id '{repeated.Key}' occurs more than once");
            return articles;
        }
    }

    private static ApiException TooLarge(long maxBytes)
        => new(StatusCodes.Status413PayloadTooLarge, "request too large", $"the body exceeds the limit of {maxBytes} bytes");

    private static Article ToArticle(JsonElement e, int? index)
    {
        string where = index is { } i ? $"article {i}" : "the article";
        if (e.ValueKind != JsonValueKind.Object) throw new ApiException(StatusCodes.Status400BadRequest, "wrong body", $"{where} is not a JSON object");
        string id = Required(e, "id", where);
        if (id.Length > MaxIdLength) throw new ApiException(StatusCodes.Status400BadRequest, "invalid field", $"{where}: 'id' is longer than {MaxIdLength} characters");
        string text = Required(e, "text", where);
        DateOnly? published = null;
        if (Optional(e, "published", where) is { } p)
        {
            if (!DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "invalid field", $"{where}: 'published' must be a date as yyyy-MM-dd, not '{p}'");
            }
            published = d;
        }
        return Article.FromText(id, null, text, Optional(e, "title", where), Optional(e, "outlet", where), published, Optional(e, "url", where));
    }

    private static string Required(JsonElement e, string name, string where)
    {
        var value = Optional(e, name, where);
        if (string.IsNullOrWhiteSpace(value)) throw new ApiException(StatusCodes.Status400BadRequest, "missing field", $"{where} needs a non-empty string '{name}'");
        return value;
    }

    private static string? Optional(JsonElement e, string name, string where)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new ApiException(StatusCodes.Status400BadRequest, "invalid field", $"{where}: '{name}' must be a string");
        return v.GetString();
    }
}
