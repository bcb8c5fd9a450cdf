using BenchmarkDotNet.Running;
using SoftPowerAtlas.Benchmarks.Throughput;

// Throughput commands (not BenchmarkDotNet; see docs/BENCHMARKS.md):
//   -- ingest --docs 10000      synthesise, ingest into a fresh SQLite file at 2,000 / 5,000 / N documents
//   -- stages --docs 2000       share of pipeline time per stage over synthesized documents
//   -- synth --docs N --out DIR write a synthesized corpus
//   -- digest --docs 2000       SHA-256 of what the pipeline stores for N synthesized documents (fixed clock)
//   -- search --docs 100000     build (or reuse) a search database of N documents; query latency p50/p95/p99 with facets
//   -- timeline --docs 10000    latency of timeline, due, report and calendar export on a synthesized database
// Anything else goes to BenchmarkDotNet, e.g. -- --filter '*Segmentation*' --job short
return args.FirstOrDefault() switch
{
    "ingest" => await IngestCommand.RunAsync(args[1..]),
    IngestCommand.ChildVerb => await IngestCommand.RunChildAsync(args[1..]),
    "stages" => StagesCommand.Run(args[1..]),
    "synth" => SynthCommand.Run(args[1..]),
    "digest" => DigestCommand.Run(args[1..]),
    "search" => SearchCommand.Run(args[1..]),
    "search-profile" => SearchProfileCommand.Run(args[1..]),
    "timeline" => await TimelineCommand.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
