using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Tests.Tracking;

/// <summary>A done mark is kept by the commitment's stable key, so it outlives the rows it was made on.</summary>
public abstract class CommitmentStatusTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private static readonly DateOnly AsOf = new(2024, 11, 15);

    private readonly IngestedCorpus<TFixture> _corpus;

    protected CommitmentStatusTests()
    {
        // 003 first, then 001: the rows of 003 are never the highest, so new rows cannot reuse their ids.
        _corpus = IngestedCorpus<TFixture>.Of(CorpusPaths.Seed("003"));
        _corpus.Ingest(CorpusPaths.Seed("001"));
    }

    public void Dispose()
    {
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }

    private CommitmentTracker Tracker => new(_corpus.Reader, _corpus.Clock);

    private DueItem FiscalYear2021() =>
        Tracker.Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items.Single(i => i.Commitment.DueWritten == "FY2021");

    [Fact]
    public void MarkDone_ThenDeleteAndReingestDocument_StillDoneWithItsNote()
    {
        var before = FiscalYear2021();
        Assert.Equal(CommitmentState.Overdue, before.State);

        var marked = Tracker.MarkDone(before.Commitment.Key[..8], "ยื่นใบสมัครเครือข่ายเมืองสร้างสรรค์แล้ว; see letter 12/2564");
        Assert.Null(marked.Error);
        Assert.Equal(before.Commitment.Key, marked.Key);
        Assert.Equal(CommitmentState.Done, FiscalYear2021().State);

        // Delete the document (its commitments go with it), then ingest the same file again.
        _corpus.Execute($"DELETE FROM documents WHERE id = {before.Commitment.Source.DocumentId}");
        Assert.Equal(0, _corpus.Execute("SELECT count(*) FROM commitments WHERE due = 'FY2021'"));
        Assert.Equal(1, _corpus.Execute("SELECT count(*) FROM curation_events WHERE kind = 'commitment.status'"));
        _corpus.Ingest(CorpusPaths.Seed("003"));
        _corpus.Ingest(CorpusPaths.Seed("003"), CorpusPaths.Seed("001")); // and a second run that stores nothing new

        // The new row may reuse the old id (SQLite hands out the highest rowid plus one): the mark follows the key.
        var after = FiscalYear2021();
        Assert.Equal(1, _corpus.Execute($"SELECT count(*) FROM commitments WHERE id = {after.Commitment.Id} AND due = 'FY2021'"));
        Assert.NotEqual(before.Commitment.Source.DocumentId, after.Commitment.Source.DocumentId);
        Assert.Equal(before.Commitment.Key, after.Commitment.Key);
        Assert.Equal(CommitmentState.Done, after.State);
        Assert.Equal("ยื่นใบสมัครเครือข่ายเมืองสร้างสรรค์แล้ว; see letter 12/2564", after.Mark?.Note);
        Assert.Equal(_corpus.Clock.GetUtcNow(), after.Mark?.ChangedAt);
    }

    [Fact]
    public void MarkDone_SameFileAtAnotherPath_SameKeySoDone()
    {
        var key = FiscalYear2021().Commitment.Key;
        Tracker.MarkDone(key, null);
        _corpus.Execute("DELETE FROM documents");

        var copy = _corpus.Write("elsewhere/copy.txt", File.ReadAllText(CorpusPaths.Seed("003")));
        _corpus.Ingest(copy);

        var item = FiscalYear2021();
        Assert.Equal(key, item.Commitment.Key);
        Assert.Equal(CommitmentState.Done, item.State);
        Assert.Equal(copy, item.Commitment.Source.Path);
    }

    [Fact]
    public void Reopen_Marked_OverdueAgainAndMarkGone()
    {
        var key = FiscalYear2021().Commitment.Key;
        Tracker.MarkDone(key, "first");
        Tracker.MarkDone(key, "second"); // again: the note is replaced (a second event), one mark kept

        Assert.Equal("second", FiscalYear2021().Mark?.Note);
        Assert.Equal(2, _corpus.Execute("SELECT count(*) FROM curation_events WHERE kind = 'commitment.status'"));
        Assert.Single(Tracker.Marks());

        var reopened = Tracker.Reopen(key[..6]);

        Assert.True(reopened.Changed);
        Assert.Equal(CommitmentState.Overdue, FiscalYear2021().State);
        Assert.Empty(Tracker.Marks());
        Assert.False(Tracker.Reopen(key).Changed);
        Assert.Equal(3, _corpus.Execute("SELECT count(*) FROM curation_events WHERE kind = 'commitment.status'"));
    }

    [Fact]
    public void Reopen_MarkWhoseDocumentIsGone_StillTakesItOff()
    {
        var key = FiscalYear2021().Commitment.Key;
        Tracker.MarkDone(key, null);
        _corpus.Execute("DELETE FROM documents");

        Assert.True(Tracker.Reopen(key).Changed);
        Assert.Contains("no fact", Tracker.MarkDone(key, null).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_Commitment_NeitherOverdueNorOpenInDossiers()
    {
        var key = FiscalYear2021().Commitment.Key;

        new SoftPowerAtlas.Storage.Curation.Curator(_corpus.Store, _corpus.Clock).SetStatus(key, "dropped", "เปลี่ยนแผน", "somchai");

        var item = FiscalYear2021();
        Assert.Equal(CommitmentState.Dropped, item.State);
        Assert.Equal(("dropped", "เปลี่ยนแผน"), (item.Mark?.Status, item.Mark?.Note));
        Assert.DoesNotContain(Tracker.Due(new DueQuery { AsOf = AsOf }).Items, i => i.Commitment.Key == key);
    }

    [Fact]
    public void MarkDone_UnknownOrMalformedId_NothingWritten()
    {
        Assert.Contains("is not a fact id", Tracker.MarkDone("12", null).Error, StringComparison.Ordinal);
        Assert.Contains("no fact", Tracker.MarkDone("abcdef0123", null).Error, StringComparison.Ordinal);
        Assert.Equal(0, _corpus.Execute("SELECT count(*) FROM curation_events"));
        Assert.Equal(CommitmentKey.Length, FiscalYear2021().Commitment.Key.Length);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteCommitmentStatusTests : CommitmentStatusTests<SqliteStoreFixture>;

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresCommitmentStatusTests : CommitmentStatusTests<PostgresStoreFixture>;
