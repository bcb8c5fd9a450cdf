using System.Diagnostics;
using System.Globalization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Reports;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Timeline;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>engines --sqlite PATH --postgres URL [--runs R]</c>: the same reads (timeline, due, dossier,
/// entity search, the web's read models) on a SQLite store and on its copy on PostgreSQL (made with
/// <c>atlas migrate</c>), run alternately in one process so both see the same machine load; prints
/// min and median milliseconds per engine and the PostgreSQL / SQLite ratio of medians.
/// </summary>
internal static class EnginesCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        var sqlite = CommandLine.Value(args, "--sqlite");
        var postgres = CommandLine.Value(args, "--postgres");
        var runs = CommandLine.Int(args, "--runs", 5);
        if (sqlite is null || postgres is null)
        {
            Console.Error.WriteLine("usage: engines --sqlite PATH --postgres URL [--runs R] (copy the SQLite store with atlas migrate first)");
            return 2;
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");
        using var lite = AtlasStores.Open(sqlite, textServices);
        using var server = AtlasStores.Open(postgres, textServices);
        var a = Cases(lite);
        var b = Cases(server);
        Console.WriteLine($"Documents: SQLite {lite.GetStats().Documents:N0}, PostgreSQL {server.GetStats().Documents:N0}");
        Console.WriteLine();
        Console.WriteLine("| read | rows/chars | SQLite min / median ms | PostgreSQL min / median ms | PostgreSQL / SQLite |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < a.Length; i++)
        {
            var (name, runA) = a[i];
            var runB = b[i].Run;
            var size = runA();
            if (runB() != size)
            {
                Console.Error.WriteLine($"{name}: the engines disagree ({size:N0} against {runB():N0})");
                return 1;
            }

            var timesA = new List<double>();
            var timesB = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                timesA.Add(Time(runA));
                timesB.Add(Time(runB));
            }

            var (sa, sb) = (Spread.Of(timesA), Spread.Of(timesB));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {size:N0} | {sa.Min:F0} / {sa.Median:F0} | {sb.Min:F0} / {sb.Median:F0} | {sb.Median / sa.Median:F2} |"));
        }

        Console.WriteLine($"Load average after: {CommandLine.LoadAverage()}");
        return 0;
    }

    private static double Time(Func<int> run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static (string Name, Func<int> Run)[] Cases(IAtlasStore store)
    {
        var reader = new FactReader(store);
        var resolver = new SubjectResolver(store);
        var web = new AtlasReader(store);
        var clock = TimeProvider.System;
        FactFilter Filter(FilterRequest request) => FactFilters.Resolve(request, resolver).Filter ?? throw new InvalidOperationException("bad benchmark filter");
        return
        [
            ("timeline --country ญี่ปุ่น", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Countries = ["ญี่ปุ่น"] })).Count),
            ("timeline --sector film --from 2024-01 --to 2024-06", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Sectors = ["film"], From = "2024-01", To = "2024-06" })).Count),
            ("timeline --agency อพท.", () => TimelineBuilder.Build(reader, Filter(new FilterRequest { Agencies = ["อพท."] })).Count),
            ("due --as-of 2024-11-15", () => new CommitmentTracker(reader, clock).Due(new DueQuery { AsOf = new DateOnly(2024, 11, 15) }).Items.Count),
            ("report agency อพท. (md)", () => MarkdownDossierWriter.Write(new DossierBuilder(reader, clock).Agency("อพท.").Dossier!).Length),
            ("entities ท่องเที่ยว", () => EntitySearch.Find(store, "ท่องเที่ยว", 20).Count),
            ("web: engagements page (50, country JP)", () => web.ListEngagements(new EngagementFilter { Country = "JP" }, 0, 50).Items.Count),
            ("web: entities page (q=film)", () => web.ListEntities(0, 50, nameContains: "film").Items.Count),
            ("web: dashboard overview", () => web.Overview().ByCountry.Count),
            ("web: network", () => web.Network(EngagementFilter.Any).Edges.Count),
        ];
    }
}
