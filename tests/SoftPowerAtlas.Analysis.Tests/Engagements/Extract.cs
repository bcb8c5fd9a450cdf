using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

/// <summary>Runs the product's whole pipeline on a text, as atlas extract does.</summary>
internal static class Extract
{
    private static readonly AnalysisPipeline Pipeline = AtlasPipeline.CreateDefault(TestText.Shared);

    public static AnalyzedDocument Run(string text, DocumentFormat format = DocumentFormat.Text)
    {
        var loaded = new DocumentLoader().LoadText(text, "test.txt", format);
        Assert.True(loaded.IsSuccess, loaded.Error?.Message);
        return Pipeline.Run(loaded.Document!);
    }

    public static AnalyzedDocument File(string path)
    {
        var loaded = new DocumentLoader().Load(path);
        Assert.True(loaded.IsSuccess, loaded.Error?.Message);
        return Pipeline.Run(loaded.Document!);
    }

    public static DocumentFacts Facts(this AnalyzedDocument doc) => doc.Get<DocumentFacts>() ?? throw new InvalidOperationException("no facts");
}
