using System.Diagnostics;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>stages --docs 2000 [--passes 5]</c>: where the pipeline's time goes. Loads N synthesized
/// documents into memory, then runs the default pipeline over them on one thread, pass after pass,
/// with <see cref="StageTimings"/>; prints each stage's time (min and median over passes) and its
/// share of the pipeline, plus loading and the row preparation ingest adds (fingerprints, facts JSON).
/// Ends with the pipeline on every core, for documents/s.
/// </summary>
internal static class StagesCommand
{
    private const string Load = "(load)";
    private const string Row = "(row: fingerprints, facts JSON)";

    public static int Run(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 2_000);
        var passes = CommandLine.Int(args, "--passes", 5);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");

        var synthesized = CorpusSynthesizer.FromRepository().Generate(docs).ToList();
        var loader = new DocumentLoader();
        var pipeline = AtlasPipeline.CreateDefault(textServices);
        var sources = synthesized.Select(d => loader.LoadText(d.Text, d.RelativePath, d.Format).Document!).ToList(); // synthesized text always loads
        Console.WriteLine($"{docs:N0} synthesized documents, {synthesized.Sum(d => (long)d.Text.Length) / docs:N0} chars on average, {synthesized.Count(d => d.Format == DocumentFormat.Text)} txt / {synthesized.Count(d => d.Format == DocumentFormat.Markdown)} md / {synthesized.Count(d => d.Format == DocumentFormat.Html)} html");

        foreach (var source in sources.Take(50))
        {
            IngestRunner.ToNewDocument(pipeline.Run(source)); // warm-up: ICU, reference data, JIT
        }

        var perPass = new List<Dictionary<string, double>>();
        var pipelineSeconds = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var timings = new StageTimings();
            var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
            var load = Stopwatch.StartNew();
            foreach (var d in synthesized)
            {
                loader.LoadText(d.Text, d.RelativePath, d.Format);
            }

            seconds[Load] = load.Elapsed.TotalSeconds;
            long rowTicks = 0;
            var whole = Stopwatch.StartNew();
            foreach (var source in sources)
            {
                var analysed = pipeline.Run(source, timings);
                var started = Stopwatch.GetTimestamp();
                IngestRunner.ToNewDocument(analysed);
                rowTicks += Stopwatch.GetTimestamp() - started;
            }

            foreach (var (stage, elapsed) in timings.Totals())
            {
                seconds[stage] = elapsed.TotalSeconds;
            }

            seconds[Row] = rowTicks / (double)Stopwatch.Frequency;
            pipelineSeconds.Add(timings.Totals().Sum(t => t.Elapsed.TotalSeconds));
            perPass.Add(seconds);
            Console.WriteLine($"  pass {pass + 1}: pipeline {pipelineSeconds[^1]:F2} s, with load and row {whole.Elapsed.TotalSeconds + seconds[Load]:F2} s (load average {CommandLine.LoadAverage()})");
        }

        var stages = pipeline.Stages.Select(s => s.Name).ToList();
        var medianPipeline = Spread.Of(pipelineSeconds).Median;
        Console.WriteLine();
        Console.WriteLine($"| stage | min ms | median ms | mean ms | µs/doc (median) | share of pipeline (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var stage in stages.Append(Load).Append(Row))
        {
            var spread = Spread.Of(perPass.Select(p => p[stage]));
            var share = stages.Contains(stage) ? $"{spread.Median / medianPipeline:P1}" : $"({spread.Median / medianPipeline:P1} extra)";
            Console.WriteLine($"| {stage} | {spread.Min * 1e3:F0} | {spread.Median * 1e3:F0} | {spread.Mean * 1e3:F0} | {spread.Median * 1e6 / docs:F0} | {share} |");
        }

        var pipelineSpread = Spread.Of(pipelineSeconds);
        Console.WriteLine($"| pipeline (sum of stages) | {pipelineSpread.Min * 1e3:F0} | {pipelineSpread.Median * 1e3:F0} | {pipelineSpread.Mean * 1e3:F0} | {pipelineSpread.Median * 1e6 / docs:F0} | 100% |");
        Console.WriteLine();
        Console.WriteLine($"One thread: pipeline docs/s best {docs / pipelineSpread.Min:F0}, median {docs / pipelineSpread.Median:F0}, mean of passes {docs / pipelineSpread.Mean:F0}");

        var parallel = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(sources, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s => pipeline.Run(s));
            parallel.Add(clock.Elapsed.TotalSeconds);
        }

        var p = Spread.Of(parallel);
        Console.WriteLine($"{Environment.ProcessorCount} threads: pipeline docs/s best {docs / p.Min:F0}, median {docs / p.Median:F0}, mean of passes {docs / p.Mean:F0}; speed-up over one thread (medians) {pipelineSpread.Median / p.Median:F2}x");

        var dates = Spread.Of(perPass.Select(x => x["dates"] / x.Where(kv => stages.Contains(kv.Key)).Sum(kv => kv.Value)));
        Console.WriteLine($"Goal dates < 20% of the pipeline: {(dates.Median < 0.2 ? "met" : "NOT met")} (median {dates.Median:P1}, min {dates.Min:P1}, max {dates.Max:P1})");
        Console.WriteLine($"Goal extraction >= 1,000 docs/s on this machine ({Environment.ProcessorCount} threads, median): {(docs / p.Median >= 1000 ? "met" : "NOT met")} ({docs / p.Median:F0} docs/s)");
        return 0;
    }
}
