using System.Diagnostics;
using SoftPowerAtlas.Benchmarks.Corpus;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary><c>synth --docs N --out DIR [--seed S]</c>: writes a synthesized corpus for other tools to read.</summary>
internal static class SynthCommand
{
    public static int Run(string[] args)
    {
        var docs = CommandLine.Int(args, "--docs", 10_000);
        var seed = CommandLine.Int(args, "--seed", 2567);
        if (CommandLine.Value(args, "--out") is not { } folder)
        {
            Console.Error.WriteLine("usage: synth --docs N --out DIR [--seed S]");
            return 2;
        }

        var synthesizer = CorpusSynthesizer.FromRepository(seed);
        var clock = Stopwatch.StartNew();
        var bytes = synthesizer.WriteTo(folder, docs);
        Console.WriteLine($"{docs:N0} documents, {bytes / 1e6:F1} MB from {synthesizer.TemplateNames.Count} templates in {clock.Elapsed.TotalSeconds:F1} s -> {Path.GetFullPath(folder)}");
        return 0;
    }
}
