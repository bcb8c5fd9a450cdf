using BenchmarkDotNet.Running;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Benchmarks.Throughput;

// Throughput commands (not BenchmarkDotNet; see docs/BENCHMARKS.md):
//   -- ingest --docs 10000      synthesise, ingest into a fresh SQLite file at 2,000 / 5,000 / N documents
//   -- stages --docs 2000       share of pipeline time per stage over synthesized documents
//   -- synth --docs N --out DIR write a synthesized corpus
//   -- digest --docs 2000       SHA-256 of what the pipeline stores for N synthesized documents (fixed clock)
//   -- search --docs 100000     build (or reuse, or continue a stopped build of) a search database of N documents;
//                               query latency p50/p95/p99 with facets (--build-only: stop after the build)
//   -- search-engines --docs N --db PATH --postgres URL   the same mix on SQLite and PostgreSQL in turn
//   -- search-profile --db PATH where a search's time goes, per query of the mix
//   -- fts5-counts --db PATH    what FTS5 alone costs for the mix's expressions: whole, rowid-bounded, two halves at once
//   -- timeline --docs 10000    latency of timeline, due, report and calendar export on a synthesized database
//   -- engines --sqlite PATH --postgres URL   the same reads on a SQLite store and its PostgreSQL copy, alternately
//   -- curation --docs 5000     what curation costs ingest; latency of edits, undo; re-extraction rate
//   -- sizes [--sizes 1,2,4,8,16] [--kinds line,lines,html-flat,html-nested] [--stages]
//                               analysis time per MB of one document against its size
//   -- reading --seeds DIR [--no-ocr] [--font Laksaman --size 16]   the seeds printed to PDF and photographed by Chromium, read back by
//                               pdftotext (atlas), PdfPig and Tesseract: character error rate, Thai marks, pages/s
//   -- store-read --db PATH     reading a store with packed texts against a copy of it unpacked: documents/s, searches/s
//   -- store-path --server CONN  the store path alone (pre-analysed documents) and one-thread ingest, SQLite beside PostgreSQL
//   -- ical --db STORE --out DIR atlas's iCalendar writer beside Ical.Net on the same facts: files for scripts/check-ical.py, ms per calendar
//   -- feeds DIR [DIR…]         atlas's feed parser beside System.ServiceModel.Syndication: items, links, titles, dates, errors, ms
//   -- retries [--base-ms 100] [--max-wait-s 5]  the fetcher's retries beside Microsoft.Extensions.Http.Resilience on a scripted local server
// Anything else goes to BenchmarkDotNet, e.g. -- --filter '*Segmentation*' --job short
// A missing or wrong option is a message and exit 2, not a stack trace.
try
{
    return await Run(args);
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or FormatException)
{
    await Console.Error.WriteLineAsync($"bench {args.FirstOrDefault()}: {e.Message}");
    return 2;
}

// The process's one text services object, passed to every command's pipelines and stores.
static async Task<int> Run(string[] args) => Command(args, new TextServices()) switch
{
    { } running => await running,
};

static Task<int> Command(string[] args, TextServices textServices) => args.FirstOrDefault() switch
{
    "ingest" => IngestCommand.RunAsync(args[1..], textServices),
    IngestCommand.ChildVerb => IngestCommand.RunChildAsync(args[1..], textServices),
    "stages" => Task.FromResult(StagesCommand.Run(args[1..], textServices)),
    "synth" => Task.FromResult(SynthCommand.Run(args[1..])),
    "digest" => Task.FromResult(DigestCommand.Run(args[1..], textServices)),
    "search" => Task.FromResult(SearchCommand.Run(args[1..], textServices)),
    "search-engines" => Task.FromResult(SearchEnginesCommand.Run(args[1..], textServices)),
    "search-profile" => Task.FromResult(SearchProfileCommand.Run(args[1..], textServices)),
    "fts5-counts" => Task.FromResult(Fts5CountsCommand.Run(args[1..], textServices)),
    "timeline" => TimelineCommand.RunAsync(args[1..], textServices),
    "engines" => Task.FromResult(EnginesCommand.Run(args[1..], textServices)),
    "curation" => CurationCommand.RunAsync(args[1..], textServices),
    "workers" => WorkersCommand.RunAsync(args[1..], textServices),
    "store-path" => StorePathCommand.RunAsync(args[1..], textServices),
    "sizes" => Task.FromResult(SizesCommand.Run(args[1..], textServices)),
    "reading" => Task.FromResult(ReadingCommand.Run(args[1..])),
    "store-read" => Task.FromResult(StoreReadCommand.Run(args[1..], textServices)),
    "ical" => Task.FromResult(IcalCommand.Run(args[1..], textServices)),
    "feeds" => Task.FromResult(FeedsCommand.Run(args[1..])),
    "retries" => RetriesCommand.RunAsync(args[1..]),
    "segment-agreement" => Task.FromResult(SegmentAgreementCommand.Run(args[1..], textServices)),
    _ => Task.FromResult(RunBenchmarks(args)),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
