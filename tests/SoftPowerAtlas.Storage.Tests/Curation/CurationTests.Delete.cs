using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Search;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>Taking a document back out (issue 21 point 5), on both engines.</summary>
public abstract partial class CurationTests<TFixture>
{
    [Fact]
    public void DeleteDocument_ById_DocumentFactsSearchAndFacetsGoAndTheLogKeepsIt()
    {
        var id = Fixture.Scalar("SELECT id FROM documents");
        var hash = Fixture.Text("SELECT content_hash FROM documents")!;
        var index = SearchIndexes.For(Store);
        Assert.Equal(1, index.Search(SearchQuery.Parse("ยูเนสโก").Query!, new SearchPage()).Total);

        var result = Curator.DeleteDocument("#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), "malee");

        Assert.Null(result.Error);
        Assert.Equal((CurationKinds.DocumentDelete, "document:" + hash, "malee"), (result.Event!.Kind, result.Event.Target, result.Event.Actor));
        Assert.Contains("\"sources\":[", result.Event.Before, StringComparison.Ordinal);
        Assert.Null(Store.GetDocument(id));
        foreach (var table in new[] { "documents", "document_sources", "engagements", "commitments", "mentions", "document_facets", "search_dates" })
        {
            Assert.Equal(0, Fixture.Scalar($"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(0, SearchIndexes.For(Store).Search(SearchQuery.Parse("ยูเนสโก").Query!, new SearchPage()).Total);
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM curation_events WHERE kind = 'document.delete'"));
    }

    [Fact]
    public void DeleteDocument_CorrectedThenDeletedThenIngestedAgain_TheCorrectionComesBack()
    {
        var mou = Mou;
        Curator.SetFact(mou, new FactEdit { Type = "visit" }, "somchai");
        var source = Fixture.Text("SELECT source FROM document_sources")!;

        Assert.Null(Curator.DeleteDocument(source, "malee").Error);
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM engagements"));
        Ingest();

        Assert.Equal("visit", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{mou}'"));
    }

    [Theory]
    [InlineData("#999")]
    [InlineData("no/such/file.txt")]
    public void DeleteDocument_Unknown_NotFoundNamingItAndNothingChanged(string document)
    {
        var result = Curator.DeleteDocument(document, "malee");

        Assert.Equal(CurationFailure.NotFound, result.Failure);
        Assert.Contains(document, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM curation_events"));
    }

    [Fact]
    public void DeleteDocument_Undo_RefusedSayingToIngestAgain()
    {
        var e = Curator.DeleteDocument("1", "malee").Event!;

        var undo = Curator.Undo(e.Id, "malee");

        Assert.Equal(CurationFailure.Conflict, undo.Failure);
        Assert.Contains("ingest its file again", undo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteDocument_OriginalOfNearCopies_TheFirstCopyBecomesTheOriginal()
    {
        // Two documents marked as near copies of a third (how ingest finds copies is StoreTests' business).
        using (var batch = Store.BeginBatch())
        {
            batch.Ingest(Samples.Document(Samples.EnglishRelease, "feeds/mfa/a.html", "en"));
            batch.Ingest(Samples.Document(Samples.ThaiSegmented, "feeds/moc/b.html"));
            batch.Ingest(Samples.Document(Samples.EnglishRelease.Replace("January", "February", StringComparison.Ordinal), "feeds/tat/c.html", "en"));
            batch.Commit();
        }

        long Id(string source) => Fixture.Scalar($"SELECT document_id FROM document_sources WHERE source = '{source}'");
        var (original, b, c) = (Id("feeds/mfa/a.html"), Id("feeds/moc/b.html"), Id("feeds/tat/c.html"));
        Fixture.Scalar($"UPDATE documents SET near_duplicate_of = {original} WHERE id IN ({b}, {c})");

        var result = Curator.DeleteDocument("feeds/mfa/a.html", "malee");

        Assert.Null(result.Error);
        Assert.Null(Store.GetDocument(b)!.NearDuplicateOf);
        Assert.Equal(b, Store.GetDocument(c)!.NearDuplicateOf);
        Assert.Contains("now point at #" + b.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Detail, StringComparison.Ordinal);
    }
}
