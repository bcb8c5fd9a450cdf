using System.CommandLine;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Cli.Evaluation;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas eval GOLD_DIR</c>: extract every NAME.txt and score it against NAME.gold.json.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Argument<string>("gold-dir") { Description = "A folder of NAME.txt files beside NAME.gold.json annotations (e.g. ../shared/corpus/seeds)." };
        var outDir = new Option<string?>("--out") { Description = "Also write each prediction there as NAME.json (what score.py reads)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Name every missed or wrong date and event." };
        var split = new Option<EvalSplit>("--split")
        {
            Description = "Score only part of the folder: 'development' or 'held-out' (a page is held out when the first number in its name ends in 0 or 5), or 'all'.",
            DefaultValueFactory = _ => EvalSplit.All,
            CustomParser = r => ParseSplit(r),
        };
        var command = new Command("eval", "Score extraction against gold annotations, printing the same per-metric F1 lines as shared/eval/score.py.")
        {
            gold,
            outDir,
            verbose,
            split,
        };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(outDir), parse.GetValue(verbose), parse.GetValue(split), console));
        return command;
    }

    private static EvalSplit ParseSplit(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "all" : result.Tokens[0].Value;
        switch (text.ToLowerInvariant())
        {
            case "all":
                return EvalSplit.All;
            case "development" or "dev":
                return EvalSplit.Development;
            case "held-out" or "heldout" or "held":
                return EvalSplit.HeldOut;
            default:
                result.AddError($"--split takes development, held-out or all, not '{text}'");
                return EvalSplit.All;
        }
    }

    private static int Run(string goldDir, string? outDir, bool verbose, EvalSplit split, CliConsole console)
    {
        if (!Directory.Exists(goldDir))
        {
            console.Error.WriteLine($"atlas: no folder {goldDir}");
            return AtlasCommand.SomeInputsFailed;
        }

        var names = Directory.GetFiles(goldDir, "*.gold.json").Select(f => Path.GetFileName(f)[..^".gold.json".Length])
            .Where(n => split.Includes(n)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            console.Error.WriteLine(split == EvalSplit.All
                ? $"atlas: {goldDir} holds no NAME.gold.json files"
                : $"atlas: {goldDir} holds no NAME.gold.json files in the {(split == EvalSplit.HeldOut ? "held-out" : "development")} split");
            return AtlasCommand.SomeInputsFailed;
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var scorer = new ContractScorer();
        foreach (var name in names)
        {
            var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(goldDir, name + ".gold.json")))!.AsObject();
            var textPath = Path.Combine(goldDir, (gold["file"]?.GetValue<string>()) ?? name + ".txt");
            var text = File.ReadAllText(textPath);
            var doc = CommandHelpers.AnalyseOne(textPath, console);
            JsonObject? pred = null;
            if (doc is not null)
            {
                var json = FactsJson.Write(ExtractedFacts.From(doc));
                pred = JsonNode.Parse(json)!.AsObject();
                if (outDir is not null)
                {
                    File.WriteAllText(Path.Combine(outDir, name + ".json"), json);
                }
            }

            scorer.Score(name, gold, text, pred);
        }

        if (verbose)
        {
            foreach (var note in scorer.Notes)
            {
                console.Out.WriteLine(note);
            }
        }

        foreach (var line in scorer.SummaryLines())
        {
            console.Out.WriteLine(line);
        }

        return AtlasCommand.Ok;
    }
}
