using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace SoftPowerAtlas.Web;

/// <summary>Links that keep the current page and query and change one value (language, page offset, a filter).</summary>
public static class PageLinks
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        // The default encoder escapes <, > and & so the JSON can sit inside a data block of a page.
        Encoder = JavaScriptEncoder.Default,
    };

    public static string With(HttpRequest request, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (k, v) in query)
        {
            if (!string.Equals(k, key, StringComparison.Ordinal))
            {
                foreach (var item in v)
                {
                    builder.Add(k, item ?? string.Empty);
                }
            }
        }

        if (!string.IsNullOrEmpty(value))
        {
            builder.Add(key, value);
        }

        return request.PathBase + request.Path + builder.ToQueryString();
    }

    /// <summary>Only web addresses become links; anything else (javascript:, data:, a path) is shown as text.</summary>
    public static bool IsWebAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>JSON for a <c>&lt;script type="application/json"&gt;</c> data block: no character can close the element.</summary>
    public static string DataBlock<T>(T value) => JsonSerializer.Serialize(value, DataJson);
}
