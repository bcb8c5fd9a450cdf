using SoftPowerAtlas.Analysis.Learning;

namespace SoftPowerAtlas.Analysis.Tests.Learning;

public class AveragedPerceptronTests
{
    private static readonly string[] Classes = ["none", "meeting", "mou_signing"];

    private static readonly (IReadOnlyList<string>, string)[] Examples =
    [
        (["bias", "w:หารือ", "para:0"], "meeting"),
        (["bias", "w:met", "para:1"], "meeting"),
        (["bias", "w:หารือ", "w:ร่วม"], "meeting"),
        (["bias", "w:ลงนาม", "para:0"], "mou_signing"),
        (["bias", "w:signed", "w:mou"], "mou_signing"),
        (["bias", "w:ลงนาม", "w:บันทึก"], "mou_signing"),
        (["bias", "history", "w:ก่อตั้ง"], "none"),
        (["bias", "role:Publication"], "none"),
        (["bias", "history", "w:since"], "none"),
    ];

    [Theory]
    [InlineData("w:หารือ", "meeting")]
    [InlineData("w:ลงนาม", "mou_signing")]
    [InlineData("history", "none")]
    public void Train_SeparableExamples_PredictsTheirLabels(string feature, string label)
    {
        var model = AveragedPerceptron.Train(Examples, Classes, epochs: 10);

        Assert.Equal(label, model.Predict(["bias", feature]).Label);
    }

    [Fact]
    public void Train_SameExamplesAndSeed_SameModelText()
    {
        var a = AveragedPerceptron.Train(Examples, Classes, epochs: 5, seed: 3).ToString();
        var b = AveragedPerceptron.Train(Examples, Classes, epochs: 5, seed: 3).ToString();

        Assert.Equal(a, b);
        Assert.StartsWith("feature\tnone\tmeeting\tmou_signing\n", a, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRead_RoundTrip_SamePredictionsAndScores()
    {
        var model = AveragedPerceptron.Train(Examples, Classes);
        var copy = AveragedPerceptron.Read(new StringReader(model.ToString()), "model.tsv");

        Assert.Equal(model.Classes, copy.Classes);
        Assert.Equal(model.FeatureCount, copy.FeatureCount);
        foreach (var (features, _) in Examples)
        {
            Assert.Equal(model.Scores(features), copy.Scores(features));
        }
    }

    [Theory]
    [InlineData("", "model.tsv: empty model file")]
    [InlineData("weights\tnone\n", "model.tsv: line 1 is not a model header")]
    [InlineData("feature\tnone\tmeeting\nw:x\t1\n", "model.tsv: line 2 has 1 weights, not 2")]
    [InlineData("feature\tnone\tmeeting\nbias\t0.5\tten\n", "model.tsv: line 2 has a weight that is not a number ('ten')")]
    public void Read_Malformed_ErrorNamesFileAndLine(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => AveragedPerceptron.Read(new StringReader(text), "model.tsv"));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_UnknownLabel_Refused()
    {
        Assert.Throws<ArgumentException>(() => AveragedPerceptron.Train([(["bias"], "visit")], Classes));
    }

    [Fact]
    public void Predict_UnknownFeaturesOnly_FirstClassWithZeroMargin()
    {
        var model = AveragedPerceptron.Train(Examples, Classes);

        Assert.Equal(("none", 0f), model.Predict(["never-seen"]));
    }
}
