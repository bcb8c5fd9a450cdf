using SoftPowerAtlas.Analysis.Cleaning;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Cleaning;

public class ClutterCleanerTests
{
    private const string Lead = "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทยที่กรุงปารีส ร่วมกับสถานทูตฝรั่งเศส";

    [Theory]
    [InlineData("Home Top Ad")]
    [InlineData("Post a Comment")]
    [InlineData("No comments:")]
    [InlineData("Newer Post Older Post")]
    [InlineData("Read more »")]
    [InlineData("แชร์")]
    [InlineData("พิมพ์")]
    [InlineData("แชร์ พิมพ์")]
    [InlineData("กำลังโหลดความคิดเห็น")]
    [InlineData("xs xsm sm md lg xl")]
    [InlineData(".")]
    [InlineData("• | •")]
    [InlineData("#SoftPower #ไทย #THACCA")]
    [InlineData("#WorldSoilDay #วันดินโลก")]
    [InlineData("คลิกที่นี่เพื่อสนทนา Facebook Logo")]
    public void Clean_ClutterLine_IsDropped(string clutter)
    {
        var cleaned = Clean($"หัวข้อข่าว\n{Lead}\n{clutter}\nย่อหน้าที่สองของข่าว");

        Assert.Equal($"หัวข้อข่าว\n{Lead}\nย่อหน้าที่สองของข่าว", cleaned.Text.Text);
        Assert.Contains(clutter, cleaned.DroppedLines);
    }

    [Theory]
    [InlineData("Home of Thai food festivals in Paris")]
    [InlineData("Share of Thai films in the French market grew")]
    [InlineData("แชร์ประสบการณ์การทำงานร่วมกับญี่ปุ่น")]
    [InlineData("2567")]
    [InlineData("#1 export market is Japan, the report says")]
    public void Clean_ArticleLineWithTemplateWords_IsKept(string line)
    {
        var cleaned = Clean($"หัวข้อข่าว\n{Lead}\n{line}");

        Assert.Contains(line, cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thai food week opens in Paris - Bangkok Daily", "Thai food week opens in Paris")]
    [InlineData("Thai food week opens in Paris | Bangkok Daily", "Thai food week opens in Paris")]
    [InlineData("ไทย-ฝรั่งเศส ลงนาม MOU ภาพยนตร์", "ไทย-ฝรั่งเศส ลงนาม MOU ภาพยนตร์")]
    [InlineData("ไทย - ฝรั่งเศส ร่วมมือด้านภาพยนตร์และดนตรีในปีหน้า", "ไทย - ฝรั่งเศส ร่วมมือด้านภาพยนตร์และดนตรีในปีหน้า")]
    public void Clean_TitleLine_LosesOnlyAShortSiteSuffix(string line, string title)
    {
        var cleaned = Clean($"{line}\n{Lead}");

        Assert.Equal(title, cleaned.Metadata.Title);
        Assert.StartsWith(title + "\n", cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_SitePrefixedTitleRepeated_KeepsOneTitleAndTheDates()
    {
        const string text = "หน่วยงานรัฐ-ข่าวประชาสัมพันธ์-ไทยจับมือเกาหลีใต้\n\nวันพุธที่ 11 มกราคม 2566\n11/01/2566\nพิมพ์\nไทยจับมือเกาหลีใต้\nไทยจับมือเกาหลีใต้\n" + Lead;

        var cleaned = Clean(text);

        Assert.Equal("ไทยจับมือเกาหลีใต้\n\nวันพุธที่ 11 มกราคม 2566\n11/01/2566\n" + Lead, cleaned.Text.Text);
        Assert.Equal("ไทยจับมือเกาหลีใต้", cleaned.Metadata.Title);
        Assert.Equal(new TextSpan(30, 48), cleaned.Metadata.TitleSpan);
        Assert.Equal("วันพุธที่ 11 มกราคม 2566", cleaned.Metadata.PublishedAsWritten);
        Assert.Equal("วันพุธที่ 11 มกราคม 2566", text[cleaned.Metadata.PublishedSpan!.Value.Start..cleaned.Metadata.PublishedSpan!.Value.End]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("")]
    public void Clean_LoaderTitleDiffersFromFirstLine_KeepsTheFirstParagraph(string before)
    {
        // A Markdown body after its front matter: the title came from the front matter, the body opens with the lead.
        const string lead = "BANGKOK, 31 January 2024 — The Creative Economy Agency and Ishikawa Prefecture signed a Memorandum of Understanding.";
        var metadata = new DocumentMetadata { Title = "CEA and Ishikawa sign MOU" };

        var cleaned = new ClutterCleaner().Clean(MappedText.Identity($"{before}{lead}\n\n{Lead}"), metadata);

        Assert.Equal($"{lead}\n\n{Lead}", cleaned.Text.Text);
    }

    [Fact]
    public void Clean_LoaderDate_WinsOverHeaderDate()
    {
        var metadata = new DocumentMetadata { PublishedAsWritten = "2024-05-29", PublishedSpan = new TextSpan(0, 10) };

        var cleaned = new ClutterCleaner().Clean(MappedText.Identity("หัวข้อ\nวันพุธที่ 11 มกราคม 2566\n" + Lead), metadata);

        Assert.Equal("2024-05-29", cleaned.Metadata.PublishedAsWritten);
        Assert.Contains("วันพุธที่ 11 มกราคม 2566", cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ที่มา : https://www.thaigov.go.th/news/contents/details/12345", "https://www.thaigov.go.th/news/contents/details/12345")]
    [InlineData("Source: https://example.org/a?b=1.", "https://example.org/a?b=1")]
    [InlineData("อ้างอิง: (https://example.org/x)", "https://example.org/x")]
    public void Clean_SourceLine_GivesUrlAndStays(string line, string url)
    {
        var text = $"หัวข้อ\n{Lead}\n{line}";

        var cleaned = Clean(text);

        Assert.Equal(url, cleaned.Metadata.SourceUrl);
        var span = cleaned.Metadata.SourceUrlSpan!.Value;
        Assert.Equal(url, text[span.Start..span.End]);
        Assert.EndsWith(line, cleaned.Text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("เผยแพร่:   โดย: ผู้จัดการออนไลน์", "ผู้จัดการออนไลน์", null)]
    [InlineData("เผยแพร่:   โดย: ผู้จัดการออนไลน์อพท. ผนึก สศส. เตรียมความพร้อม", "ผู้จัดการออนไลน์", "อพท. ผนึก สศส. เตรียมความพร้อม")]
    [InlineData("โดย: สมชาย ใจดี", "สมชาย ใจดี", null)]
    [InlineData("By Jane Doe", "Jane Doe", null)]
    public void Clean_BylineLine_GoesToMetadataAndLabelsAreDropped(string line, string byline, string? kept)
    {
        var cleaned = Clean($"อพท. ผนึก สศส. ดันเมืองสร้างสรรค์\n{line}\n{Lead}");

        Assert.Equal(byline, cleaned.Metadata.Byline);
        var expected = kept is null ? $"อพท. ผนึก สศส. ดันเมืองสร้างสรรค์\n{Lead}" : $"อพท. ผนึก สศส. ดันเมืองสร้างสรรค์\n{kept}\n{Lead}";
        Assert.Equal(expected, cleaned.Text.Text);
    }

    [Fact]
    public void Clean_RelatedNewsHeadingInSecondHalf_DropsTheListAfterIt()
    {
        var cleaned = Clean($"วธ. จัดเทศกาลอาหารไทยที่ปารีส\n{Lead}\n{Lead}\nข่าวที่เกี่ยวข้อง\nไทยจับมือญี่ปุ่น\nไทยจับมือจีน");

        Assert.Equal($"วธ. จัดเทศกาลอาหารไทยที่ปารีส\n{Lead}\n{Lead}", cleaned.Text.Text);
    }

    [Fact]
    public void Clean_SiteBoilerplate_DropsRepeatedLinesButNotTitleOrDate()
    {
        var counter = new SiteBoilerplate.Counter();
        for (var i = 0; i < 10; i++)
        {
            counter.AddDocument($"ข่าวที่ {i}\nวันพุธที่ 11 มกราคม 2566\nสำนักงานตัวอย่าง ถนนราชดำเนิน กรุงเทพฯ\nเนื้อหา {i}");
        }

        var boilerplate = counter.Build();
        var cleaner = new ClutterCleaner(boilerplate);

        var cleaned = cleaner.Clean(MappedText.Identity($"ข่าวใหม่\nวันพุธที่ 11 มกราคม 2566\n{Lead}\nสำนักงานตัวอย่าง  ถนนราชดำเนิน กรุงเทพฯ"), DocumentMetadata.Empty);

        Assert.True(boilerplate.Contains("สำนักงานตัวอย่าง ถนนราชดำเนิน กรุงเทพฯ"));
        Assert.Equal($"ข่าวใหม่\nวันพุธที่ 11 มกราคม 2566\n{Lead}", cleaned.Text.Text);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    public void Build_TooFewDocuments_SaysNothing(int documents, int lines)
    {
        var counter = new SiteBoilerplate.Counter();
        for (var i = 0; i < documents; i++)
        {
            counter.AddDocument("Once In A Life Time\nเนื้อหา " + i);
        }

        Assert.Equal(lines, counter.Build().Count);
    }

    [Fact]
    public void Clean_MappedInput_KeepsTheMapToTheOriginal()
    {
        const string original = "Home Top Ad\nหัวข้อข่าว\n\n\n\n" + Lead + "\nPost Bottom Ad";

        var cleaned = Clean(original);
        var at = cleaned.Text.Text.IndexOf(Lead, StringComparison.Ordinal);
        var span = cleaned.Text.ToOriginal(at, at + Lead.Length);

        Assert.Equal("หัวข้อข่าว\n\n" + Lead, cleaned.Text.Text);
        Assert.Equal(Lead, original[span.Start..span.End]);
    }

    private static CleanResult Clean(string text) => new ClutterCleaner().Clean(MappedText.Identity(text), DocumentMetadata.Empty);
}
