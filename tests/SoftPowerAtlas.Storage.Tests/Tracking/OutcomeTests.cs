using System.Text.Json;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Tests.Tracking;

/// <summary>
/// A commitment followed to its outcome (issue 25), on both stores: a document promising an engagement on
/// a day, and another document's report of that engagement held, take the commitment off the overdue list
/// as "reported done" with the report as evidence, until a curator's word; a later report that it was postponed
/// or called off makes it "reported delayed" or "reported changed".
/// </summary>
public abstract class OutcomeTests<TFixture> : StoreTests<TFixture>
    where TFixture : StoreFixture, new()
{
    private static readonly DateOnly AsOf = new(2024, 6, 28);

    [Fact]
    public void Due_SigningPromisedAndLaterReported_ReportedDoneWithTheReportNotOverdue()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Report("held.txt", "2024-06-20", "2024-06-20", "BT"));
        AddAndCommit(Report("eve.txt", "2024-06-19", "2024-06-20", "BT"));       // published the day before: an announcement too
        AddAndCommit(Report("other.txt", "2024-06-20", "2024-06-20", "KR"));     // another signing that day, with another country

        var tracker = new CommitmentTracker(new FactReader(Store), Clock);
        var urgent = tracker.Due(new DueQuery { AsOf = AsOf });
        var item = Assert.Single(tracker.Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);

        Assert.Empty(urgent.Items);
        Assert.Equal(CommitmentState.ReportedDone, item.State);
        var outcome = Assert.Single(item.Outcomes);
        Assert.Equal(("held.txt", OutcomeStatuses.ReportedDone), (outcome.Report.Source.Path, outcome.Status));
        Assert.Contains("ลงนาม", outcome.Report.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_CommitmentWithOutcome_OutcomesWithStatusSentenceAndSource_ACuratorsDoneWins()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        var held = AddAndCommit(Report("held.txt", "2024-06-21", "2024-06-20", "BT"));

        var exported = Export();
        var outcome = Assert.Single(Assert.Single(exported.EnumerateArray()).GetProperty("outcomes").EnumerateArray());
        Assert.Equal("reported_done", Assert.Single(exported.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("reported_done", outcome.GetProperty("status").GetString());
        Assert.Equal(held, outcome.GetProperty("source").GetProperty("document_id").GetInt64());
        Assert.StartsWith("พิธีลงนาม", outcome.GetProperty("sentence").GetString(), StringComparison.Ordinal);

        var key = Assert.Single(new FactReader(Store).Commitments(FactFilter.All)).Key;
        Assert.True(new CommitmentTracker(new FactReader(Store), Clock).MarkDone(key, "confirmed").Changed);
        var after = Assert.Single(Export().EnumerateArray());
        Assert.Equal("done", after.GetProperty("status").GetString());
        Assert.Single(after.GetProperty("outcomes").EnumerateArray());
    }

    [Fact]
    public void RejectOutcome_ReportNotTheOutcome_OverdueAgainUntilTheRejectionIsUndone()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Report("held.txt", "2024-06-20", "2024-06-20", "BT"));
        var reader = new FactReader(Store);
        var commitment = Assert.Single(reader.Commitments(FactFilter.All)).Key;
        var report = reader.Engagements(FactFilter.All).Single(e => e.Source.Path == "held.txt").Key;
        var announced = reader.Engagements(FactFilter.All).Single(e => e.Source.Path == "promise.txt").Key;
        var curator = new Curator(Store, Clock);

        var swapped = curator.RejectOutcome(report, commitment, "somsri");
        var ownDocument = curator.RejectOutcome(commitment, announced, "somsri");
        var rejected = curator.RejectOutcome(commitment, report, "somsri");
        var again = curator.RejectOutcome(commitment, report, "somsri");

        Assert.Equal(CurationFailure.Invalid, swapped.Failure);
        Assert.Equal(CurationFailure.Invalid, ownDocument.Failure);
        Assert.Equal(CurationKinds.OutcomeReject, rejected.Event?.Kind);
        Assert.Null(again.Event);
        var item = Assert.Single(new CommitmentTracker(reader, Clock).Due(new DueQuery { AsOf = AsOf }).Items);
        Assert.Equal(CommitmentState.Overdue, item.State);

        Assert.Null(curator.Undo(rejected.Event!.Id, "somsri").Error);
        Assert.Equal(CommitmentState.ReportedDone, Assert.Single(new CommitmentTracker(reader, Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items).State);
    }

    [Fact]
    public void Due_AsOfBeforeTheDay_OpenWithNoOutcomeYet()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Report("held.txt", "2024-06-20", "2024-06-20", "BT"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = new DateOnly(2024, 6, 15), IncludeAll = true }).Items);

        Assert.Equal(CommitmentState.DueSoon, item.State);
        Assert.Empty(item.Outcomes);
    }

    [Fact]
    public void Due_PromiseWithoutALaterReport_StillOverdueWithNoOutcome()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Report("elsewhere.txt", "2024-06-20", "2024-06-20", "KR"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf }).Items);

        Assert.Equal(CommitmentState.Overdue, item.State);
        Assert.Empty(item.Outcomes);
        Assert.Empty(Assert.Single(Export().EnumerateArray()).GetProperty("outcomes").EnumerateArray());
    }

    [Fact]
    public void Due_LaterReportSaysPostponed_ReportedDelayedNotOverdue()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Notice("postponed.txt", "2024-06-15", "พิธีลงนามความร่วมมือกับภูฏานในวันที่ 20 มิถุนายน ขอเลื่อนออกไปเป็นเดือนกรกฎาคม"));

        var tracker = new CommitmentTracker(new FactReader(Store), Clock);
        var item = Assert.Single(tracker.Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);

        Assert.Empty(tracker.Due(new DueQuery { AsOf = AsOf }).Items);
        Assert.Equal(CommitmentState.ReportedDelayed, item.State);
        Assert.Equal(("postponed.txt", OutcomeStatuses.Delayed), (Assert.Single(item.Outcomes).Report.Source.Path, item.Outcomes[0].Status));
        var exported = Assert.Single(Export().EnumerateArray());
        Assert.Equal("reported_delayed", exported.GetProperty("status").GetString());
        Assert.Equal("delayed", Assert.Single(exported.GetProperty("outcomes").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public void Due_LaterReportSaysCalledOff_ReportedChanged()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Notice("off.txt", "2024-06-18", "ยกเลิกการจัดพิธีลงนามความร่วมมือกับภูฏานในวันที่ 20 มิถุนายน"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);

        Assert.Equal(CommitmentState.ReportedChanged, item.State);
        Assert.Equal(OutcomeStatuses.Changed, Assert.Single(item.Outcomes).Status);
    }

    [Fact]
    public void Due_PostponedThenReportedHeld_ReportedDone()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Notice("postponed.txt", "2024-06-15", "พิธีลงนามความร่วมมือกับภูฏานในวันที่ 20 มิถุนายน ขอเลื่อนออกไปก่อน"));
        AddAndCommit(Report("held.txt", "2024-06-21", "2024-06-20", "BT"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);

        Assert.Equal(CommitmentState.ReportedDone, item.State);
        Assert.Equal(["held.txt", "postponed.txt"], item.Outcomes.Select(o => o.Report.Source.Path).Order());
    }

    [Fact]
    public void Due_PostponementPublishedBeforeThePromise_NotItsOutcome()
    {
        AddAndCommit(Announcement("promise.txt", "2024-06-12"));
        AddAndCommit(Notice("older.txt", "2024-06-01", "พิธีลงนามความร่วมมือกับภูฏานในวันที่ 20 มิถุนายน ขอเลื่อนออกไปก่อน"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf }).Items);

        Assert.Equal(CommitmentState.Overdue, item.State);
        Assert.Empty(item.Outcomes);
    }

    private JsonElement Export() =>
        JsonDocument.Parse(new AtlasExporter(new FactReader(Store), Clock).Export(ExportKind.Commitments, ExportFormat.Json)).RootElement;

    /// <summary>A release saying the signing will take place on 20 June, with the promise as a commitment due that day.</summary>
    private static NewDocument Announcement(string source, string published)
    {
        const string Text = "กระทรวงการต่างประเทศแจ้งว่าจะมีพิธีลงนามความร่วมมือด้านการท่องเที่ยวกับภูฏานในวันที่ 20 มิถุนายน 2567 ณ ทำเนียบรัฐบาล";
        return Samples.Document(Text, source) with
        {
            Published = published,
            Facts = new ExtractedFacts
            {
                Events = [Signing("2024-06-20", "BT", Text.Length)],
                Commitments = [new ExtractedCommitment { What = "ลงนามความร่วมมือด้านการท่องเที่ยวกับภูฏาน", Due = "2024-06-20", Text = Text, Start = 0, End = Text.Length }],
            },
        };
    }

    private static NewDocument Report(string source, string published, string date, string country)
    {
        var text = $"พิธีลงนามความร่วมมือจัดขึ้นแล้ว {source} {country}";
        return Samples.Document(text, source) with
        {
            Published = published,
            Facts = new ExtractedFacts { Events = [Signing(date, country, text.Length)] },
        };
    }

    /// <summary>A later release of the same signing (same day, party and country) whose passage is <paramref name="text"/>.</summary>
    private static NewDocument Notice(string source, string published, string text) => Samples.Document(text, source) with
    {
        Published = published,
        Facts = new ExtractedFacts { Events = [Signing("2024-06-20", "BT", text.Length)] },
    };

    private static ExtractedEvent Signing(string date, string country, int length) => new()
    {
        Type = "mou_signing",
        Date = date,
        PartnerCountries = [country],
        Sectors = ["tourism"],
        Evidence = new OriginalSpan(0, length),
        ThaiOrgs = [new ExtractedEntity { Id = "agency:mfa", Name = "agency:mfa", Aliases = ["agency:mfa"], Mentions = ["agency:mfa"], Spans = [new(0, 6)] }],
        ForeignOrgs = [],
        People = [],
    };
}

/// <summary>Outcomes of commitments on a SQLite file.</summary>
public sealed class SqliteOutcomeTests : OutcomeTests<SqliteStoreFixture>;

/// <summary>Outcomes of commitments on a PostgreSQL database of its own.</summary>
public sealed class PostgresOutcomeTests : OutcomeTests<PostgresStoreFixture>;
