using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Documents;

/// <summary>
/// Writes the cleaned text with its facts as HTML: every character of the document goes through
/// HTML encoding (the text is untrusted), each fact becomes a link to its page (or a mark when it has
/// none) that carries its original offsets.
/// </summary>
public static class DocumentHtml
{
    public static IHtmlContent Render(AnnotatedDocument document, UiText text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder(document.Runs.Count);
        foreach (var run in document.Runs)
        {
            if (run.Mark is not { } m)
            {
                html.Append(run.Text);
                continue;
            }

            var kind = m.Kind.ToString().ToLowerInvariant();
            var tag = new TagBuilder(m.Href is null ? "mark" : "a");
            tag.AddCssClass("fact fact-" + kind);
            if (m.Href is not null)
            {
                tag.Attributes["href"] = m.Href;
            }

            var label = m.Kind == FactKind.Sector ? text.Sector(m.Label) : m.Label;
            tag.Attributes["title"] = string.Create(CultureInfo.InvariantCulture, $"{text["fact." + kind]}: {label} · {m.OriginalStart}–{m.OriginalEnd}");
            tag.Attributes["data-kind"] = kind;
            tag.Attributes["data-start"] = m.OriginalStart.ToString(CultureInfo.InvariantCulture);
            tag.Attributes["data-end"] = m.OriginalEnd.ToString(CultureInfo.InvariantCulture);
            tag.InnerHtml.Append(run.Text);
            html.AppendHtml(tag);
        }

        return html;
    }
}
