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
    internal AnalysisPipeline(ImmutableArray<IAnalysisStage> stages, TimeProvider clock, TimeSpan? budget, long allocationBudget = AnalysisBudget.DefaultAllocation)
    {
        Stages = stages;
        Clock = clock;
        Budget = budget;
        AllocationBudget = allocationBudget;
    }

    public ImmutableArray<IAnalysisStage> Stages { get; }

    public TimeProvider Clock { get; }

    /// <summary>The time one document may take (<see cref="AnalysisBudget"/>); null: no limit.</summary>
    public TimeSpan? Budget { get; }

    /// <summary>
    /// The bytes one document's analysis may allocate while it runs under a time budget (<see cref="AnalysisBudget.DefaultAllocation"/>
    /// unless a test asks for less); with no time budget, no limit either.
    /// </summary>
    public long AllocationBudget { get; }

    /// <summary>The same stages and clock with another budget (null: none).</summary>
    public AnalysisPipeline WithBudget(TimeSpan? budget) => budget == Budget ? this : new(Stages, Clock, budget, AllocationBudget);

    /// <summary>The same stages, clock and time budget with another allocation budget.</summary>
    public AnalysisPipeline WithAllocationBudget(long bytes) =>
        bytes == AllocationBudget ? this : new(Stages, Clock, Budget, bytes > 0 ? bytes : throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "an allocation budget is a positive number of bytes"));

    public AnalyzedDocument Run(SourceDocument document) => Run(document, timings: null);

    /// <summary>
    /// Runs every stage; when <paramref name="timings"/> is given, adds each stage's elapsed ticks.
    /// Throws <see cref="AnalysisBudgetExceededException"/> when the document takes longer than <see cref="Budget"/>
    /// or allocates more than <see cref="AllocationBudget"/>.
    /// </summary>
    public AnalyzedDocument Run(SourceDocument document, StageTimings? timings)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(document, timings, Budget, isKnown: null)!;
    }

    /// <summary>
    /// Runs the stages that shape the text (<see cref="IAnalysisStage.ShapesText"/>), then asks
    /// <paramref name="isKnown"/> about the text they leave: null when it is known (a store holds it, so
    /// segmentation, dates and extraction never run), else the whole analysis.
    /// </summary>
    public AnalyzedDocument? RunUnlessKnown(SourceDocument document, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(isKnown);
        return Run(document, timings: null, Budget, isKnown);
    }

    private AnalyzedDocument? Run(SourceDocument document, StageTimings? timings, TimeSpan? limit, Func<string, bool>? isKnown)
    {
        using var budget = AnalysisBudget.Start(document.Source, limit, AllocationBudget);
        var context = new AnalysisContext(document, Clock);
        foreach (var stage in Stages)
        {
            if (isKnown is not null && !stage.ShapesText)
            {
                if (isKnown(context.Text.Text))
                {
                    return null;
                }

                isKnown = null;
            }

            budget?.Stage = stage.Name;
            AnalysisBudget.ThrowIfExceeded();
            var started = timings is null ? 0 : Stopwatch.GetTimestamp();
            stage.Run(context);
            timings?.Add(stage.Name, Stopwatch.GetTimestamp() - started);
        }

        if (budget is not null)
        {
            budget.Stage = null;
        }

        AnalysisBudget.ThrowIfExceeded();
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
