using System.Text;

namespace SoftPowerAtlas.Storage.Tests;

public sealed class PackedTextTests
{
    // A page as a Thai release writes it: Thai with English names, Thai digits, a BOM, CRLF, an emoji.
    private const string ThaiPage =
        "\uFEFFกระทรวงวัฒนธรรม ร่วมกับ สถานเอกอัครราชทูตฝรั่งเศสประจำประเทศไทย จัดเทศกาลภาพยนตร์ฝรั่งเศส (French Film Festival) " +
        "ณ หอภาพยนตร์ (องค์การมหาชน) ระหว่างวันที่ ๑๒-๑๘ มิถุนายน ๒๕๖๗ 🎬\r\nนายสมชาย ใจดี อธิบดีกรมส่งเสริมวัฒนธรรม กล่าวว่า " +
        "ความร่วมมือด้านอุตสาหกรรมสร้างสรรค์จะช่วยส่งเสริมซอฟต์พาวเวอร์ไทยในเวทีโลก\r\n";

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(ThaiPage)]
    [InlineData("นํ้า \u200B\u200D 🇹🇭 \u0000 end")]
    public void Unpack_PackedText_GivesTheTextBackExactly(string text)
    {
        Assert.Equal(text, PackedText.Unpack(PackedText.Pack(text)), StringComparer.Ordinal);
    }

    [Fact]
    public void Pack_Null_StaysNull()
    {
        Assert.Null(PackedText.Pack(null));
    }

    [Fact]
    public void Pack_ThaiPageRepeatedAsLongPagesAre_ThirdOfItsBytesOrLess()
    {
        var page = string.Concat(Enumerable.Repeat(ThaiPage, 8));

        var packed = PackedText.Pack(page)!;

        Assert.True(packed.Length * 3 <= Encoding.UTF8.GetByteCount(page), $"{packed.Length} packed bytes of {Encoding.UTF8.GetByteCount(page)}");
    }

    [Theory]
    [InlineData(new byte[0], "the packed text is damaged: 0 bytes, fewer than its 5-byte header")]
    [InlineData(new byte[] { 1, 5, 0 }, "the packed text is damaged: 3 bytes, fewer than its 5-byte header")]
    [InlineData(new byte[] { 2, 5, 0, 0, 0, 1, 2 }, "the packed text has format 2, which this SoftPowerAtlas cannot read (it reads format 1); use a newer atlas")]
    [InlineData(new byte[] { 1, 255, 255, 255, 255, 1 }, "the packed text gives a negative length (-1)")]
    [InlineData(new byte[] { 1, 9, 0, 0, 0, 1, 2, 3 }, "the packed text is damaged: its Brotli data does not give the 9 bytes its header promises")]
    public void Unpack_NotAPackedText_SaysWhatIsWrong(byte[] bytes, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => PackedText.Unpack(bytes));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpack_CutShort_SaysItIsDamaged()
    {
        var packed = PackedText.Pack(ThaiPage)!;

        var e = Assert.Throws<InvalidDataException>(() => PackedText.Unpack(packed.AsSpan(0, packed.Length / 2)));

        Assert.StartsWith("the packed text is damaged", e.Message, StringComparison.Ordinal);
    }
}
