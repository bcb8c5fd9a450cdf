using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateRolesTests
{
    [Theory]
    [InlineData("ติดต่อได้ที่ ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550 อาคาร B ชั้น 4", "5 ธันวาคม 2550", DateRole.Name)]
    [InlineData("อาคารเฉลิมพระเกียรติ 12 สิงหาคม 2535 ชั้น 3", "12 สิงหาคม 2535", DateRole.Name)]
    [InlineData("ผู้สนใจส่งผลงานได้ภายในวันที่ 30 กันยายน 2567", "ภายในวันที่ 30 กันยายน 2567", DateRole.Deadline)]
    [InlineData("ต้องส่งรายงานก่อน 1 มกราคม 2568 ทุกหน่วยงาน", "1 มกราคม 2568", DateRole.Deadline)]
    [InlineData("รับสมัครไม่เกิน 31 มีนาคม 2567", "31 มีนาคม 2567", DateRole.Deadline)]
    [InlineData("Proposals must be submitted by March 31, 2024.", "March 31, 2024", DateRole.Deadline)]
    [InlineData("Applications are due 5 June 2024.", "5 June 2024", DateRole.Deadline)]
    [InlineData("คาดว่าจะยื่นเสนอต่อยูเนสโก้ในปีงบประมาณ 2564 และ", "ปีงบประมาณ 2564", DateRole.Deadline)]
    [InlineData("ตั้งเป้าหมายยื่นเสนอภายในปี 2566", "ภายในปี 2566", DateRole.Deadline)]
    [InlineData("ตามแนวทางของแผนปฏิบัติการ ระยะที่ 1 (พ.ศ. 2563 - 2565) เพื่อให้", "พ.ศ. 2563 - 2565", DateRole.Period)]
    [InlineData("เมื่อ 5 มกราคม 2567 ได้จัดงานเปิดตัว", "5 มกราคม 2567", DateRole.Event)]
    [InlineData("ในปีงบประมาณ 2564 กรมได้รับงบประมาณ", "ปีงบประมาณ 2564", DateRole.Event)]
    [InlineData("ไปแล้วเมื่อเดือนตุลาคม 2562 และขณะนี้", "เดือนตุลาคม 2562", DateRole.Event)]
    public void Find_WordsBeforeDate_SetRole(string text, string written, DateRole role)
    {
        Assert.Equal(role, DateAssert.Single(text, written).Role);
    }
}
