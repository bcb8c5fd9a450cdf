using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Text;

/// <summary>Pipeline stage that runs <see cref="ThaiNormalizer"/> on the current text.</summary>
public sealed class NormalizationStage : IAnalysisStage
{
    public string Name => "normalize";

    public bool ShapesText => true;

    public void Run(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Text = ThaiNormalizer.Normalize(context.Text);
    }
}
