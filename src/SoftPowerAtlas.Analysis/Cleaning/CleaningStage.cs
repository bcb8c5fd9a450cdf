using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>Pipeline stage that runs a <see cref="ClutterCleaner"/> on the current text and metadata.</summary>
public sealed class CleaningStage(ClutterCleaner cleaner) : IAnalysisStage
{
    public CleaningStage()
        : this(new ClutterCleaner())
    {
    }

    public string Name => "clean";

    public bool ShapesText => true;

    public void Run(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = cleaner.Clean(context.Text, context.Metadata);
        context.Text = result.Text;
        context.Metadata = result.Metadata;
    }
}
