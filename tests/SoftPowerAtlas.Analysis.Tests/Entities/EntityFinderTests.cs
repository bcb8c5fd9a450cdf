using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Tests.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

public class EntityFinderTests
{
    [Theory]
    [InlineData("โดยนางสาวอาภรณ์  เพชรรัตน์ ผู้เชี่ยวชาญ", "อาภรณ์ เพชรรัตน์")]
    [InlineData("นายทวีพงษ์ วิชัยดิษฐ ผู้อำนวยการ", "ทวีพงษ์ วิชัยดิษฐ")]
    [InlineData("นาย Kiyochi Uchida หัวหน้าสำนักงาน", "Kiyochi Uchida")]
    [InlineData("met with H.E. Mr. Park Jae-won, Ambassador of the Republic of Korea", "Park Jae-won")]
    [InlineData("Deputy Prime Minister and Interior Minister Gen. Somkiat Thanawat and President Han Min-seok met", "Somkiat Thanawat")]
    [InlineData("Deputy Prime Minister and Interior Minister Gen. Somkiat Thanawat and President Han Min-seok met", "Han Min-seok")]
    [InlineData("Acting Government Spokesperson Pichai Rungsiri met with", "Pichai Rungsiri")]
    [InlineData("ระหว่าง “ม.ร.ว.เฉลิมชาตรี ยุคล” ประธาน และ “คาล คงขำ” กับ “Julien Lacorne” ผู้แทน", "คาล คงขำ")]
    [InlineData("ระหว่าง “ม.ร.ว.เฉลิมชาตรี ยุคล” ประธาน และ “คาล คงขำ” กับ “Julien Lacorne” ผู้แทน", "เฉลิมชาตรี ยุคล")]
    [InlineData("ระหว่าง “ม.ร.ว.เฉลิมชาตรี ยุคล” ประธาน และ “คาล คงขำ” กับ “Julien Lacorne” ผู้แทน", "Julien Lacorne")]
    [InlineData("ดร.ปรีชา วงศ์ไพศาล ผู้ช่วยผู้อำนวยการใหญ่", "ปรีชา วงศ์ไพศาล")]
    [InlineData("met with Mr. Lee In Hyuck, Director-General of the cultural centre in Busan", "Lee In Hyuck")]
    [InlineData("welcomed by Ms. Kim So Yeon, the museum's curator", "Kim So Yeon")]
    [InlineData("โดยมีนายหลี่ เจี้ยน หมิง อุปทูตสถานเอกอัครราชทูตจีน ร่วมพิธี", "หลี่ เจี้ยน หมิง")]
    [InlineData("โดยมีนายโจเอา ดา ซิลวา ซานโตส เอกอัครราชทูตโปรตุเกสประจำประเทศไทย ร่วมพิธี", "โจเอา ดา ซิลวา ซานโตส")]
    [InlineData("นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธาน", "สมชาย ใจดี")]
    public void Find_PersonWithTitleOrQuotes_NamesWithoutTitle(string sentence, string name)
    {
        var facts = Extract.Run(sentence).Facts();

        Assert.Contains(facts.Entities, e => e.Kind == EntityKind.Person && e.Name == name);
    }

    [Theory]
    [InlineData("สินค้าคุณภาพดีจากชุมชน ที่จะทำให้คุณเข้าใจซอฟต์พาวเวอร์มากขึ้น")]
    [InlineData("นายกรัฐมนตรีเดินทางไปญี่ปุ่น")]
    [InlineData("The South Korean Ambassador congratulated the Thai Government.")]
    public void Find_WordsThatLookLikeTitles_NoPerson(string sentence)
    {
        var facts = Extract.Run(sentence).Facts();

        Assert.DoesNotContain(facts.Entities, e => e.Kind == EntityKind.Person);
    }

    [Theory]
    [InlineData("ผู้แทนจากสถานทูตฝรั่งเศสประจำประเทศไทย เข้าร่วม", "สถานทูตฝรั่งเศสประจำประเทศไทย", EntityKind.ForeignOrganization, "FR")]
    [InlineData("ได้รับแจ้งจากสถานเอกอัครราชทูต ณ กรุงโตเกียว ว่า", "สถานเอกอัครราชทูต ณ กรุงโตเกียว", EntityKind.ThaiOrganization, "TH")]
    [InlineData("ร่วมกับสถานเอกอัครราชทูต ณ กรุงวอชิงตัน จัดกิจกรรม", "สถานเอกอัครราชทูต ณ กรุงวอชิงตัน", EntityKind.ThaiOrganization, "TH")]
    [InlineData("ร่วมกับสถานกงสุลใหญ่ ณ นครลอสแอนเจลิส จัดกิจกรรม", "สถานกงสุลใหญ่ ณ นครลอสแอนเจลิส", EntityKind.ThaiOrganization, "TH")]
    [InlineData("เมื่อวานนี้ สถานเอกอัครราชทูตไทย ณ กรุงลิมา ได้จัดงานวันอาหารไทย", "สถานเอกอัครราชทูตไทย ณ กรุงลิมา", EntityKind.ThaiOrganization, "TH")]
    [InlineData("สถานกงสุลใหญ่ ณ นครคุนหมิงร่วมกับสมาคมนักเรียนไทยจัดงานสงกรานต์", "สถานกงสุลใหญ่ ณ นครคุนหมิง", EntityKind.ThaiOrganization, "TH")]
    [InlineData("สถานกงสุลใหญ่ ณ นครเฉิงตูจัดกิจกรรมวันลอยกระทง", "สถานกงสุลใหญ่ ณ นครเฉิงตู", EntityKind.ThaiOrganization, "TH")]
    [InlineData("ผู้แทนสถานเอกอัครราชทูตญี่ปุ่น ณ กรุงเทพฯ เข้าร่วม", "สถานเอกอัครราชทูตญี่ปุ่น", EntityKind.ForeignOrganization, "JP")]
    [InlineData("พร้อมด้วยคณะ Kumamon Group สำนักงานคุมาโมโตะ เข้าพบ", "สำนักงานคุมาโมโตะ", EntityKind.ForeignOrganization, "JP")]
    [InlineData("และสำนักงานวัฒนธรรมจังหวัดสุโขทัยเตรียมจัดงาน", "สำนักงานวัฒนธรรมจังหวัดสุโขทัย", EntityKind.ThaiOrganization, "TH")]
    [InlineData("และ “คณะอนุกรรมการฯ ด้านดนตรี” กับผู้แทน", "คณะอนุกรรมการฯ ด้านดนตรี", EntityKind.ThaiOrganization, null)]
    [InlineData("ผู้แทนจาก Institut Français Paris เพื่อหารือ", "Institut Français", EntityKind.ForeignOrganization, "FR")]
    public void Find_Organisation_KindAndCountry(string sentence, string text, EntityKind kind, string? country)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text.Contains(text, StringComparison.Ordinal));
        Assert.Equal(kind, m.Kind);
        if (country is not null)
        {
            Assert.Equal(country, m.Country);
        }
    }

    [Theory]
    [InlineData("ช่วงเย็น สถานเอกอัครราชทูตไทย ณ กรุงเม็กซิโก ได้จัดงานเทศกาลไทย", "สถานเอกอัครราชทูตไทย ณ กรุงเม็กซิโก", "MX")]
    [InlineData("ช่วงเย็น สถานเอกอัครราชทูต ณ กรุงวอชิงตัน ได้จัดงานเทศกาลไทย", "สถานเอกอัครราชทูต ณ กรุงวอชิงตัน", "US")]
    [InlineData("ช่วงเย็น สถานเอกอัครราชทูตไทยประจำกรุงโซล ได้จัดงานเทศกาลไทย", "สถานเอกอัครราชทูตไทยประจำกรุงโซล", "KR")]
    [InlineData("ช่วงเย็น สถานเอกอัครราชทูต ณ กรุงวินด์ฮุก ได้จัดงานเทศกาลไทย", "สถานเอกอัครราชทูต ณ กรุงวินด์ฮุก", null)]
    public void Find_ThaiMissionNamedByItsCity_HostIsThatCitysCountry(string sentence, string text, string? host)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == text);
        Assert.Equal(EntityKind.ThaiOrganization, m.Kind);
        Assert.Equal(host, m.HostCountry);
        Assert.Equal(sentence.IndexOf(text, StringComparison.Ordinal), m.Span.Start);
    }

    [Theory]
    [InlineData("คณะข้าราชการสถานเอกอัครราชทูตฯ ร่วมกับผู้แทนเมืองพี่เมืองน้อง เข้าร่วมเทศกาลมิตรภาพ ณ กรุงโซล", "สถานเอกอัครราชทูตฯ", EntityKind.ThaiOrganization)]
    [InlineData("สถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทยจัดงานเทศกาลญี่ปุ่น โดยสถานเอกอัครราชทูตฯ เชิญศิลปินมาแสดง", "สถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย", EntityKind.ForeignOrganization)]
    [InlineData("งานนี้จัดร่วมกับสถานเอกอัครราชทูตประเทศสมาชิกอาเซียนในเดนมาร์ก", "สถานเอกอัครราชทูตประเทศสมาชิกอาเซียน", EntityKind.ForeignOrganization)]
    public void Resolve_EmbassyWithoutItsCountry_ThailandsUnlessTheTextNamesAnother(string sentence, string name, EntityKind kind)
    {
        var facts = Extract.Run(sentence).Facts();

        var e = Assert.Single(facts.Entities, e => e.Aliases.Any(a => a.StartsWith("สถานเอกอัครราชทูต", StringComparison.Ordinal)));
        Assert.Equal(name, e.Name);
        Assert.Equal(kind, e.Kind);
    }

    [Fact]
    public void Resolve_MissionsOfAGroupBesideTheThaiEmbassy_TwoBodies()
    {
        const string sentence = "สถานเอกอัครราชทูต ณ กรุงลิสบอน ร่วมออกร้านในงานเทศกาล ในโซนเดียวกับสถานเอกอัครราชทูตประเทศอาเซียน";

        var embassies = Extract.Run(sentence).Facts().Entities.Where(e => e.Aliases.Any(a => a.StartsWith("สถานเอกอัครราชทูต", StringComparison.Ordinal))).ToList();

        Assert.Equal(2, embassies.Count);
        Assert.Contains(embassies, e => e.Name == "สถานเอกอัครราชทูต ณ กรุงลิสบอน" && e.Kind == EntityKind.ThaiOrganization);
    }

    [Theory]
    [InlineData("เพื่อสนับสนุนการดำเนินงานของหอศิลป์และแหล่งเรียนรู้ด้านศิลปะในภูมิภาค", "หอศิลป์")]
    [InlineData("โครงการนี้ช่วยสถาบันและองค์กรชุมชนทั่วประเทศ", "สถาบัน")]
    public void Find_HeadWordJoinedByAndBeforeAnyName_NoOrganisation(string sentence, string head)
    {
        var facts = Extract.Run(sentence).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.IsOrganization && m.Text.StartsWith(head, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The law is coming, said the deputy chairman of the national committee, Paetongtarn Shinawatra.\n\nMs Paetongtarn said the agency will follow.", "Paetongtarn Shinawatra")]
    [InlineData("On 30 June Surapong Suebwonglee spoke at the closing ceremony.\n\nSurapong said soft power would reduce inequality.", "Surapong Suebwonglee")]
    [InlineData("The festival was organised by Virachai Plasai and the Thai community.\n\nThe programme included a song by Ambassador Plasai himself.", "Virachai Plasai")]
    public void Find_FullNameTheTextAlsoCallsByOneWord_Person(string text, string name)
    {
        var facts = Extract.Run(text).Facts();

        var e = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal(name, e.Name);
        Assert.Contains(e.Mentions, m => m.Span.Start == text.IndexOf(name, StringComparison.Ordinal) && m.Span.Length == name.Length);
    }

    [Fact]
    public void Find_TwoCapitalisedWordsNoOneIsCalledBy_NoPerson()
    {
        var facts = Extract.Run("The Grand Festival drew crowds.\n\nMr Somchai said the Grand Festival would return next year.").Facts();

        Assert.DoesNotContain(facts.Entities, e => e.Kind == EntityKind.Person && e.Name.Contains("Grand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ซึ่งมูลนิธิการแสดงพื้นบ้านนานาชาติ ร่วมจัดงาน", "มูลนิธิการแสดงพื้นบ้านนานาชาติ")]
    [InlineData("ในงานที่จัดร่วมกับสมาคมวัฒนธรรมไทยแห่งรัฐโอไฮโอเมื่อวันที่ 7 เมษายน", "สมาคมวัฒนธรรมไทยแห่งรัฐโอไฮโอ")]
    [InlineData("โดยมีปลัดกระทรวงวัฒนธรรมและผู้บริหารระดับสูงเข้าร่วมงาน", "กระทรวงวัฒนธรรม")]
    [InlineData("โดยสมาคมนักเขียนแห่งประเทศไทยและรัฐมนตรีของลาวได้หารือกัน", "สมาคมนักเขียนแห่งประเทศไทย")]
    [InlineData("ลงนามความร่วมมือร่วมกับ สภาศิลปะและวัฒนธรรม เพื่อสนับสนุนงานวิจัย", "สภาศิลปะและวัฒนธรรม")]
    [InlineData("ร่วมกับมหาวิทยาลัยราชภัฏแห่งประเทศไทยทั้ง 38 แห่ง", "มหาวิทยาลัยราชภัฏแห่งประเทศไทย")]
    public void Find_ThaiOrganisationName_EndsWhereTheNameEnds(string sentence, string name)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization);
        Assert.Equal(name, m.Text);
        Assert.Equal(sentence.IndexOf(name, StringComparison.Ordinal), m.Span.Start);
    }

    [Theory]
    // A known body the segmenter reads as one word, going on into another country's body or a longer name.
    [InlineData("ผู้แทนกระทรวงการต่างประเทศแคนาดาเข้าร่วมงาน", "กระทรวงการต่างประเทศแคนาดา", "CA")]
    [InlineData("ลงนามกับกรมการท่องเที่ยวแห่งราชอาณาจักรภูฏาน เพื่อส่งเสริมการเดินทาง", "กรมการท่องเที่ยวแห่งราชอาณาจักรภูฏาน", "BT")]
    [InlineData("โดยมีผู้บริหารกรมการท่องเที่ยวและวัฒนธรรมมณฑลยูนนาน เข้าร่วมกิจกรรม", "กรมการท่องเที่ยวและวัฒนธรรมมณฑลยูนนาน", "CN")]
    // A verb or a word for people written without a space ends it where the known name ends.
    [InlineData("เมื่อวันที่ 3 มีนาคม กระทรวงวัฒนธรรมกำหนดจัดงานเทศกาล", "กระทรวงวัฒนธรรม", "TH")]
    [InlineData("ขอบคุณรัฐบาลไทยและคนไทยที่ให้การต้อนรับ", "รัฐบาลไทย", "TH")]
    public void Find_KnownBodyReadAsOneWord_EndsWhereItsNameEnds(string sentence, string name, string country)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.IsOrganization);
        Assert.Equal(name, m.Text);
        Assert.Equal(country, m.Country ?? "TH");
    }

    [Theory]
    [InlineData("The minister received the envoy, Steppe News Agency quotes the foreign ministry.")]
    [InlineData("The festival drew large crowds, according to Mekong Press Agency.")]
    public void Find_NewsOutletCreditedAsTheSource_NoOrganisation(string sentence)
    {
        var facts = Extract.Run(sentence).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.IsOrganization && m.Text.Contains("Agency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ไทยและลาวร่วมมือกันด้านพิพิธภัณฑ์วิทยาและการค้นคว้าทางโบราณคดี")]
    [InlineData("ความร่วมมือด้านหอจดหมายเหตุและการอนุรักษ์เอกสาร")]
    public void Find_HeadWordNamingAFieldAfterDan_NoOrganisation(string sentence)
    {
        var facts = Extract.Run(sentence).Facts();

        Assert.DoesNotContain(facts.Mentions, m => m.IsOrganization);
    }

    [Fact]
    public void Find_PagePastedAsOneLineOpeningWithACredit_CreditEndsAndTheNamesAfterItCount()
    {
        var filler = string.Concat(Enumerable.Repeat("งานนี้มีผู้เข้าชมจำนวนมากและได้รับความสนใจจากสื่อมวลชนหลายสำนักทั้งในและต่างประเทศ ", 4));
        var text = "ภาพ: ฝ่ายประชาสัมพันธ์ " + filler + "เมื่อวันที่ 5 มีนาคม 2568 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธานเปิดงานเทศกาลอาหารไทย";

        var facts = Extract.Run(text).Facts();

        var person = Assert.Single(facts.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("สมชาย ใจดี", person.Name);
        Assert.Contains(person.Mentions, m => text.Substring(m.Span.Start, m.Span.Length).EndsWith("สมชาย ใจดี", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_ABodysNameShorterThanAnOfficeHeadWord_NoException()
    {
        // "สมาคมที" (cut at the hyphen of ที-ป็อป) is shorter than "สำนักงาน": the branch-office check once read past its end.
        const string sentence = "เมื่อวันที่ 5 มีนาคม 2568 ผู้แทนสมาคมที-ป็อปแห่งญี่ปุ่นเข้าร่วมงาน";

        var facts = Extract.Run(sentence).Facts();

        Assert.All(facts.Mentions, m => Assert.True(m.Span.End <= sentence.Length));
        Assert.Single(facts.Engagements);
    }

    [Theory]
    [InlineData("อพท. ผนึก สศส. ลงนาม", "อพท.", "agency:")]
    [InlineData("โดยองค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ (UNESCO)", "องค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ", "body:")]
    [InlineData("ไทยยื่นเอกสารต่อองค์การศึกษา วิทยาศาสตร์และวัฒนธรรมแห่งสหประชาชาติ เมื่อปีที่แล้ว", "องค์การศึกษา วิทยาศาสตร์และวัฒนธรรมแห่งสหประชาชาติ", "body:")]
    [InlineData("ผู้แทนองค์การเพื่อการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ ร่วมพิธี", "องค์การเพื่อการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ", "body:")]
    public void Find_ReferenceName_MatchedWhole(string sentence, string text, string keyPrefix)
    {
        var facts = Extract.Run(sentence).Facts();

        var m = Assert.Single(facts.Mentions, m => m.Text == text);
        Assert.StartsWith(keyPrefix, m.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_MentionSpans_PointIntoTheOriginalText()
    {
        // Double spaces and a zero-width space are normalised away; offsets still point into the original.
        const string original = "วันที่ 5 กุมภาพันธ์ 2567 นางสาวจันทิมา  โจนส์ ผู้อำนวยการ\u200b กรมการพัฒนาชุมชน หารือกับ Kumamon Group";
        var doc = Extract.Run(original);

        foreach (var m in doc.Facts().Mentions)
        {
            var o = doc.Text.ToOriginal(m.Span);
            var written = original[o.Start..o.End].Replace("  ", " ", StringComparison.Ordinal).Replace("\u200b", string.Empty, StringComparison.Ordinal);
            Assert.Equal(m.Text, written);
        }
    }
}
