using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// <c>atlas train</c>: cross-validation of the rules, the learned event model and the two together on the
/// annotated development pages, and the weights the product embeds.
/// </summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string ShippedModels = Path.Combine(RepoPaths.Root, "src", "SoftPowerAtlas.Analysis", "Engagements", "Data");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Train_DevelopmentPages_WritesExactlyTheModelTheProductShips()
    {
        var run = await Atlas.RunAsync("train", RepoPaths.Real, RepoPaths.Linked, "--folds", "0", "--out", _temp.Path);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Matches(@"^\d+ pages, \d+ date anchors, \d+ of them engagements", run.Out);
        // Training is deterministic: a change to the anchors' features or the annotated pages that is not
        // followed by retraining (the command in README) fails here instead of shipping a stale model.
        foreach (var file in new[] { "event-is-engagement.tsv", "event-type.tsv" })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(ShippedModels, file)), await File.ReadAllTextAsync(Path.Combine(_temp.Path, file)));
        }
    }

    [Fact]
    public async Task Train_CrossValidation_ScoresRulesModelAndBothOnTheSameFolds()
    {
        var run = await Atlas.RunAsync("train", RepoPaths.Real, "--folds", "3", "--epochs", "2");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Matches(@"(?m)^rules: F1 [01]\.\d{3} \(tp \d+, fp \d+, fn \d+\)", run.Out);
        Assert.Matches(@"(?m)^learned, 3-fold cross-validation: F1 [01]\.\d{3}", run.Out);
        Assert.Matches(@"(?m)^rules, then learned \(margin > 0\) where they find none, 3-fold: F1 [01]\.\d{3}", run.Out);
    }

    [Fact]
    public async Task Train_FolderWithoutAnnotations_ErrorNamesTheProblemAndWritesNothing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Path, "empty")).FullName;
        var output = Path.Combine(_temp.Path, "out");

        var run = await Atlas.RunAsync("train", empty, "--out", output);

        Assert.NotEqual(AtlasCommand.Ok, run.ExitCode);
        Assert.Contains("no annotated pages", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--split", "test", "--split takes development, held-out or all, not 'test'")]
    [InlineData("--folds", "1", "--folds takes 0 or at least 2")]
    [InlineData("--epochs", "0", "--epochs at least 1")]
    public async Task Train_BadOption_UsageErrorSayingWhatItTakesAndWritesNothing(string option, string value, string message)
    {
        var output = Path.Combine(_temp.Path, "out");

        var run = await Atlas.RunAsync("train", RepoPaths.Seeds, option, value, "--out", output);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_BrokenAnnotation_ErrorNamesTheFile()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_temp.Path, "broken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "001_page.txt"), "เมื่อวันที่ 3 มีนาคม 2567 กรมส่งเสริมวัฒนธรรมจัดสัมมนา");
        await File.WriteAllTextAsync(Path.Combine(dir, "001_page.gold.json"), "{ not json");

        var run = await Atlas.RunAsync("train", dir);

        Assert.NotEqual(AtlasCommand.Ok, run.ExitCode);
        Assert.Contains("001_page.gold.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("not a gold annotation", run.Error, StringComparison.Ordinal);
    }
}
