using BenchmarkDotNet.Attributes;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Benchmarks.Corpus;

namespace SoftPowerAtlas.Benchmarks;

/// <summary>
/// The whole analysis pipeline (normalise → clean → segment → dates → extract, no storage) over the
/// five seed pages, one document after another on one thread: documents/s = 5 / mean. The baseline is
/// the same pipeline without the extract stage, so the ratio column is what extraction adds.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ExtractionBenchmarks
{
    private SourceDocument[] _documents = [];
    private AnalysisPipeline _whole = null!; // set in Setup
    private AnalysisPipeline _withoutExtraction = null!; // set in Setup

    [GlobalSetup]
    public void Setup()
    {
        var loader = new DocumentLoader();
        _documents = [.. Directory.GetFiles(RepositoryPaths.Seeds(), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => loader.Load(f).Document!)]; // the seed pages always load
        var text = new TextServices(); // BenchmarkDotNet runs each benchmark in a process of its own: this is its one
        _whole = AtlasPipeline.CreateDefault(text);
        var builder = AtlasPipeline.CreateBuilder(text);
        builder.Stages.RemoveAll(s => s is ExtractionStage);
        _withoutExtraction = builder.Build();
        Console.WriteLine($"// {_documents.Length} seed documents, {_documents.Sum(d => d.Body.Text.Length)} chars of body; documents/s = {_documents.Length} / Mean");
    }

    [Benchmark(Baseline = true, Description = "Pipeline without extract (5 seeds)")]
    public int WithoutExtraction() => Run(_withoutExtraction);

    [Benchmark(Description = "Whole pipeline (5 seeds)")]
    public int Whole() => Run(_whole);

    private int Run(AnalysisPipeline pipeline)
    {
        var tokens = 0;
        foreach (var document in _documents)
        {
            tokens += pipeline.Run(document).Tokens.Count;
        }

        return tokens;
    }
}
