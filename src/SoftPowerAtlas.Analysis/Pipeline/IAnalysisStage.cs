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

    /// <summary>
    /// Whether the stage changes the document's text (normalising, cleaning). Stages that do come first;
    /// the text after them is the one a document's content hash is taken over.
    /// </summary>
    bool ShapesText => false;

    void Run(AnalysisContext context);
}
