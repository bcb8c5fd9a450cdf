using System.Globalization;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Cli.Evaluation;

/// <summary>One annotated page as the event model learns from it: its anchors and the gold events.</summary>
internal sealed record TrainingPage(string Name, IReadOnlyList<AnchorRecord> Anchors, IReadOnlyList<(string Type, string? Date)> Gold);

/// <summary>
/// Trains the event model on annotated pages and measures it, beside the hand-written rules, by
/// cross-validation. An anchor (a date of the page) is labelled with the type of the gold event on
/// that date, or <c>none</c>; a gold event without a date labels a year-less anchor of the page
/// (<c>--06-13</c>) when there is one. The model decides in two steps, as the rules do: whether the
/// date is an engagement's (trained on every anchor), then of which type (trained on the engagements).
/// Features seen on fewer than <see cref="MinDocuments"/> pages are dropped, so the model cannot learn
/// a string that only one page holds.
/// </summary>
internal static class EventTraining
{
    public const int MinDocuments = 3;
    private const string Event = "event";

    /// <summary>The two models: engagement or not, and the type of an engagement.</summary>
    public static (AveragedPerceptron IsEvent, AveragedPerceptron Type) Train(IReadOnlyList<TrainingPage> pages, int epochs)
    {
        var examples = Examples(pages);
        var isEvent = AveragedPerceptron.Train([.. examples.Select(e => (e.Features, e.Label == EventModel.None ? EventModel.None : Event))], [EventModel.None, Event], epochs);
        var type = AveragedPerceptron.Train([.. examples.Where(e => e.Label != EventModel.None)], [.. EventModel.Labels.Skip(1)], epochs);
        return (isEvent, type);
    }

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
                IReadOnlyList<string> kept = [.. page.Anchors[i].Features.Where(f => documentCounts[f] >= MinDocuments)];
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

    /// <summary>The events the rules give a page's anchors.</summary>
    public static List<(string Type, string? Date)> ByRules(TrainingPage page) =>
        [.. page.Anchors.Where(a => a.RuleType is not null).Select(a => (a.RuleType!.Value.ToContract(), EventDate(a.Key)))];

    /// <summary>The events the two models give a page's anchors.</summary>
    public static List<(string Type, string? Date)> ByModel((AveragedPerceptron IsEvent, AveragedPerceptron Type) model, TrainingPage page) =>
        [.. page.Anchors.Where(a => model.IsEvent.Predict(a.Features).Label == Event).Select(a => (model.Type.Predict(a.Features).Label, EventDate(a.Key)))];

    /// <summary>
    /// K-fold cross-validation by page (page i is in fold i mod k): for each fold, models trained on the
    /// other pages predict its pages; events are counted as the scorer counts them. The rules need no
    /// training and are counted on the same pages.
    /// </summary>
    public static ((int Tp, int Fp, int Fn) Learned, (int Tp, int Fp, int Fn) Rules, (int Tp, int Fp, int Fn)[] Both) CrossValidate(IReadOnlyList<TrainingPage> pages, int folds, int epochs, Action<string>? explain = null)
    {
        var learned = (0, 0, 0);
        var rules = (0, 0, 0);
        var both = new (int, int, int)[Margins.Length];
        for (var k = 0; k < folds; k++)
        {
            var model = Train([.. pages.Where((_, i) => i % folds != k)], epochs);
            foreach (var page in pages.Where((_, i) => i % folds == k))
            {
                learned = Add(learned, Count(page.Gold, ByModel(model, page)));
                rules = Add(rules, Count(page.Gold, ByRules(page)));
                for (var m = 0; m < Margins.Length; m++)
                {
                    both[m] = Add(both[m], Count(page.Gold, ByRulesThenModel(model, page, Margins[m])));
                }
                if (explain is null)
                {
                    continue;
                }

                var labels = Label(page);
                for (var a = 0; a < page.Anchors.Count; a++)
                {
                    var anchor = page.Anchors[a];
                    var guess = model.IsEvent.Predict(anchor.Features).Label == Event ? model.Type.Predict(anchor.Features).Label : EventModel.None;
                    var rule = anchor.RuleType?.ToContract() ?? EventModel.None;
                    if (guess != labels[a] || rule != labels[a])
                    {
                        explain($"  {page.Name} {anchor.Key}: gold {labels[a]}, rules {rule}, learned {guess}");
                    }
                }
            }
        }

        return (learned, rules, both);
    }

    /// <summary>How sure the model must be (its engagement score over its none score) where the rules find nothing.</summary>
    public static readonly float[] Margins = [0f, 0.5f, 1f, 2f, 4f];

    /// <summary>
    /// The rules' engagements, and the model's where the rules find none on that date, do not rule one out
    /// (a stamp, history, a year alone) and the model is sure by <paramref name="margin"/>.
    /// </summary>
    public static List<(string Type, string? Date)> ByRulesThenModel((AveragedPerceptron IsEvent, AveragedPerceptron Type) model, TrainingPage page, float margin) =>
        [.. page.Anchors.Select(a => a.RuleType is { } t ? t.ToContract() : !a.RuledOut && Sure(model.IsEvent, a.Features, margin) ? model.Type.Predict(a.Features).Label : null)
            .Zip(page.Anchors, (type, a) => (type, a))
            .Where(x => x.type is not null)
            .Select(x => (x.type!, EventDate(x.a.Key)))];

    private static bool Sure(AveragedPerceptron isEvent, IReadOnlyList<string> features, float margin)
    {
        var scores = isEvent.Scores(features);
        return scores[1] - scores[0] > margin;
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

    /// <summary>An anchor's value as an event date: a year alone or a day without its year dates no event.</summary>
    private static string? EventDate(string key) => key.StartsWith('-') || key.Length <= 4 ? null : key;

    private static (int, int, int) Add((int Tp, int Fp, int Fn) a, (int Tp, int Fp, int Fn) b) => (a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);

    private static int IndexWhere(IReadOnlyList<AnchorRecord> anchors, string[] labels, Func<string, bool> match)
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
