using System.Text.Json;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Resolution;
using SoftPowerAtlas.Storage.Timeline;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Resolution;

/// <summary>
/// Reports of one engagement in several documents become one engagement at ingest (issue 25), on
/// both stores: what joins, what stays apart, and what a deleted report leaves.
/// </summary>
public abstract class EngagementResolutionTests<TFixture> : StoreTests<TFixture>
    where TFixture : StoreFixture, new()
{
    [Fact]
    public void Ingest_ThaiReportAndEnglishDatelineOfOneSigning_OneEngagementWithBothReports()
    {
        var thai = AddAndCommit(Report("th/signing.txt", "mou_signing", "2025-03-12", ["agency:cea", "org:kanazawa"], ["JP"]));
        var english = AddAndCommit(Report("en/signing.txt", "announcement", "2025-03-13", ["agency:cea"], ["JP"]));

        var engagements = Reader.Engagements(FactFilter.All);
        Assert.Single(engagements.Select(e => e.Cluster).Distinct());
        var exported = JsonDocument.Parse(new AtlasExporter(Reader, Clock).Export(ExportKind.Engagements, ExportFormat.Json)).RootElement;
        foreach (var e in exported.EnumerateArray())
        {
            Assert.Equal(["th/signing.txt", "en/signing.txt"], e.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("source").GetProperty("path").GetString()));
            Assert.Equal(["2025-03-12", "2025-03-13"], e.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("date").GetProperty("written").GetString()));
            Assert.Equal(exported[0].GetProperty("key").GetString(), e.GetProperty("engagement").GetString());
        }

        Assert.Equal([thai, english], exported.EnumerateArray().Select(e => e.GetProperty("source").GetProperty("document_id").GetInt64()));
    }

    [Fact]
    public void Counts_ThreeReportsOfOneSigningAndAnotherMeeting_TwoEngagements()
    {
        AddAndCommit(Report("a.txt", "mou_signing", "2025-03-12", ["agency:cea", "org:kanazawa"], ["JP"]));
        AddAndCommit(Report("b.txt", "mou_signing", "2025-03-12", ["agency:cea"], ["JP"]));
        AddAndCommit(Report("c.txt", "announcement", "2025-03-13", ["org:kanazawa"], ["JP"]));
        AddAndCommit(Report("d.txt", "meeting", "2025-06-02", ["agency:cea"], ["JP"]));
        var reader = new AtlasReader(Store);

        var overview = reader.Overview();
        Assert.Equal(2, overview.Engagements);
        Assert.Equal(new CountRow("JP", 2), Assert.Single(overview.ByCountry));
        Assert.Equal(new CountRow("2025", 2), Assert.Single(overview.ByYear));
        Assert.Equal(2, reader.Place("country", "JP").Engagements);
        var cea = Assert.Single(reader.ListEntities(0, 10, nameContains: "agency:cea").Items);
        Assert.Equal(2, cea.Engagements);
        Assert.Equal(2, Assert.Single(reader.CountryPartners("JP"), p => p.Party.Name == "agency:cea").Count);
        Assert.Equal(2, Assert.Single(PartnerNetwork.Build(Reader.Engagements(FactFilter.All)).Edges, e => e.Source == "agency:cea" && e.Target == "country:JP").Engagements);
    }

    [Fact]
    public void Timeline_ThreeReportsOfOneSigning_OneLineNamingTheOtherTwo()
    {
        AddAndCommit(Report("first.txt", "mou_signing", "2025-03-12", ["agency:cea"], ["JP"]));
        AddAndCommit(Report("second.txt", "mou_signing", "2025-03-12", ["agency:cea"], ["JP"]));
        AddAndCommit(Report("dateline.txt", "announcement", "2025-03-13", ["agency:cea"], ["JP"]));
        AddAndCommit(Report("other.txt", "meeting", "2025-06-02", ["agency:cea"], ["JP"]));

        var whole = TimelineBuilder.Build(Reader, FactFilter.All);
        var page = TimelinePager.Page(Reader, FactFilter.All, 0, 10);

        foreach (var entries in new[] { whole, page.Entries })
        {
            Assert.Equal(["first.txt", "other.txt"], entries.Select(e => e.Source.Path));
            Assert.Equal(["second.txt", "dateline.txt"], entries[0].AlsoReportedBy.Select(r => r.Source.Path));
            Assert.Equal(["2025-03-12", "2025-03-13"], entries[0].AlsoReportedBy.Select(r => r.Date?.Written)); // the dateline's day, shown beside it
            Assert.Empty(entries[1].AlsoReportedBy);
        }

        Assert.Equal(2, page.Total);
    }

    [Fact]
    public void Ingest_ReportMatchingBothEngagementsOfOneDocument_JoinsTheCloserOnly()
    {
        var visit = Report("delegation.txt", "visit", "2024-09-09", ["province:TH-64"], ["VN"], "2024-09-11");
        var meeting = Report("delegation.txt", "meeting", "2024-09-10", ["province:TH-64"], ["VN"]).Facts!.Events[0];
        AddAndCommit(visit with { Facts = visit.Facts! with { Events = [visit.Facts.Events[0], meeting] } });
        AddAndCommit(Report("summary.txt", "visit", "2024-09-09", ["province:TH-64"], ["VN"], "2024-09-11"));

        var byPath = Reader.Engagements(FactFilter.All).ToLookup(e => e.Source.Path);
        var (first, second) = (byPath["delegation.txt"].First(), byPath["delegation.txt"].Last());
        Assert.NotEqual(first.Cluster, second.Cluster);
        Assert.Equal(first.Cluster, Assert.Single(byPath["summary.txt"]).Cluster);
    }

    [Fact]
    public void Ingest_EngagementListingSixHundredParties_StoredAndLinkedWithinTheSignLimit()
    {
        // A roster pasted into a release: far more signs than one candidate query may seek.
        var roster = Enumerable.Range(0, 600).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"org:school{i:D3}")).ToArray();
        AddAndCommit(Report("roster-th.txt", "forum_or_exhibition", "2025-08-01", roster, ["JP"]));
        AddAndCommit(Report("roster-en.txt", "forum_or_exhibition", "2025-08-01", roster, ["JP"]));

        Assert.Equal(2, Fixture.Scalar("SELECT count(*) FROM engagements"));
        Assert.Equal(2 * ReportSketch.MaxSigns, Fixture.Scalar("SELECT count(*) FROM engagement_signs"));
        Assert.Single(Reader.Engagements(FactFilter.All).Select(e => e.Cluster).Distinct());
    }

    [Fact]
    public void Ingest_BothReportsInOneBatch_Linked()
    {
        using (var batch = Store.BeginBatch())
        {
            batch.Add(Report("a.txt", "forum_or_exhibition", "2024-10-21", ["org:harbourfestival"], ["HK"], "2024-11-12"));
            batch.Add(Report("b.txt", "forum_or_exhibition", "2024-10-21", ["org:harbourphilharmonic"], ["HK"]));
            batch.Commit();
        }

        Assert.Single(Reader.Engagements(FactFilter.All).Select(e => e.Cluster).Distinct());
    }

    [Theory]
    [InlineData("2024-03-12", "mou_signing", "JP")]   // the same partners a year earlier: an earlier agreement
    [InlineData("2025-03-10", "mou_signing", "JP")]   // two days before
    [InlineData("2025-03-12", "mou_signing", "KR")]   // the same body with another country's partner that day
    public void Ingest_SimilarButAnotherEngagement_StaysApart(string date, string type, string country)
    {
        AddAndCommit(Report("first.txt", "mou_signing", "2025-03-12", ["agency:cea"], ["JP"]));
        AddAndCommit(Report("second.txt", type, date, ["agency:cea"], [country]));

        Assert.Equal(2, Reader.Engagements(FactFilter.All).Select(e => e.Cluster).Distinct().Count());
    }

    [Fact]
    public void Ingest_YearLongProgramme_NotResolvedAndItsOwnEngagement()
    {
        AddAndCommit(Report("programme.txt", "forum_or_exhibition", "2025-01-01", ["agency:cea"], ["JP"], "2025-12-31"));
        AddAndCommit(Report("day.txt", "forum_or_exhibition", "2025-03-12", ["agency:cea"], ["JP"]));

        Assert.Equal(1, Fixture.Scalar("SELECT count(*) FROM engagement_links"));
        Assert.Equal(2, Reader.Engagements(FactFilter.All).Select(e => e.Cluster).Distinct().Count());
    }

    [Fact]
    public void DeleteDocument_FirstReport_TheOthersStayOneEngagementUnderALiveLabel()
    {
        var first = AddAndCommit(Report("one.txt", "meeting", "2025-05-01", ["agency:tat"], ["FR"]));
        AddAndCommit(Report("two.txt", "meeting", "2025-05-01", ["agency:tat"], ["FR"]));
        AddAndCommit(Report("three.txt", "meeting", "2025-05-02", ["agency:tat"], ["FR"]));

        Assert.True(new Curator(Store, Clock).DeleteDocument(first.ToString(System.Globalization.CultureInfo.InvariantCulture), "somchai").Error is null);

        var left = Reader.Engagements(FactFilter.All);
        Assert.Equal(2, left.Count);
        Assert.Single(left.Select(e => e.Cluster).Distinct());
        Assert.Contains(left[0].Cluster, left.Select(e => e.Id));
        Assert.Equal(2, Reader.Reports(left)[left[0].Cluster].Count);
    }

    [Fact]
    public void Ingest_AfterTheLabelsDocumentWentAway_ANewEngagementDoesNotInheritIt()
    {
        var gone = AddAndCommit(Report("gone.txt", "visit", "2023-06-01", ["agency:mfa"], ["BT"]));
        AddAndCommit(Report("kept.txt", "visit", "2023-06-01", ["agency:mfa"], ["BT"]));
        Assert.True(new Curator(Store, Clock).DeleteDocument(gone.ToString(System.Globalization.CultureInfo.InvariantCulture), "somchai").Error is null);

        AddAndCommit(Report("unrelated.txt", "training_or_seminar", "2019-02-02", ["agency:sat"], ["SA"]));

        var clusters = Reader.Engagements(FactFilter.All).Select(e => e.Cluster).ToList();
        Assert.Equal(2, clusters.Distinct().Count());
    }

    private FactReader Reader => new(Store);

    private static NewDocument Report(string source, string type, string date, string[] parties, string[] countries, string? end = null)
    {
        var text = $"รายงาน {source} {type} {date} {string.Join(' ', parties)}";
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
                        EndDate = end,
                        PartnerCountries = countries,
                        Sectors = ["design"],
                        Evidence = new OriginalSpan(0, text.Length),
                        ThaiOrgs = [.. parties.Select(p => new ExtractedEntity { Id = p, Name = p, Aliases = [p], Mentions = [p], Spans = [new(0, 6)] })],
                        ForeignOrgs = [],
                        People = [],
                    },
                ],
            },
        };
    }
}

/// <summary>Engagement resolution on a SQLite file.</summary>
public sealed class SqliteEngagementResolutionTests : EngagementResolutionTests<SqliteStoreFixture>;

/// <summary>Engagement resolution on a PostgreSQL database of its own.</summary>
public sealed class PostgresEngagementResolutionTests : EngagementResolutionTests<PostgresStoreFixture>;
