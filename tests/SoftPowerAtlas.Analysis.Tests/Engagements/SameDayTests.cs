using SoftPowerAtlas.Analysis.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

/// <summary>One dated paragraph that tells several engagements of the day gives one engagement each (GUIDELINES: one per distinct engagement).</summary>
public class SameDayTests
{
    [Fact]
    public void Extract_VisitThenTwoMeetingsWithOthers_ThreeEngagementsOnTheDay()
    {
        const string text = "Secretary visits Thailand to foster exchanges in culture\n\n"
            + "The Secretary for Culture of Hong Kong, Mr Kevin Lam, began his visit to Thailand this afternoon (October 20, 2023). "
            + "He met with the Minister of Culture of Thailand, Mr Somchai Rakthai, in Bangkok to explore collaboration. "
            + "Mr Lam also met with the Governor of the Tourism Authority of Thailand, Ms Suda Jaidee, to share experiences in promoting tourism.\n";

        var engagements = Extract.Run(text).Facts().Engagements;

        Assert.Equal([EngagementType.Visit, EngagementType.Meeting, EngagementType.Meeting], engagements.Select(e => e.Type));
        Assert.All(engagements, e => Assert.Equal("2023-10-20", e.Date!.Value.WithoutTime().ToString()));
        Assert.Equal(["Kevin Lam"], engagements[0].People.Select(p => p.Name));
        Assert.Equal(["Kevin Lam", "Somchai Rakthai"], engagements[1].People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Kevin Lam", "Suda Jaidee"], engagements[2].People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(engagements[2].ThaiSide, o => o.Name == "การท่องเที่ยวแห่งประเทศไทย");
        Assert.DoesNotContain(engagements[1].ThaiSide, o => o.Name == "การท่องเที่ยวแห่งประเทศไทย");
    }

    [Theory]
    // The same meeting told twice, with no one new: one engagement.
    [InlineData("On 5 March 2024, the Ambassador, Mr Anan Sook, met with the Mayor of Busan, Mr Park Jin, at City Hall. The two met to discuss a Thai food festival in the city.")]
    // A second sentence that names a new person but only says more about the same meeting, of the same type, unmarked.
    [InlineData("On 5 March 2024, the Ambassador, Mr Anan Sook, met with the Mayor of Busan, Mr Park Jin, at City Hall. The meeting was attended by Ms Lee Min, director of the city's culture bureau.")]
    public void Extract_OneMeetingToldInSeveralSentences_OneEngagement(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(EngagementType.Meeting, e.Type);
    }

    [Theory]
    // "ตั้งแต่" opening a range is "from", not "since".
    [InlineData("สถานทูตจัดเทศกาลภาพยนตร์ไทย ตั้งแต่วันที่ 21 ตุลาคม ถึง 12 พฤศจิกายน 2566 ณ กรุงโซล พร้อมนิทรรศการศิลปะไทย", "2023-10-21")]
    // The day of an anniversary is the day it is celebrated.
    [InlineData("Both embassies will hold a reception and a concert to commemorate the 50th anniversary of diplomatic relations on July 1, 2025.", "2025-07-01")]
    public void Extract_DateOpenedByFromOrAnAnniversary_IsAnEngagementsDate(string text, string date)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal(date, e.Date!.Value.WithoutTime().ToString());
    }

    [Theory]
    [InlineData("The centre, founded on 3 May 2010, hosted a Thai food festival for families this weekend.")]
    [InlineData("ศูนย์วัฒนธรรมไทยเปิดให้บริการมาตั้งแต่ 3 พฤษภาคม 2553 และจัดเทศกาลอาหารไทยทุกปี")]
    public void Extract_DateToldAsHistory_NotAnEngagementsDate(string text)
    {
        Assert.DoesNotContain(Extract.Run(text).Facts().Engagements, e => e.Date is not null && e.Date.Value.WithoutTime().ToString() == "2010-05-03");
    }

    [Fact]
    public void Extract_PeriodAndTheOpeningDayInAnotherParagraph_TwoEngagementsOnTheDay()
    {
        const string text = "สัปดาห์ภาพยนตร์เกาหลีในกรุงเทพฯ\n\n"
            + "สถานเอกอัครราชทูตสาธารณรัฐเกาหลีจัดเทศกาลภาพยนตร์เกาหลี ตั้งแต่วันที่ 3 ถึง 9 มีนาคม 2567 ณ โรงภาพยนตร์ในกรุงเทพฯ\n\n"
            + "พิธีเปิดงานจัดขึ้นเมื่อวันที่ 3 มีนาคม 2567 โดยมีคอนเสิร์ตของวงออร์เคสตราเยาวชน\n";

        var engagements = Extract.Run(text).Facts().Engagements;

        Assert.Equal(2, engagements.Count);
        Assert.All(engagements, e => Assert.Equal("2024-03-03", e.Date!.Value.WithoutTime().ToString()));
        Assert.Equal(["2024-03-03/2024-03-09", "2024-03-03"], engagements.Select(e => e.Date!.Normalized));
    }

    [Theory]
    // The day's paragraph tells a signing; the period's tells a showcase, or no kind at all.
    [InlineData("Thai and Korean tourism boards sign MOU\n\nThe MOU was signed on 10 May 2025 in Busan by the two tourism boards.\n\n"
        + "During the Busan Travel Fair Week on 10-12 May 2025 at Haeundae Beach, the office showcased Thai crafts.\n", "forum_or_exhibition")]
    [InlineData("Thai and Korean tourism boards sign MOU\n\nThe MOU was signed on 10 May 2025 in Busan by the two tourism boards.\n\n"
        + "The regional cooking contest on 10-12 May 2025 drew young chefs from six cities.\n", "other")]
    public void Extract_SigningOnTheFirstDayOfAnotherEngagement_ThePeriodOfItsOwnKind(string text, string periodType)
    {
        var engagements = Extract.Run(text).Facts().Engagements;

        Assert.Equal(["2025-05-10", "2025-05-10/2025-05-12"], engagements.Select(e => e.Date!.Normalized));
        Assert.Equal(["mou_signing", periodType], engagements.Select(e => e.Type.ToContract()));
    }

    [Theory]
    [InlineData("เมื่อวันที่ 2 มีนาคม 2568 นางสาวพิมพ์ชนก ศรีสุข ผู้อำนวยการกองการต่างประเทศ ได้หารือกับผู้แทนสถานเอกอัครราชทูตญี่ปุ่น "
        + "เพื่อเตรียมการประชุมคณะทำงานด้านวัฒนธรรม ไทย – ญี่ปุ่น ซึ่งจะมีกำหนดจัดขึ้นในวันที่ 20 – 21 มีนาคม 2568 ณ กรุงเทพมหานคร\n")]
    [InlineData("On 2 March 2025 Director Pimchanok Srisuk met officials of the Japanese Embassy to prepare the culture working group meeting, which will be held on 20-21 March 2025 in Bangkok.\n")]
    public void Extract_MeetingThatPreparesAPlannedOne_PeopleOnlyInTheMeetingHeld(string text)
    {
        var engagements = Extract.Run(text).Facts().Engagements;

        Assert.Equal(["2025-03-02", "2025-03-20/2025-03-21"], engagements.Select(e => e.Date!.Normalized));
        Assert.Contains(engagements[0].People, p => p.Name.Contains("Srisuk", StringComparison.Ordinal) || p.Name.Contains("ศรีสุข", StringComparison.Ordinal));
        Assert.Empty(engagements[1].People);
    }

    [Fact]
    public void Extract_ItineraryInOnePassage_TheTravellerInEveryEngagement()
    {
        const string text = "Minister Somchai Jaidee left Bangkok on 22 April 2025 for the Osaka Expo and opened the Thai pavilion there on 23 April 2025.\n";

        var engagements = Extract.Run(text).Facts().Engagements;

        Assert.All(engagements, e => Assert.Contains(e.People, p => p.Name == "Somchai Jaidee"));
    }

    [Theory]
    [InlineData(" date 2024-09-27 Muay Thai festival in Dubai\n\nThe trade centre hosted the Muay Thai Festival 2024 on September 24 at the golf club.\n\nThe director thanked the guests, saying: “Today’s festival was a beautiful celebration of Thai culture.”\n")]
    [InlineData("เทศกาลมวยไทยที่ดูไบคึกคัก ผู้ชมแน่นสนาม\nเผยแพร่: 27 กันยายน 2567\n\nศูนย์ส่งเสริมการค้าระหว่างประเทศ ณ นครดูไบ จัดเทศกาลมวยไทย 2024 เมื่อวันที่ 24 กันยายน 2567 ณ สนามกอล์ฟ โดยมีการสาธิตมวยไทย การแสดงรำไทย และร้านอาหารไทยให้ผู้ร่วมงานได้สัมผัสวัฒนธรรมไทย\n\nผู้อำนวยการกล่าวว่า “วันนี้ เราได้เห็นเสน่ห์ของวัฒนธรรมไทยในงานเทศกาล”\n")]
    public void Extract_TodayInsideAQuotation_DatesNoEngagement(string text)
    {
        var e = Assert.Single(Extract.Run(text).Facts().Engagements);

        Assert.Equal("2024-09-24", e.Date!.Value.WithoutTime().ToString());
    }
}
