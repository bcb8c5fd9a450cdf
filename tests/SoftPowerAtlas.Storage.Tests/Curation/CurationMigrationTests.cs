using Microsoft.Data.Sqlite;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Sqlite;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>A store from before curation: its done marks become status events, its facts get keys.</summary>
public sealed class CurationMigrationTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Open_OldStoreWithDoneMarks_MarksBecomeEventsAndFactsGetKeys()
    {
        var curation = SqliteMigrator.Migrations.Single(m => m.Name == "curation").Version;
        var clock = new FixedClock();
        SqliteAtlasStore.Open(_fixture.DatabasePath, TestText.Shared, clock, targetVersion: curation - 1).Dispose();
        SqliteConnection.ClearAllPools();

        // A document as that version stored it (its texts plain; this build writes them packed).
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _fixture.DatabasePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$text", Samples.ThaiSegmented);
            command.Parameters.AddWithValue("$hash", Samples.Document(Samples.ThaiSegmented).ContentHash);
            command.CommandText = """
                INSERT INTO documents (source, format, language, encoding, original_text, clean_text, segmented_text, content_hash, sim_hash, ingested_at)
                VALUES ('samples/th_food_festival_paris.md', 'markdown', 'th', 'utf-8', $text, $text, $text, $hash, 1, '2024-01-01T00:00:00.0000000Z');
                INSERT INTO commitment_status (commitment_key, content_hash, status, note, what, due, changed_at)
                VALUES ('0123456789abcdef', 'hash', 'done', 'ส่งครบแล้ว "ok"', 'ส่งใบสมัคร', 'FY2025', '2024-06-28T03:30:15.1230000Z');
                INSERT INTO engagements (document_id, ordinal, type, date, evidence_start, evidence_end) SELECT id, 0, 'meeting', '2024-06-28', 0, 12 FROM documents;
                INSERT INTO commitments (document_id, ordinal, what, due, start, "end") SELECT id, 0, 'ส่งใบสมัคร', 'FY2025', 0, 12 FROM documents;
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteAtlasStore.Open(_fixture.DatabasePath, TestText.Shared, clock);

        var mark = new Curator(store, clock).Marks()["0123456789abcdef"];
        Assert.Equal((CommitmentStatuses.Done, "ส่งครบแล้ว \"ok\"", "migrated", FixedClock.Start), (mark.Status, mark.Note, mark.Actor, mark.ChangedAt));
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'commitment_status'"));
        Assert.Equal(0, _fixture.Scalar("SELECT count(*) FROM engagements WHERE fact_key IS NULL"));
        Assert.Equal(16, _fixture.Scalar("SELECT length(fact_key) FROM commitments"));
        Assert.Equal(1, _fixture.Scalar("SELECT count(*) FROM documents WHERE original_text = '' AND clean_text = '' AND original_packed IS NOT NULL AND clean_packed IS NOT NULL"));
        Assert.Equal(Samples.ThaiSegmented, store.GetDocument(1)!.OriginalText); // packed by migration 16, read back whole
    }
}
