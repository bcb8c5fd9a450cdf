using SoftPowerAtlas.Analysis.Text;
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

        // The seeds' gold has ten; seed 002's meeting "in 2022" is dated by its year alone, which dates no engagement.
        Assert.Equal(9, AtlasDatabase.Scalar(db, "SELECT count(*) FROM engagements"));
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
            SELECT d.source, m.start, m."end", a.alias FROM mentions m
            JOIN documents d ON d.id = m.document_id
            JOIN entity_aliases a ON a.entity_id = m.entity_id
            """;
        using var reader = command.ExecuteReader();
        var checkedAny = 0;
        var originals = new Dictionary<string, string>(StringComparer.Ordinal); // the originals are packed: read through the store
        var spans = new Dictionary<(string, int, int), List<string>>();
        while (reader.Read())
        {
            var source = reader.GetString(0);
            if (!originals.TryGetValue(source, out var original))
            {
                originals[source] = original = AtlasDatabase.Document(db, Path.GetFileName(source)).OriginalText;
            }

            var key = (original, reader.GetInt32(1), reader.GetInt32(2));
            if (!spans.TryGetValue(key, out var aliases))
            {
                spans[key] = aliases = [];
            }

            aliases.Add(reader.GetString(3));
        }

        foreach (var ((text, start, end), aliases) in spans)
        {
            // The original may hold a no-break space or a double space where the stored name has one space,
            // or Thai marks in the wrong order (ญี่ปุ่น) that normalisation puts right.
            var written = NoSpace(ThaiNormalizer.Normalize(MappedText.Identity(text[start..end])).Text);
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

    [Fact]
    public async Task Ingest_PersonWithRole_StoresRoleBodyAndOffsetsOnceOnReingest()
    {
        var db = Path.Combine(_temp.Path, "atlas.db");
        var file = Path.Combine(_temp.Path, "roles.txt");
        const string text = "วันที่ 5 มีนาคม 2567 นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ อพท. ให้การต้อนรับนายจูเลียน ลากอร์น (Julien Lacorne) "
            + "ผู้ช่วยทูตฝ่ายวัฒนธรรม สถานทูตฝรั่งเศสประจำประเทศไทย ณ กรุงเทพฯ เพื่อหารือความร่วมมือด้านภาพยนตร์\n";
        await File.WriteAllTextAsync(file, text);

        await Atlas.RunAsync("--db", db, "ingest", "-q", file);
        var mentions = AtlasDatabase.Scalar(db, "SELECT count(*) FROM mentions");
        var roles = AtlasDatabase.Scalar(db, "SELECT count(*) FROM person_roles");
        await Atlas.RunAsync("--db", db, "ingest", "-q", file);

        Assert.Equal(2L, roles);
        Assert.Equal(roles, AtlasDatabase.Scalar(db, "SELECT count(*) FROM person_roles"));
        Assert.Equal(mentions, AtlasDatabase.Scalar(db, "SELECT count(*) FROM mentions"));
        using var connection = AtlasDatabase.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.name, r.role, o.key, o.kind, r.start, r."end", r.organization_start, r.organization_end FROM person_roles r
            JOIN entities p ON p.id = r.person_id LEFT JOIN entities o ON o.id = r.organization_id ORDER BY r.start
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("ทวีพงษ์ วิชัยดิษฐ", reader.GetString(0));
        Assert.Equal("ผู้อำนวยการ", reader.GetString(1));
        Assert.Equal("agency:dasta", reader.GetString(2));
        Assert.Equal("agency", reader.GetString(3));
        Assert.Equal("ผู้อำนวยการ อพท.", text[reader.GetInt32(4)..reader.GetInt32(5)]);
        Assert.Equal("อพท.", text[reader.GetInt32(6)..reader.GetInt32(7)]);
        Assert.True(reader.Read());
        Assert.Equal("ผู้ช่วยทูตฝ่ายวัฒนธรรม", reader.GetString(1));
        Assert.Equal("สถานทูตฝรั่งเศสประจำประเทศไทย", text[reader.GetInt32(6)..reader.GetInt32(7)]);
    }

    [Fact]
    public async Task Ingest_Document_StoresEveryMentionWithAQueryableKind()
    {
        var db = Path.Combine(_temp.Path, "atlas.db");
        var file = Path.Combine(_temp.Path, "kinds.txt");
        const string text = "นายจูเลียน ลากอร์น (Julien Lacorne) เดินทางจากฝรั่งเศสมาจังหวัดเชียงใหม่ เพื่อพบกับ อพท.\n";
        await File.WriteAllTextAsync(file, text);

        await Atlas.RunAsync("--db", db, "ingest", "-q", file);
        await Atlas.RunAsync("--db", db, "ingest", "-q", file);

        // No engagement here, yet every mention is stored, each once, under one entity per thing.
        using var connection = AtlasDatabase.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT e.kind, m.start, m."end" FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.start""";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)} {text[reader.GetInt32(1)..reader.GetInt32(2)]}");
        }

        Assert.Equal(["person นายจูเลียน ลากอร์น", "person Julien Lacorne", "country ฝรั่งเศส", "province จังหวัดเชียงใหม่", "agency อพท."], rows);
        Assert.Equal(1L, AtlasDatabase.Scalar(db, "SELECT count(*) FROM entities WHERE kind = 'person'"));
    }
}
