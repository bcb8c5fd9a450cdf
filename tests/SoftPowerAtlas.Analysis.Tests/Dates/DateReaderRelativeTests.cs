using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateReaderRelativeTests
{
    // Wednesday.
    private static readonly DateOnly Anchor = new(2024, 5, 29);

    [Theory]
    [InlineData("เมื่อวานนี้ มีการพบปะระหว่างสองฝ่าย", "เมื่อวานนี้", "2024-05-28")]
    [InlineData("วันนี้ คณะกรรมการได้ประชุม", "วันนี้", "2024-05-29")]
    [InlineData("พรุ่งนี้จะมีการแถลงข่าว", "พรุ่งนี้", "2024-05-30")]
    [InlineData("จะเดินทางไปญี่ปุ่นสัปดาห์หน้า เพื่อ", "สัปดาห์หน้า", "2024-06-03/2024-06-09")]
    [InlineData("ยอดขายเดือนที่แล้วสูงขึ้น", "เดือนที่แล้ว", "2024-04")]
    [InlineData("ซึ่งได้ลงนามไปเมื่อปีที่แล้ว", "ปีที่แล้ว", "2023")]
    [InlineData("และจะจัดอีกครั้งในปีหน้า", "ปีหน้า", "2025")]
    [InlineData("ต้องดำเนินการให้แล้วเสร็จภายใน 6 เดือน นับจากนี้", "ภายใน 6 เดือน", "2024-05-29/2024-11-29")]
    [InlineData("เมื่อ 2 ปีที่แล้ว ได้มีการ", "2 ปีที่แล้ว", "2022")]
    [InlineData("since his assumption of duty last year.", "last year", "2023")]
    [InlineData("Last year, Ministry of Foreign Affairs met", "Last year", "2023")]
    [InlineData("The delegation arrived yesterday in Bangkok", "yesterday", "2024-05-28")]
    [InlineData("The fair opens next month in Osaka", "next month", "2024-06")]
    [InlineData("The report is due within 3 years of signing", "within 3 years", "2024-05-29/2027-05-29")]
    public void Find_RelativeWithAnchor_ResolvesAgainstAnchor(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written, Anchor);
        Assert.True(mention.IsRelative);
        Assert.Equal(Anchor, mention.ResolvedAgainst);
        Assert.Equal(normalized, mention.Normalized);
    }

    [Fact]
    public void Find_RelativeWithoutAnchor_ReportsMentionWithoutValue()
    {
        var mention = DateAssert.Single("เมื่อวานนี้ มีการพบปะ", "เมื่อวานนี้");
        Assert.True(mention.IsRelative);
        Assert.False(mention.HasValue);
        Assert.Null(mention.Error);
    }

    [Fact]
    public void Find_DurationFromEvent_KeepsDurationWithoutValue()
    {
        const string text = "ความร่วมมือตามบันทึกความเข้าใจฉบับนี้มีผลบังคับใช้ 4 ปี นับตั้งแต่วันที่ลงนาม และจะทบทวนทุกปี";
        var mention = DateAssert.Single(text, "4 ปี นับตั้งแต่วันที่ลงนาม", Anchor);
        Assert.True(mention.IsRelative);
        Assert.False(mention.HasValue);
        Assert.Equal(new DateDuration(4, DateUnit.Year), mention.Duration);
        Assert.Equal(DateRole.Period, mention.Role);
    }

    [Fact]
    public void Find_WithinMonths_IsDeadline()
    {
        var mention = DateAssert.Single("ต้องยื่นภายใน 6 เดือน", "ภายใน 6 เดือน", Anchor);
        Assert.Equal(DateRole.Deadline, mention.Role);
    }
}
