using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("", Language.Other)]
    [InlineData("27/09/2566", Language.Other)]
    [InlineData("---", Language.Other)]
    [InlineData("วันพุธที่ 11 มกราคม 2566", Language.Thai)]
    [InlineData("อธิบดีฯ สมพร  ปลุกพลัง Content Creator รุ่นใหม่ รับกระแส “Soft Power \" ชูเครื่องมือออนไลน์สู่การเล่าเรื่องวัฒนธรรมไทย", Language.Thai)]
    [InlineData("Thailand and Laos to deepen film and music cooperation", Language.English)]
    [InlineData("Institut Français Paris, Cinémas, Médias", Language.English)]
    [InlineData("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-Thailand and Laos to deepen film and music cooperation", Language.Mixed)]
    [InlineData("คณะ Kumamon Group สำนักงาน", Language.Mixed)]
    [InlineData("คณะ Kumamon Group", Language.English)]
    [InlineData("熊本県のくまモン", Language.Other)]
    [InlineData("๑๒๓ ฿", Language.Other)]
    public void Detect_RealLines_ExpectedLanguage(string text, Language expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("กกกกกกกaaa", Language.Thai)]
    [InlineData("กกกกกกaaaa", Language.Mixed)]
    [InlineData("กกกaaaaaaa", Language.English)]
    [InlineData("กaaaaaaaaa", Language.English)]
    [InlineData("กกa漢漢漢漢漢漢漢", Language.Other)]
    public void Detect_Thresholds_SeventyPercentDominates(string text, Language expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
