using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Documents;

/// <summary>
/// Writes the cleaned text with its facts as HTML: every character of the document goes through
/// HTML encoding (the text is untrusted), each fact becomes a link to its page (or a mark when it has
/// none) that carries its original offsets; a passage a link asks for is highlighted.
/// </summary>
public static class DocumentHtml
{
    /// <summary>The text with its facts; <paramref name="passage"/>, when given, is highlighted and its first piece is the anchor <c>#passage</c>.</summary>
    public static IHtmlContent Render(AnnotatedDocument document, UiText text, Passage? passage = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder(document.Runs.Count + 4);
        var at = 0;
        var anchored = false;
        foreach (var run in document.Runs)
        {
            var (start, end) = (at, at + run.Text.Length);
            at = end;
            var (from, to) = passage is null ? (0, 0) : (Math.Max(start, passage.Start), Math.Min(end, passage.End));
            if (run.Mark is not { } m)
            {
                if (from >= to)
                {
                    html.Append(run.Text);
                    continue;
                }

                // The part of a plain run inside the passage is marked; a fact inside it is marked by its class.
                html.Append(run.Text[..(from - start)]);
                var piece = new TagBuilder("mark");
                piece.AddCssClass("passage");
                if (!anchored)
                {
                    piece.Attributes["id"] = "passage";
                    anchored = true;
                }

                piece.InnerHtml.Append(run.Text[(from - start)..(to - start)]);
                html.AppendHtml(piece);
                html.Append(run.Text[(to - start)..]);
                continue;
            }

            var kind = m.Kind.ToString().ToLowerInvariant();
            var tag = new TagBuilder(m.Href is null ? "mark" : "a");
            tag.AddCssClass("fact fact-" + kind);
            if (from < to)
            {
                tag.AddCssClass("passage");
                if (!anchored)
                {
                    tag.Attributes["id"] = "passage";
                    anchored = true;
                }
            }

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
