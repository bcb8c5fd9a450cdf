using System.Globalization;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Facts;

/// <summary>
/// Facts read back from <c>documents.facts_json</c>, written once and run on SQLite and PostgreSQL:
/// rows holding the exact bytes the version before the typed model stored (and the shape of versions
/// before the entity list) are written again from them when an entity edit is undone; a damaged row
/// refuses the undo, naming the document, and changes nothing. The golden files are the Analysis
/// tests' (<c>Golden/Facts</c>).
/// </summary>
public abstract class StoredFactsTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string Somchai = "person:สมชายใจดี";
    private const string Wichai = "person:วิชัยมั่นคง";
    private const string Director = "person:กมลวรรณศรีสุข";

    protected StoredFactsTests()
    {
        Fixture = new TFixture();
        Store = Fixture.Open(Clock);
    }

    protected TFixture Fixture { get; }

    protected FixedClock Clock { get; } = new();

    protected IAtlasStore Store { get; }

    private Curator Curator => new(Store, Clock);

    [Fact]
    public void Undo_EntityMergeOnFactsThePreviousVersionStored_RowsWrittenAgainFromThem()
    {
        var (id, json) = StoreAsWritten("previous_version.facts.json");
        var before = Rows(id);
        Assert.Equal("engagements 4, parties 9, commitments 4, mentions 14, roles 3, roles in a body 2", before);
        var merge = Curator.Merge(Somchai, Wichai, "somchai");
        Assert.Null(merge.Error);
        Assert.Equal(0, Fixture.Scalar($"SELECT count(*) FROM entities WHERE key = '{Somchai}'"));

        var undo = Curator.Undo(merge.Event!.Id, "somchai");

        Assert.Null(undo.Error);
        Assert.Contains("the facts of 1 document(s)", undo.Detail, StringComparison.Ordinal);
        Assert.Equal(before, Rows(id));
        Assert.Equal("อธิบดี|agency:dcp|121|146|127|146", Fixture.Text($"""
            SELECT r.role || '|' || o.key || '|' || r.start || '|' || r."end" || '|' || r.organization_start || '|' || r.organization_end
            FROM person_roles r JOIN entities p ON p.id = r.person_id JOIN entities o ON o.id = r.organization_id
            WHERE r.document_id = {id} AND p.key = '{Director}'
            """));
        Assert.Equal("person|agency|province", Fixture.Text($"SELECT (SELECT kind FROM entities WHERE key = '{Somchai}') || '|' || (SELECT kind FROM entities WHERE key = 'agency:dcp') || '|' || (SELECT kind FROM entities WHERE key = 'province:TH-50')"));
        Assert.Equal("meeting|2025-03-12|88|299", Fixture.Text($"""SELECT type || '|' || date || '|' || evidence_start || '|' || evidence_end FROM engagements WHERE document_id = {id} AND ordinal = 0"""));
        Assert.Equal(1, Fixture.Scalar($"""SELECT count(*) FROM commitments WHERE document_id = {id} AND due = 'FY2026' AND start = 452 AND "end" = 639"""));
        Assert.Equal(json, Fixture.Text($"SELECT facts_json FROM documents WHERE id = {id}"));
    }

    [Fact]
    public void Undo_EntityMergeOnFactsStoredBeforeTheEntityList_PartiesWrittenAgainWithKindsFromTheirKeys()
    {
        var (id, _) = StoreAsWritten("before_entity_list.facts.json");
        var before = Rows(id);
        Assert.Equal("engagements 4, parties 9, commitments 4, mentions 8, roles 0, roles in a body 0", before);
        var merge = Curator.Merge(Somchai, Director, "somchai");
        Assert.Null(merge.Error);

        var undo = Curator.Undo(merge.Event!.Id, "somchai");

        Assert.Null(undo.Error);
        Assert.Equal(before, Rows(id));
        Assert.Equal("person", Fixture.Text($"SELECT kind FROM entities WHERE key = '{Somchai}'"));
        Assert.Equal(2, Fixture.Scalar($"SELECT count(*) FROM engagement_parties p JOIN entities n ON n.id = p.entity_id WHERE n.key = '{Somchai}' AND p.side = 'person'"));
    }

    [Fact]
    public void Undo_StoredFactsCutShort_RefusedNamingTheDocumentNothingChangedAndReextractMends()
    {
        var (id, _) = StoreAsWritten("previous_version.facts.json");
        var merge = Curator.Merge(Somchai, Wichai, "somchai").Event!;
        Fixture.Scalar($"UPDATE documents SET facts_json = substr(facts_json, 1, length(facts_json) - 100) WHERE id = {id}");
        var merged = Rows(id);

        var refused = Curator.Undo(merge.Id, "malee");

        Assert.Equal(CurationFailure.Conflict, refused.Failure);
        Assert.Contains($"the stored facts of document #{id} cannot be read", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"'atlas reextract {id}'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("LineNumber:", refused.Error, StringComparison.Ordinal);
        Assert.Equal(merged, Rows(id));
        Assert.Equal(0, Fixture.Scalar($"SELECT count(*) FROM entities WHERE key = '{Somchai}'"));
        Assert.Null(Curator.GetEvent(merge.Id)!.UndoneBy);
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM curation_events"));

        var reextracted = new Reextractor(Store, AtlasPipeline.CreateDefault(TestText.Shared)).Run([id]);

        Assert.Equal(0, reextracted.Failed);
        Assert.Null(Fixture.Text($"SELECT facts_json FROM documents WHERE id = {id}"));
        Assert.True(FactsJson.Read(Store.GetDocument(id)!.FactsJson!).IsSuccess);
        Assert.Null(Curator.Undo(merge.Id, "malee").Error);
    }

    public void Dispose()
    {
        Store.Dispose();
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A document stored as an earlier version left it: fact rows written from its facts, and
    /// <c>facts_json</c> holding the golden file's exact bytes (a row from before packing: no <c>facts_packed</c>).
    /// </summary>
    private (long Id, string Json) StoreAsWritten(string golden)
    {
        var json = Golden(golden);
        var read = FactsJson.Read(json);
        Assert.True(read.IsSuccess, read.Error);
        long id;
        using (var batch = Store.BeginBatch())
        {
            id = batch.Add(Samples.Document(Golden("previous_version.txt"), "releases/dcp_japan_film.txt") with { Facts = read.Facts });
            batch.Commit();
        }

        Fixture.Scalar($"UPDATE documents SET facts_json = '{json.Replace("'", "''", StringComparison.Ordinal)}', facts_packed = NULL WHERE id = {id}");
        Assert.Equal(json, Fixture.Text($"SELECT facts_json FROM documents WHERE id = {id}"));
        return (id, json);
    }

    private string Rows(long id)
    {
        long Count(string sql) => Fixture.Scalar(string.Format(CultureInfo.InvariantCulture, sql, id));
        return string.Create(CultureInfo.InvariantCulture, $"""
            engagements {Count("SELECT count(*) FROM engagements WHERE document_id = {0}")}, parties {Count("SELECT count(*) FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id WHERE e.document_id = {0}")}, commitments {Count("SELECT count(*) FROM commitments WHERE document_id = {0}")}, mentions {Count("SELECT count(*) FROM mentions WHERE document_id = {0}")}, roles {Count("SELECT count(*) FROM person_roles WHERE document_id = {0}")}, roles in a body {Count("SELECT count(*) FROM person_roles WHERE document_id = {0} AND organization_id IS NOT NULL")}
            """);
    }

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Facts", name));
}

/// <summary>Stored facts read back on a SQLite file.</summary>
public sealed class SqliteStoredFactsTests : StoredFactsTests<SqliteStoreFixture>;

/// <summary>Stored facts read back on a PostgreSQL database of its own.</summary>
public sealed class PostgresStoredFactsTests : StoredFactsTests<PostgresStoreFixture>;
