using System.Text.Json;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// One release in Thai and English, and another outlet's story of the same signing (tests/corpus/versions), extracted
/// and ingested for real (issue 25, point 2): the English release is shown as the Thai one's translation, the story is
/// not, and the exhibition both releases promise is one item of the due list.
/// </summary>
public sealed class VersionCommandTests : IDisposable
{
    private static readonly FixedClock AfterTheExhibition = new(new DateTimeOffset(2025, 11, 1, 2, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Show_EnglishRelease_TranslationOfTheThaiOne_AndTheStoryIsNoVersion()
    {
        await IngestAsync("release-th.txt", "release-en.txt", "story-en.txt");

        var english = await Atlas.RunAsync("--db", _temp.Db, "show", "2");
        var thai = await Atlas.RunAsync("--db", _temp.Db, "show", "1");
        var story = await Atlas.RunAsync("--db", _temp.Db, "show", "3");

        Assert.True(english.ExitCode == AtlasCommand.Ok, english.ToString());
        Assert.Contains("translation of #1 (th)", english.Out, StringComparison.Ordinal);
        Assert.Contains("has a translation: #2 (en)", thai.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("translation", story.Out.Split("\n\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_ExhibitionPromisedByBothVersions_OneItemNamingTheEnglishRelease()
    {
        await IngestAsync("release-th.txt", "release-en.txt", "story-en.txt");

        var due = await Atlas.RunAsync(AfterTheExhibition, "--db", _temp.Db, "due");
        var export = await Atlas.RunAsync(AfterTheExhibition, "--db", _temp.Db, "export", "commitments", "--format", "json");

        Assert.True(due.ExitCode == AtlasCommand.Ok, due.ToString());
        Assert.Contains("1 overdue", due.Out, StringComparison.Ordinal);
        Assert.Contains("release-th.txt", due.Out, StringComparison.Ordinal);
        Assert.Contains("also stated in: doc #2", due.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(export.Out);
        var restating = json.RootElement.EnumerateArray().Where(c => c.GetProperty("restates").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(restating);
        Assert.All(restating, c => Assert.EndsWith("release-en.txt", c.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Due_EnglishReleaseAlone_ItsPromiseListed()
    {
        await IngestAsync("release-en.txt");

        var due = await Atlas.RunAsync(AfterTheExhibition, "--db", _temp.Db, "due");

        Assert.Contains("1 overdue", due.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("also stated in:", due.Out, StringComparison.Ordinal);
    }

    /// <summary>Ingests files of tests/corpus/versions (the invented release in two languages and another outlet's story) in this order.</summary>
    private Task IngestAsync(params string[] names) => Atlas.IngestEachAsync(_temp.Db, "versions", names);
}
