using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

public class PlaceFinderTests
{
    private static readonly PlaceFinder Finder = new();

    [Theory]
    [InlineData("กรมศิลปากรลงนามบันทึกความเข้าใจ ณ ห้องประชุมกรมศิลปากร นายอนันต์ ชูโชติ อธิบดีกรมศิลปากร กล่าวว่า", "ห้องประชุมกรมศิลปากร")]
    [InlineData("จัดงานเทศกาลสงกรานต์ ณ เมืองเมลเบิร์น วันเสาร์ที่ 13 เมษายน 2562 เวลา 15.00 น.", "เมืองเมลเบิร์น")]
    [InlineData("งานซึ่งเดิมกำหนดจัดในวันที่ 5 มีนาคม 2568 ณ ลานวัฒนธรรมเมืองน่าน ออกไปเป็นวันที่ 12 เมษายน 2568 เนื่องจากฝนตก", "ลานวัฒนธรรมเมืองน่าน")]
    [InlineData("The minister opened the Lanna Craft Forum at the Riverside Convention Hall, 12-14 July, with six partners.", "Riverside Convention Hall")]
    [InlineData("Envoys joined a Thai cooking class on 23 May at the Riverside Palace Hotel organised by the Foreign Office.", "Riverside Palace Hotel")]
    [InlineData("ขอเชิญร่วมงานในวันที่ 28-30 มิถุนายน 2567 ณ ศูนย์การประชุมแห่งชาติสิริกิติ์ งานนี้ไม่เสียค่าเข้าชม", "ศูนย์การประชุมแห่งชาติสิริกิติ์")]
    [InlineData("ภาพยนตร์ไทยจะฉายในเทศกาล ณ เมืองปูซาน นอกจากนี้ กรมการท่องเที่ยวจะเสนอมาตรการใหม่", "เมืองปูซาน")]
    [InlineData("The MOU was signed at TCDC Bangkok, Grand Postal Building, on 30 January 2024.", "TCDC Bangkok, Grand Postal Building")]
    [InlineData("The films will be shown at the Osaka Asian Film Festival in March.", "Osaka Asian Film Festival")]
    [InlineData("นายปรีดา ศรีสุข ณ อยุธยา เอกอัครราชทูต ณ กรุงโรม ได้พบหารือกับผู้อำนวยการหอศิลป์", null)]
    [InlineData("สถานทูตจัดงานเทศกาลไทย ณ ลานกิจกรรม ศูนย์ศิลปะแห่งชาติ ในวาระครบรอบ 50 ปีความสัมพันธ์ทางการทูต", "ลานกิจกรรม ศูนย์ศิลปะแห่งชาติ")]
    [InlineData("คณะผู้แทนเข้าพบอธิบดี ณ กระทรวงการต่างประเทศ ในโอกาสเดินทางเยือนประเทศไทยเป็นครั้งแรก", "กระทรวงการต่างประเทศ")]
    [InlineData("ที่ประชุมคณะกรรมการสมัยที่ 20 ณ กรุงนิวเดลี ประกาศขึ้นทะเบียนหนังตะลุงเป็นมรดกวัฒนธรรม", "กรุงนิวเดลี")]
    [InlineData("ทั้งสองฝ่ายพบกัน ณ ทำเนียบรัฐบาล ลงนามบันทึกความเข้าใจสองฉบับ", "ทำเนียบรัฐบาล")]
    [InlineData("ทั้งสองฝ่ายพบกัน ณ   ทำเนียบรัฐบาล ลงนามบันทึกความเข้าใจสองฉบับ", "ทำเนียบรัฐบาล")]
    [InlineData("ผู้อำนวยการเข้าพบผู้ว่าราชการจังหวัด ณ ศาลากลางจังหวัดน่านเพื่อหารือเรื่องเทศกาลประจำปี", "ศาลากลางจังหวัดน่าน")]
    [InlineData("ทั้งสองฝ่ายลงนาม ณ ห้องประชุมชั้น 3 อาคารสำนักงานซึ่งเพิ่งเปิดใช้งาน", "ห้องประชุมชั้น 3 อาคารสำนักงาน")]
    [InlineData("The ambassador met the director to discuss cooperation.", null)]
    // Where a person works is no venue.
    [InlineData("Kanda Srisuk, permanent secretary at the Ministry of Culture, opened the fair at Lyon Expo Hall on Monday.", "Lyon Expo Hall")]
    [InlineData("Kanda Srisuk, director at the Siam Film Office, attended the screening.", null)]
    public void Find_Sentence_PlaceAsWrittenUpToWhereTheSentenceGoesOn(string sentence, string? place)
    {
        var span = new TextSpan(0, sentence.Length);

        var found = Finder.Find(sentence, span, span, _ => false);

        Assert.Equal(place, found?.Text);
        if (found is { } f)
        {
            Assert.Equal(place, sentence[f.Span.Start..f.Span.End]);
        }
    }

    [Fact]
    public void Find_PlaceInTheParagraphAfterTheSentence_SpanIsWhereItIsWrittenInTheText()
    {
        const string text = "Thai film week\n\nThe embassy opened the week on Monday. The screenings were held at Lima Film Hall, with talks.\n";
        var sentence = new TextSpan(16, 54);
        var paragraph = new TextSpan(16, text.Length - 1);

        var found = Finder.Find(text, sentence, paragraph, _ => false)!.Value;

        Assert.Equal("Lima Film Hall", found.Text);
        Assert.Equal("Lima Film Hall", text[found.Span.Start..found.Span.End]);
    }

    [Fact]
    public void Find_NaInsideAnOrganisationsName_NotAPlace()
    {
        const string text = "สถานเอกอัครราชทูต ณ กรุงโซล จัดงานเทศกาลอาหารไทย";
        var span = new TextSpan(0, text.Length);

        Assert.Null(Finder.Find(text, span, span, i => i < 27));
    }
}
