using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateReaderRejectTests
{
    [Theory]
    [InlineData("ผู้เข้าชมหมู่บ้านหัตถกรรม OTOP ซึ่งมีมากถึง 2,745 หมู่บ้านทั่วประเทศ")]
    [InlineData("ณ ห้องประชุม 5001 ชั้น 5 กรมการพัฒนาชุมชน")]
    [InlineData("ประชุมร่วมกัน ณ ห้องประชุม วธ.2 อาคารสำนักงานปลัดกระทรวงวัฒนธรรม")]
    [InlineData("กรรมาธิการวิสามัญพิจารณา พ.ร.บ. อาหาร ส่วนหัวข้อ")]
    [InlineData("ติดต่อสอบถาม โทร. 02-123-4567 หรือ 081-234-5678")]
    [InlineData("มีนาเป็นชื่อเล่นของน้องสาว และพฤษภาก็เช่นกัน")]
    [InlineData("คณะตุลาการ 5 คน มีมติ")]
    [InlineData("เขียนสคริปต์ 5 เรื่อง")]
    [InlineData("สำนักงาน ก.พ. กำหนดหลักเกณฑ์ใหม่")]
    [InlineData("มติ ก.ค.ศ. 2566 ครั้งที่ 3")]
    [InlineData("ศูนย์ราชการ 80 พรรษา มีผู้มาติดต่อ")]
    [InlineData("ราคา 1,500 บาท ลดเหลือ 1.250 บาท")]
    [InlineData("The app reached version 1.2.3 and 12.50 users")]
    [InlineData("Room 5001, 5th floor; 2,745 villages in 77 provinces")]
    [InlineData("อายุ 20 ปี 1500 คน เข้าร่วม")]
    [InlineData("mixcollage-31-may-2024-09-51-pm-3125-1-.jpg")]
    [InlineData("#WorldSoilDay #วันดินโลก #UN #FAO")]
    public void Find_TextWithoutDates_FindsNothing(string text)
    {
        var mentions = DateReader.Default.Find(text);
        Assert.True(mentions.Count == 0, "unexpected: " + string.Join(" | ", mentions.Select(m => $"'{m.Text}'={m.Normalized}{m.Error}")));
    }

    [Theory]
    [InlineData("กำหนดจัดงานวันที่ 31 กุมภาพันธ์ 2567 ที่", "วันที่ 31 กุมภาพันธ์ 2567")]
    [InlineData("ส่งเอกสารภายใน 31/02/2024 เท่านั้น", "31/02/2024")]
    [InlineData("ข้อมูล ณ 15/13/2023", "15/13/2023")]
    [InlineData("สัญญาหมดอายุ 5 มกราคม 9999", "5 มกราคม 9999")]
    [InlineData("The launch is on February 30, 2024.", "February 30, 2024")]
    [InlineData("ภายใต้แผน พ.ศ. 9999 นี้", "พ.ศ. 9999")]
    public void Find_ImpossibleDate_ReportsErrorWithoutValue(string text, string written)
    {
        var mention = DateAssert.Single(text, written);
        Assert.NotNull(mention.Error);
        Assert.False(mention.HasValue);
        Assert.Equal(string.Empty, mention.Normalized);
    }
}
