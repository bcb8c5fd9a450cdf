using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Reports;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Timeline;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>timeline --docs N [--runs R] [--db PATH] [--without-indexes] [--keep]</c>: synthesises N documents, ingests them into a fresh
/// SQLite file as <c>atlas ingest</c> does, then times what the timeline, due, report and export
/// verbs do (each R times after one warm-up run), reporting min, median and max milliseconds. With
/// <c>--without-indexes</c> it first drops the indexes migration 0004 adds, as a baseline.
/// </summary>
internal static class TimelineCommand
{
    /// <summary>Indexes the fact queries lean on (added by 0004_commitment_status.sql).</summary>
    public static readonly string[] FactIndexes = ["engagement_countries_country", "engagement_sectors_sector", "engagement_parties_entity"];

    public static async Task<int> RunAsync(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 10_000);
        var runs = CommandLine.Int(args, "--runs", 7);
        var folder = Path.Combine(Path.GetTempPath(), $"spa-timeline-{Environment.ProcessId}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");
        try
        {
            // --db PATH: reuse a database an earlier run built there (kept), or build it there.
            var given = CommandLine.Value(args, "--db");
            var db = given ?? Path.Combine(folder, "atlas.db");
            var clock = Stopwatch.StartNew();
            if (given is not null && File.Exists(given))
            {
                Console.WriteLine($"Reusing {given}");
            }
            else
            {
                CorpusSynthesizer.FromRepository().WriteTo(Path.Combine(folder, "corpus"), docs);
                using var store = SqliteAtlasStore.Open(db, textServices);
                var summary = await new IngestRunner(store, AtlasPipeline.CreateDefault(textServices), new DocumentLoader())
                    .RunAsync(InputWalker.Expand([Path.Combine(folder, "corpus")]));
                Console.WriteLine($"Synthesised and ingested {summary.Ingested:N0} documents in {clock.Elapsed.TotalSeconds:F0} s");
            }

            // Opening migrates a database built before 0004 (adds the indexes).
            SqliteAtlasStore.Open(db, textServices).Dispose();

            SqliteConnection.ClearAllPools();
            if (CommandLine.Flag(args, "--without-indexes"))
            {
                using var connection = new SqliteConnection($"Data Source={db}");
                connection.Open();
                foreach (var index in FactIndexes)
                {
                    using var drop = connection.CreateCommand();
                    drop.CommandText = $"DROP INDEX IF EXISTS {index}";
                    drop.ExecuteNonQuery();
                }

                Console.WriteLine("Dropped the fact indexes of migration 0004 (baseline run).");
            }

            Measure(db, runs, textServices);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!CommandLine.Flag(args, "--keep") && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Measure(string db, int runs, TextServices textServices)
    {
        using var store = SqliteAtlasStore.Open(db, textServices);
        var reader = new FactReader(store);
        var resolver = new SubjectResolver(store);
        (long, long, long) counts;
        using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM engagements), (SELECT count(*) FROM commitments)";
            using var r = command.ExecuteReader();
            r.Read();
            counts = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        }

        Console.WriteLine($"Database: {counts.Item1:N0} documents, {counts.Item2:N0} engagements, {counts.Item3:N0} commitments, {new FileInfo(db).Length / 1e6:F0} MB");

        FactFilter Filter(FilterRequest request) => FactFilters.Resolve(request, resolver).Filter ?? throw new InvalidOperationException("bad benchmark filter");
        var asOf = new DateOnly(2024, 11, 15);
        var clock = TimeProvider.System;
        var cases = new (string Name, Func<int> Run)[]
        {
            ("timeline (everything)", () => TimelineBuilder.Build(reader, FactFilter.All).Count),
            ("timeline, page 1 of 50 (the CLI's default)", () => TimelinePager.Page(reader, FactFilter.All, 0, 50).Entries.Count),
            ("timeline, page 500 of 50", () => TimelinePager.Page(reader, FactFilter.All, 499 * 50, 50).Entries.Count),
            ("timeline --type commitment --from 2024, page 1 of 50", () => TimelinePager.Page(reader, Filter(new FilterRequest { Types = ["commitment"], From = "2024" }), 0, 50).Entries.Count),
            ("timeline --country ญี่ปุ่น, page 1 of 50", () => TimelinePager.Page(reader, Filter(new FilterRequest { Countries = ["ญี่ปุ่น"] }), 0, 50).Entries.Count),
            ("timeline --country ญี่ปุ่น", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Countries = ["ญี่ปุ่น"] })).Count),
            ("timeline --sector film --from 2024-01 --to 2024-06", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Sectors = ["film"], From = "2024-01", To = "2024-06" })).Count),
            ("timeline --agency อพท.", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Agencies = ["อพท."] })).Count),
            ("due --as-of 2024-11-15", () => new CommitmentTracker(reader, clock).Due(new DueQuery { AsOf = asOf }).Items.Count),
            ("report country FR (html)", () => HtmlDossierWriter.Write(new DossierBuilder(reader, clock).Country("FR").Dossier!).Length),
            ("report agency อพท. (md)", () => MarkdownDossierWriter.Write(new DossierBuilder(reader, clock).Agency("อพท.").Dossier!).Length),
            ("export calendar", () => new AtlasExporter(reader, clock).Export(ExportKind.Calendar, ExportFormat.ICalendar).Length),
        };

        Console.WriteLine();
        Console.WriteLine("| query | rows/chars | min ms | median ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, run) in cases)
        {
            var size = run(); // warm-up: JIT, page cache
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var s = Spread.Of(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {size:N0} | {s.Min:F0} | {s.Median:F0} | {s.Max:F0} |"));
        }

        Console.WriteLine($"Load average after: {CommandLine.LoadAverage()}");
    }
}
