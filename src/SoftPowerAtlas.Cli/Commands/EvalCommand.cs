using System.CommandLine;
using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis.Engagements;
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
        var command = new Command("eval", "Score extraction against gold annotations, printing the same per-metric F1 lines as shared/eval/score.py.")
        {
            gold,
            outDir,
            verbose,
        };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(outDir), parse.GetValue(verbose), console));
        return command;
    }

    private static int Run(string goldDir, string? outDir, bool verbose, CliConsole console)
    {
        if (!Directory.Exists(goldDir))
        {
            console.Error.WriteLine($"atlas: no folder {goldDir}");
            return AtlasCommand.SomeInputsFailed;
        }

        var names = Directory.GetFiles(goldDir, "*.gold.json").Select(f => Path.GetFileName(f)[..^".gold.json".Length]).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            console.Error.WriteLine($"atlas: {goldDir} holds no NAME.gold.json files");
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
                var json = FactsJson.Write(doc);
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
