using System.Globalization;
using SoftPowerAtlas.Cli.Tests.Support;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary><c>atlas migrate</c> from a real SQLite store into a real PostgreSQL database of the test server.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestPostgres _db = new("atlas_migrate_");

    private string Url => _db.Url;

    private string Sqlite => Path.Combine(_temp.Path, "laptop.db");

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Migrate_IngestedSamplesAndSeeds_EveryTableVerifiedAndReadableFromServer()
    {
        await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", RepoPaths.Samples, RepoPaths.Seeds);
        var documents = AtlasDatabase.CountDocuments(Sqlite);
        var original = AtlasDatabase.Text(Sqlite, "SELECT hex(original_packed) FROM documents WHERE id = 3");
        using (var db = AtlasDatabase.Open(Sqlite, readOnly: false))
        {
            // A curator's done mark, with its timestamp: curation must survive the move to a server.
            using var mark = db.CreateCommand();
            mark.CommandText = """
                INSERT INTO curation_events (at, actor, kind, target, content_hash, before_json, after_json)
                VALUES ('2024-06-28T03:30:15.1234560Z', 'somchai', 'commitment.status', 'fact:0123456789abcdef', 'hash', '{"status":"open"}', '{"status":"done","note":"ส่งครบแล้ว"}')
                """;
            mark.ExecuteNonQuery();
        }

        var run = await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Contains($"into {Url}", run.Out, StringComparison.Ordinal);
        Assert.Matches(string.Create(CultureInfo.InvariantCulture, $@"\n  documents +{documents} rows  checksum [0-9a-f]{{32}}  ok"), run.Out);
        Assert.DoesNotContain("DIFFERS", run.Out, StringComparison.Ordinal);
        var verified = run.Out.Split('\n').Where(l => l.TrimEnd().EndsWith(" ok", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Subset(verified.ToHashSet(), new HashSet<string> { "documents", "document_sources", "entities", "entity_aliases", "mentions", "engagements", "engagement_parties", "commitments", "person_roles", "curation_events" });
        Assert.Equal(verified.Count, run.Out.Split('\n').Count(l => l.Contains(" rows  checksum ", StringComparison.Ordinal)));
        Assert.Equal(original, PostgresText("SELECT upper(encode(original_packed, 'hex')) FROM documents WHERE id = 3")); // the packed bytes, as they were
        Assert.Equal("{\"status\":\"done\",\"note\":\"ส่งครบแล้ว\"} 2024-06-28 03:30:15.123456", PostgresText("SELECT after_json || ' ' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM curation_events"));
        var show = await Atlas.RunAsync("--db", Url, "show", "3");
        Assert.True(show.ExitCode == AtlasCommand.Ok, show.ToString());
    }

    [Fact]
    public async Task Migrate_UserWithWatches_WatchesKeepTheirUserFlagsAndFeed()
    {
        string token;
        using (var store = Storage.AtlasStores.Open(Sqlite, TestText.Shared))
        {
            var user = Storage.Users.UserStore.For(store, hasher: new Storage.Users.PasswordHasher(1000)).Add("สมชาย", Storage.Users.UserRole.Viewer, "watch-pass-2567").User!;
            var watches = Storage.Watches.WatchStore.For(store);
            var search = watches.Add(user.Id, new Storage.Watches.WatchRequest(Storage.Watches.WatchKind.Search, "โขน country:FR", "โขนในฝรั่งเศส", Exact: true)).Watch!;
            watches.Add(user.Id, new Storage.Watches.WatchRequest(Storage.Watches.WatchKind.Sector, "film"));
            token = watches.NewFeedToken(user.Id, search.Id)!;
        }

        var run = await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Matches(@"\n  watches +2 rows  checksum [0-9a-f]{32}  ok", run.Out);
        Assert.Equal("search โขน country:FR true โขนในฝรั่งเศส สมชาย; sector film false film สมชาย", PostgresText(
            "SELECT string_agg(w.kind || ' ' || w.target || ' ' || w.exact::text || ' ' || w.name || ' ' || u.name, '; ' ORDER BY w.id) FROM watches w JOIN users u ON u.id = w.user_id"));
        using var server = Storage.AtlasStores.Open(Url, TestText.Shared);
        Assert.Equal("โขนในฝรั่งเศส", Storage.Watches.WatchStore.For(server).FindByFeedToken(1, token)?.Name);
    }

    [Fact]
    public async Task MigrateCheck_ServerRowChangedAfterCopy_ExitOneNamingTable()
    {
        await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", RepoPaths.Samples);
        await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);
        var same = await Atlas.RunAsync("migrate", "--check", "--from", Sqlite, "--to", Url);
        ExecuteOnCopy("UPDATE entity_aliases SET alias = alias || ' ' WHERE alias = 'KOFIC'");

        var changed = await Atlas.RunAsync("migrate", "--check", "--from", Sqlite, "--to", Url);

        Assert.True(same.ExitCode == AtlasCommand.Ok, same.ToString());
        Assert.Contains("they hold the same rows", same.Out, StringComparison.Ordinal);
        Assert.Equal(AtlasCommand.SomeInputsFailed, changed.ExitCode);
        Assert.Matches(@"\n  entity_aliases +\d+ rows  checksum [0-9a-f]{32}  DIFFERS", changed.Out);
        Assert.Single(changed.Out.Split('\n'), l => l.Contains("DIFFERS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_ThenIngestOnServer_NewIdsContinueAfterCopiedOnes()
    {
        await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", Path.Combine(RepoPaths.Samples, "th_blog_film_korea.txt"));
        await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);

        var more = await Atlas.RunAsync("--db", Url, "ingest", Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt"));

        Assert.True(more.ExitCode == AtlasCommand.Ok, more.ToString());
        Assert.Equal("1 2", PostgresText("SELECT string_agg(id::text, ' ' ORDER BY id) FROM documents"));
    }

    [Fact]
    public async Task Migrate_TargetNotEmpty_ExitOneAndServerUnchanged()
    {
        await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", RepoPaths.Samples);
        await Atlas.RunAsync("--db", Url, "ingest", "-q", Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt"));

        var run = await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains("already holds 1 rows in documents", run.Error, StringComparison.Ordinal);
        Assert.Equal("1", PostgresText("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Migrate_SourceMissing_ExitOneNamingFile()
    {
        var missing = Path.Combine(_temp.Path, "nope.db");

        var run = await Atlas.RunAsync("migrate", "--from", missing, "--to", Url);

        Assert.Equal(AtlasCommand.SomeInputsFailed, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("--from", "a.db", "--to", "b.db", "--to must be a PostgreSQL database")]
    [InlineData("--from", "postgres://x@h/db", "--to", "postgres://x@h/db2", "--from must be a SQLite file")]
    public async Task Migrate_WrongKindOfDatabase_UsageError(string a, string b, string c, string d, string expected)
    {
        var run = await Atlas.RunAsync("migrate", a, b, c, d);

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WordDocument_FileBytesAndPageStartsCopiedExactly()
    {
        var docx = _temp.Write("plan.docx", WordZip("แผนความร่วมมือด้านวัฒนธรรมไทย-ญี่ปุ่น ประจำปี 2568", "หน้าที่สอง: การประชุมครั้งต่อไปจัดขึ้นที่กรุงโตเกียว"));
        var ingest = await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", docx);
        Assert.True(ingest.ExitCode == AtlasCommand.Ok, ingest.ToString());

        var run = await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);

        Assert.True(run.ExitCode == AtlasCommand.Ok, run.ToString());
        Assert.Matches(@"\n  document_files +1 rows  checksum [0-9a-f]{32}  ok", run.Out);
        Assert.Equal(Convert.ToBase64String(File.ReadAllBytes(docx)), PostgresText("SELECT translate(encode(bytes, 'base64'), E'\\n', '') FROM document_files"));
        Assert.Equal("[0,51]", PostgresText("SELECT page_starts FROM document_files"));
    }

    /// <summary>A two-page .docx written as a zip of its three parts, as Word would save it.</summary>
    private static byte[] WordZip(string first, string second)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{first}</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>{second}</w:t></w:r></w:p></w:body></w:document>""");
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task Migrate_EveryStoredTable_IsCopiedOrKnownDerived()
    {
        // A new migration must decide whether its table is copied: this lists the SQLite tables the
        // copy does not carry, which must be only the migration log and FTS indexes it rebuilds.
        await Atlas.RunAsync("--db", Sqlite, "ingest", "-q", Path.Combine(RepoPaths.Samples, "th_web_otop_fair.txt"));
        var run = await Atlas.RunAsync("migrate", "--from", Sqlite, "--to", Url);
        var copied = run.Out.Split('\n').Where(l => l.TrimEnd().EndsWith(" ok", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

        using var connection = AtlasDatabase.Open(Sqlite);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
        var virtualTables = new List<string>();
        var plain = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                (reader.GetString(1).StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase) ? virtualTables : plain).Add(reader.GetString(0));
            }
        }

        // Rebuilt by each engine from the copied rows: search's per-document facets, dates and state.
        string[] derived = ["schema_migrations", "document_facets", "search_dates", "search_state"];
        var notCopied = plain.Where(t => !copied.Contains(t) && !derived.Contains(t) && !virtualTables.Any(v => t.StartsWith(v + "_", StringComparison.Ordinal)));
        Assert.Empty(notCopied);
    }

    private void ExecuteOnCopy(string sql) => _db.Execute(sql);

    private string PostgresText(string sql) => _db.Text(sql);
}
