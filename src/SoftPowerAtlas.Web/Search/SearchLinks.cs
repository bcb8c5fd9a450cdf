using System.Globalization;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Web.Search;

/// <summary>
/// Search addresses built from query text, so every state of the search page (query, facet filters,
/// page) is a link that can be shared: a facet adds <c>field:value</c> to the query, an active one
/// takes its filter out again.
/// </summary>
public static class SearchLinks
{
    /// <summary>Facets of the index and the query field each one filters on.</summary>
    public static IReadOnlyDictionary<string, SearchField> Fields { get; } = new Dictionary<string, SearchField>(StringComparer.Ordinal)
    {
        ["country"] = SearchField.Country,
        ["sector"] = SearchField.Sector,
        ["agency"] = SearchField.Agency,
        ["type"] = SearchField.Type,
        ["year"] = SearchField.Year,
    };

    /// <summary><c>/search?q=…</c> (and <c>&amp;page=N</c> after the first page, <c>&amp;exact=true</c> for a search of the words only as written).</summary>
    public static string Page(string query, int page = 1, string path = "/search", bool exact = false)
    {
        var link = path + "?q=" + Uri.EscapeDataString(query) + (exact ? "&exact=true" : string.Empty);
        return page > 1 ? link + "&page=" + page.ToString(CultureInfo.InvariantCulture) : link;
    }

    /// <summary>The query with <c>facet:value</c> added; null when the value cannot be written in the query language.</summary>
    public static string? WithFilter(string query, string facet, string value)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (value.Length == 0 || value.Contains('"', StringComparison.Ordinal))
        {
            return null;
        }

        var written = value.Any(c => char.IsWhiteSpace(c) || c == ',') ? "\"" + value + "\"" : value;
        var trimmed = query.Trim();
        return (trimmed.Length == 0 ? string.Empty : trimmed + " ") + facet + ":" + written;
    }

    /// <summary>Whether the query already keeps documents with this facet value.</summary>
    public static bool IsActive(SearchQuery query, string facet, string value)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Fields.TryGetValue(facet, out var field) && query.Including(field).Any(f => f.Values.Contains(value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The query without the filter(s) on this facet that name this value.</summary>
    public static string Without(SearchQuery query, string facet, string value)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Text;
        if (!Fields.TryGetValue(facet, out var field))
        {
            return text;
        }

        foreach (var filter in query.Including(field).Where(f => f.Values.Contains(value, StringComparer.OrdinalIgnoreCase)).OrderByDescending(f => f.Position))
        {
            var end = TokenEnd(text, filter.Position);
            text = (text[..filter.Position].TrimEnd() + " " + text[end..].TrimStart()).Trim();
        }

        return text;
    }

    /// <summary>Where a <c>field:value</c> token starting at <paramref name="start"/> ends: at white space, or after a quoted value.</summary>
    private static int TokenEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                return close < 0 ? text.Length : close + 1;
            }

            i++;
        }

        return i;
    }
}
