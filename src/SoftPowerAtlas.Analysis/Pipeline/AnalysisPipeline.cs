using System.Collections.Immutable;
using System.Diagnostics;
using SoftPowerAtlas.Analysis.Documents;

namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>
/// An ordered, immutable list of stages. Build one with <see cref="AnalysisPipelineBuilder"/> and
/// reuse it: it is safe to run on many threads at once.
/// </summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(ImmutableArray<IAnalysisStage> stages, TimeProvider clock)
    {
        Stages = stages;
        Clock = clock;
    }

    public ImmutableArray<IAnalysisStage> Stages { get; }

    public TimeProvider Clock { get; }

    public AnalyzedDocument Run(SourceDocument document) => Run(document, timings: null);

    /// <summary>Runs every stage; when <paramref name="timings"/> is given, adds each stage's elapsed ticks.</summary>
    public AnalyzedDocument Run(SourceDocument document, StageTimings? timings)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = new AnalysisContext(document, Clock);
        foreach (var stage in Stages)
        {
            var started = timings is null ? 0 : Stopwatch.GetTimestamp();
            stage.Run(context);
            timings?.Add(stage.Name, Stopwatch.GetTimestamp() - started);
        }

        return new AnalyzedDocument(context);
    }
}

/// <summary>Accumulated time per stage, for the benchmark's share-of-time table. Thread-safe.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, long> _ticks = [];
    private readonly List<string> _order = [];

    public void Add(string stage, long stopwatchTicks)
    {
        lock (_ticks)
        {
            if (!_ticks.TryGetValue(stage, out var t))
            {
                _order.Add(stage);
            }

            _ticks[stage] = t + stopwatchTicks;
        }
    }

    /// <summary>Stages in pipeline order with their total time.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Totals()
    {
        lock (_ticks)
        {
            return [.. _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s])))];
        }
    }
}
