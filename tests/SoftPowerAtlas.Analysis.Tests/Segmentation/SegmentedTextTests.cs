using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class SegmentedTextTests
{
    private static readonly WordBreaker Breaker = new(new PhraseMerger(["ซอฟต์พาวเวอร์", "คุมะมง"]));

    [Theory]
    [InlineData("นายกรัฐมนตรีเดินทาง ไปญี่ปุ่น", "นายก|รัฐมนตรี|เดิน|ทาง ไป|ญี่ปุ่น")]
    [InlineData("จับมือขับเคลื่อนซอฟต์พาวเวอร์ไทย-ญี่ปุ่น", "จับ|มือ|ขับ|เคลื่อน|ซอฟต์พาวเวอร์|ไทย-ญี่ปุ่น")]
    [InlineData("นาม “หมีคุมะมง” (Kumamon)", "นาม “หมี|คุมะมง” (Kumamon)")]
    [InlineData("กว่า 3,860 ล้านเยน\nจบ", "กว่า 3,860 ล้าน|เยน\nจบ")]
    [InlineData("ห้อง 5001ชั้น", "ห้อง 5001|ชั้น")]
    [InlineData("ครั้งที่1-2", "ครั้ง|ที่|1-2")]
    [InlineData("", "")]
    [InlineData("  ", "  ")]
    public void Join_Text_SeparatorOnlyBetweenAdjacentWords(string text, string expected)
    {
        Assert.Equal(expected, SegmentedText.Join(text, Breaker.Segment(text)));
    }

    [Fact]
    public void Join_CustomSeparator_RemovingItGivesTheInput()
    {
        const string text = "สวธ. และคณะ Osaka Craft Club ร่วมหารือ จับมือพัฒนาซอฟต์พาวเวอร์ไทย-ญี่ปุ่น";
        var joined = SegmentedText.Join(text, Breaker.Segment(text), " / ");
        Assert.Equal("สวธ. และ / คณะ Osaka Craft Club ร่วม / หารือ จับ / มือ / พัฒนา / ซอฟต์พาวเวอร์ / ไทย-ญี่ปุ่น", joined);
        Assert.Equal(text, joined.Replace(" / ", string.Empty, StringComparison.Ordinal));
    }
}
