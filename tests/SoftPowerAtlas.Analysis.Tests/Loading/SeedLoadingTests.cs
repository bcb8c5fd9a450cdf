using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

public class SeedLoadingTests
{
    // The title's first and last words (the page is third-party: its whole headline is read from the seed
    // at run time, see TitleAsWritten) and the publication stamp as written.
    public static TheoryData<string, string, string, string?> Headers => new()
    {
        { "000_54ba3ec425b012a1.txt", "ฝรั่งเศสเอาจริง!", "กับประเทศไทย", "2024-05-29" },
        { "001_b80b28f5dfd618d5.txt", "พช. และคณะ", "ไทย-ญี่ปุ่น", "Tuesday, February 6, 2024" },
        { "002_877d92276ca8bb9f.txt", "Thailand and", "cooperation", "วันพุธที่ 11 มกราคม 2566" },
        { "003_accc265172f61bde.txt", "อพท. ผนึก", "เมืองสร้างสรรค์โลก", null },
        { "004_059bed643f8e1418.txt", "รองปลัดฯ", "อย่างมืออาชีพ", "วันพุธที่ 27 กันยายน 2566" },
    };

    public static TheoryData<string, string[], string[]> Bodies => new()
    {
        {
            "000_54ba3ec425b012a1.txt",
            ["---", "draft: true", "image:"],
            ["เมื่อวานนี้ (29 พ.ค. 67) มีการพบปะพูดคุยระหว่าง", "28-30 มิถุยายน 2567 ณ ศูนย์การประชุม"]
        },
        {
            "001_b80b28f5dfd618d5.txt",
            ["Once In A Life Time", "ก้าวไปกับเราครั้งหนึ่งในชีวิต", "Breaking", "Home Top Ad", "Post Top Ad", "#WorldSoilDay", "#SDGsforAll", "No comments:", "Post a Comment", "Post Bottom Ad"],
            ["5 กุมภาพันธ์ 2567 นาย Kiyochi Uchida", "ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550", "ยุทธศาสตร์ Soft Power ของประเทศไทยต่อไป"]
        },
        {
            "002_877d92276ca8bb9f.txt",
            ["รัฐบาลไทย-ข่าวทำเนียบรัฐบาล"],
            ["January 11, 2023, at 10.30 hrs", "EV manufacturing hub.", "ที่มา : https://www.thaigov.go.th/news/contents/"]
        },
        {
            "003_accc265172f61bde.txt",
            ["xsm", "เผยแพร่:", "โดย:", "ผู้จัดการออนไลน์", "กำลังโหลดความคิดเห็น"],
            ["อพท. ผนึก สศส. เตรียมความพร้อมพื้นที่และชุมชน", "มีระยะเวลานาน 4 ปี นับตั้งแต่วันที่ลงนาม"]
        },
        {
            "004_059bed643f8e1418.txt",
            ["รัฐบาลไทย-ข่าวทำเนียบรัฐบาล", "พิมพ์"],
            ["27/09/2566", "วันที่ 26 กันยายน 2566 นางสาวณัฏฐิญา เนตยสุภา", "ที่มา : https://www.thaigov.go.th/news/contents/"]
        },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Pipeline_Seed_FindsTitleAndPublishedAsWritten(string file, string first, string last, string? published)
    {
        var title = TitleAsWritten(file, first, last);
        var result = Analyze(file);

        Assert.Equal(title, result.Metadata.Title);
        Assert.Equal(published, result.Metadata.PublishedAsWritten);
        if (result.Source.Metadata.Title is null)
        {
            Assert.Equal(title, result.Text.Text.Split('\n')[0]);
        }
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Pipeline_Seed_MatchesGoldSourceAndHasDateWhenGoldDoes(string file, string first, string last, string? published)
    {
        _ = first;
        _ = last;
        _ = published;
        var (goldPublished, goldSource) = Seeds.Gold(file);
        var result = Analyze(file);

        Assert.Equal(goldSource, result.Metadata.SourceUrl);
        Assert.Equal(goldPublished is null, result.Metadata.PublishedAsWritten is null);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Pipeline_Seed_DropsClutterAndKeepsArticle(string file, string[] gone, string[] kept)
    {
        var text = Analyze(file).Text.Text;
        var lines = text.Split('\n');

        foreach (var clutter in gone)
        {
            Assert.DoesNotContain(lines, l => l.Trim().StartsWith(clutter, StringComparison.Ordinal));
        }

        foreach (var sentence in kept)
        {
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Pipeline_Seed_SpansPointAtTheOriginal(string file, string first, string last, string? published)
    {
        var title = TitleAsWritten(file, first, last);
        var result = Analyze(file);
        var original = result.Source.Original;

        Assert.NotNull(result.Metadata.TitleSpan);
        Assert.Equal(title.Replace("  ", " ", StringComparison.Ordinal), Collapse(Slice(original, result.Metadata.TitleSpan!.Value)));
        if (published is not null)
        {
            Assert.Equal(published, Slice(original, result.Metadata.PublishedSpan!.Value));
        }

        if (result.Metadata.SourceUrlSpan is { } sourceSpan)
        {
            Assert.Equal(result.Metadata.SourceUrl, Slice(original, sourceSpan));
        }
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Clean_SeedWithoutNormalising_EveryLineMapsToItsOriginalText(string file, string first, string last, string? published)
    {
        _ = first;
        _ = last;
        _ = published;
        var document = new DocumentLoader().Load(Seeds.PathOf(file)).Document!;
        var cleaned = new ClutterCleaner().Clean(document.Body, document.Metadata).Text;

        var start = 0;
        foreach (var line in cleaned.Text.Split('\n'))
        {
            if (line.Length > 0)
            {
                Assert.Equal(line, Slice(document.Original, cleaned.ToOriginal(start, start + line.Length)));
            }

            start += line.Length + 1;
        }
    }

    [Fact]
    public void Pipeline_SeedByline_GoesToMetadata()
    {
        Assert.Equal("ผู้จัดการออนไลน์", Analyze("003_accc265172f61bde.txt").Metadata.Byline);
    }

    [Fact]
    public void Pipeline_SeedFrontMatter_DateSpanIsTheValue()
    {
        var result = Analyze("000_54ba3ec425b012a1.txt");

        Assert.Equal("2024-05-29", Slice(result.Source.Original, result.Metadata.PublishedSpan!.Value));
        Assert.Equal("2024-05-29", result.Metadata.FrontMatter["date"]);
    }

    private static AnalyzedDocument Analyze(string file)
    {
        var loaded = new DocumentLoader().Load(Seeds.PathOf(file));
        Assert.True(loaded.IsSuccess, loaded.Error?.Message);
        var pipeline = new AnalysisPipelineBuilder().Use(new NormalizationStage()).Use(new CleaningStage()).Build();
        return pipeline.Run(loaded.Document);
    }

    /// <summary>
    /// The seed's headline as the page writes it: the one line (or front-matter title) that begins with
    /// <paramref name="first"/> and ends with <paramref name="last"/>, with runs of spaces made one as
    /// the normaliser does. A line carrying the site's name after the headline does not qualify.
    /// </summary>
    private static string TitleAsWritten(string file, string first, string last)
    {
        var lines = File.ReadLines(Seeds.PathOf(file))
            .Select(l => l.Trim())
            .Select(l => l.StartsWith("title:", StringComparison.Ordinal) ? l["title:".Length..].Trim().Trim('"').Trim() : l)
            .Where(l => l.StartsWith(first, StringComparison.Ordinal) && l.EndsWith(last, StringComparison.Ordinal))
            .Select(Collapse)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Assert.Single(lines);
    }

    private static string Slice(string original, TextSpan span) => original[span.Start..span.End];

    private static string Collapse(string s)
    {
        while (s.Contains("  ", StringComparison.Ordinal))
        {
            s = s.Replace("  ", " ", StringComparison.Ordinal);
        }

        return s;
    }
}
