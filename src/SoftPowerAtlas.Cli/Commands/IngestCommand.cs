using System.CommandLine;
using System.Globalization;
using SoftPowerAtlas.Analysis.Formats;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;
using Spectre.Console;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas ingest PATH...</c>: clean, normalise, segment, extract and store documents.</summary>
internal static class IngestCommand
{
    public static Command Create(Option<string> db, CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files (.txt, .md, .html, .htm, .docx, .pdf; scans as .png, .jpg, .tif read by OCR), folders (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary." };
        var command = new Command("ingest", "Read press releases and store them, cleaned, segmented and with their facts, in the database.\n"
            + "A file already stored is not stored twice; a near copy is stored and linked to the original.")
        {
            paths,
            quiet,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(db)!, parse.GetValue(paths)!, parse.GetValue(quiet), console, cancel));
        return command;
    }

    private static async Task<int> RunAsync(string dbPath, string[] paths, bool quiet, CliConsole console, CancellationToken cancel)
    {
        IAtlasStore store;
        try
        {
            store = AtlasStores.Open(dbPath, console.Text);
        }
        catch (StoreException e)
        {
            await console.Error.WriteLineAsync($"atlas: {e.Message}");
            return AtlasCommand.SomeInputsFailed;
        }

        using (store)
        {
            if (store.IsReadOnly)
            {
                await console.Error.WriteLineAsync($"atlas: {AtlasStores.Describe(dbPath)}: the database cannot be written: the file or its folder is read-only (other verbs can still read it)");
                return AtlasCommand.SomeInputsFailed;
            }

            var passedOver = new List<string>();
            var inputs = InputWalker.Expand(paths, passedOver);
            IngestSummary summary;
            if (console.IsInteractive && !quiet)
            {
                summary = await AnsiConsole.Progress()
                    .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("ingesting", maxValue: double.MaxValue);
                        var started = DateTime.UtcNow;
                        var progress = new Progress<IngestProgress>(p =>
                        {
                            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                            task.Description = string.Create(CultureInfo.InvariantCulture,
                                $"{p.Seen} read, {p.Stored} stored, {p.Duplicates} duplicate, {p.Failed} failed — {p.Seen / seconds:F0} documents/s");
                        });
                        var loader = new DocumentLoader { Files = FileReadOptions.Default with { Progress = new PageBars(ctx) } };
                        var runner = new IngestRunner(store, CommandHelpers.BudgetedPipeline(console), loader);
                        return await runner.RunAsync(inputs, progress, cancel);
                    });
            }
            else
            {
                var runner = new IngestRunner(store, CommandHelpers.BudgetedPipeline(console), new DocumentLoader());
                summary = await runner.RunAsync(inputs, null, cancel);
            }

            await PrintSummaryAsync(summary, AtlasStores.Describe(dbPath), quiet, console);
            if (InputWalker.DescribePassedOver(passedOver) is { } skipped)
            {
                await console.Out.WriteLineAsync(Printable.Path(char.ToUpperInvariant(skipped[0]) + skipped[1..] + "."));
            }

            return summary.Failed.Count > 0 ? AtlasCommand.SomeInputsFailed : AtlasCommand.Ok;
        }
    }

    private static async Task PrintSummaryAsync(IngestSummary s, string database, bool quiet, CliConsole console)
    {
        var o = console.Out;
        if (!quiet)
        {
            foreach (var (path, id, status) in s.Stored)
            {
                var what = status switch
                {
                    IngestStatus.Added => "stored",
                    IngestStatus.AddedNearDuplicate => "stored (near duplicate)",
                    IngestStatus.ExactDuplicate => "duplicate of",
                    _ => "already stored as",
                };
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {what,-24} #{id}  {Printable.Path(path)}"));
            }
        }

        foreach (var f in s.Failed)
        {
            // A loader's reason already begins with the path ("x.txt is empty"); name it once.
            var line = f.Reason.StartsWith(f.Path, StringComparison.Ordinal) ? f.Reason : $"{f.Path}: {f.Reason}";
            await console.Error.WriteLineAsync($"  failed: {Printable.Path(line)}");
        }

        var rate = s.Elapsed.TotalSeconds > 0 ? (s.Ingested + s.Duplicates + s.Failed.Count) / s.Elapsed.TotalSeconds : 0;
        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Ingested {s.Ingested} ({s.NearDuplicates} near duplicates linked), {s.Duplicates} duplicates skipped, {s.Failed.Count} failed, in {s.Elapsed.TotalSeconds:F1} s ({rate:F0} documents/s) into {database}."));
    }

    /// <summary>A bar per PDF or scan being read, page by page ("report.pdf: page 3 of 12, OCR"), gone when its last page is read.</summary>
    private sealed class PageBars(ProgressContext context) : IProgress<PageProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

        public void Report(PageProgress value)
        {
            ProgressTask bar;
            lock (_bars)
            {
                if (!_bars.TryGetValue(value.Source, out bar!))
                {
                    bar = _bars[value.Source] = context.AddTask(Markup.Escape(Path.GetFileName(value.Source)), maxValue: value.Pages);
                }

                if (value.Page >= value.Pages)
                {
                    _bars.Remove(value.Source);
                }
            }

            bar.Value = value.Page;
            bar.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(value.Source)}: page {value.Page} of {value.Pages}{(value.Ocr ? ", OCR" : string.Empty)}"));
            if (value.Page >= value.Pages)
            {
                bar.StopTask();
            }
        }
    }
}
