using System.Text;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Pipeline;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Pipeline;

public sealed class AnalysisBudgetTests
{
    private const string Release = "กระทรวงวัฒนธรรมลงนามบันทึกความเข้าใจกับสถานทูตฝรั่งเศส เมื่อวันที่ 3 มีนาคม 2567\nThe two sides will hold a film week in Bangkok by December 2025.\n";

    /// <summary>A stage that never finishes on its own: it works until the budget ends it (the hook that makes a stage slow).</summary>
    private sealed class EndlessStage : IAnalysisStage
    {
        public string Name => "endless";

        public void Run(AnalysisContext context)
        {
            while (true)
            {
                AnalysisBudget.ThrowIfExceeded();
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>A stage that keeps what it allocates, a megabyte at a time, until the budget ends it (a runaway document).</summary>
    private sealed class HoardingStage : IAnalysisStage
    {
        public string Name => "hoarding";

        public void Run(AnalysisContext context)
        {
            var kept = new List<byte[]>();
            while (kept.Count < 256)
            {
                AnalysisBudget.ThrowIfExceeded();
                kept.Add(new byte[1 << 20]);
            }
        }
    }

    private static SourceDocument Load(string text, string name = "release.txt") =>
        new DocumentLoader().LoadText(text, name, DocumentFormat.Text).Document!;

    [Fact]
    public void Run_BudgetZero_EndsDocumentNamingFileAndBudget()
    {
        var pipeline = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(TimeSpan.Zero);

        var e = Assert.Throws<AnalysisBudgetExceededException>(() => pipeline.Run(Load(Release, "news/zero.txt")));

        Assert.Equal("news/zero.txt", e.Source);
        Assert.StartsWith("news/zero.txt: analysis took longer than its budget of 0 ms", e.Message, StringComparison.Ordinal);
        Assert.Contains("--budget", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SlowStagePastBudget_EndedCooperativelyNamingStage()
    {
        AtlasPipeline.WarmUp(AtlasPipeline.CreateDefault(TestText.Shared)); // the stages before the endless one must not spend the budget on the process's start
        var pipeline = AtlasPipeline.CreateBuilder(TestText.Shared).Use(new EndlessStage()).UseBudget(TimeSpan.FromSeconds(1)).Build();

        var e = Assert.Throws<AnalysisBudgetExceededException>(() => pipeline.Run(Load(Release, "slow.txt")));

        Assert.Equal("slow.txt: analysis took longer than its budget of 1 s (ended in the endless stage); not stored (raise it with --budget or $ATLAS_BUDGET)", e.Message);
    }

    [Fact]
    public void Run_StageAllocatingPastBudget_EndedNamingFileMemoryAndStage()
    {
        var pipeline = AtlasPipeline.CreateBuilder(TestText.Shared).Use(new HoardingStage()).UseBudget(TimeSpan.FromMinutes(5)).Build()
            .WithAllocationBudget(64L << 20);

        var e = Assert.Throws<AnalysisBudgetExceededException>(() => pipeline.Run(Load(Release, "news/hoard.txt")));

        Assert.Equal("news/hoard.txt", e.Source);
        Assert.Equal("news/hoard.txt: analysis allocated more memory than its budget of 64 MB (ended in the hoarding stage); not stored", e.Message);
    }

    [Fact]
    public void Run_DefaultStagesPastATinyAllocationBudget_Ended()
    {
        // The real stages check the allocation as they go, not only between stages.
        var pipeline = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(AnalysisBudget.DefaultTime).WithAllocationBudget(16 << 10);

        var e = Assert.Throws<AnalysisBudgetExceededException>(() => pipeline.Run(Load(Release)));

        Assert.StartsWith("release.txt: analysis allocated more memory than its budget of 16 KB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoTimeBudget_NoAllocationBudgetEither()
    {
        var pipeline = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(null).WithAllocationBudget(16 << 10);

        var facts = pipeline.Run(Load(Release)).Get<DocumentFacts>()!;

        Assert.NotEmpty(facts.Engagements);
        Assert.Equal(AnalysisBudget.DefaultAllocation, AtlasPipeline.CreateDefault(TestText.Shared).AllocationBudget);
        Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.WithAllocationBudget(0));
    }

    [Theory]
    [InlineData(512L << 10, "512 KB")]
    [InlineData(64L << 20, "64 MB")]
    [InlineData(8L << 30, "8 GB")]
    [InlineData(3L << 29, "1.5 GB")]
    public void DescribeBytes_Budget_WrittenForAReader(long bytes, string written) =>
        Assert.Equal(written, AnalysisBudget.DescribeBytes(bytes));

    [Fact]
    public void Run_NoBudget_SameFactsAsWithTheDefault()
    {
        var document = Load(Release);
        var unbounded = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(null).Run(document);
        var bounded = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(AnalysisBudget.DefaultTime).Run(document);

        Assert.Null(AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(null).Budget);
        Assert.Equal(
            unbounded.Get<DocumentFacts>()!.Engagements.Select(x => (x.Type, x.Date?.Span)),
            bounded.Get<DocumentFacts>()!.Engagements.Select(x => (x.Type, x.Date?.Span)));
    }

    [Theory]
    [InlineData("60s", 60_000)]
    [InlineData("2m", 120_000)]
    [InlineData("500ms", 500)]
    [InlineData(" 45 ", 45_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0", 0)]
    [InlineData("1h", 3_600_000)]
    public void TryParse_WrittenBudget_Milliseconds(string text, double milliseconds)
    {
        Assert.True(AnalysisBudget.TryParse(text, out var budget));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), budget);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("NONE")]
    public void TryParse_Off_NoBudget(string text)
    {
        Assert.True(AnalysisBudget.TryParse(text, out var budget));
        Assert.Null(budget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-5s")]
    [InlineData("10 minutes")]
    [InlineData("1e300s")]
    public void TryParse_NotABudget_False(string text)
    {
        Assert.False(AnalysisBudget.TryParse(text, out _));
    }

    [Fact]
    public void Run_OneMegabyteSingleLine_AnalysedInBoundedUnitsOffsetsInsideText()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 1_000_000; i++)
        {
            text.Append(CultureInfoInvariant($"การประชุมครั้งที่ {i % 90 + 1} ว่าด้วยความร่วมมือด้านภาพยนตร์และอาหารไทย จัดขึ้นเมื่อวันที่ {i % 28 + 1} มีนาคม 2567 ณ กรุงเทพมหานคร The delegation of France met the Thai side on {i % 28 + 1} March 2024 and agreed to hold a festival. "));
        }

        var line = text.ToString();
        var analysed = AtlasPipeline.CreateDefault(TestText.Shared).WithBudget(null).Run(Load(line, "one-line.txt"));

        Assert.DoesNotContain('\n', line);
        Assert.All(analysed.Sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.MaxChars));
        Assert.All(analysed.Paragraphs, p => Assert.InRange(p.Span.Length, 1, ParagraphSplitter.MaxChars));
        Assert.True(analysed.Paragraphs.Count >= line.Length / ParagraphSplitter.MaxChars, $"{analysed.Paragraphs.Count} paragraphs");
        var facts = analysed.Get<DocumentFacts>()!;
        Assert.NotEmpty(facts.Engagements);
        Assert.All(facts.Mentions, m => Assert.InRange(m.Span.End, m.Span.Start + 1, analysed.Text.Text.Length));
        Assert.All(facts.Engagements.Where(x => x.Date is not null), x =>
        {
            var span = analysed.Text.ToOriginal(x.Date!.Span);
            Assert.InRange(span.End, span.Start + 1, line.Length);
        });
    }

    private static string CultureInfoInvariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
