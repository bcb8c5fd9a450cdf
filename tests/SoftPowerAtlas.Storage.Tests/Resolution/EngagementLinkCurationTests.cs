using System.Globalization;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Resolution;

/// <summary>
/// A curator corrects resolution (issue 25) by stable keys, on both stores: a wrong merge is split by
/// setting a report apart, a missed one is joined, both survive the document's re-ingest, and undo
/// puts back what the rule decides.
/// </summary>
public abstract class EngagementLinkCurationTests<TFixture> : StoreTests<TFixture>
    where TFixture : StoreFixture, new()
{
    [Fact]
    public void Separate_ReportOfAWrongMerge_StandsAloneAndStaysSoAfterReingestAndNewReports()
    {
        AddAndCommit(Report("a.txt", "mou_signing", "2025-03-12", "agency:cea", "JP"));
        AddAndCommit(Report("b.txt", "mou_signing", "2025-03-12", "agency:cea", "JP"));
        var wrong = Report("c.txt", "meeting", "2025-03-13", "agency:cea", "JP");
        var wrongId = AddAndCommit(wrong);
        Assert.Single(Clusters());

        var result = Curator.Separate(KeyOf("c.txt"), "somsri");

        Assert.Equal(CurationKinds.EngagementSeparate, result.Event?.Kind);
        Assert.Equal(2, Clusters().Count);
        Assert.Equal(ClusterOf("a.txt"), ClusterOf("b.txt"));
        Assert.Equal(IdOf("c.txt"), ClusterOf("c.txt"));

        // The same file ingested again (after it was taken out) is still apart; a new report joins the others only.
        Assert.Null(Curator.DeleteDocument(wrongId.ToString(CultureInfo.InvariantCulture), "somsri").Error);
        AddAndCommit(wrong);
        AddAndCommit(Report("d.txt", "mou_signing", "2025-03-13", "agency:cea", "JP"));
        Assert.Equal(2, Clusters().Count);
        Assert.Equal(ClusterOf("a.txt"), ClusterOf("d.txt"));
        Assert.NotEqual(ClusterOf("a.txt"), ClusterOf("c.txt"));
    }

    [Fact]
    public void Undo_Separation_TheRuleJoinsTheReportAgain()
    {
        AddAndCommit(Report("a.txt", "visit", "2024-06-26", "agency:mfa", "BT"));
        AddAndCommit(Report("b.txt", "visit", "2024-06-26", "agency:mfa", "BT"));
        var separated = Curator.Separate(KeyOf("b.txt"), "somsri").Event!;

        Assert.Null(Curator.Undo(separated.Id, "somsri").Error);

        Assert.Single(Clusters());
    }

    [Fact]
    public void Join_TwoReportsTheRuleMissed_OneEngagementKeptAfterReingestUndoneByUndo()
    {
        AddAndCommit(Report("opening.txt", "forum_or_exhibition", "2023-10-21", "agency:mculture", "HK"));
        var later = Report("recap.txt", "forum_or_exhibition", "2023-10-25", "org:hkweek", "HK"); // four days on: past the rule's day of slack
        var laterId = AddAndCommit(later);
        Assert.Equal(2, Clusters().Count);

        var joined = Curator.Join(KeyOf("opening.txt"), KeyOf("recap.txt"), "somsri").Event!;
        Assert.Equal(CurationKinds.EngagementJoin, joined.Kind);
        Assert.Single(Clusters());

        Assert.Null(Curator.DeleteDocument(laterId.ToString(CultureInfo.InvariantCulture), "somsri").Error);
        AddAndCommit(later);
        Assert.Single(Clusters());
        var apart = Curator.Separate(KeyOf("recap.txt"), "somsri"); // the join is the latest word: undo it instead
        Assert.Equal(CurationFailure.Conflict, apart.Failure);
        Assert.Contains($"event {joined.Id}", apart.Error, StringComparison.Ordinal);

        Assert.Null(Curator.Undo(joined.Id, "somsri").Error);
        Assert.Equal(2, Clusters().Count);
    }

    [Fact]
    public void Join_AndSeparate_WhatCannotBeDone_SaysWhyAndChangesNothing()
    {
        var doc = Report("two.txt", "meeting", "2025-01-10", "agency:tat", "FR");
        var second = doc.Facts!.Events[0] with { Type = "visit", Date = "2025-01-11", Evidence = new OriginalSpan(0, 10) }; // another passage: another key
        AddAndCommit(doc with { Facts = doc.Facts with { Events = [doc.Facts.Events[0], second] } });
        AddAndCommit(Report("undated.txt", "meeting", null, "agency:tat", "FR"));
        AddAndCommit(Report("alone.txt", "training_or_seminar", "2019-02-02", "agency:sat", "SA"));
        var keys = Reader.Engagements(FactFilter.All).Where(e => e.Source.Path == "two.txt").Select(e => e.Key).ToList();

        var sameDocument = Curator.Join(keys[0], keys[1], "somsri");
        var undated = Curator.Join(keys[0], KeyOf("undated.txt"), "somsri");
        var unknown = Curator.Join(keys[0], "ffffffffffff", "somsri");
        var lone = Curator.Separate(KeyOf("alone.txt"), "somsri");

        Assert.Equal(CurationFailure.Invalid, sameDocument.Failure);
        Assert.Contains("both in document", sameDocument.Error, StringComparison.Ordinal);
        Assert.Equal(CurationFailure.Invalid, undated.Failure);
        Assert.Contains("no date resolution can use", undated.Error, StringComparison.Ordinal);
        Assert.Equal(CurationFailure.NotFound, unknown.Failure);
        Assert.Null(lone.Event);
        Assert.Contains("not joined to another report", lone.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Curator.History(null, 0, 10).Total);
    }

    private Curator Curator => new(Store, Clock);

    private FactReader Reader => new(Store);

    private List<long> Clusters() => [.. Reader.Engagements(FactFilter.All).Select(e => e.Cluster).Distinct()];

    private string KeyOf(string path) => Reader.Engagements(FactFilter.All).Single(e => e.Source.Path == path).Key;

    private long IdOf(string path) => Reader.Engagements(FactFilter.All).Single(e => e.Source.Path == path).Id;

    private long ClusterOf(string path) => Reader.Engagements(FactFilter.All).Single(e => e.Source.Path == path).Cluster;

    private static NewDocument Report(string source, string type, string? date, string party, string country)
    {
        var text = $"รายงานทดลอง {source} {type} {date} {party}";
        return Samples.Document(text, source) with
        {
            Facts = new ExtractedFacts
            {
                Events =
                [
                    new ExtractedEvent
                    {
                        Type = type,
                        Date = date,
                        PartnerCountries = [country],
                        Sectors = ["design"],
                        Evidence = new OriginalSpan(0, text.Length),
                        ThaiOrgs = [new ExtractedEntity { Id = party, Name = party, Aliases = [party], Mentions = [party], Spans = [new(0, 6)] }],
                        ForeignOrgs = [],
                        People = [],
                    },
                ],
            },
        };
    }
}

/// <summary>Curation of engagement links on a SQLite file.</summary>
public sealed class SqliteEngagementLinkCurationTests : EngagementLinkCurationTests<SqliteStoreFixture>;

/// <summary>Curation of engagement links on a PostgreSQL database of its own.</summary>
public sealed class PostgresEngagementLinkCurationTests : EngagementLinkCurationTests<PostgresStoreFixture>;
