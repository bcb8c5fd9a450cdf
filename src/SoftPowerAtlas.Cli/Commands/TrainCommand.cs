using System.CommandLine;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Cli.Evaluation;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary>
/// <c>atlas train GOLD_DIR...</c>: cross-validate the learned event model on annotated pages (their
/// development split by default) beside the rules and the pairing the product ships (rules, then the
/// model where they find nothing), and optionally write the weights trained on every page of the split.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Argument<string[]>("gold-dir") { Description = "Folders of NAME.txt beside NAME.gold.json (e.g. ../shared/corpus/real ../shared/corpus/linked).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Also train on every page of the split and write the two models' weights into this folder (the product embeds src/SoftPowerAtlas.Analysis/Engagements/Data/event-*.tsv)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validate over this many folds of pages before training on all (0: skip).", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the examples.", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Name every anchor the cross-validation got wrong." };
        var split = new Option<string>("--split") { Description = "Which pages to learn from: development (default), held-out or all. Held-out pages are for measuring only.", DefaultValueFactory = _ => "development" };
        var command = new Command("train", "Measure, by cross-validation on annotated pages, the hand-written event rules, a learned event model (which dates are engagements, of which type) and the pairing the product ships: the rules, then the model where they find nothing.")
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
        console.Out.WriteLine($"{pages.Count} pages, {examples.Count} date anchors, {examples.Count(e => e.Label != EventModel.None)} of them engagements");
        if (folds >= 2)
        {
            var (learned, rules, both) = EventTraining.CrossValidate(pages, folds, epochs, verbose ? console.Out.WriteLine : null);
            console.Out.WriteLine(EventTraining.F1Line("rules", rules));
            console.Out.WriteLine(EventTraining.F1Line($"learned, {folds}-fold cross-validation", learned));
            for (var m = 0; m < both.Length; m++)
            {
                console.Out.WriteLine(EventTraining.F1Line(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rules, then learned (margin > {EventTraining.Margins[m]}) where they find none, {folds}-fold"), both[m]));
            }
        }

        if (output is not null)
        {
            var (isEvent, type) = EventTraining.Train(pages, epochs);
            Directory.CreateDirectory(output);
            foreach (var (name, model) in new[] { ("event-is-engagement.tsv", isEvent), ("event-type.tsv", type) })
            {
                var path = Path.Combine(output, name);
                using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                model.Write(writer);
                console.Out.WriteLine($"wrote {path} ({model.FeatureCount} features)");
            }
        }

        return AtlasCommand.Ok;
    }
}
