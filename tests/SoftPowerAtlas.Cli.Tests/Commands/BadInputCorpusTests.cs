using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// <c>atlas ingest</c> over a folder holding every kind of <see cref="BadInputCorpus"/> beside a good
/// document: the run ends, each refused kind is named once with its reason, every other kind is read,
/// and nothing is stored half (each stored document has its source, facts and search row).
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_SixtyKindsOfBadInputBesideAGoodFile_EachRefusedWithItsReasonOrReadAndNothingHalfStored()
    {
        var folder = _temp.Folder("in");
        File.WriteAllText(Path.Combine(folder, "good.txt"), BadInputCorpus.Thai);
        foreach (var kind in BadInputCorpus.Kinds)
        {
            kind.Make(folder);
        }

        var run = await Atlas.RunAsync("--db", _temp.Db, "ingest", folder);

        Assert.True(BadInputCorpus.Kinds.Count >= 60, $"{BadInputCorpus.Kinds.Count} kinds");
        Assert.True(run.ExitCode == AtlasCommand.SomeInputsFailed, run.ToString());
        var failures = run.Error.Split('\n').Where(l => l.Contains("failed: ", StringComparison.Ordinal)).ToList();
        var wrong = new List<string>();
        foreach (var kind in BadInputCorpus.Kinds.Where(k => !k.Name.Contains('\n', StringComparison.Ordinal)))
        {
            var lines = failures.Where(l => l.Contains(kind.Name, StringComparison.Ordinal)).ToList();
            if (kind.Refusal is { } reason && !(lines.Count == 1 && lines[0].Contains(reason, StringComparison.Ordinal)))
            {
                wrong.Add($"{kind.Name}: expected one line with '{reason}', got [{string.Join(" | ", lines)}]");
            }
            else if (kind.Refusal is null && lines.Count > 0)
            {
                wrong.Add($"{kind.Name}: expected it read, got [{string.Join(" | ", lines)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(BadInputCorpus.Kinds.Count(k => k.Refusal is not null), failures.Count);
        var documents = AtlasDatabase.CountDocuments(_temp.Db);
        Assert.True(documents >= 2, run.ToString());
        Assert.Equal(0, AtlasDatabase.Scalar(_temp.Db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id) OR d.facts_packed IS NULL OR NOT EXISTS (SELECT 1 FROM search_dates t WHERE t.document_id = d.id)"));
        Assert.Contains("/good.txt", AtlasDatabase.Text(_temp.Db, "SELECT group_concat(source, ' ') FROM document_sources"), StringComparison.Ordinal);
    }
}
