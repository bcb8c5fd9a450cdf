namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>
/// One job of the pipeline (clean, normalise, segment, find dates...). A stage reads what earlier
/// stages left in the context and adds its own annotations. Stages are shared across threads, so
/// they keep no per-document state in fields.
/// </summary>
public interface IAnalysisStage
{
    /// <summary>Short name for timings and messages.</summary>
    string Name { get; }

    void Run(AnalysisContext context);
}
