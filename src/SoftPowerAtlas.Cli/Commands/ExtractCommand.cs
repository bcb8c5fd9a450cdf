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
        var file = new Argument<string>("file") { Description = "A document (.txt, .md, .html, .docx, .pdf, or a scan: .png, .jpg, .tif) or - for standard input." };
        var json = new Option<bool>("--json") { Description = "Print the extraction contract (shared/eval/README.md) as JSON." };
        var anchors = new Option<bool>("--anchors") { Description = "Also list every date that could be an engagement's, as written and where, with what decided it: the written rules, the learned model, or a rule that excludes it (a page stamp, history, a year alone)." };
        var command = new Command("extract", "Extract engagements, participants, places, sectors and commitments from one document, each with the sentence it came from.")
        {
            file,
            json,
            anchors,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(anchors), console));
        return command;
    }

    private static int Run(string file, bool json, bool anchors, CliConsole console)
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

        if (anchors)
        {
            // With --json the list goes to standard error, so the contract on standard output stays parseable.
            FactsText.WriteAnchors(json ? console.Error : console.Out, doc);
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

    /// <summary>
    /// "2024-06-26 — rules: mou_signing — "26 June 2024" [812,824)": each date anchor of the document and
    /// what decided it, so a reader can see why a date became an engagement or did not.
    /// </summary>
    public static void WriteAnchors(TextWriter o, AnalyzedDocument doc)
    {
        var anchors = doc.Get<EventAnchorSet>()?.Anchors ?? [];
        o.WriteLine($"date anchors: {anchors.Count}");
        foreach (var a in anchors)
        {
            var decision = a.RuleType is { } rule ? "rules: " + rule.ToContract()
                : a.RuledOut ? "excluded: " + a.Exclusion
                : EventModel.Default.Classify(a.Features) is { } learned ? "model: " + learned.ToContract()
                : "no engagement (rules and model)";
            var written = a.Spans.Select(s => $"\"{doc.Text.Text[s.Start..s.End].ReplaceLineEndings(" ")}\" [{doc.Text.ToOriginal(s).Start},{doc.Text.ToOriginal(s).End})");
            o.WriteLine($"  {a.Key} — {decision} — {string.Join(", ", written)}");
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
