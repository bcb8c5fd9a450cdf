using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Benchmarks.Corpus;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>sizes [--sizes 1,2,4,8,16] [--kinds line,lines,html-flat,html-nested] [--give-up 120] [--stages]</c>:
/// analysis time (loading and the whole pipeline) against input size, for one document of each size
/// (MB of UTF-8) and kind. Prints seconds and seconds per MB per row, and per kind the spread of s/MB
/// over the sizes (the goal: within 2x), by the clock and by the CPU time the process spent (on a loaded
/// machine the clock also counts the time other processes held the cores), with the entity mentions
/// found (a document that yields none costs less per MB). A kind whose document took longer than
/// <c>--give-up</c> seconds is not run at larger sizes (they would only take longer). <c>--stages</c>
/// adds each stage's share, to find the one that grows faster than its input.
/// </summary>
internal static class SizesCommand
{
    private const long MB = 1L << 20;

    public static int Run(string[] args, TextServices textServices)
    {
        var sizes = (CommandLine.Value(args, "--sizes") ?? "1,2,4,8,16")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var kinds = (CommandLine.Value(args, "--kinds") ?? string.Join(',', SizeInputs.Kinds))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kinds.FirstOrDefault(k => !SizeInputs.Kinds.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"--kinds: no kind '{unknown}' (kinds: {string.Join(", ", SizeInputs.Kinds)})");
        }

        var giveUp = CommandLine.Int(args, "--give-up", 120);
        var stages = CommandLine.Flag(args, "--stages");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {CommandLine.LoadAverage()}");

        var inputs = new SizeInputs(CorpusSynthesizer.FromRepository());
        var loader = new DocumentLoader { MaxBytes = long.MaxValue };
        // Measured, not ended, unless --budget asks to see where a document is ended (its stack trace is printed).
        var pipeline = AtlasPipeline.CreateDefault(textServices).WithBudget(AnalysisBudget.TryParse(CommandLine.Value(args, "--budget") ?? "off", out var budget) ? budget : null);
        Warm(inputs, loader, pipeline);

        Console.WriteLine();
        Console.WriteLine("| kind | MB | chars | load s | pipeline s | total s | s/MB | cpu s | cpu s/MB | allocated MB/MB | heap after MB | mentions |" + (stages ? " slowest stages |" : string.Empty));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (stages ? "---|" : string.Empty));
        var summary = new List<string>();
        foreach (var kind in kinds)
        {
            var perMb = new List<double>();
            var cpuPerMb = new List<double>();
            foreach (var size in sizes)
            {
                var text = inputs.Build(kind, (long)(size * MB));
                var bytes = Encoding.UTF8.GetByteCount(text) / (double)MB;
                var timings = new StageTimings();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var load = Stopwatch.StartNew();
                var loaded = loader.LoadText(text, SizeInputs.FileName(kind), SizeInputs.Format(kind));
                var loadSeconds = load.Elapsed.TotalSeconds;
                var document = loaded.Document ?? throw new InvalidOperationException($"{kind} {size} MB did not load: {loaded.Error?.Message}");
                var run = Stopwatch.StartNew();
                var mentions = pipeline.Run(document, timings).Get<DocumentFacts>()?.Mentions.Count ?? 0;
                var runSeconds = run.Elapsed.TotalSeconds;
                var allocatedPerMb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)MB / bytes;
                var heapAfter = GC.GetGCMemoryInfo().HeapSizeBytes / (double)MB;
                var total = loadSeconds + runSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                perMb.Add(total / bytes);
                cpuPerMb.Add(cpuSeconds / bytes);
                var slowest = stages
                    ? " " + string.Join(", ", timings.Totals().OrderByDescending(t => t.Elapsed).Take(3).Select(t => $"{t.Stage} {t.Elapsed.TotalSeconds:F2}")) + " |"
                    : string.Empty;
                Console.WriteLine(FormattableString.Invariant($"| {kind} | {bytes:F1} | {text.Length:N0} | {loadSeconds:F2} | {runSeconds:F2} | {total:F2} | {total / bytes:F2} | {cpuSeconds:F2} | {cpuSeconds / bytes:F2} | {allocatedPerMb:F0} | {heapAfter:F0} | {mentions:N0} |{slowest}"));
                if (total > giveUp)
                {
                    Console.WriteLine($"  ({kind}: {total:F0} s passed --give-up {giveUp}; larger sizes skipped)");
                    break;
                }
            }

            var spread = perMb.Count == 0 ? 0 : perMb.Max() / perMb.Min();
            summary.Add(FormattableString.Invariant($"{kind}: s/MB from {perMb.Min():F2} to {perMb.Max():F2} ({spread:F2}x) {(spread <= 2 ? "within 2x" : "NOT within 2x")}"));
            var cpuSpread = cpuPerMb.Count == 0 ? 0 : cpuPerMb.Max() / cpuPerMb.Min();
            summary.Add(FormattableString.Invariant($"{kind}: cpu s/MB from {cpuPerMb.Min():F2} to {cpuPerMb.Max():F2} ({cpuSpread:F2}x) {(cpuSpread <= 2 ? "within 2x" : "NOT within 2x")}"));
        }

        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"load average at the end {CommandLine.LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// One document of 1 MB of each kind before measuring: the first large document pays for the runtime's tiered
    /// compilation of the hot loops (a first row of 4 MB measured 1.49 s/MB, the same kind at 1 and 2 MB after it
    /// 0.66–0.86), which is the process warming up, not time that grows with the input. Warming with 64 KB left it
    /// to the 1 MB row.
    /// </summary>
    private static void Warm(SizeInputs inputs, DocumentLoader loader, AnalysisPipeline pipeline)
    {
        foreach (var kind in SizeInputs.Kinds)
        {
            var text = inputs.Build(kind, MB);
            pipeline.Run(loader.LoadText(text, SizeInputs.FileName(kind), SizeInputs.Format(kind)).Document!);
        }
    }
}

/// <summary>
/// Generated documents of a given size in UTF-8 bytes, from the synthesized corpus's Thai and English
/// prose: <c>line</c> (one line, no break), <c>lines</c> (the prose with its line breaks), <c>html-flat</c>
/// (one <c>&lt;p&gt;</c> holding one line) and <c>html-nested</c> (a <c>&lt;div&gt;</c> per sentence
/// fragment, each inside the one before, as deep as the size allows).
/// </summary>
internal sealed class SizeInputs(CorpusSynthesizer synthesizer)
{
    public static readonly string[] Kinds = ["line", "lines", "html-flat", "html-nested"];

    public static string FileName(string kind) => kind.StartsWith("html", StringComparison.Ordinal) ? $"{kind}.html" : $"{kind}.txt";

    public static DocumentFormat Format(string kind) => kind.StartsWith("html", StringComparison.Ordinal) ? DocumentFormat.Html : DocumentFormat.Text;

    public string Build(string kind, long bytes) => kind switch
    {
        "line" => Prose(bytes, oneLine: true),
        "lines" => Prose(bytes, oneLine: false),
        "html-flat" => "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Flat</title></head><body><p>"
            + WebUtility.HtmlEncode(Prose(bytes - 120, oneLine: true)) + "</p></body></html>",
        "html-nested" => Nested(bytes),
        _ => throw new ArgumentException($"no kind '{kind}'"),
    };

    private string Prose(long bytes, bool oneLine)
    {
        var text = new StringBuilder();
        long written = 0;
        for (var i = 0; written < bytes; i++)
        {
            var body = synthesizer.Build(i).Text;
            var piece = oneLine ? body.ReplaceLineEndings(" ") + " " : body + "\n\n";
            written += Encoding.UTF8.GetByteCount(piece);
            text.Append(piece);
        }

        return Trim(text, bytes);
    }

    private string Nested(long bytes)
    {
        var words = Prose(bytes / 2, oneLine: true).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var open = new StringBuilder("<!DOCTYPE html><html><head><title>Nested</title></head><body>");
        long written = open.Length;
        var depth = 0;
        for (var i = 0; written + (11L * depth) < bytes; i++)
        {
            var fragment = WebUtility.HtmlEncode(words[i % words.Length]) + " ";
            open.Append("<div>").Append(fragment);
            written += 5 + Encoding.UTF8.GetByteCount(fragment);
            depth++;
        }

        for (var i = 0; i < depth; i++)
        {
            open.Append("</div>");
        }

        return open.Append("</body></html>").ToString();
    }

    /// <summary>Cuts at the last space before the size, so the text ends on a whole word.</summary>
    private static string Trim(StringBuilder text, long bytes)
    {
        var s = text.ToString();
        var chars = s.Length;
        while (chars > 0 && Encoding.UTF8.GetByteCount(s.AsSpan(0, chars)) > bytes)
        {
            chars -= Math.Max(1, chars / 64);
        }

        var space = s.LastIndexOf(' ', Math.Max(0, chars - 1));
        return s[..(space > 0 ? space : chars)];
    }
}
