using System.Globalization;
using System.Net;
using System.Text;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Reports;

/// <summary>
/// A dossier as one self-contained HTML page: UTF-8, a font stack that has Thai on every common
/// system, every piece of document text HTML-encoded, links only to http(s) addresses, and a
/// Content-Security-Policy that allows no script at all.
/// </summary>
public static class HtmlDossierWriter
{
    private const string Style = """
        body { font-family: "Noto Sans Thai", "Noto Sans", "Sarabun", "Leelawadee UI", "Leelawadee", "Tahoma", "Thonburi", system-ui, sans-serif;
               line-height: 1.7; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; } td, th { padding: .15rem .8rem; border-bottom: 1px solid #eee; text-align: left; }
        td.n { text-align: right; } blockquote { margin: .3rem 0 .3rem 1rem; color: #444; border-left: 3px solid #ccc; padding-left: .8rem; }
        .meta { color: #666; font-size: .9rem; } li { margin-bottom: .9rem; } code { font-size: .85rem; }
        """;

    public static string Write(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var b = new StringBuilder();
        b.AppendLine("<!DOCTYPE html>");
        b.AppendLine("<html lang=\"th\">");
        b.AppendLine("<head>");
        b.AppendLine("<meta charset=\"utf-8\">");
        b.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">");
        b.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        b.Append("<title>").Append(E(DossierText.Title(d))).AppendLine("</title>");
        b.Append("<style>").Append(Style).AppendLine("</style>");
        b.AppendLine("</head>");
        b.AppendLine("<body>");
        b.Append("<h1>").Append(E(DossierText.Title(d))).AppendLine("</h1>");
        if (DossierText.AlsoKnownAs(d) is { Length: > 0 } aka)
        {
            b.Append("<p class=\"meta\">Also written: ").Append(E(aka)).AppendLine("</p>");
        }

        b.Append("<p>").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"{d.Engagements.Count} engagements, {d.OpenCommitments.Count} open commitments with a due date ({d.UndatedCommitments} without), from {d.Documents.Count} documents. As of {DossierText.Day(d.AsOf)}."))).AppendLine("</p>");

        Tallies(b, "Engagements per year", "year", d.PerYear);
        b.AppendLine("<h2>Engagements</h2>").AppendLine("<ol>");
        foreach (var e in d.Engagements)
        {
            b.Append("<li><strong>").Append(E(DossierText.When(e.Date))).Append("</strong> ").Append(E(e.Type));
            if (e.Countries.Count > 0)
            {
                b.Append(" · ").Append(E(string.Join(", ", e.Countries)));
            }

            if (e.Sectors.Count > 0)
            {
                b.Append(" · ").Append(E(string.Join(", ", e.Sectors)));
            }

            Meta(b, "Thai side", DossierText.Parties(e, "thai"));
            Meta(b, "Foreign side", DossierText.Parties(e, "foreign"));
            Meta(b, "Place", e.Place);
            b.Append("<blockquote>").Append(E(CommitmentKey.Normalize(e.Evidence))).Append("</blockquote>");
            Source(b, e.Source);
            b.AppendLine("</li>");
        }

        b.AppendLine("</ol>");
        Tallies(b, "Partners", "partner", d.Partners);
        Tallies(b, "Countries", "country", d.Countries);
        Tallies(b, "Sectors", "sector", d.Sectors);
        Tallies(b, "People", "person", d.People);

        b.AppendLine("<h2>Open commitments</h2>");
        if (d.OpenCommitments.Count == 0)
        {
            b.AppendLine("<p>None.</p>");
        }
        else
        {
            b.AppendLine("<ul>");
            foreach (var i in d.OpenCommitments)
            {
                var c = i.Commitment;
                b.Append("<li><strong>due ").Append(DossierText.Day(i.DueBy)).Append("</strong> (written ").Append(E(c.DueWritten ?? string.Empty)).Append(", ")
                    .Append(E(DossierText.State(i))).Append(") · id <code>").Append(E(c.Key)).Append("</code>");
                Meta(b, "Who", c.Who);
                b.Append("<blockquote>").Append(E(CommitmentKey.Normalize(c.Sentence))).Append("</blockquote>");
                Source(b, c.Source);
                b.AppendLine("</li>");
            }

            b.AppendLine("</ul>");
        }

        b.AppendLine("<h2>Documents</h2>").AppendLine("<ul>");
        foreach (var doc in d.Documents)
        {
            b.Append(string.Create(CultureInfo.InvariantCulture, $"<li>#{doc.Id} ")).Append(Link(doc.Title ?? doc.Path, doc.Url))
                .Append(" — <code>").Append(E(doc.Path)).Append("</code>")
                .Append(E(string.Create(CultureInfo.InvariantCulture, $" ({doc.Engagements} engagements, {doc.Commitments} commitments)"))).AppendLine("</li>");
        }

        b.AppendLine("</ul>");
        b.Append("<p class=\"meta\">Generated by SoftPowerAtlas on ").Append(d.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).AppendLine("</p>");
        b.AppendLine("</body>");
        b.AppendLine("</html>");
        return b.ToString();
    }

    /// <summary>HTML-encodes text (&lt; &gt; &amp; " '); Thai letters are left as they are, the page being UTF-8.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Meta(StringBuilder b, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            b.Append("<br><span class=\"meta\">").Append(E(label)).Append(":</span> ").Append(E(value));
        }
    }

    private static void Source(StringBuilder b, SourceRef s) =>
        b.Append("<div class=\"meta\">Source: ").Append(Link(s.Title ?? s.Path, s.Url)).Append(" — <code>").Append(E(s.Path)).Append("</code>, ").Append(E(DossierText.Offsets(s))).Append("</div>");

    private static string Link(string text, string? url) => DossierText.SafeUrl(url) is { } uri
        ? "<a href=\"" + E(uri.AbsoluteUri) + "\" rel=\"noopener noreferrer\">" + E(text) + "</a>"
        : E(text);

    private static void Tallies(StringBuilder b, string heading, string what, IReadOnlyList<Tally> tallies)
    {
        b.Append("<h2>").Append(E(heading)).AppendLine("</h2>");
        if (tallies.Count == 0)
        {
            b.AppendLine("<p>None.</p>");
            return;
        }

        b.Append("<table><thead><tr><th>").Append(E(what)).AppendLine("</th><th>engagements</th></tr></thead><tbody>");
        foreach (var t in tallies)
        {
            b.Append("<tr><td>").Append(E(t.Name)).Append("</td><td class=\"n\">").Append(t.Engagements.ToString(CultureInfo.InvariantCulture)).AppendLine("</td></tr>");
        }

        b.AppendLine("</tbody></table>");
    }
}
