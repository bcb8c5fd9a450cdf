using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Storage.Curation;
using Spectre.Console;

namespace SoftPowerAtlas.Cli.Commands.Curation;

/// <summary><c>atlas reextract [DOC…|--all]</c>: extraction again with the current pipeline, curation applied on top.</summary>
internal static class ReextractCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var documents = new Argument<string[]>("documents") { Description = "Ids of stored documents (as 'atlas ingest' printed them).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every stored document." };
        var command = new Command("reextract", "Run extraction again on stored documents with this build's pipeline (after an update to the extractor or its reference data): their facts are written anew and the curation in force is applied on top; edits whose fact is no longer found are listed.")
        {
            documents,
            all,
        };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(documents) ?? [], parse.GetValue(all), console));
        return command;
    }

    private static int Run(string db, string[] documents, bool all, CliConsole console)
    {
        if (all == documents.Length > 0)
        {
            console.Error.WriteLine("atlas: name the documents to extract again (their ids), or --all, not both");
            return AtlasCommand.UsageError;
        }

        var ids = new List<long>();
        foreach (var d in documents)
        {
            if (!long.TryParse(d.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                console.Error.WriteLine($"atlas: '{d}' is not a document id (a number, as 'atlas ingest' printed it)");
                return AtlasCommand.UsageError;
            }

            ids.Add(id);
        }

        return CurationCommands.Run(db, console, (_, store) =>
        {
            var reextractor = new Reextractor(store, console.Pipeline);
            var targets = all ? reextractor.AllDocumentIds() : ids;
            ReextractSummary summary;
            if (console.IsInteractive)
            {
                summary = AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("extracting", maxValue: Math.Max(1, targets.Count));
                        return reextractor.Run(targets, new SyncProgress(p => task.Value = p.Done));
                    });
            }
            else
            {
                summary = reextractor.Run(targets);
            }

            foreach (var d in summary.Documents.Where(d => d.Problem is not null))
            {
                console.Error.WriteLine($"  failed: #{d.DocumentId} {d.Source}: {d.Problem}");
            }

            foreach (var u in summary.Unapplied)
            {
                console.Out.WriteLine($"  not applied: {CurationCommands.Describe(u.Event)}");
                console.Out.WriteLine($"      {u.Reason}");
            }

            var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Documents.Count / summary.Elapsed.TotalSeconds : 0;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Extracted {summary.Documents.Count - summary.Failed} documents again ({summary.Documents.Sum(d => d.Engagements)} engagements, {summary.Documents.Sum(d => d.Commitments)} commitments), {summary.Failed} failed, {summary.Unapplied.Count()} edits not applied, in {summary.Elapsed.TotalSeconds:F1} s ({rate:F0} documents/s)."));
            return summary.Failed > 0 || summary.Unapplied.Any() ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
        });
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, after the bar is gone).</summary>
    private sealed class SyncProgress(Action<ReextractProgress> report) : IProgress<ReextractProgress>
    {
        public void Report(ReextractProgress value) => report(value);
    }
}
