using System.Text;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Tests.Loading;

public sealed class HtmlNestingTests
{
    [Theory]
    [InlineData("<html><body><div class=\"a>b\"><p>ก<p>ข<ul><li>one<li>two</ul></div></body></html>")]
    [InlineData("<div><script>if (a < b) { x = '<div><div>'; }</script><!-- <div><div> --><span title='>'>x</span></div>")]
    [InlineData("<p>a < b and c<d</p><br><img src=x.png><hr/>")]
    public void Limit_OrdinaryPage_SameInstance(string page)
    {
        Assert.Same(page, HtmlNesting.Limit(page));
    }

    [Fact]
    public void Limit_DivsNestedPastTheCap_DeeperTagsBlankedOffsetsKept()
    {
        const int depth = HtmlNesting.MaxDepth + 40;
        var page = "<body>" + string.Concat(Enumerable.Range(0, depth).Select(i => $"<div class=\"l{i}\">w{i} ")) + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body>";

        var limited = HtmlNesting.Limit(page);

        Assert.Equal(page.Length, limited.Length);
        var kept = limited.Split("<div", StringSplitOptions.None).Length - 1;
        Assert.Equal(HtmlNesting.MaxDepth, kept);
        Assert.Equal(HtmlNesting.MaxDepth, limited.Split("</div>", StringSplitOptions.None).Length - 1);
        // The text of every level stays where it was.
        var last = page.IndexOf($"w{depth - 1} ", StringComparison.Ordinal);
        Assert.Equal($"w{depth - 1} ", limited.Substring(last, $"w{depth - 1} ".Length));
        var tag = $"<div class=\"l{depth - 1}\">";
        Assert.Equal(tag, page[(last - tag.Length)..last]);
        Assert.Equal(new string(' ', tag.Length), limited[(last - tag.Length)..last]);
    }

    [Fact]
    public void LoadText_HundredThousandNestedDivs_LoadsWithoutOverflowOffsetsInsideText()
    {
        const int depth = 100_000;
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
        for (var i = 0; i < depth; i++)
        {
            page.Append("<div>");
        }

        page.Append("กรมส่งเสริมวัฒนธรรมลงนามบันทึกความเข้าใจกับญี่ปุ่นเมื่อวันที่ 3 มีนาคม 2567");
        for (var i = 0; i < depth; i++)
        {
            page.Append("</div>");
        }

        var html = page.Append("</body></html>").ToString();

        var result = new DocumentLoader().LoadText(html, "deep.html", DocumentFormat.Html);

        var document = Assert.IsType<SourceDocument>(result.Document);
        var at = document.Body.Text.IndexOf("3 มีนาคม 2567", StringComparison.Ordinal);
        Assert.True(at >= 0, document.Body.Text);
        var original = document.Body.ToOriginal(new Analysis.Text.TextSpan(at, at + "3 มีนาคม 2567".Length));
        Assert.Equal("3 มีนาคม 2567", html[original.Start..original.End]);
        Assert.Equal(html.IndexOf("3 มีนาคม 2567", StringComparison.Ordinal), original.Start);
    }
}
