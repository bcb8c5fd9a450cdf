using System.Text.Json;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Exports;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Reading;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Tests.Resolution;

/// <summary>
/// One release in two languages, or republished, is recognised as versions of one text (issue 25, point 2) on both
/// stores: linked at ingest, shown both ways, and its promise listed once.
/// </summary>
public abstract class DocumentVersionTests<TFixture> : StoreTests<TFixture>
    where TFixture : StoreFixture, new()
{
    private const string ThaiRelease =
        "กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับนครปูซานเมื่อวันที่ 12 มีนาคม 2568 อายุ 3 ปี ครอบคลุมสตูดิโอ 25 แห่ง มูลค่า 1,500 ล้านบาท และจะจัดนิทรรศการร่วมในวันที่ 8 ตุลาคม 2568";

    private const string EnglishRelease =
        "On 12 March 2025 the Ministry of Culture signed a memorandum with Busan for 3 years, covering 25 studios worth 1,500 million baht, and will hold a joint exhibition on 8 October 2025.";

    private const string OtherStory =
        "Thailand and Busan signed a film agreement on 12 March 2025; producers expect more crews and will meet again on 8 October 2025.";

    private static readonly DateOnly AsOf = new(2025, 11, 1);

    [Fact]
    public void Ingest_ThaiReleaseAndItsEnglishVersion_TranslationLinkedBothWays()
    {
        var thai = AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        var english = AddAndCommit(Release("en.txt", EnglishRelease, "en", "2025-03-12"));

        var reader = new AtlasReader(Store);
        var original = Assert.Single(reader.Versions(english));
        Assert.Equal((thai, "translation", true), (original.Document.Id, original.Kind, original.IsOriginal));
        var translation = Assert.Single(reader.Versions(thai));
        Assert.Equal((english, "translation", false), (translation.Document.Id, translation.Kind, translation.IsOriginal));
    }

    [Fact]
    public void Due_PromiseStatedByBothVersions_ListedOnceUnderTheOriginalWithTheOtherBesideIt()
    {
        AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        AddAndCommit(Release("en.txt", EnglishRelease, "en", "2025-03-13"));

        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);

        Assert.Equal("th.txt", item.Commitment.Source.Path);
        Assert.Equal(["en.txt"], item.AlsoStatedIn.Select(c => c.Source.Path));
        var rows = Export().EnumerateArray().ToList();
        Assert.Equal(2, rows.Count); // the export keeps every stored commitment, each saying how it relates
        var (th, en) = (rows.Single(r => Path(r) == "th.txt"), rows.Single(r => Path(r) == "en.txt"));
        Assert.Equal(th.GetProperty("id").GetString(), en.GetProperty("restates").GetString());
        Assert.Equal(JsonValueKind.Null, th.GetProperty("restates").ValueKind);
        Assert.Equal("en.txt", Path(Assert.Single(th.GetProperty("also_stated_in").EnumerateArray())));
    }

    [Fact]
    public void Ingest_AnotherOutletsStoryOfTheSameSigning_NotAVersionAndItsPromiseItsOwn()
    {
        AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        var story = AddAndCommit(Release("story.txt", OtherStory, "en", "2025-03-13"));

        Assert.Single(new FactReader(Store).Engagements(FactFilter.All).Select(e => e.Cluster).Distinct()); // one engagement, two reports
        Assert.Empty(new AtlasReader(Store).Versions(story));
        Assert.Equal(2, new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items.Count);
    }

    [Fact]
    public void Ingest_SameNumbersPublishedWeeksApart_NotAVersion()
    {
        AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        var later = AddAndCommit(Release("en.txt", EnglishRelease, "en", "2025-04-30"));

        Assert.Empty(new AtlasReader(Store).Versions(later));
    }

    [Fact]
    public void Delete_TheOriginal_TheTranslationStandsAloneAndItsPromiseIsListed()
    {
        var thai = AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        var english = AddAndCommit(Release("en.txt", EnglishRelease, "en", "2025-03-12"));

        Assert.Null(new Curator(Store, Clock).DeleteDocument(thai.ToString(System.Globalization.CultureInfo.InvariantCulture), "tester").Error);

        Assert.Empty(new AtlasReader(Store).Versions(english));
        var item = Assert.Single(new CommitmentTracker(new FactReader(Store), Clock).Due(new DueQuery { AsOf = AsOf, IncludeAll = true }).Items);
        Assert.Equal("en.txt", item.Commitment.Source.Path);
        Assert.Empty(item.AlsoStatedIn);
    }

    [Fact]
    public void Ingest_EarlierReleaseTextDamaged_TranslationStoredAndNotLinked()
    {
        var thai = AddAndCommit(Release("th.txt", ThaiRelease, "th", "2025-03-12"));
        Fixture.Scalar($"UPDATE documents SET clean_packed = substr(clean_packed, 1, 12) WHERE id = {thai}");
        Assert.Throws<InvalidDataException>(() => Store.GetDocument(thai)); // the damage is real

        var english = AddAndCommit(Release("en.txt", EnglishRelease, "en", "2025-03-12"));

        Assert.NotNull(Store.GetDocument(english));
        Assert.Empty(new AtlasReader(Store).Versions(english));
        Assert.Single(new FactReader(Store).Engagements(FactFilter.All).Select(e => e.Cluster).Distinct()); // still one engagement, two reports
    }

    private static string? Path(JsonElement row) => row.GetProperty("source").GetProperty("path").GetString();

    private JsonElement Export() =>
        JsonDocument.Parse(new AtlasExporter(new FactReader(Store), Clock).Export(ExportKind.Commitments, ExportFormat.Json)).RootElement;

    /// <summary>A release of the 12 March signing with its promise of an exhibition on 8 October, as extraction would give it.</summary>
    private static NewDocument Release(string source, string text, string language, string published) =>
        Samples.Document(text, source, language) with
        {
            Published = published,
            Facts = new ExtractedFacts
            {
                Events =
                [
                    new ExtractedEvent
                    {
                        Type = "mou_signing",
                        Date = "2025-03-12",
                        PartnerCountries = ["KR"],
                        Sectors = ["film"],
                        Evidence = new OriginalSpan(0, text.Length),
                        ThaiOrgs = [new ExtractedEntity { Id = "agency:moc", Name = "agency:moc", Aliases = ["agency:moc"], Mentions = ["agency:moc"], Spans = [new(0, 6)] }],
                        ForeignOrgs = [],
                        People = [],
                    },
                ],
                Commitments = [new ExtractedCommitment { What = "joint exhibition", Due = "2025-10-08", Text = text, Start = 0, End = text.Length }],
            },
        };
}

/// <summary>Versions of one release on a SQLite file.</summary>
public sealed class SqliteDocumentVersionTests : DocumentVersionTests<SqliteStoreFixture>;

/// <summary>Versions of one release on a PostgreSQL database of its own.</summary>
public sealed class PostgresDocumentVersionTests : DocumentVersionTests<PostgresStoreFixture>;
