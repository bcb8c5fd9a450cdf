using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>Ingest stores each document's facts in the fact tables, pointing into its original text.</summary>
public sealed class IngestFactsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_Seeds_StoresEngagementsPartiesAndCommitments()
    {
        var db = Path.Combine(_temp.Path, "atlas.db");
        var run = await Atlas.RunAsync("--db", db, "ingest", "-q", RepoPaths.Seeds);
        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());

        Assert.Equal(10, AtlasDatabase.Scalar(db, "SELECT count(*) FROM engagements"));
        Assert.Equal(1, AtlasDatabase.Scalar(db, """
            SELECT count(*) FROM engagements e JOIN documents d ON d.id = e.document_id
            WHERE d.source LIKE '%001_b80b28f5dfd618d5.txt' AND e.type = 'meeting' AND e.date = '2024-02-05'
            """));
        Assert.Equal(1, AtlasDatabase.Scalar(db, """
            SELECT count(*) FROM commitments c JOIN documents d ON d.id = c.document_id
            WHERE d.source LIKE '%003_accc265172f61bde.txt' AND c.due = 'FY2021'
            """));
        // One entity for the department under all its names: พช. in the title, the full name in the body.
        Assert.Equal(1, AtlasDatabase.Scalar(db, """
            SELECT count(DISTINCT entity_id) FROM entity_aliases WHERE alias IN ('พช.', 'กรมการพัฒนาชุมชน')
            """));
    }

    [Fact]
    public async Task Ingest_MentionOffsets_PointAtTheNameInTheOriginalText()
    {
        var db = Path.Combine(_temp.Path, "atlas.db");
        await Atlas.RunAsync("--db", db, "ingest", "-q", RepoPaths.Seeds);

        using var connection = AtlasDatabase.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.original_text, m.start, m."end", a.alias FROM mentions m
            JOIN documents d ON d.id = m.document_id
            JOIN entity_aliases a ON a.entity_id = m.entity_id
            """;
        using var reader = command.ExecuteReader();
        var checkedAny = 0;
        var spans = new Dictionary<(string, int, int), List<string>>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
            if (!spans.TryGetValue(key, out var aliases))
            {
                spans[key] = aliases = [];
            }

            aliases.Add(reader.GetString(3));
        }

        foreach (var ((text, start, end), aliases) in spans)
        {
            // The original may hold a no-break space or a double space where the stored name has one space.
            var written = NoSpace(text[start..end]);
            Assert.Contains(aliases, a => NoSpace(a) == written);
            checkedAny++;
        }

        Assert.True(checkedAny > 50, $"only {checkedAny} mentions stored");
    }

    private static string NoSpace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Ingest_Twice_FactsNotDoubled()
    {
        var db = Path.Combine(_temp.Path, "atlas.db");
        await Atlas.RunAsync("--db", db, "ingest", "-q", RepoPaths.Seeds);
        var engagements = AtlasDatabase.Scalar(db, "SELECT count(*) FROM engagements");
        var entities = AtlasDatabase.Scalar(db, "SELECT count(*) FROM entities");

        await Atlas.RunAsync("--db", db, "ingest", "-q", RepoPaths.Seeds);

        Assert.Equal(engagements, AtlasDatabase.Scalar(db, "SELECT count(*) FROM engagements"));
        Assert.Equal(entities, AtlasDatabase.Scalar(db, "SELECT count(*) FROM entities"));
    }
}
