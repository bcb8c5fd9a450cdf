namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>Mutable, ordered list of stages; <see cref="Build"/> freezes it into a pipeline.</summary>
public sealed class AnalysisPipelineBuilder
{
    private TimeProvider _clock = TimeProvider.System;
    private TimeSpan? _budget;

    public List<IAnalysisStage> Stages { get; } = [];

    public AnalysisPipelineBuilder Use(IAnalysisStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        Stages.Add(stage);
        return this;
    }

    /// <summary>The clock relative dates and "today" are read from; tests pass a fixed one.</summary>
    public AnalysisPipelineBuilder UseClock(TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        return this;
    }

    /// <summary>The time one document may take (<see cref="AnalysisBudget"/>); null (the builder's default): no limit.</summary>
    public AnalysisPipelineBuilder UseBudget(TimeSpan? budget)
    {
        _budget = budget;
        return this;
    }

    public AnalysisPipeline Build() => new([.. Stages], _clock, _budget);
}
