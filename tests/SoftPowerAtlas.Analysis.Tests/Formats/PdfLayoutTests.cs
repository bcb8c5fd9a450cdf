using SoftPowerAtlas.Analysis.Formats;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

public sealed class PdfLayoutTests
{
    [Theory]
    [InlineData("ความร่วมมือด้านวัฒน", "ธรรมระหว่างสองประเทศ", "ความร่วมมือด้านวัฒนธรรมระหว่างสองประเทศ\n")]
    [InlineData("ขับเคลื่อนซอฟต์พาวเวอร์ไทย-", "ญี่ปุ่น ต่อไป", "ขับเคลื่อนซอฟต์พาวเวอร์ไทย-ญี่ปุ่น ต่อไป\n")]
    [InlineData("The ministry signed the", "agreement in Bangkok.", "The ministry signed the agreement in Bangkok.\n")]
    [InlineData("a long-standing co-", "operation with Japan", "a long-standing co-operation with Japan\n")]
    [InlineData("Bangkok -", "The ministry", "Bangkok - The ministry\n")]
    [InlineData("ประชุมที่ Bangkok", "เมื่อวันที่ 5", "ประชุมที่ Bangkok เมื่อวันที่ 5\n")]
    [InlineData("ลงนามเมื่อ 12 มิ.ย.", "2568 ณ กรุงเทพฯ", "ลงนามเมื่อ 12 มิ.ย. 2568 ณ กรุงเทพฯ\n")]
    public void Build_TwoLinesOfOneParagraph_JoinedAsWritten(string first, string second, string expected)
    {
        var page = new PdfPage(600, 800, [PdfLayout.Line(first, 300), PdfLayout.Line(second, 320)]);

        Assert.Equal(expected, PdfLayout.Build([page], 10_000).Text);
    }

    [Theory]
    [InlineData(new[] { "เป้", "าหมาย" }, new[] { 0.0, 14.9 }, "เป้าหมาย")]
    [InlineData(new[] { "มุ่งเน้", "นการพัฒนา" }, new[] { 0.0, 11.4 }, "มุ่งเน้นการพัฒนา")]
    [InlineData(new[] { "ได้", "นายกรัฐมนตรี" }, new[] { 0.0, 13.6 }, "ได้ นายกรัฐมนตรี")]
    [InlineData(new[] { "Soft", "Power" }, new[] { 0.0, 10.4 }, "Soft Power")]
    public void JoinWords_GapsBetweenBoxes_SpaceOnlyWhereTheGapIsASpace(string[] words, double[] starts, string expected)
    {
        // Each word is 10 units wide on a line 20 high: a gap of 1.4 (0.07 of the height) is a tone mark's push, 3.6 a space.
        var boxed = words.Select((w, i) => new PdfWord(w, starts[i], starts[i] + 10)).ToList();

        Assert.Equal(expected, PdfLayout.JoinWords(boxed, 20));
    }

    [Fact]
    public void Build_HeaderFooterAndPageNumbersOnEveryPage_LeftOutWithPageStartsOnBodyText()
    {
        var pages = Enumerable.Range(1, 3).Select(n => new PdfPage(600, 800,
        [
            PdfLayout.Line("กระทรวงวัฒนธรรม ข่าวประชาสัมพันธ์", 20),
            PdfLayout.Line($"ย่อหน้าที่ {n} ของข่าว", 300, xMax: 200),
            PdfLayout.Line($"หน้า {n} จาก 3", 760),
        ])).ToList();

        var text = PdfLayout.Build(pages, 10_000);

        Assert.Equal("ย่อหน้าที่ 1 ของข่าว\nย่อหน้าที่ 2 ของข่าว\nย่อหน้าที่ 3 ของข่าว\n", text.Text);
        Assert.Equal([0, 21, 42], text.PageStarts);
        Assert.StartsWith("ย่อหน้าที่ 2", text.Text[21..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("- 3 -", true)]
    [InlineData("หน้า ๔", true)]
    [InlineData("Page 2 of 10", true)]
    [InlineData("3/12", true)]
    [InlineData("วันที่ 12 มีนาคม 2568", false)]
    public void Build_LoneLineInTheBottomMargin_DroppedOnlyWhenAPageNumber(string footer, bool dropped)
    {
        var page = new PdfPage(600, 800, [PdfLayout.Line("เนื้อหาข่าวประชาสัมพันธ์", 300, xMax: 200), PdfLayout.Line(footer, 760, xMax: 200)]);

        var text = PdfLayout.Build([page], 10_000).Text;

        Assert.Equal(dropped ? "เนื้อหาข่าวประชาสัมพันธ์\n" : $"เนื้อหาข่าวประชาสัมพันธ์\n{footer}\n", text);
    }

    [Theory]
    [InlineData("\u0E04\u0E07\u0E02\u0E4D\u0E32", "\u0E04\u0E07\u0E02\u0E33")] // คงขํา: nikhahit and sara aa, as Tesseract writes it
    [InlineData("\u0E19\u0E4D\u0E49\u0E32", "\u0E19\u0E49\u0E33")] // น ํ ้ า: the tone mark between them
    [InlineData("\u0E19\u0E49\u0E4D\u0E32", "\u0E19\u0E49\u0E33")] // น ้ ํ า
    [InlineData("\u0E17\u0E48\u0E35", "\u0E17\u0E35\u0E48")] // ท ่ ี: the tone before the vowel above
    [InlineData("\u0E1B\u0E48\u0E38\u0E19", "\u0E1B\u0E38\u0E48\u0E19")] // ป ่ ุ น: the tone before the vowel below
    [InlineData("ที่ประชุม น้ำ Soft Power", "ที่ประชุม น้ำ Soft Power")] // already in order: unchanged
    public void JoinWords_ThaiMarksInGlyphOrder_UnicodeOrder(string read, string expected)
    {
        Assert.Equal(expected, PdfLayout.JoinWords([new PdfWord(read, 0, 10)], 20));
    }
}
