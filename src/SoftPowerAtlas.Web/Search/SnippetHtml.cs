using Microsoft.AspNetCore.Html;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Web.Search;

/// <summary>
/// A search snippet as HTML: every character of the (untrusted) document text is encoded, and only the
/// matches the index reported, by their offsets, are wrapped in <c>&lt;mark&gt;</c>.
/// </summary>
public static class SnippetHtml
{
    public static IHtmlContent Render(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var text = snippet.Text;
        var html = new HtmlContentBuilder((snippet.Highlights.Count * 3) + 3);
        if (snippet.Start > 0)
        {
            html.Append("… ");
        }

        var at = 0;
        foreach (var h in snippet.Highlights.OrderBy(h => h.Start))
        {
            // Offsets come from the index; one out of order or out of range is skipped, never trusted.
            if (h.Start < at || h.Length <= 0 || h.Start + h.Length > text.Length)
            {
                continue;
            }

            html.Append(text[at..h.Start]);
            html.AppendHtml("<mark>");
            html.Append(text.Substring(h.Start, h.Length));
            html.AppendHtml("</mark>");
            at = h.Start + h.Length;
        }

        html.Append(text[at..]);
        if (snippet.Truncated)
        {
            html.Append(" …");
        }

        return html;
    }
}
