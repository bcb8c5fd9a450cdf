using System.CommandLine;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Learning;
using SoftPowerAtlas.Cli.Evaluation;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>
/// <c>atlas train GOLD_DIR...</c>: train the event model on annotated pages (their development split
/// by default), print its cross-validated figure beside the shipped model's, and write the weights.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Argument<string[]>("gold-dir") { Description = "Folders of NAME.txt beside NAME.gold.json (e.g. ../shared/corpus/real ../shared/corpus/linked).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the trained weights there (src/SoftPowerAtlas.Analysis/Engagements/Data/event-model.tsv is the shipped model)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validate over this many folds of pages before training on all (0: skip).", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the examples.", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Name every anchor the cross-validation got wrong." };
        var split = new Option<string>("--split") { Description = "Which pages to learn from: development (default), held-out or all. Held-out pages are for measuring only.", DefaultValueFactory = _ => "development" };
        var command = new Command("train", "Train the event model (which dates are engagements, of which type) on annotated pages and report its cross-validated F1.")
        {
            gold,
            output,
            folds,
            epochs,
            split,
            verbose,
        };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(output), parse.GetValue(folds), parse.GetValue(epochs), parse.GetValue(split)!, parse.GetValue(verbose), console));
        return command;
    }

    private static int Run(string[] goldDirs, string? output, int folds, int epochs, string splitText, bool verbose, CliConsole console)
    {
        EvalSplit split;
        switch (splitText)
        {
            case "development" or "dev":
                split = EvalSplit.Development;
                break;
            case "held-out":
                split = EvalSplit.HeldOut;
                break;
            case "all":
                split = EvalSplit.All;
                break;
            default:
                console.Error.WriteLine($"atlas: --split takes development, held-out or all, not '{splitText}'");
                return AtlasCommand.UsageError;
        }

        if (folds is 1 or < 0 || epochs < 1)
        {
            console.Error.WriteLine("atlas: --folds takes 0 or at least 2, --epochs at least 1");
            return AtlasCommand.UsageError;
        }

        var pages = new List<TrainingPage>();
        foreach (var dir in goldDirs)
        {
            if (!Directory.Exists(dir))
            {
                console.Error.WriteLine($"atlas: no folder {dir}");
                return AtlasCommand.SomeInputsFailed;
            }

            foreach (var file in Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file)[..^".gold.json".Length];
                if (!split.Includes(name))
                {
                    continue;
                }

                JsonObject goldJson;
                try
                {
                    goldJson = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
                {
                    console.Error.WriteLine($"atlas: {file}: not a gold annotation ({e.Message})");
                    return AtlasCommand.SomeInputsFailed;
                }

                var textPath = Path.Combine(dir, goldJson["file"]?.GetValue<string>() ?? name + ".txt");
                if (CommandHelpers.AnalyseOne(textPath, console)?.Get<EventAnchorSet>() is not { } anchors)
                {
                    return AtlasCommand.SomeInputsFailed;
                }

                pages.Add(new TrainingPage(name, anchors.Anchors, EventTraining.GoldEvents(goldJson)));
            }
        }

        if (pages.Count == 0)
        {
            console.Error.WriteLine("atlas: no annotated pages in that split");
            return AtlasCommand.SomeInputsFailed;
        }

        var examples = EventTraining.Examples(pages);
        if (Environment.GetEnvironmentVariable("ATLAS_DUMP_ANCHORS") is { Length: > 0 } dump)
        {
            using var w = new StreamWriter(dump);
            foreach (var page in pages)
            {
                var labels = EventTraining.Label(page);
                for (var i = 0; i < page.Anchors.Count; i++)
                {
                    w.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { page = page.Name, key = page.Anchors[i].Key, label = labels[i], features = page.Anchors[i].Features, gold = page.Gold.Select(g => g.Type + " " + g.Date) }));
                }
            }
        }

        console.Out.WriteLine($"{pages.Count} pages, {examples.Count} date anchors, {examples.Count(e => e.Label != EventModel.None)} of them engagements");
        var shipped = pages.Select(p => EventTraining.Count(p.Gold, EventTraining.Predict(EventModel.Default.Weights, p)))
            .Aggregate((0, 0, 0), (a, c) => (a.Item1 + c.Tp, a.Item2 + c.Fp, a.Item3 + c.Fn));
        console.Out.WriteLine(EventTraining.F1Line("shipped model, on these pages", shipped));
        if (folds >= 2)
        {
            console.Out.WriteLine(EventTraining.F1Line($"{folds}-fold cross-validation", EventTraining.CrossValidate(pages, folds, epochs, verbose ? console.Out.WriteLine : null)));
            console.Out.WriteLine(EventTraining.F1Line($"{folds}-fold two-stage, rule type", EventTraining.CrossValidateTwoStage(pages, folds, epochs, false)));
            console.Out.WriteLine(EventTraining.F1Line($"{folds}-fold two-stage, learned type", EventTraining.CrossValidateTwoStage(pages, folds, epochs, true)));
            EventTraining.RuleBaseline = true;
            console.Out.WriteLine(EventTraining.F1Line("rule baseline", EventTraining.CrossValidateTwoStage(pages, folds, epochs, false)));
            EventTraining.RuleBaseline = false;
        }

        var model = AveragedPerceptron.Train(examples, EventModel.Labels, epochs);
        console.Out.WriteLine($"trained on all {pages.Count} pages: {model.FeatureCount} features");
        if (output is not null)
        {
            using var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false));
            model.Write(writer);
            console.Out.WriteLine($"wrote {output}");
        }

        return AtlasCommand.Ok;
    }
}
