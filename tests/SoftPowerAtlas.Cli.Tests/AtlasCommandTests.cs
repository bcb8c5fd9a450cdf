using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests;

/// <summary>The command line itself: usage errors exit 2 without touching anything; every verb explains itself.</summary>
public sealed class AtlasCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_IngestWithoutPath_ExitsTwoSayingWhatIsMissing()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("Required argument missing for command: 'ingest'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Db));
    }

    [Theory]
    [InlineData("ingest", "--bogus", "{samples}")]
    [InlineData("ingest", "{samples}", "--bogus")]
    [InlineData("show", "--bogus")]
    [InlineData("segment", "--bogus")]
    [InlineData("dates", "--bogus")]
    [InlineData("extract", "--bogus")]
    [InlineData("eval", "--bogus")]
    public async Task RunAsync_UnknownOption_ExitsTwoNamingItAndStoresNothing(params string[] words)
    {
        var args = words.Select(w => w.Replace("{samples}", RepoPaths.Samples, StringComparison.Ordinal));

        var run = await Atlas.RunAsync(["--db", _temp.Db, .. args]);

        Assert.True(run.ExitCode == AtlasCommand.UsageError, run.ToString());
        Assert.Contains("'--bogus'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Db));
    }

    [Fact]
    public async Task RunAsync_PathAfterDoubleDash_IsTakenAsAPath()
    {
        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", "--", "--not-an-option");

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("--not-an-option: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frob")]
    [InlineData("ingestt", "samples")]
    public async Task RunAsync_UnknownVerb_ExitsTwo(params string[] args)
    {
        var run = await Atlas.RunAsync(["--db", _temp.Db, .. args]);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains($"'{args[0]}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("atlas --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoArguments_ExitsTwoSuggestingAVerb()
    {
        var run = await Atlas.RunAsync();

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Equal("atlas: say what to do, e.g. 'atlas ingest samples'. Run 'atlas --help' for the verbs.\n", run.Error);
    }

    [Theory]
    [InlineData("ingest", "Read press releases and store them")]
    [InlineData("show", "Print a stored document: metadata, then its cleaned text.")]
    [InlineData("segment", "Normalise Thai text and split it into words")]
    [InlineData("dates", "List the dates a document contains")]
    [InlineData("extract", "Extract engagements, participants, places, sectors and commitments")]
    [InlineData("eval", "Score extraction against gold annotations")]
    public async Task RunAsync_VerbHelp_ExitsZeroWithTheVerbsDescription(string verb, string description)
    {
        var run = await Atlas.RunAsync(verb, "--help");

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains(description, run.Out, StringComparison.Ordinal);
        Assert.Contains($" {verb} ", run.Out, StringComparison.Ordinal);
        Assert.Contains("--db", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RootHelp_ListsEveryVerb()
    {
        var run = await Atlas.RunAsync("--help");

        Assert.Equal(AtlasCommand.Ok, run.ExitCode);
        Assert.All(["ingest", "show", "segment", "dates", "extract", "eval"], verb => Assert.Contains($"  {verb}", run.Out, StringComparison.Ordinal));
    }
}
