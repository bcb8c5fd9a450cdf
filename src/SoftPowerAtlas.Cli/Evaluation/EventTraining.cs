using System.Globalization;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Cli.Evaluation;

/// <summary>One annotated page as the event model learns from it: its anchors and the gold events.</summary>
internal sealed record TrainingPage(string Name, IReadOnlyList<(string Key, IReadOnlyList<string> Features)> Anchors, IReadOnlyList<(string Type, string? Date)> Gold);

/// <summary>
/// Trains the event model on annotated pages and measures it by cross-validation. An anchor (a date of
/// the page) is labelled with the type of the gold event on that date, or <c>none</c>; a gold event
/// without a date labels a year-less anchor of the page (<c>--06-13</c>) when there is one. Features
/// seen on fewer than <see cref="MinDocuments"/> pages are dropped, so the model cannot learn a
/// string that only one page holds.
/// </summary>
internal static class EventTraining
{
    public const int MinDocuments = 3;

    public static List<(IReadOnlyList<string> Features, string Label)> Examples(IReadOnlyList<TrainingPage> pages)
    {
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var f in page.Anchors.SelectMany(a => a.Features).Distinct(StringComparer.Ordinal))
            {
                documentCounts[f] = documentCounts.GetValueOrDefault(f) + 1;
            }
        }

        var examples = new List<(IReadOnlyList<string>, string)>();
        foreach (var page in pages)
        {
            var labels = Label(page);
            for (var i = 0; i < page.Anchors.Count; i++)
            {
                IReadOnlyList<string> kept = [.. page.Anchors[i].Features.Where(f => documentCounts[f] >= MinDocuments && (!NoWords || !(f.StartsWith("w:", StringComparison.Ordinal) || f.StartsWith("a:", StringComparison.Ordinal))))];
                examples.Add((kept, labels[i]));
            }
        }

        return examples;
    }

    /// <summary>The label of each anchor of a page: the type of the gold event it dates, or none.</summary>
    public static string[] Label(TrainingPage page)
    {
        var labels = Enumerable.Repeat(EventModel.None, page.Anchors.Count).ToArray();
        foreach (var (type, date) in page.Gold)
        {
            var i = date is null
                ? IndexWhere(page.Anchors, labels, k => k.StartsWith("--", StringComparison.Ordinal))
                : IndexWhere(page.Anchors, labels, k => k == date);
            if (i >= 0)
            {
                labels[i] = type;
            }
        }

        return labels;
    }

    /// <summary>
    /// K-fold cross-validation by page (page i is in fold i mod k): for each fold a model trained on
    /// the others predicts its pages; the events it yields are counted as the scorer counts them.
    /// </summary>
    public static (int Tp, int Fp, int Fn) CrossValidate(IReadOnlyList<TrainingPage> pages, int folds, int epochs, Action<string>? explain = null)
    {
        var (tp, fp, fn) = (0, 0, 0);
        for (var k = 0; k < folds; k++)
        {
            var train = pages.Where((_, i) => i % folds != k).ToList();
            var model = AveragedPerceptron.Train(Examples(train), EventModel.Labels, epochs);
            foreach (var page in pages.Where((_, i) => i % folds == k))
            {
                var predicted = Predict(model, page);
                if (explain is not null)
                {
                    var labels = Label(page);
                    for (var a = 0; a < page.Anchors.Count; a++)
                    {
                        var (guess, margin) = model.Predict(page.Anchors[a].Features);
                        if (guess != labels[a])
                        {
                            explain(string.Create(CultureInfo.InvariantCulture, $"  {page.Name} {page.Anchors[a].Key}: gold {labels[a]}, predicted {guess} (margin {margin:F1})"));
                        }
                    }
                }

                var (t, p, n) = Count(page.Gold, predicted);
                tp += t;
                fp += p;
                fn += n;
            }
        }

        return (tp, fp, fn);
    }

    public static (int Tp, int Fp, int Fn) CrossValidateTwoStage(IReadOnlyList<TrainingPage> pages, int folds, int epochs, bool learnedType)
    {
        var (tp, fp, fn) = (0, 0, 0);
        for (var k = 0; k < folds; k++)
        {
            var train = pages.Where((_, i) => i % folds != k).ToList();
            var ex = Examples(train);
            var binary = AveragedPerceptron.Train([.. ex.Select(e => (e.Features, e.Label == EventModel.None ? "none" : "event"))], ["none", "event"], epochs);
            var typer = AveragedPerceptron.Train([.. ex.Where(e => e.Label != EventModel.None).Select(e => (e.Features, e.Label))], [.. EventModel.Labels.Skip(1)], epochs);
            foreach (var page in pages.Where((_, i) => i % folds == k))
            {
                var predicted = new List<(string, string?)>();
                foreach (var (key, features) in page.Anchors)
                {
                    if (RuleBaseline ? !RuleIsEvent(features) : binary.Predict(features).Label == "none")
                    {
                        continue;
                    }

                    var type = learnedType ? typer.Predict(features).Label : RuleType(features);
                    predicted.Add((type, key.StartsWith('-') || key.Length <= 4 ? null : key));
                }

                var (t, p, n) = Count(page.Gold, predicted);
                tp += t;
                fp += p;
                fn += n;
            }
        }

        return (tp, fp, fn);
    }

    public static bool RuleBaseline { get; set; }

    public static bool NoWords { get; set; } = Environment.GetEnvironmentVariable("NOWORDS") == "1";

    private static bool RuleIsEvent(IReadOnlyList<string> features)
    {
        var strongSentence = features.Any(f => f.StartsWith("s:", StringComparison.Ordinal) && f.EndsWith(":strong", StringComparison.Ordinal));
        var paragraph = features.Any(f => f.StartsWith("p:top:", StringComparison.Ordinal));
        var history = features.Contains("history");
        var onlyPublication = features.Contains("role:Publication") && !features.Any(f => f.StartsWith("para:", StringComparison.Ordinal));
        return (strongSentence || paragraph) && !history && !onlyPublication;
    }

    private static string RuleType(IReadOnlyList<string> features)
    {
        foreach (var where in new[] { "s:top:", "p:top:", "b:top:", "t:top:" })
        {
            var f = features.FirstOrDefault(x => x.StartsWith(where, StringComparison.Ordinal));
            if (f is not null)
            {
                return f[where.Length..];
            }
        }

        return "other";
    }

    public static List<(string Type, string? Date)> Predict(AveragedPerceptron model, TrainingPage page)
    {
        var events = new List<(string, string?)>();
        foreach (var (key, features) in page.Anchors)
        {
            var (label, _) = model.Predict(features);
            if (label != EventModel.None)
            {
                events.Add((label, key.StartsWith('-') || key.Length <= 4 ? null : key));
            }
        }

        return events;
    }

    /// <summary>Events paired as score.py pairs them: on type and date, then on date alone.</summary>
    public static (int Tp, int Fp, int Fn) Count(IReadOnlyList<(string Type, string? Date)> gold, IReadOnlyList<(string Type, string? Date)> predicted)
    {
        var used = new HashSet<int>();
        var paired = new HashSet<int>();
        foreach (var strict in new[] { true, false })
        {
            for (var g = 0; g < gold.Count; g++)
            {
                if (paired.Contains(g))
                {
                    continue;
                }

                for (var p = 0; p < predicted.Count; p++)
                {
                    var sameDate = gold[g].Date is { } d ? predicted[p].Date is { } pd && ContractScorer.DateMatch(d, pd) : predicted[p].Date is null;
                    if (!used.Contains(p) && sameDate && (!strict || gold[g].Type == predicted[p].Type))
                    {
                        used.Add(p);
                        paired.Add(g);
                        break;
                    }
                }
            }
        }

        return (paired.Count, predicted.Count - used.Count, gold.Count - paired.Count);
    }

    public static IReadOnlyList<(string Type, string? Date)> GoldEvents(JsonObject gold) =>
        [.. (gold["events"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => (e["type"]?.GetValue<string>() ?? "other", e["date"] is JsonValue v && v.TryGetValue<string>(out var d) && d.Length > 0 ? d : null))];

    public static string F1Line(string name, (int Tp, int Fp, int Fn) c)
    {
        var p = c.Tp + c.Fp > 0 ? (double)c.Tp / (c.Tp + c.Fp) : 1.0;
        var r = c.Tp + c.Fn > 0 ? (double)c.Tp / (c.Tp + c.Fn) : 1.0;
        var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return string.Create(CultureInfo.InvariantCulture, $"{name}: F1 {f1:F3} (tp {c.Tp}, fp {c.Fp}, fn {c.Fn}) P {p:F3} R {r:F3}");
    }

    private static int IndexWhere(IReadOnlyList<(string Key, IReadOnlyList<string> Features)> anchors, string[] labels, Func<string, bool> match)
    {
        for (var i = 0; i < anchors.Count; i++)
        {
            if (labels[i] == EventModel.None && match(anchors[i].Key))
            {
                return i;
            }
        }

        return -1;
    }
}
