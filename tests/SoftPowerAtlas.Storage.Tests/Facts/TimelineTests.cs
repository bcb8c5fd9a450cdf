using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Timeline;

namespace SoftPowerAtlas.Storage.Tests.Facts;

/// <summary>Timelines over the samples, seeds and extra corpus, ingested by the real pipeline.</summary>
public abstract class TimelineTests<TFixture>(IngestedCorpus<TFixture> corpus) : IClassFixture<IngestedCorpus<TFixture>>
    where TFixture : StoreFixture, new()
{
    private FilterResult Resolve(FilterRequest request) => FactFilters.Resolve(request, new SubjectResolver(corpus.Store));

    [Fact]
    public void Build_Everything_DatedEntriesInDateOrderThenUndated()
    {
        var entries = TimelineBuilder.Build(corpus.Reader, FactFilter.All);

        var dated = entries.TakeWhile(e => e.Date is not null).ToList();
        Assert.True(dated.Count > 80, $"only {dated.Count} dated entries");
        Assert.All(entries.Skip(dated.Count), e => Assert.Null(e.Date));
        for (var i = 1; i < dated.Count; i++)
        {
            Assert.True(dated[i - 1].Date!.Value.CompareTo(dated[i].Date!.Value) <= 0, $"{dated[i - 1].Date} before {dated[i].Date}");
        }

        Assert.Contains(entries, e => e.Kind == "commitment");
    }

    [Theory]
    [InlineData(null, null, null, null, null, null)]
    [InlineData("ฝรั่งเศส", null, null, null, null, null)]
    [InlineData(null, "film", null, null, null, null)]
    [InlineData(null, null, "อพท.", null, null, null)]
    [InlineData(null, null, null, "commitment", null, null)]
    [InlineData("JP", "music", null, null, "2024-01", "FY2025")]
    [InlineData(null, null, "กรมการพัฒนาชุมชน", "meeting", null, "2024")]
    public void TimelineKeys_AnyFilter_TheLinesOfBuildInItsOrder(string? country, string? sector, string? agency, string? type, string? from, string? to)
    {
        var filter = Resolve(new FilterRequest
        {
            Countries = country is null ? [] : [country],
            Sectors = sector is null ? [] : [sector],
            Agencies = agency is null ? [] : [agency],
            Types = type is null ? [] : [type],
            From = from,
            To = to,
        }).Filter!;

        var built = TimelineBuilder.Build(corpus.Reader, filter);
        var keys = corpus.Reader.TimelineKeys(filter);

        Assert.NotEmpty(built);
        Assert.Equal(built.Select(e => (e.Kind, e.Source.DocumentId, e.Source.Start, e.Source.End, e.Date)), keys.Select(k => (k.Kind, k.DocumentId, k.Start, k.End, k.Date)));

        // A page read back by its documents gives the very lines Build gave.
        var page = keys.Skip(keys.Count / 3).Take(20).ToList();
        var (engagements, commitments) = corpus.Reader.Read(new FactFilter { Documents = [.. page.Select(k => k.DocumentId).Distinct()] });
        var ids = page.Select(k => k.Kind == "engagement" ? TimelineEntry.From(engagements.Single(e => e.Id == k.Id)).Id : TimelineEntry.From(commitments.Single(c => c.Id == k.Id)).Id);
        Assert.Equal(built.Skip(keys.Count / 3).Take(20).Select(e => e.Id), ids);
    }

    [Fact]
    public void Build_SeedMeeting_CarriesDateCountryEvidenceAndSource()
    {
        var entries = TimelineBuilder.Build(corpus.Reader, FactFilter.All);

        var meeting = Assert.Single(entries, e => e.Source.Path.EndsWith("001_b80b28f5dfd618d5.txt", StringComparison.Ordinal) && e.Type == "meeting");
        Assert.Equal("2024-02-05", meeting.Date?.Written);
        Assert.Equal(["JP"], meeting.Countries);
        Assert.Contains(meeting.Parties, p => p.Key == "agency:cdd" && p.Side == "thai");
        var original = File.ReadAllText(CorpusPaths.Seed("001"));
        Assert.Equal(original[meeting.Source.Start..meeting.Source.End], meeting.Sentence);
        Assert.Contains("5 กุมภาพันธ์", meeting.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ฝรั่งเศส")]
    [InlineData("ประเทศฝรั่งเศส")]
    [InlineData("France")]
    [InlineData("fr")]
    public void Build_CountryByAnyName_OnlyThatCountry(string country)
    {
        var filter = Resolve(new FilterRequest { Countries = [country] }).Filter!;

        var entries = TimelineBuilder.Build(corpus.Reader, filter);

        Assert.All(entries, e => Assert.Contains("FR", e.Countries));
        var festival = Assert.Single(entries, e => e.Kind == "engagement" && e.Source.Path.EndsWith("th_food_festival_paris.md", StringComparison.Ordinal));
        Assert.Equal("2024-09-07/2024-09-08", festival.Date?.Written);
        Assert.Equal(["festival", "food"], festival.Sectors);
        Assert.Contains(entries, e => e.Kind == "engagement" && e.Date?.Written == "2024-05-29" && e.Source.Path.EndsWith("000_54ba3ec425b012a1.txt", StringComparison.Ordinal));
        // "สถานเอกอัครราชทูตฯ จะเสนอแผน … ต่อกระทรวงการต่างประเทศ": the embassy acts; the ministry receives.
        Assert.Contains(entries, e => e.Kind == "commitment" && e.Date?.Written == "2024-12" && e.Who == "สถานเอกอัครราชทูต ณ กรุงปารีส");
    }

    [Fact]
    public void Build_PeriodFilter_KeepsPartialDatesThatOverlap()
    {
        var filter = Resolve(new FilterRequest { From = "2024-10-15", To = "2024-10-20" }).Filter!;

        var written = TimelineBuilder.Build(corpus.Reader, filter).Select(e => e.Date!.Value.Written).ToList();

        Assert.Contains("2024-10", written); // the CEA MOU "in October 2024"
        Assert.Contains("2024-10-16/2024-10-20", written); // the Frankfurt Book Fair
        Assert.Contains("2024", written);
        Assert.Contains("FY2025", written);
        Assert.DoesNotContain("2024-10-04", written);
        Assert.DoesNotContain("2025", written);
    }

    [Fact]
    public void Build_AgencyByThaiAbbreviation_EngagementsAndCommitmentsOfDasta()
    {
        var filter = Resolve(new FilterRequest { Agencies = ["อพท."] }).Filter!;

        var entries = TimelineBuilder.Build(corpus.Reader, filter);

        Assert.Equal(["agency:dasta"], filter.Entities);
        Assert.Contains(entries, e => e.Kind == "engagement" && e.Date?.Written == "2019-10");
        var fy = Assert.Single(entries, e => e.Kind == "commitment" && e.Date?.Written == "FY2021");
        Assert.Equal(new DateOnly(2021, 9, 30), fy.Date!.Value.DueBy);
        Assert.All(entries, e => Assert.EndsWith("003_accc265172f61bde.txt", e.Source.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_TypeAndSector_Narrow()
    {
        var filter = Resolve(new FilterRequest { Types = ["mou_signing"], Sectors = ["design"] }).Filter!;

        var entries = TimelineBuilder.Build(corpus.Reader, filter);

        // Three design agreements: CEA with Ishikawa, DIPROM with KCDF, DITP with Business France.
        Assert.Equal(["2024-01-30", "2024-02-14", "2025-03-04"], entries.Select(e => e.Date?.Written).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("mou_signing", e.Type));
        var korea = Assert.Single(entries, e => e.Date?.Written == "2024-02-14");
        Assert.Equal(["KR"], korea.Countries);
    }

    [Fact]
    public void Build_HtmlPage_PassageWithoutTagsOrEntities()
    {
        var entries = TimelineBuilder.Build(corpus.Reader, FactFilter.All);

        var html = entries.Where(e => e.Source.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(html);
        Assert.All(html, e => Assert.DoesNotContain("&ldquo;", e.Sentence, StringComparison.Ordinal));
        Assert.Contains(html, e => e.Sentence.Contains("“T-POP Night”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, null, 0, 10)]
    [InlineData(null, null, null, 7, 25)]
    [InlineData(null, null, null, 0, 100000)]
    [InlineData("commitment", null, null, 3, 5)]
    [InlineData("meeting", "2024", "2024", 0, 4)]
    [InlineData(null, "2024-10-15", "2024-10-20", 1, 3)]
    [InlineData(null, null, "FR", 0, 3)]
    public void Page_AnyFilterAndWindow_SliceOfTheWholeTimeline(string? type, string? from, string? to, int offset, int limit)
    {
        var request = to == "FR"
            ? new FilterRequest { Countries = ["FR"] }
            : new FilterRequest { Types = type is null ? [] : [type], From = from, To = to };
        var filter = Resolve(request).Filter!;

        var whole = TimelineBuilder.Build(corpus.Reader, filter);
        var page = TimelinePager.Page(corpus.Reader, filter, offset, limit);

        Assert.Equal(whole.Count, page.Total);
        Assert.Equal(whole.Skip(offset).Take(limit).Select(Describe), page.Entries.Select(Describe));
        Assert.Equal(Math.Max(0, whole.Count - offset - limit), page.After);
        Assert.True(whole.Count > 2, $"only {whole.Count} entries");
    }

    private static string Describe(TimelineEntry e) =>
        $"{e.Kind} {e.Id} {e.Date?.Written} {e.Type} {e.Who} {e.Place} [{string.Join(";", e.Parties)}] [{string.Join(",", e.Countries)}] [{string.Join(",", e.Sectors)}] {e.Sentence} {e.Source}";

    [Fact]
    public void Page_PastTheEnd_EmptyWithTheTotal()
    {
        var total = TimelineBuilder.Build(corpus.Reader, FactFilter.All).Count;

        var page = TimelinePager.Page(corpus.Reader, FactFilter.All, total + 5, 10);

        Assert.Empty(page.Entries);
        Assert.Equal(total, page.Total);
        Assert.Equal(0, page.After);
    }

    [Theory]
    [InlineData("--from", "2023-02-31", "February 2023 has 28 days")]
    [InlineData("--to", "2024-13", "there is no month 13")]
    [InlineData("--from", "last week", "not a date")]
    public void Resolve_BadDate_UsageErrorNamingTheOption(string option, string value, string why)
    {
        var result = Resolve(option == "--from" ? new FilterRequest { From = value } : new FilterRequest { To = value });

        Assert.Null(result.Filter);
        Assert.False(result.NotFound);
        Assert.StartsWith(option, result.Error, StringComparison.Ordinal);
        Assert.Contains(why, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownCountryAndAgency_NotFoundWithSuggestions()
    {
        var country = Resolve(new FilterRequest { Countries = ["Frnace"] });
        var agency = Resolve(new FilterRequest { Agencies = ["DSATA"] });
        var sector = Resolve(new FilterRequest { Sectors = ["cinema"] });
        var empty = Resolve(new FilterRequest { From = "2025", To = "2024" });

        Assert.True(country.NotFound);
        Assert.Contains("France (FR)", country.Suggestions);
        Assert.True(agency.NotFound);
        Assert.Contains(agency.Suggestions, s => s.Contains("agency:dasta", StringComparison.Ordinal));
        Assert.False(sector.NotFound);
        Assert.Contains("unknown sector 'cinema'", sector.Error, StringComparison.Ordinal);
        Assert.Contains("the period is empty", empty.Error, StringComparison.Ordinal);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteTimelineTests(IngestedCorpus<SqliteStoreFixture> corpus) : TimelineTests<SqliteStoreFixture>(corpus);

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresTimelineTests(IngestedCorpus<PostgresStoreFixture> corpus) : TimelineTests<PostgresStoreFixture>(corpus);
