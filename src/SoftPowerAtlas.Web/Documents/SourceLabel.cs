namespace SoftPowerAtlas.Web.Documents;

/// <summary>
/// How a page names where a document came from: its web address when it has one (the page's own
/// <c>source_url</c>, else a collected URL), otherwise the file name alone, never the server's folders.
/// </summary>
public static class SourceLabel
{
    /// <summary>The address a person can open: the document's source URL, else a source that is itself a web address; null for a file.</summary>
    public static string? Address(string source, string? sourceUrl) =>
        PageLinks.IsWebAddress(sourceUrl) ? sourceUrl : PageLinks.IsWebAddress(source) ? source : null;

    /// <summary>The address (<see cref="Address"/>) or the file's name without its folders (<c>/srv/in/th_news.txt</c>, <c>C:\in\a.md</c>, <c>upload/a.txt</c> → the name).</summary>
    public static string Display(string source, string? sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Address(source, sourceUrl) is { } address)
        {
            return address;
        }

        var cut = source.TrimEnd('/', '\\').LastIndexOfAny(['/', '\\']);
        var name = cut < 0 ? source : source[(cut + 1)..].TrimEnd('/', '\\');
        return name.Length > 0 ? name : source;
    }
}
