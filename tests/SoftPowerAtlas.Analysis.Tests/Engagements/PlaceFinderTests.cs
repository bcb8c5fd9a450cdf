using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

public class PlaceFinderTests
{
    private static readonly PlaceFinder Finder = new();

    [Theory]
    [InlineData("กรมศิลปากรลงนามบันทึกความเข้าใจ ณ ห้องประชุมกรมศิลปากร นายอนันต์ ชูโชติ อธิบดีกรมศิลปากร กล่าวว่า", "ห้องประชุมกรมศิลปากร")]
    [InlineData("จัดงานเทศกาลลอยกระทง ณ เมืองพารามัตตา วันเสาร์ที่ 17 พฤศจิกายน 2561 เวลา 16.00 น.", "เมืองพารามัตตา")]
    [InlineData("พบกันได้ในวันที่ 28-30 มิถุนายน 2567 ณ ศูนย์การประชุมแห่งชาติสิริกิติ์ งานนี้เข้าฟรี!", "ศูนย์การประชุมแห่งชาติสิริกิติ์")]
    [InlineData("ภาพยนตร์ไทยจะฉายในเทศกาล ณ เมืองปูซาน นอกจากนี้ กรมการท่องเที่ยวจะเสนอมาตรการใหม่", "เมืองปูซาน")]
    [InlineData("The MOU was signed at TCDC Bangkok, Grand Postal Building, on 30 January 2024.", "TCDC Bangkok, Grand Postal Building")]
    [InlineData("The films will be shown at the Osaka Asian Film Festival in March.", "Osaka Asian Film Festival")]
    [InlineData("นายสธน เกษมสันต์ ณ อยุธยา เอกอัครราชทูต ณ กรุงเอเธนส์ ได้พบหารือกับผู้อำนวยการพิพิธภัณฑ์", null)]
    [InlineData("The ambassador met the director to discuss cooperation.", null)]
    public void Find_Sentence_PlaceAsWrittenUpToWhereTheSentenceGoesOn(string sentence, string? place)
    {
        var span = new TextSpan(0, sentence.Length);

        Assert.Equal(place, Finder.Find(sentence, span, span, _ => false));
    }

    [Fact]
    public void Find_NaInsideAnOrganisationsName_NotAPlace()
    {
        const string text = "สถานเอกอัครราชทูต ณ กรุงโซล จัดงานเทศกาลอาหารไทย";
        var span = new TextSpan(0, text.Length);

        Assert.Null(Finder.Find(text, span, span, i => i < 27));
    }
}
