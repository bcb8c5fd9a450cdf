using System.Text.Json.Nodes;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Ingest;
using SoftPowerAtlas.Storage.Tests.Facts;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>
/// Curation on a real store filled by the real pipeline from seed 003 (DASTA and CEA prepare cities
/// for UNESCO; it holds an MOU signing and a commitment due in fiscal year 2564), written once and run
/// on SQLite and PostgreSQL: edits change the rows, are logged with before and after, survive
/// re-extraction and re-ingest, and undo exactly.
/// </summary>
public abstract partial class CurationTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    protected const string Person = "person:ทวีพงษ์วิชัยดิษฐ";

    // Extraction keeps the creative-cities network apart from UNESCO; a curator files it under UNESCO.
    protected const string Duplicate = "body:uccn";
    protected const string Survivor = "body:unesco";

    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => AtlasPipeline.CreateDefault(TestText.Shared));

    protected CurationTests()
    {
        Fixture = new TFixture();
        Store = Fixture.Open(Clock);
        Ingest();
    }

    protected TFixture Fixture { get; }

    protected FixedClock Clock { get; } = new();

    protected IAtlasStore Store { get; }

    protected Curator Curator => new(Store, Clock);

    protected string Mou => Fixture.Text("SELECT fact_key FROM engagements WHERE type = 'mou_signing'")!;

    protected string FiscalYear => Fixture.Text("SELECT fact_key FROM commitments WHERE due = 'FY2021'")!;

    [Fact]
    public void SetFact_TypeDateSectors_RowsChangedAndEventHoldsBeforeAndAfter()
    {
        var key = Mou;

        var result = Curator.SetFact(key[..8], new FactEdit { Type = "meeting", Date = "2019-10-15", Sectors = ["+film", "-tourism"] }, "somchai");

        Assert.Null(result.Error);
        var e = result.Event!;
        Assert.Equal((CurationKinds.FactSet, "somchai", "fact:" + key, FixedClock.Start), (e.Kind, e.Actor, e.Target, e.At));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"mou_signing","date":null,"sectors":["creative_city","tourism"]}"""), JsonNode.Parse(e.Before!)), e.Before);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"meeting","date":"2019-10-15","sectors":["creative_city","film"]}"""), JsonNode.Parse(e.After!)), e.After);
        Assert.Equal("meeting|2019-10-15", Fixture.Text($"SELECT type || '|' || date FROM engagements WHERE fact_key = '{key}'"));
        Assert.Equal(2, Fixture.Scalar($"SELECT count(*) FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id WHERE e.fact_key = '{key}' AND s.sector IN ('creative_city', 'film')"));
        Assert.Equal(2, Fixture.Scalar($"SELECT count(*) FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id WHERE e.fact_key = '{key}'"));
    }

    [Fact]
    public void SetFact_Reextracted_CorrectionsHoldAndKeysStay()
    {
        var (mou, fy) = (Mou, FiscalYear);
        Curator.SetFact(mou, new FactEdit { Type = "meeting", Parties = ["+" + Person] }, "somchai");
        Curator.SetFact(fy, new FactEdit { Due = "FY2022", Who = "อพท." }, "somchai");

        var summary = new Reextractor(Store, Pipeline.Value).Run(new Reextractor(Store, Pipeline.Value).AllDocumentIds());

        Assert.Equal(0, summary.Failed);
        Assert.Empty(summary.Unapplied);
        Assert.Equal("meeting", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{mou}'"));
        Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id JOIN entities n ON n.id = p.entity_id WHERE e.fact_key = '{mou}' AND n.key = '{Person}'"));
        Assert.Equal("FY2022|อพท.", Fixture.Text($"SELECT due || '|' || who FROM commitments WHERE fact_key = '{fy}'"));
        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM curation_events"));
    }

    [Fact]
    public void SetFact_DocumentDeletedAndIngestedAgain_CorrectionsHoldOnTheNewRows()
    {
        var (mou, fy) = (Mou, FiscalYear);
        Curator.SetFact(mou, new FactEdit { Type = "visit", Date = "2019-10-01/2019-10-03" }, "somchai");
        Curator.SetStatus(fy[..6], CommitmentStatuses.Dropped, "ไม่ดำเนินการต่อ", "somchai");
        Fixture.Scalar("DELETE FROM documents");
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM engagements"));
        Ingest();

        Assert.Equal("visit|2019-10-01|2019-10-03", Fixture.Text("SELECT type || '|' || date || '|' || end_date FROM engagements WHERE fact_key = '" + mou + "'"));
        var mark = Curator.Marks()[fy];
        Assert.Equal((CommitmentStatuses.Dropped, "ไม่ดำเนินการต่อ", "somchai"), (mark.Status, mark.Note, mark.Actor));
    }

    [Fact]
    public void Undo_FactSet_RestoresTheExactStateBeforeAndLogsTheUndo()
    {
        var key = Mou;
        var before = Curator.FindFact(key).Fact!.State;
        var edit = Curator.SetFact(key, new FactEdit { Type = "meeting", Countries = ["FR", "jp"], Parties = [Person + "=thai", "agency:dasta"] }, "somchai").Event!;
        Assert.Contains("\"countries\":[\"FR\",\"JP\"]", Curator.FindFact(key).Fact!.State, StringComparison.Ordinal);
        Assert.Equal(2, Fixture.Scalar($"SELECT count(*) FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id WHERE e.fact_key = '{key}'"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var undo = Curator.Undo(edit.Id, "malee");

        Assert.Null(undo.Error);
        Assert.Equal(before, Curator.FindFact(key).Fact!.State);
        Assert.Equal((CurationKinds.Undo, edit.Id, "malee", FixedClock.Start.AddMinutes(5)), (undo.Event!.Kind, undo.Event.Undoes, undo.Event.Actor, undo.Event.At));
        Assert.Equal((edit.After, edit.Before), (undo.Event.Before, undo.Event.After));
        Assert.Equal(undo.Event.Id, Curator.GetEvent(edit.Id)!.UndoneBy);
        var again = Curator.Undo(edit.Id, "malee");
        Assert.Equal(CurationFailure.Conflict, again.Failure);
        Assert.Contains($"already undone by event {undo.Event.Id}", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_LaterEditOnTheSameFact_RefusedNamingIt_ThenUndoneInOrder()
    {
        var key = Mou;
        var original = Curator.FindFact(key).Fact!.State;
        var first = Curator.SetFact(key, new FactEdit { Type = "meeting" }, "a").Event!;
        var second = Curator.SetFact(key, new FactEdit { Type = "visit" }, "b").Event!;

        var refused = Curator.Undo(first.Id, "c");

        Assert.Equal(CurationFailure.Conflict, refused.Failure);
        Assert.Contains($"{second.Id} (fact.set on fact:{key})", refused.Error, StringComparison.Ordinal);
        Assert.Equal("visit", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{key}'"));
        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM curation_events"));

        Assert.Null(Curator.Undo(second.Id, "c").Error);
        Assert.Equal("meeting", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{key}'"));
        Assert.Null(Curator.Undo(first.Id, "c").Error);
        Assert.Equal(original, Curator.FindFact(key).Fact!.State);
        Assert.Equal(CurationFailure.Conflict, Curator.Undo(Fixture.Scalar("SELECT max(id) FROM curation_events"), "c").Failure); // an undo is not undone
    }

    [Fact]
    public void Reextract_TargetNoLongerExtracted_ReportedAndAppliedWhenItComesBack()
    {
        var key = Mou;
        var edit = Curator.SetFact(key, new FactEdit { Type = "meeting" }, "somchai").Event!;
        var builder = AtlasPipeline.CreateBuilder(TestText.Shared);
        builder.Stages.RemoveAll(s => s is Analysis.Engagements.ExtractionStage);
        var withoutExtraction = new Reextractor(Store, builder.Build());

        var summary = withoutExtraction.Run(withoutExtraction.AllDocumentIds());

        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM engagements"));
        var lost = Assert.Single(summary.Unapplied);
        Assert.Equal(edit.Id, lost.Event.Id);
        Assert.Contains($"fact {key} is not among", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(edit.Id, Assert.Single(Curator.Unapplied()).Event.Id);

        var back = new Reextractor(Store, Pipeline.Value);
        Assert.Empty(back.Run(back.AllDocumentIds()).Unapplied);
        Assert.Equal("meeting", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{key}'"));
        Assert.Empty(Curator.Unapplied());
    }

    [Fact]
    public void Merge_DuplicateEntity_MentionsMoveSurviveReingestAndUndoPutsThemBack()
    {
        const string Alias = "UNESCO Creative Cities Network";
        var duplicateMentions = Fixture.Scalar($"SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{Duplicate}'");
        var survivorMentions = Fixture.Scalar($"SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{Survivor}'");
        Assert.True(duplicateMentions > 0);

        var merge = Curator.Merge(Duplicate, Survivor, "somchai");

        Assert.Null(merge.Error);
        AssertMerged();
        Fixture.Scalar("DELETE FROM documents");
        Ingest();
        AssertMerged();

        var undo = Curator.Undo(merge.Event!.Id, "somchai");

        Assert.Null(undo.Error);
        Assert.Contains("1 document(s)", undo.Detail, StringComparison.Ordinal);
        Assert.Equal(duplicateMentions, Fixture.Scalar($"SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{Duplicate}'"));
        Assert.Equal(survivorMentions, Fixture.Scalar($"SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{Survivor}'"));
        Assert.Equal(0, Fixture.Scalar($"SELECT count(*) FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = '{Survivor}' AND a.alias = '{Alias}'"));

        void AssertMerged()
        {
            Assert.Equal(0, Fixture.Scalar($"SELECT count(*) FROM entities WHERE key = '{Duplicate}'"));
            Assert.Equal(duplicateMentions + survivorMentions, Fixture.Scalar($"SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{Survivor}'"));
            Assert.Equal(1, Fixture.Scalar($"SELECT count(*) FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = '{Survivor}' AND a.alias = '{Alias}'"));
        }
    }

    [Fact]
    public void Split_Abbreviation_MentionsWrittenSoMoveAndUndoPutsThemBack()
    {
        const string Count = "SELECT count(*) FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = '{0}'";
        var all = Fixture.Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "agency:cea"));

        var split = Curator.Split("agency:cea", ["สศส."], "agency:cea_abbreviation", null, "somchai");

        Assert.Null(split.Error);
        var moved = Fixture.Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "agency:cea_abbreviation"));
        Assert.InRange(moved, 1, all - 1);
        Assert.Equal(all - moved, Fixture.Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "agency:cea")));
        Assert.Equal("สศส.", Fixture.Text("SELECT a.alias FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = 'agency:cea_abbreviation'"));
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = 'agency:cea' AND a.alias = 'สศส.'"));

        var reextract = new Reextractor(Store, Pipeline.Value);
        reextract.Run(reextract.AllDocumentIds());
        Assert.Equal(moved, Fixture.Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "agency:cea_abbreviation")));

        Assert.Null(Curator.Undo(split.Event!.Id, "somchai").Error);
        Assert.Equal(all, Fixture.Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "agency:cea")));
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM entities WHERE key = 'agency:cea_abbreviation'"));
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = 'agency:cea' AND a.alias = 'สศส.'"));
    }

    [Fact]
    public void AddAlias_ThenUndo_AliasComesAndGoes()
    {
        const string Has = "SELECT count(*) FROM entity_aliases a JOIN entities n ON n.id = a.entity_id WHERE n.key = 'agency:dasta' AND a.alias = 'DASTA Thailand'";
        var added = Curator.AddAlias("agency:dasta", "  DASTA Thailand ", "somchai");
        Assert.Equal(1, Fixture.Scalar(Has));

        var repeat = Curator.AddAlias("agency:dasta", "DASTA Thailand", "somchai");
        Assert.Null(repeat.Event);
        Assert.Contains("already an alias", repeat.Detail, StringComparison.Ordinal);

        Assert.Null(Curator.Undo(added.Event!.Id, "somchai").Error);
        Assert.Equal(0, Fixture.Scalar(Has));
    }

    [Fact]
    public void SetStatus_DoneDroppedOpen_MarksFollowTheLatest()
    {
        var key = FiscalYear;
        Assert.Null(Curator.SetStatus(key, CommitmentStatuses.Done, "ส่งแล้ว", "a").Error);
        Assert.Equal(CommitmentStatuses.Done, Curator.Marks()[key].Status);
        Assert.Null(Curator.SetStatus(key, CommitmentStatuses.Dropped, null, "b").Error);
        Assert.Equal((CommitmentStatuses.Dropped, (string?)null), (Curator.Marks()[key].Status, Curator.Marks()[key].Note));
        Assert.Null(Curator.SetStatus(key, CommitmentStatuses.Open, null, "c").Error);
        Assert.False(Curator.Marks().ContainsKey(key));

        Assert.Equal(CurationFailure.Invalid, Curator.SetStatus(Mou, CommitmentStatuses.Done, null, "a").Failure); // an engagement
        Assert.Equal(3, Fixture.Scalar("SELECT count(*) FROM curation_events WHERE kind = 'commitment.status'"));
    }

    [Fact]
    public void AddNote_DocumentEntityFact_LoggedByStableTargetAndHostileTextKeptAsText()
    {
        const string Hostile = "'); DROP TABLE documents; -- <script>alert(1)</script> \"ยูเนสโก\"";
        var document = Fixture.Scalar("SELECT id FROM documents");
        var hash = Fixture.Text("SELECT content_hash FROM documents")!;

        var onDocument = Curator.AddNote($"doc:{document}", Hostile, "somchai");
        Curator.AddNote("agency:dasta", "ชื่อเดิม: อพท.", "somchai");
        Curator.AddNote(Mou[..7], "check the date", "somchai");

        Assert.Equal("document:" + hash, onDocument.Event!.Target);
        Assert.Equal(Hostile, JsonNode.Parse(onDocument.Event.After!)!["text"]!.GetValue<string>());
        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM documents"));
        var history = Curator.History("entity:agency:dasta", 0, 10);
        Assert.Equal(1, history.Total);
        Assert.Equal(3, Curator.History(null, 0, 10).Total);
        Assert.Equal(2, Curator.History(null, 1, 10).Items.Count);
    }

    [Theory]
    [InlineData("type", "party", CurationFailure.Invalid, "type 'party' is not one of")]
    [InlineData("date", "2024-02-31", CurationFailure.Invalid, "'2024-02-31' is not a date")]
    [InlineData("date", "2024-06-30/2024-06-01", CurationFailure.Invalid, "ends before it starts")]
    [InlineData("sectors", "cinema", CurationFailure.Invalid, "'cinema' is not a sector")]
    [InlineData("sectors", "+film,tourism", CurationFailure.Invalid, "do not mix them")]
    [InlineData("sectors", "-film", CurationFailure.Invalid, "'film' is not in the list")]
    [InlineData("countries", "XX", CurationFailure.Invalid, "'XX' is not a country code")]
    [InlineData("parties", "agency:nope", CurationFailure.Invalid, "no entity 'agency:nope'")]
    [InlineData("parties", "agency:dasta=both", CurationFailure.Invalid, "side 'both'")]
    [InlineData("due", "FY2025", CurationFailure.Invalid, "is an engagement")]
    [InlineData("id", "12", CurationFailure.Invalid, "is not a fact id")]
    [InlineData("id", "\"ab12'", CurationFailure.Invalid, "is not a fact id")]
    [InlineData("id", "abcdef0123", CurationFailure.NotFound, "no fact 'abcdef0123'")]
    public void SetFact_BadInput_RefusedWithReasonAndNothingWritten(string field, string value, CurationFailure failure, string message)
    {
        var list = value.Split(',');
        var edit = field switch
        {
            "type" => new FactEdit { Type = value },
            "date" => new FactEdit { Date = value },
            "sectors" => new FactEdit { Sectors = list },
            "countries" => new FactEdit { Countries = list },
            "parties" => new FactEdit { Parties = list },
            "due" => new FactEdit { Due = value },
            _ => new FactEdit { Type = "meeting" },
        };

        var result = Curator.SetFact(field == "id" ? value : Mou, edit, "somchai");

        Assert.Equal(failure, result.Failure);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM curation_events"));
        Assert.Equal("mou_signing", Fixture.Text($"SELECT type FROM engagements WHERE fact_key = '{Mou}'"));
    }

    [Fact]
    public void Edits_EmptyHugeOrUnknown_RefusedAndNothingWritten()
    {
        Assert.Equal(CurationFailure.Invalid, Curator.SetFact(Mou, new FactEdit(), "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.SetFact(FiscalYear, new FactEdit { What = "  " }, "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.SetFact(FiscalYear, new FactEdit { What = new string('ก', FactEdit.MaxText + 1) }, "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.AddNote("agency:dasta", "", "a").Failure);
        Assert.Equal(CurationFailure.NotFound, Curator.AddNote("doc:999999", "x", "a").Failure);
        Assert.Equal(CurationFailure.NotFound, Curator.Merge("agency:dasta", "agency:nope", "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.Merge("agency:dasta", "agency:dasta", "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.Split("agency:cea", ["not an alias"], null, null, "a").Failure);
        Assert.Equal(CurationFailure.NotFound, Curator.Undo(424242, "a").Failure);
        Assert.Equal(CurationFailure.Invalid, Curator.AddAlias("agency:dasta", "x", new string('a', Curator.MaxName + 1)).Failure);
        Assert.Equal(0, Fixture.Scalar("SELECT count(*) FROM curation_events"));
    }

    public void Dispose()
    {
        Store.Dispose();
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Ingest()
    {
        var summary = new IngestRunner(Store, Pipeline.Value, new DocumentLoader()) { Workers = 1 }
            .RunAsync(InputWalker.Expand([CorpusPaths.Seed("003")])).GetAwaiter().GetResult();
        Assert.Empty(summary.Failed);
    }

    [Fact]
    public void SetFactAndMerge_SearchFacetsFollowTheCuratedRows()
    {
        Assert.Equal(1, Fixture.Scalar(Facet("type", "mou_signing")));

        Curator.SetFact(Mou, new FactEdit { Type = "visit", Countries = ["FR"] }, "somchai");

        Assert.Equal(0, Fixture.Scalar(Facet("type", "mou_signing")));
        Assert.Equal(1, Fixture.Scalar(Facet("type", "visit")));
        Assert.Equal(1, Fixture.Scalar(Facet("country", "FR")));

        Curator.Merge("body:uccn", "body:unesco", "somchai");

        Assert.Equal(0, Fixture.Scalar(Facet("agency", "body:uccn")));
        Assert.Equal(1, Fixture.Scalar(Facet("agency", "body:unesco")));
    }

    private static string Facet(string facet, string value) =>
        $"SELECT count(*) FROM document_facets WHERE facet = '{facet}' AND value = '{value}'";
}
