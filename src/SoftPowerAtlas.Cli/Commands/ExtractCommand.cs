using System.CommandLine;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas extract FILE</c>: who met whom, when, where, on what, and what was promised.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A document (.txt, .md, .html) or - for standard input." };
        var json = new Option<bool>("--json") { Description = "Print the extraction contract (shared/eval/README.md) as JSON." };
        var command = new Command("extract", "Extract engagements, participants, places, sectors and commitments from one document, each with the sentence it came from.")
        {
            file,
            json,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), console));
        return command;
    }

    private static int Run(string file, bool json, CliConsole console)
    {
        var doc = CommandHelpers.AnalyseOne(file, console);
        if (doc is null)
        {
            return AtlasCommand.SomeInputsFailed;
        }

        if (json)
        {
            console.Out.WriteLine(FactsJson.Write(ExtractedFacts.From(doc)));
        }
        else
        {
            FactsText.Write(console.Out, doc);
        }

        return AtlasCommand.Ok;
    }
}

/// <summary>The readable form of a document's facts: each with the passage it came from.</summary>
internal static class FactsText
{
    public static void Write(TextWriter o, AnalyzedDocument doc)
    {
        var facts = doc.Get<DocumentFacts>();
        var text = doc.Text.Text;
        o.WriteLine($"{doc.Metadata.Title ?? doc.Source.Source}");
        o.WriteLine($"language {doc.LanguageCode}, source {doc.Metadata.SourceUrl ?? doc.Source.Source}");
        o.WriteLine();
        var n = 0;
        foreach (var e in facts?.Engagements ?? [])
        {
            n++;
            var when = e.Date is null ? "date not given" : e.Date.Normalized;
            o.WriteLine($"{n}. {e.Type.ToContract()} — {when}{(e.Place is null ? string.Empty : " — at " + e.Place)}");
            if (e.Countries.Count > 0)
            {
                o.WriteLine($"   partners: {string.Join(", ", e.Countries)}");
            }

            Line(o, "Thai side", e.ThaiSide);
            Line(o, "foreign side", e.ForeignSide);
            People(o, doc, e.People);
            if (e.Sectors.Count > 0)
            {
                o.WriteLine($"   sectors: {string.Join(", ", e.Sectors)}");
            }

            var span = doc.Text.ToOriginal(e.Evidence);
            o.WriteLine($"   from [{span.Start},{span.End}): {Excerpt(text[e.Evidence.Start..e.Evidence.End])}");
            o.WriteLine();
        }

        foreach (var c in facts?.Commitments ?? [])
        {
            var span = doc.Text.ToOriginal(c.Passage);
            o.WriteLine($"commitment{(c.Due is null ? string.Empty : " due " + c.Due.Normalized)}{(c.Who is null ? string.Empty : " by " + c.Who)}");
            o.WriteLine($"   from [{span.Start},{span.End}): {Excerpt(c.What)}");
        }
    }

    private static void Line(TextWriter o, string label, IReadOnlyList<ResolvedEntity> entities)
    {
        if (entities.Count > 0)
        {
            o.WriteLine($"   {label}: {string.Join("; ", entities.Select(e => e.Name))}");
        }
    }

    /// <summary>"people: ทวีพงษ์ วิชัยดิษฐ — ผู้อำนวยการ อพท. [120,136)": each person with the roles the text gives them.</summary>
    private static void People(TextWriter o, AnalyzedDocument doc, IReadOnlyList<ResolvedEntity> people)
    {
        if (people.Count == 0)
        {
            return;
        }

        o.WriteLine("   people:");
        foreach (var p in people)
        {
            var roles = p.Roles.Select(r =>
            {
                var span = doc.Text.ToOriginal(r.Span);
                var org = r.Organization is { } m ? $" (organisation {m.Name})" : string.Empty;
                return $"{doc.Text.Text[r.Span.Start..r.Span.End]}{org} [{span.Start},{span.End})";
            });
            var also = p.Mentions.Select(m => m.Name).Where(n => n != p.Name).Distinct(StringComparer.Ordinal).ToList();
            o.WriteLine($"     {p.Name}{(also.Count > 0 ? " (" + string.Join(", ", also) + ")" : string.Empty)}{string.Concat(roles.Select(r => " — " + r))}");
        }
    }

    private static string Excerpt(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= 160 ? s : s[..160] + "…";
    }
}
