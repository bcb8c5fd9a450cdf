using SoftPowerAtlas.Analysis.Dates;

namespace SoftPowerAtlas.Analysis.Tests.Dates;

public class DateReaderThaiTests
{
    [Theory]
    [InlineData("ขอเชิญร่วมงานในวันที่ 28-30 มิถุยายน 2567 ณ ศูนย์แสดงสินค้าเมืองทองธานี", "วันที่ 28-30 มิถุยายน 2567", "2024-06-28/2024-06-30")]
    [InlineData("5 กุมภาพันธ์ 2567  นาย Kiyochi Uchida หัวหน้าสำนักงาน", "5 กุมภาพันธ์ 2567", "2024-02-05")]
    [InlineData("เมื่อ 5 กุมภาพันธ 2567 นายกฯ ได้เดินทาง", "5 กุมภาพันธ 2567", "2024-02-05")]
    [InlineData("เปิดงานเมื่อ 3 กรกฏาคม 2566 ที่ผ่านมา", "3 กรกฏาคม 2566", "2023-07-03")]
    [InlineData("ประชุมครั้งแรกเมื่อ 12 พฤศจิกายน พ.ศ. 2565 ณ ทำเนียบ", "12 พฤศจิกายน พ.ศ. 2565", "2022-11-12")]
    [InlineData("ลงนามเมื่อ 1 มกราคม ค.ศ. 2024 ที่กรุงปารีส", "1 มกราคม ค.ศ. 2024", "2024-01-01")]
    [InlineData("วันพุธที่ 11 มกราคม 2566", "วันพุธที่ 11 มกราคม 2566", "2023-01-11")]
    [InlineData("เมื่อวันที่ 9 ส.ค. 2566 ที่ผ่านมา", "วันที่ 9 ส.ค. 2566", "2023-08-09")]
    [InlineData("เมื่อวานนี้ (29 พ.ค. 67) มีการพบปะพูดคุย", "29 พ.ค. 67", "2024-05-29")]
    [InlineData("ข่าววันที่ 3 มี.ค.66 เวลาเช้า", "วันที่ 3 มี.ค.66", "2023-03-03")]
    [InlineData("กำหนดการ 15 ต.ค 2566 ณ จังหวัดน่าน", "15 ต.ค 2566", "2023-10-15")]
    [InlineData("กำหนดการ 15 ต. ค. 2566 ณ จังหวัดน่าน", "15 ต. ค. 2566", "2023-10-15")]
    [InlineData("กำหนดการ 15 ตค 2566 ณ จังหวัดน่าน", "15 ตค 2566", "2023-10-15")]
    [InlineData("งานวันแห่งความรักวันที่ 14 กุมภา 2567 ที่สยาม", "วันที่ 14 กุมภา 2567", "2024-02-14")]
    [InlineData("วันศุกร์ที่ ๒๕ ตุลาคม ๒๕๖๗ ณ กรุงเทพฯ", "วันศุกร์ที่ ๒๕ ตุลาคม ๒๕๖๗", "2024-10-25")]
    [InlineData("วันที่ 5 ธันวาคม 2566 เวลา 10.30 น. ณ ห้องประชุม", "วันที่ 5 ธันวาคม 2566 เวลา 10.30 น.", "2023-12-05T10:30")]
    [InlineData("วันจันทร์ที่ 4 มีนาคม 2567 ตั้งแต่เวลา 09.00 น. เป็นต้นไป", "วันจันทร์ที่ 4 มีนาคม 2567 ตั้งแต่เวลา 09.00 น.", "2024-03-04T09:00")]
    [InlineData("มีผลตั้งแต่ 1 ตุลาคม 2023 เป็นต้นไป", "1 ตุลาคม 2023", "2023-10-01")]
    public void Find_ThaiDayMonthYear_ReadsSpanAndValue(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.Equal(normalized, mention.Normalized);
        Assert.Null(mention.Error);
        Assert.False(mention.IsRelative);
    }

    [Theory]
    [InlineData("ได้รับคัดเลือกไปแล้วเมื่อเดือนตุลาคม 2562 และขณะนี้", "เดือนตุลาคม 2562", "2019-10")]
    [InlineData("ยอดขายช่วง ตุลาคม 2562 เพิ่มขึ้น", "ตุลาคม 2562", "2019-10")]
    [InlineData("ตัวเลขเดือน พ.ค. 67 สูงขึ้น", "เดือน พ.ค. 67", "2024-05")]
    [InlineData("แผนงานช่วง มกราคม - มีนาคม 2567 ประกอบด้วย", "มกราคม - มีนาคม 2567", "2024-01/2024-03")]
    [InlineData("ตั้งเป้าหมายยื่นเสนอภายในปี 2566", "ภายในปี 2566", "2023")]
    [InlineData("ตามแผนปฏิบัติการ ระยะที่ 1 (พ.ศ. 2563 - 2565) เพื่อให้เกิด", "พ.ศ. 2563 - 2565", "2020/2022")]
    [InlineData("ในปี พ.ศ. 2566 มีนักท่องเที่ยว", "ปี พ.ศ. 2566", "2023")]
    [InlineData("ยอดส่งออกปี ๒๕๖๗ เติบโต", "ปี ๒๕๖๗", "2024")]
    [InlineData("ตั้งแต่ ค.ศ. 2020 เป็นต้นมา", "ค.ศ. 2020", "2020")]
    public void Find_ThaiMonthOrYear_ReadsSpanAndValue(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.Equal(normalized, mention.Normalized);
    }

    [Theory]
    [InlineData("คาดว่าจะยื่นเสนอต่อยูเนสโก้ในปีงบประมาณ 2564 และ", "ปีงบประมาณ 2564", "FY2021")]
    [InlineData("งบประมาณปีงบฯ 67 จำนวน 500 ล้านบาท", "ปีงบฯ 67", "FY2024")]
    [InlineData("ตามพระราชบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 กำหนด", "ปีงบประมาณ พ.ศ. 2568", "FY2025")]
    [InlineData("โครงการต่อเนื่องปีงบประมาณ 2566-2567 ของกรม", "ปีงบประมาณ 2566-2567", "FY2023/FY2024")]
    [InlineData("The agency's budget for fiscal year 2024 rose", "fiscal year 2024", "FY2024")]
    [InlineData("Results for FY2023 were strong", "FY2023", "FY2023")]
    public void Find_FiscalYear_ReadsFiscalYear(string text, string written, string normalized)
    {
        var mention = DateAssert.Single(text, written);
        Assert.True(mention.IsFiscalYear);
        Assert.Equal(normalized, mention.Normalized);
    }

    [Fact]
    public void Find_FiscalYear_StartsInOctoberOfPreviousYear()
    {
        var mention = DateAssert.Single("ปีงบประมาณ 2564", "ปีงบประมาณ 2564");
        Assert.Equal(new DateOnly(2020, 10, 1), mention.Value.StartDate);
        Assert.Equal(new DateOnly(2021, 9, 30), mention.End!.Value.EndDate);
    }

    [Theory]
    [InlineData("ณ 27/09/2566 มีผู้ลงทะเบียน", "27/09/2566", "2023-09-27")]
    [InlineData("ข้อมูล ณ 27-09-2023 ระบุว่า", "27-09-2023", "2023-09-27")]
    [InlineData("date: 2024-05-29\ndraft: true", "2024-05-29", "2024-05-29")]
    [InlineData("ฉบับลงวันที่ 1/10/66 แจ้งว่า", "วันที่ 1/10/66", "2023-10-01")]
    [InlineData("published 2024-05-29T09:00:00+07:00 by", "2024-05-29T09:00:00+07:00", "2024-05-29T09:00")]
    [InlineData("published 2024-05-29T02:00:00Z by", "2024-05-29T02:00:00Z", "2024-05-29T09:00")]
    [InlineData("ปรับปรุงล่าสุด 2567-05-29 โดย", "2567-05-29", "2024-05-29")]
    [InlineData("อัปเดต ๒๗/๐๙/๒๕๖๖", "๒๗/๐๙/๒๕๖๖", "2023-09-27")]
    public void Find_NumericDate_ReadsBuddhistOrGregorianByYear(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Theory]
    [InlineData("จัดขึ้นระหว่าง 28 มิ.ย. - 2 ก.ค. 67 ที่เมืองทองธานี", "28 มิ.ย. - 2 ก.ค. 67", "2024-06-28/2024-07-02")]
    [InlineData("ระหว่างวันที่ 5 ถึง 7 มีนาคม 2567 ณ เชียงใหม่", "วันที่ 5 ถึง 7 มีนาคม 2567", "2024-03-05/2024-03-07")]
    [InlineData("ระหว่างวันที่ 30 ธันวาคม 2566 ถึงวันที่ 2 มกราคม 2567 รวม 4 วัน", "วันที่ 30 ธันวาคม 2566 ถึงวันที่ 2 มกราคม 2567", "2023-12-30/2024-01-02")]
    [InlineData("เทศกาล 28 ธ.ค. - 3 ม.ค. 67 คึกคัก", "28 ธ.ค. - 3 ม.ค. 67", "2023-12-28/2024-01-03")]
    [InlineData("วันที่ 1–3 พฤศจิกายน 2566", "วันที่ 1–3 พฤศจิกายน 2566", "2023-11-01/2023-11-03")]
    public void Find_Range_ReadsBothEnds(string text, string written, string normalized)
    {
        Assert.Equal(normalized, DateAssert.Single(text, written).Normalized);
    }

    [Fact]
    public void Find_ListSharingOneYear_EachItemIsItsOwnMentionWithThatYear()
    {
        const string text = "ทั้งนี้ การอบรมฯ มีทั้งหมด 3 รุ่น ได้แก่ รุ่นที่ 1 วันที่ 26 กันยายน รุ่นที่ 2 วันที่ 26 ตุลาคม  และรุ่นที่ 3 วันที่ 7 ธันวาคม 2566 โดยในการอบรม";
        var mentions = DateReader.Default.Find(text);
        Assert.Equal(
            ["วันที่ 26 กันยายน=2023-09-26", "วันที่ 26 ตุลาคม=2023-10-26", "วันที่ 7 ธันวาคม 2566=2023-12-07"],
            mentions.Select(m => m.Text + "=" + m.Normalized));
    }

    [Fact]
    public void Find_ListCrossingNewYear_EarlierMonthTakesPreviousYear()
    {
        var mentions = DateReader.Default.Find("จัดกิจกรรม 2 รอบ คือ 20 ธันวาคม และ 10 มกราคม 2567");
        Assert.Equal(["2023-12-20", "2024-01-10"], mentions.Select(m => m.Normalized));
    }

    [Fact]
    public void Find_DayMonthWithoutYearNearby_TakesNearestYearFromAnchor()
    {
        var late = DateAssert.Single("งานจะจัดในวันที่ 5 มกราคม ที่ลานกว้าง", "วันที่ 5 มกราคม", new DateOnly(2023, 12, 20));
        Assert.Equal("2024-01-05", late.Normalized);
        Assert.Equal(new DateOnly(2023, 12, 20), late.ResolvedAgainst);
        var early = DateAssert.Single("เมื่อวันที่ 28 ธันวาคม ที่ผ่านมา", "วันที่ 28 ธันวาคม", new DateOnly(2024, 1, 3));
        Assert.Equal("2023-12-28", early.Normalized);
    }

    [Fact]
    public void Find_DayMonthWithoutYearOrAnchor_IsWrittenWithoutYearNotGuessed()
    {
        var mention = DateAssert.Single("งานจะจัดในวันที่ 5 มกราคม ที่ลานกว้าง", "วันที่ 5 มกราคม");
        Assert.Null(mention.Error);
        Assert.False(mention.Value.HasYear);
        Assert.Equal("--01-05", mention.Normalized);
    }
}
