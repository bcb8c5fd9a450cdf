using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Cli.Evaluation;

/// <summary>Precision/recall counts of one metric.</summary>
internal sealed class Prf
{
    public int Tp { get; private set; }

    public int Fp { get; private set; }

    public int Fn { get; private set; }

    public void Add(int tp, int fp, int fn)
    {
        Tp += tp;
        Fp += fp;
        Fn += fn;
    }

    public void Add((int Tp, int Fp, int Fn) c) => Add(c.Tp, c.Fp, c.Fn);

    /// <summary>Of what was predicted, the share that is right (1 when nothing was predicted and nothing was missed).</summary>
    public double Precision() => Tp + Fp > 0 ? (double)Tp / (Tp + Fp) : (Fn == 0 ? 1.0 : 0.0);

    /// <summary>Of what the gold holds, the share that was found.</summary>
    public double Recall() => Tp + Fn > 0 ? (double)Tp / (Tp + Fn) : 1.0;

    public double F1()
    {
        var (p, r) = (Precision(), Recall());
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /// <summary>score.py's line for the metric, then precision and recall.</summary>
    public string Line(string name) => string.Create(CultureInfo.InvariantCulture, $"{name}: F1 {F1():F3} (tp {Tp}, fp {Fp}, fn {Fn}) P {Precision():F3} R {Recall():F3}");
}

/// <summary>
/// The rules of shared/eval/score.py, in C#, so <c>atlas eval</c> prints the same figures without
/// Python. Keep the two in step: a test runs both on the seeds and compares every line.
/// </summary>
internal sealed partial class ContractScorer
{
    public static readonly string[] MetricNames = ["published", "dates", "date_values", "events", "event_countries", "event_sectors", "event_orgs", "event_people", "doc_countries", "commitment_dues"];
    private static readonly string[] MeanKeys = ["dates", "date_values", "events", "event_countries", "event_sectors", "event_orgs", "event_people", "doc_countries", "commitment_dues"];

    public Dictionary<string, Prf> Metrics { get; } = MetricNames.ToDictionary(k => k, _ => new Prf());

    public int Documents { get; private set; }

    public int Missing { get; private set; }

    public List<string> Notes { get; } = [];

    public double Mean => MeanKeys.Average(k => Metrics[k].F1());

    public void Score(string name, JsonObject gold, string text, JsonObject? pred)
    {
        Documents++;
        if (pred is null)
        {
            Missing++;
            pred = [];
        }

        var gp = Str(gold["published"]);
        var ppub = Str(pred["published"]);
        var ok = (gold["published"] is null && string.IsNullOrEmpty(ppub))
            || (gp is not null && !string.IsNullOrEmpty(ppub) && DateMatch(gp, ppub.Length > 10 ? ppub[..10] : ppub));
        Metrics["published"].Add(ok ? 1 : 0, ok ? 0 : 1, 0);

        ScoreDates(name, gold, text, pred);
        ScoreEvents(name, gold, pred);
        ScoreCommitments(gold, pred);
    }

    private void ScoreDates(string name, JsonObject gold, string text, JsonObject pred)
    {
        var pdates = Objects(pred["dates"]).ToList();
        var used = new HashSet<int>();
        foreach (var gd in Objects(gold["dates_in_text"]))
        {
            var written = Str(gd["as_written"]) ?? string.Empty;
            var hit = Enumerable.Range(0, pdates.Count).Cast<int?>().FirstOrDefault(i => !used.Contains(i!.Value) && SpanOverlap(written, text, pdates[i.Value]));
            if (Str(gd["role"]) == "name")
            {
                if (hit is { } h)
                {
                    used.Add(h);
                }

                continue;
            }

            if (hit is not { } idx)
            {
                Metrics["dates"].Add(0, 0, 1);
                Metrics["date_values"].Add(0, 0, 1);
                Notes.Add($"  {name}: missed date '{written}'");
                continue;
            }

            used.Add(idx);
            Metrics["dates"].Add(1, 0, 0);
            var value = Str(pdates[idx]["normalized"]) ?? Str(pdates[idx]["value"]) ?? string.Empty;
            var good = DateMatch(Str(gd["normalized"]) ?? string.Empty, value);
            Metrics["date_values"].Add(good ? 1 : 0, good ? 0 : 1, good ? 0 : 1);
            if (!good)
            {
                Notes.Add($"  {name}: date '{written}' -> '{value}', want '{Str(gd["normalized"])}'");
            }
        }

        Metrics["dates"].Add(0, pdates.Count - used.Count, 0);
    }

    private void ScoreEvents(string name, JsonObject gold, JsonObject pred)
    {
        var gev = Objects(gold["events"]).ToList();
        var pev = Objects(pred["events"]).ToList();
        var usedP = new HashSet<int>();
        var pairs = new List<(int G, int P)>();
        foreach (var strict in new[] { true, false })
        {
            for (var gi = 0; gi < gev.Count; gi++)
            {
                if (pairs.Any(p => p.G == gi))
                {
                    continue;
                }

                for (var pi = 0; pi < pev.Count; pi++)
                {
                    if (usedP.Contains(pi))
                    {
                        continue;
                    }

                    var gdate = Str(gev[gi]["date"]);
                    var pdate = Str(pev[pi]["date"]);
                    var sameDate = !string.IsNullOrEmpty(gdate) ? DateMatch(gdate, pdate ?? string.Empty) : string.IsNullOrEmpty(pdate);
                    if (sameDate && (!strict || Str(pev[pi]["type"]) == Str(gev[gi]["type"])))
                    {
                        usedP.Add(pi);
                        pairs.Add((gi, pi));
                        break;
                    }
                }
            }
        }

        Metrics["events"].Add(pairs.Count, pev.Count - pairs.Count, gev.Count - pairs.Count);
        for (var gi = 0; gi < gev.Count; gi++)
        {
            if (!pairs.Any(p => p.G == gi))
            {
                Notes.Add($"  {name}: missed event {Str(gev[gi]["type"])} {Str(gev[gi]["date"])}");
                Metrics["event_countries"].Add(0, 0, Count(gev[gi]["partner_countries"]));
                Metrics["event_sectors"].Add(0, 0, Count(gev[gi]["sectors"]));
                Metrics["event_orgs"].Add(0, 0, Count(gev[gi]["thai_orgs"]) + Count(gev[gi]["foreign_orgs"]));
                Metrics["event_people"].Add(0, 0, Count(gev[gi]["people"]));
            }
        }

        foreach (var (gi, pi) in pairs)
        {
            var (ge, pe) = (gev[gi], pev[pi]);
            Metrics["event_countries"].Add(SetPrf(ge["partner_countries"], pe["partner_countries"]));
            Metrics["event_sectors"].Add(SetPrf(ge["sectors"], pe["sectors"]));
            Metrics["event_orgs"].Add(MatchGroups([.. Items(ge["thai_orgs"]), .. Items(ge["foreign_orgs"])], [.. Items(pe["thai_orgs"]), .. Items(pe["foreign_orgs"])]));
            Metrics["event_people"].Add(MatchGroups([.. Items(ge["people"])], [.. Items(pe["people"])]));
        }

        for (var pi = 0; pi < pev.Count; pi++)
        {
            if (!pairs.Any(p => p.P == pi))
            {
                Metrics["event_countries"].Add(0, Count(pev[pi]["partner_countries"]), 0);
                Metrics["event_sectors"].Add(0, Count(pev[pi]["sectors"]), 0);
                Metrics["event_orgs"].Add(0, Count(pev[pi]["thai_orgs"]) + Count(pev[pi]["foreign_orgs"]), 0);
                Metrics["event_people"].Add(0, Count(pev[pi]["people"]), 0);
            }
        }

        var gc = gev.SelectMany(e => Items(e["partner_countries"])).Select(Str).OfType<string>();
        var pc = pev.SelectMany(e => Items(e["partner_countries"])).Select(Str).OfType<string>();
        Metrics["doc_countries"].Add(SetPrf(gc, pc));
    }

    private void ScoreCommitments(JsonObject gold, JsonObject pred)
    {
        var gdue = Objects(gold["commitments"]).Select(c => Str(c["due"])).Where(d => !string.IsNullOrEmpty(d)).ToList();
        var pdue = Objects(pred["commitments"]).Select(c => c["due"] is null ? null : c["due"]!.ToString()).Where(d => !string.IsNullOrEmpty(d)).ToList();
        var used = new HashSet<int>();
        var tp = 0;
        foreach (var g in gdue)
        {
            var j = Enumerable.Range(0, pdue.Count).Cast<int?>().FirstOrDefault(j => !used.Contains(j!.Value) && DateMatch(g!, pdue[j.Value]!));
            if (j is { } hit)
            {
                used.Add(hit);
                tp++;
            }
        }

        Metrics["commitment_dues"].Add(tp, pdue.Count - tp, gdue.Count - tp);
    }

    public IEnumerable<string> SummaryLines()
    {
        foreach (var k in MetricNames)
        {
            yield return Metrics[k].Line(k);
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"documents: {Documents}, without usable prediction: {Missing}");
        var m = Metrics;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"score: mean F1 {Mean:F3} | events {m["events"].F1():F3} dates {m["dates"].F1():F3} values {m["date_values"].F1():F3} orgs {m["event_orgs"].F1():F3} people {m["event_people"].F1():F3} countries {m["doc_countries"].F1():F3} sectors {m["event_sectors"].F1():F3} dues {m["commitment_dues"].F1():F3} published {m["published"].F1():F3}");
    }

    internal static string Norm(string? s)
    {
        if (s is null)
        {
            return string.Empty;
        }

        s = s.Normalize(NormalizationForm.FormC).Replace("\u200b", string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ');
        return Whitespace().Replace(s, " ").Trim().ToLowerInvariant();
    }

    internal static bool DateMatch(string g, string p)
    {
        g = Norm(g).ToUpperInvariant();
        p = Norm(p).ToUpperInvariant();
        if (g.Length == 0 || p.Length == 0)
        {
            return g == p;
        }

        return g == p || p.StartsWith(g + "-", StringComparison.Ordinal) || p.StartsWith(g + "T", StringComparison.Ordinal) || g.StartsWith(p + "T", StringComparison.Ordinal);
    }

    private static bool SpanOverlap(string goldText, string text, JsonObject pd)
    {
        var pt = Norm(Str(pd["text"]) ?? Str(pd["as_written"]) ?? string.Empty);
        var gt = Norm(goldText);
        if (pt.Length > 0 && (pt == gt || (pt.Length >= 4 && (gt.Contains(pt, StringComparison.Ordinal) || pt.Contains(gt, StringComparison.Ordinal)))))
        {
            return true;
        }

        if (pd["start"] is JsonValue sv && sv.TryGetValue<int>(out var s) && pd["end"] is JsonValue ev && ev.TryGetValue<int>(out var e) && goldText.Length > 0)
        {
            var i = text.IndexOf(goldText, StringComparison.Ordinal);
            while (i >= 0)
            {
                var ov = Math.Min(e, i + goldText.Length) - Math.Max(s, i);
                if (ov >= 0.5 * goldText.Length)
                {
                    return true;
                }

                i = text.IndexOf(goldText, i + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static HashSet<string> StringsOf(JsonNode? item)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        switch (item)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                set.Add(Norm(s));
                break;
            case JsonArray a:
                foreach (var x in a)
                {
                    if (x is JsonValue xv && xv.TryGetValue<string>(out var xs))
                    {
                        set.Add(Norm(xs));
                    }
                }

                break;
            case JsonObject o:
                foreach (var k in new[] { "name", "name_th", "name_en", "canonical" })
                {
                    if (Str(o[k]) is { } s2)
                    {
                        set.Add(Norm(s2));
                    }
                }

                foreach (var k in new[] { "aliases", "mentions" })
                {
                    foreach (var x in Items(o[k]))
                    {
                        var s3 = x is JsonObject xo ? Str(xo["text"]) : Str(x);
                        if (s3 is not null)
                        {
                            set.Add(Norm(s3));
                        }
                    }
                }

                break;
        }

        return set;
    }

    private static (int, int, int) MatchGroups(List<JsonNode?> goldItems, List<JsonNode?> predItems)
    {
        var gold = goldItems.Select(StringsOf).ToList();
        var pred = predItems.Select(StringsOf).ToList();
        var used = new HashSet<int>();
        var tp = 0;
        foreach (var g in gold)
        {
            for (var i = 0; i < pred.Count; i++)
            {
                if (used.Contains(i))
                {
                    continue;
                }

                var p = pred[i];
                if (g.Overlaps(p) || g.Any(a => p.Any(b => a.Length > 0 && b.Length > 0 && (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal)) && Math.Min(a.Length, b.Length) >= 4)))
                {
                    used.Add(i);
                    tp++;
                    break;
                }
            }
        }

        return (tp, pred.Count - used.Count, gold.Count - tp);
    }

    private static (int, int, int) SetPrf(JsonNode? gold, JsonNode? pred) =>
        SetPrf(Items(gold).Select(Str).OfType<string>(), Items(pred).Select(Str).OfType<string>());

    private static (int, int, int) SetPrf(IEnumerable<string> gold, IEnumerable<string> pred)
    {
        var g = gold.Select(x => Norm(x).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var p = pred.Select(x => Norm(x).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return (g.Intersect(p).Count(), p.Except(g).Count(), g.Except(p).Count());
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node is JsonArray a ? a : [];

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => Items(node).OfType<JsonObject>();

    private static int Count(JsonNode? node) => node is JsonArray a ? a.Count : 0;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
