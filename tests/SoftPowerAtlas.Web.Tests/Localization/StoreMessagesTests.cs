using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Web.Localization;

namespace SoftPowerAtlas.Web.Tests.Localization;

/// <summary>
/// The store's messages are made here by the store itself (the parser, the date reader), so a change of
/// its English wording fails these tests instead of leaving a Thai page in English.
/// </summary>
public class StoreMessagesTests
{
    [Theory]
    [InlineData("\"ภาพยนตร์ เกาหลี", "เครื่องหมายคำพูดที่ตัวอักษรที่ 1 ไม่มีตัวปิด เติม \" ปิดท้าย หรือลบออก")]
    [InlineData("film \"\"", "เครื่องหมายคำพูดที่ตัวอักษรที่ 6 ไม่มีข้อความข้างใน ใส่วลีไว้ระหว่างเครื่องหมาย")]
    [InlineData("ดนตรี - ญี่ปุ่น", "เครื่องหมาย '-' ที่ตัวอักษรที่ 7 ไม่มีคำที่จะยกเว้นตามหลัง เขียน -คำ หรือ -\"วลี\" โดยไม่เว้นวรรคหลัง -")]
    [InlineData("OR film", "OR ที่ตัวอักษรที่ 1 ต้องมีคำหรือวลีทั้งสองข้าง (เช่น film OR music หากต้องการค้นคำว่า OR ให้เขียน \"OR\")")]
    [InlineData("country:Atlantis film", "country: ที่ตัวอักษรที่ 1: ไม่รู้จักประเทศ 'Atlantis' ใช้รหัส ISO (FR) หรือชื่อภาษาอังกฤษหรือภาษาไทย (France, ฝรั่งเศส)")]
    [InlineData("เทศกาล from:2024-13", "from: ที่ตัวอักษรที่ 8: '2024-13' ไม่มีเดือน 13 เดือนคือ 01 ถึง 12")]
    [InlineData("year:24", "year: ที่ตัวอักษรที่ 1: '24' ไม่ใช่ปี เขียนเป็นตัวเลขสี่หลัก เช่น 2567 (พ.ศ.) หรือ 2024 (ค.ศ.)")]
    [InlineData("from:2025 to:2024", "from:2025 ที่ตัวอักษรที่ 1 อยู่หลัง to:2024 ให้สลับค่าทั้งสอง")]
    [InlineData("-มวยไทย", "คำค้นมีแต่คำที่ยกเว้นไม่ได้ เพิ่มคำ วลี หรือตัวกรอง เช่น country:FR")]
    [InlineData("*", "'*' ที่ตัวอักษรที่ 1 ไม่มีตัวอักษรก่อน * เขียนเช่น film*")]
    public void Thai_SearchQueryError_ReadsInThai(string query, string thai)
    {
        var error = SearchQuery.Parse(query).Error;
        Assert.NotNull(error);
        Assert.Equal(thai, StoreMessages.Default.Thai(error.Message));
    }

    [Fact]
    public void Thai_UnknownSearchField_ReadsInThaiWithTheFieldList()
    {
        var error = SearchQuery.Parse("ญี่ปุ่น colour:red").Error;
        Assert.NotNull(error);
        var thai = StoreMessages.Default.Thai(error.Message);
        Assert.StartsWith("ไม่รู้จักช่อง 'colour' ที่ตัวอักษรที่ 9 ช่องที่ใช้ได้: country, sector", thai, StringComparison.Ordinal);
        Assert.EndsWith("(หากต้องการค้นข้อความนี้ ให้ใส่ในเครื่องหมายคำพูด)", thai, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-13", "'2024-13' ไม่ใช่วันที่: ไม่มีเดือน 13")]
    [InlineData("2025-02-30", "'2025-02-30' ไม่ใช่วันที่: เดือนนั้นมี 28 วัน")]
    [InlineData("2025-Q5", "'2025-Q5' ไม่ใช่ไตรมาส (เขียน 2025-Q1 ถึง 2025-Q4)")]
    [InlineData("next year", "'next year' ไม่ใช่วันที่ (เขียนเป็น YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn หรือ FY2025)")]
    [InlineData("2025-06/2025-01", "'2025-06/2025-01' ไม่ใช่ช่วงวันที่: วันสิ้นสุดอยู่ก่อนวันเริ่มต้น")]
    public void Thai_FilterDateError_ReadsInThai(string value, string thai)
    {
        var error = FactDate.Parse(value).Error;
        Assert.NotNull(error);
        Assert.Equal(thai, StoreMessages.Default.Thai(error));
        Assert.Equal("วันเริ่มต้น: " + thai, StoreMessages.Default.Thai("--from: " + error));
    }

    [Theory]
    [InlineData("the disk is full")]
    [InlineData("")]
    [InlineData("--from: the disk is full")] // a known lead-in around an unknown message is not half translated
    public void Thai_MessageNoRowReads_IsNull(string english) =>
        Assert.Null(StoreMessages.Default.Thai(english));

    [Fact]
    public void Parse_RowWithoutThai_IsADefectOfTheFile()
    {
        using var reader = new StringReader("# comment\nthe query is empty\n");
        var e = Assert.Throws<InvalidDataException>(() => StoreMessages.Parse(reader, "test.tsv"));
        Assert.StartsWith("test.tsv:2:", e.Message, StringComparison.Ordinal);
    }
}
