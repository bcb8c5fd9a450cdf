using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Tests.Localization;

public sealed class DateTextTests
{
    [Theory]
    [InlineData("2024-05-29", "th", "29 พ.ค. 2567")]
    [InlineData("2024-05-29", "en", "29 May 2024")]
    [InlineData("2023-01-11T10:30", "th", "11 ม.ค. 2566 10:30 น.")]
    [InlineData("2023-01-11T10:30", "en", "11 January 2023 10:30")]
    [InlineData("2024-05", "th", "พ.ค. 2567")]
    [InlineData("2024-05", "en", "May 2024")]
    [InlineData("2024", "th", "2567")]
    [InlineData("2024", "en", "2024")]
    [InlineData("FY2025", "th", "ปีงบประมาณ 2568")]
    [InlineData("FY2025", "en", "FY2025")]
    [InlineData("2025-Q3", "th", "ไตรมาส 3 ปี 2568")]
    [InlineData("2025-Q3", "en", "Q3 2025")]
    [InlineData("--10-14", "th", "14 ต.ค.")]
    [InlineData("--10-14", "en", "14 October")]
    [InlineData("2024-06-28/2024-06-30", "th", "28–30 มิ.ย. 2567")]
    [InlineData("2024-06-28/2024-07-02", "th", "28 มิ.ย. – 2 ก.ค. 2567")]
    [InlineData("2024-12-30/2025-01-02", "en", "30 December 2024 – 2 January 2025")]
    [InlineData("2020/2022", "th", "2563 – 2565")]
    [InlineData("2024-10/2024-12", "en", "October – December 2024")]
    public void Format_ContractDate_WritesItInTheReadersLanguage(string value, string language, string expected) =>
        Assert.Equal(expected, DateText.Format(value, language));

    [Theory]
    [InlineData("เมื่อวานนี้", "th")]
    [InlineData("2024-13-01", "en")]
    [InlineData("next year", "en")]
    public void Format_NotAContractDate_ShownAsWritten(string value, string language) =>
        Assert.Equal(value, DateText.Format(value, language));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Format_Nothing_IsEmpty(string? value) => Assert.Equal(string.Empty, DateText.Format(value, "th"));

    [Theory]
    [InlineData(2024, 2, 29, "th", "29 ก.พ. 2567")]
    [InlineData(2024, 2, 29, "en", "29 February 2024")]
    [InlineData(1999, 12, 31, "th", "31 ธ.ค. 2542")]
    public void Day_LeapDayAndCenturyEnd_BuddhistEraInThai(int year, int month, int day, string language, string expected) =>
        Assert.Equal(expected, DateText.Day(new DateOnly(year, month, day), language));
}
