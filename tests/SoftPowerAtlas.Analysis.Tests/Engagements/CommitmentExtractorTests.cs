using SoftPowerAtlas.Analysis.Engagements;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

/// <summary>Undertakings read from clauses, each due as GUIDELINES says; sentences of our own.</summary>
public class CommitmentExtractorTests
{
    // A publication stamp first, so the reader can tell what is still ahead.
    private const string Stamp = "วันที่ 10 มกราคม 2568\n";

    [Theory]
    [InlineData("กระทรวงวัฒนธรรมจะจัดงานเทศกาลอาหารไทยในวันที่ 12 มีนาคม 2568 ณ กรุงปารีส", "2025-03-12")]
    [InlineData("สำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์ตั้งเป้ายื่นใบสมัครต่อยูเนสโกภายในปี 2569", "2026")]
    [InlineData("ทั้งสองหน่วยงานกำหนดให้ปี 2568-2569 เป็นปีแห่งการท่องเที่ยวร่วมกัน และจะจัดกิจกรรมตลอดทั้งปี", "2026")]
    [InlineData("กรมฯ คาดว่าจะเสนอร่างแผนต่อคณะรัฐมนตรีในปีงบประมาณ 2569", "FY2026")]
    [InlineData("The two agencies will hold a joint exhibition from 8 to 16 February 2025 in Bangkok.", "2025-02-08")]
    [InlineData("The ministry plans to submit the nomination to UNESCO by March 31, 2025.", "2025-03-31")]
    [InlineData("The ministry expects to finish the new festival law by mid-2026.", "2026-06-30")]
    [InlineData("กรมฯ ตั้งเป้าจะเปิดศูนย์ออกแบบแห่งใหม่ภายในกลางปี 2569", "2026-06-30")]
    [InlineData("The ministry will open a design centre in mid-2026.", "2026-06")]
    [InlineData("เทศบาลนครเชียงใหม่เตรียมเสนอตัวเป็นเจ้าภาพการประชุมประจำปีของเครือข่ายเมืองสร้างสรรค์ (UCCN Annual Conference) 2027", "2027")]
    [InlineData("The city plans to bid to host the Creative Cities Annual Conference 2027.", "2027")]
    [InlineData("ทั้งสามหน่วยงานจะร่วมกันส่งเสริมการท่องเที่ยวต่อเนื่อง 3 ปี จนถึงวันที่ 31 มีนาคม 2571\n\nที่ผ่านมาทั้งสามหน่วยงานได้จัดกิจกรรมร่วมกันหลายครั้ง", "2028-03-31")]
    [InlineData("สมาคมแจ้งว่างานเทศกาลผ้าทอ ซึ่งเดิมกำหนดจัดในวันที่ 5 มีนาคม 2568 จะเลื่อนออกไปเป็นวันที่ 12 เมษายน 2568", "2025-04-12")]
    public void Extract_Undertaking_DueAsWritten(string sentence, string due)
    {
        var facts = Extract.Run(Stamp + sentence).Facts();

        var c = Assert.Single(facts.Commitments, c => c.DueValue is not null);
        Assert.Equal(due, c.DueValue);
    }

    [Theory]
    [InlineData("On 14 February 2025 at the Government House, the Prime Minister of Bhutan will attend a welcome ceremony and a working lunch.", "will attend")]
    [InlineData("ในวันที่ 14 กุมภาพันธ์ 2568 ณ ทำเนียบรัฐบาล นายกรัฐมนตรีภูฏานจะเข้าร่วมพิธีต้อนรับและงานเลี้ยงอาหารกลางวัน", "จะเข้าร่วม")]
    public void Extract_DateFrontsTheSentence_DuesTheUndertakingThatFollows(string sentence, string undertaking)
    {
        var c = Assert.Single(Extract.Run(Stamp + sentence).Facts().Commitments, c => c.DueValue is not null);

        Assert.Equal("2025-02-14", c.DueValue);
        Assert.Contains(undertaking, c.What, StringComparison.Ordinal);
        Assert.Equal(Stamp.Length, c.Passage.Start);
    }

    [Theory]
    [InlineData("เมื่อวันที่ 3 มกราคม 2568 กรมศิลปากรได้ลงนามบันทึกความเข้าใจกับพิพิธภัณฑ์แห่งชาติเกาหลี")]
    [InlineData("ความร่วมมือดังกล่าวซึ่งจะช่วยส่งเสริมการท่องเที่ยวของทั้งสองประเทศในปี 2568")]
    [InlineData("ผู้ประกอบการที่สนใจสมัครได้ภายในวันที่ 30 มกราคม 2568")]
    [InlineData("The festival, which will help boost tourism in 2025, drew large crowds.")]
    [InlineData("The minister said the new incentives would trigger a wave of foreign film shoots in 2026.")]
    [InlineData("Officials said the expo will attract two million visitors to the Thai pavilion in 2025.")]
    [InlineData("Kanazawa joined the Creative Cities Network in 2009.")]
    [InlineData("The ministry will publish a review of the Creative Cities Annual Conference 2024.")]
    [InlineData("วันนี้กระทรวงวัฒนธรรมจะจัดพิธีเปิดงานเทศกาลอาหารไทยในวันที่ 10 มกราคม 2568 ณ ลานคนเมือง")]
    [InlineData("The embassy will host the opening reception of the Thai film week on 10 January 2025.")]
    [InlineData("Our partners in Lyon will be significant to the success of the Thai week in 2025.")]
    [InlineData("Thai designers join the Lyon textile fair, which runs until 28 September 2025, to meet buyers.")]
    public void Extract_NotAnUndertaking_NoDueCommitment(string sentence)
    {
        var facts = Extract.Run(Stamp + sentence).Facts();

        Assert.DoesNotContain(facts.Commitments, c => c.DueValue is not null);
    }

    [Fact]
    public void Extract_DayFrontingThePlanWithoutPublicationDate_DuesIt()
    {
        var c = Assert.Single(Extract.Run("On April 24, 2025, the Minister of Culture is scheduled to open the Thai pavilion in Osaka.").Facts().Commitments);

        Assert.Equal("2025-04-24", c.DueValue);
    }

    [Theory]
    [InlineData("On 5 May 2025 the minister said the ministry will hold a silk fair.")]
    [InlineData("เมื่อวันที่ 5 พฤษภาคม 2568 รัฐมนตรีกล่าวว่ากระทรวงจะจัดงานผ้าไหม")]
    [InlineData("In 2017-2022 the ministry proposed six elements and will propose more.")]
    public void Extract_DayWhenSomethingWasSaidWithoutPublicationDate_NoDue(string sentence)
    {
        Assert.DoesNotContain(Extract.Run(sentence).Facts().Commitments, c => c.DueValue is not null);
    }

    [Theory]
    // A page stamped with its month only: a day of that month is not ahead of it.
    [InlineData(" date 2025-07 วันที่ 8 กรกฎาคม 2568 นายสมชาย ใจดี ปลัดกระทรวงวัฒนธรรม เปิดเผยว่า การเสนอชุดไทยต่อยูเนสโกจะอยู่ในการพิจารณาในปี 2569", "2026")]
    [InlineData(" date 2025-07 วันนี้ (8 ก.ค.) โฆษกรัฐบาลแถลงว่าคณะรัฐมนตรีเห็นชอบการจัดงานเทศกาลผ้าไหมในปี 2569", "2026")]
    public void Extract_DayOfAMonthStampedPage_NotDueThatDay(string text, string due)
    {
        var dues = Extract.Run(text).Facts().Commitments.Select(c => c.DueValue).OfType<string>().ToList();

        Assert.DoesNotContain("2025-07-08", dues);
        Assert.Contains(due, dues);
    }

    [Theory]
    [InlineData("The fair aims to promote Thai silk among young designers.")]
    [InlineData("The objectives of the fair are to foster ties between weavers and buyers.")]
    [InlineData("The fair aims to make Thai silk better known among young designers.")]
    public void Extract_WhatAnEventIsFor_NoCommitment(string sentence)
    {
        var facts = Extract.Run(Stamp + "The Culture Office is organising the Lanna Silk Fair from 4 to 6 February 2025 in Lamphun.\n" + sentence).Facts();

        var only = Assert.Single(facts.Commitments);
        Assert.Equal("2025-02-04", only.DueValue);
    }

    [Fact]
    public void Extract_WhatWasPreparedAlready_NoCommitment()
    {
        var facts = Extract.Run(Stamp + "สถานกงสุลใหญ่ ณ เมืองเจนไน จัดงานเทศกาลไทยขึ้นระหว่างวันที่ 5-7 มกราคม 2568 ที่ห้างสรรพสินค้า Marina Mall "
            + "โดยในพิธีเปิดงาน มีแขกเข้าร่วมกว่า 80 คน สถานกงสุลใหญ่ฯ ได้เตรียมขนมไทยใส่ปิ่นโตมอบเป็นของที่ระลึกแก่ผู้ร่วมพิธีเปิด").Facts();

        Assert.Empty(facts.Commitments);
    }

    [Fact]
    public void Extract_AimWithATarget_StillAnUndertaking()
    {
        var facts = Extract.Run(Stamp + "The ministry aims to raise craft exports by 10 percent in 2026.").Facts();

        Assert.Contains(facts.Commitments, c => c.DueValue == "2026");
    }

    [Theory]
    [InlineData(" date 2025-03 กรมศิลปากรเตรียมนำการแสดงโขนไปร่วมเทศกาลที่กรุงปารีสในเดือนพฤษภาคม 2568\n\nกรมศิลปากรคัดเลือกนักแสดง 40 คนเพื่อเตรียมการแสดง\n", "กรมศิลปากรเตรียม")]
    [InlineData(" date 2025-03-02 Thai puppet troupe will tour Lyon in May 2025\n\nThe troupe was chosen from twelve applicants.\n", "Thai puppet troupe")]
    public void Extract_HeadlineAfterAPublicationStamp_WhatStartsAfterTheStamp(string text, string start)
    {
        var doc = Extract.Run(text);
        var c = Assert.Single(doc.Facts().Commitments, c => c.DueValue is not null);

        Assert.Equal(doc.Text.Text.IndexOf(start, StringComparison.Ordinal), c.Passage.Start);
        Assert.StartsWith(start, c.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TwoPromisesInOneSentence_TwoCommitmentsEachWithItsOwnClause()
    {
        const string text = "อพท. วางแผนพัฒนาเมืองสร้างสรรค์ โดยเมืองน่านและสุพรรณบุรี คาดว่าจะยื่นเสนอต่อยูเนสโกในปีงบประมาณ 2564 "
            + "และเมืองเพชรบุรีและเชียงราย ตั้งเป้าหมายยื่นเสนอภายในปี 2566";
        var facts = Extract.Run(text).Facts();

        var dated = facts.Commitments.Where(c => c.DueValue is not null).ToList();
        Assert.Equal(["FY2021", "2023"], dated.Select(c => c.DueValue));
        Assert.Contains("น่าน", dated[0].What, StringComparison.Ordinal);
        Assert.DoesNotContain("เพชรบุรี", dated[0].What, StringComparison.Ordinal);
        Assert.Contains("เพชรบุรี", dated[1].What, StringComparison.Ordinal);
        Assert.All(dated, c => Assert.Equal(c.What, text[c.Passage.Start..c.Passage.End]));
    }

    [Fact]
    public void Extract_LongClause_WhatCutAtAWordNearTwoHundredCharacters()
    {
        var words = string.Join(' ', Enumerable.Repeat("Thai and Korean partners", 20));
        var facts = Extract.Run(Stamp + "The agency will invite " + words + " to the forum on 5 March 2025.").Facts();

        var c = Assert.Single(facts.Commitments, c => c.DueValue == "2025-03-05");
        Assert.InRange(c.What.Length, 100, 201);
        Assert.EndsWith("…", c.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AgreementTermsListed_EachItemAnUndertakingOfTheSignatories()
    {
        const string text = "Posted on 10 January 2025\n\n"
            + "On 9 January 2025, the Department of Cultural Promotion and the Korea Foundation signed a memorandum of understanding in Bangkok.\n\n"
            + "Under the MOU, the two sides will:\n\n"
            + "- exchange young musicians for a residency in Seoul in June 2025;\n"
            + "- hold a joint festival of Thai and Korean food;\n"
            + "- share archives of traditional music.\n";
        var facts = Extract.Run(text).Facts();

        var terms = facts.Commitments.Where(c => c.What.StartsWith("exchange", StringComparison.Ordinal) || c.What.StartsWith("hold", StringComparison.Ordinal) || c.What.StartsWith("share", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, terms.Count);
        Assert.Equal("2025-06", terms[0].DueValue);
        Assert.Null(terms[1].DueValue);
    }

    [Fact]
    public void Extract_TermCountedFromSigning_DueAtTheSigningDatePlusTheTerm()
    {
        // With the page's stamp above it: a term has no date of its own until the signing's, and is kept.
        const string text = "กสอ. ลงนามบันทึกความเข้าใจกับมูลนิธิแห่งเกาหลี 4 ปี\nเผยแพร่: 15 ก.พ. 2567\n\n"
            + "เมื่อวันที่ 14 กุมภาพันธ์ 2567 กรมส่งเสริมอุตสาหกรรม ลงนามบันทึกความเข้าใจกับมูลนิธิแห่งเกาหลี\n"
            + "บันทึกความเข้าใจฉบับนี้มีระยะเวลา 4 ปี นับตั้งแต่วันที่ลงนาม";
        var facts = Extract.Run(text).Facts();

        Assert.Contains(facts.Commitments, c => c.DueValue == "2028-02-14");
    }

    [Fact]
    public void Extract_TermInWordsCountedFromSigning_DueAtTheSigningDatePlusTheTerm()
    {
        const string text = "CEA and Ishikawa sign a three-year memorandum on crafts\nPosted on 31 January 2024\n\n"
            + "On 30 January 2024 the Creative Economy Agency and Ishikawa Prefecture signed a memorandum of understanding on crafts.\n\n"
            + "The memorandum runs for three years from the date of signing and may be renewed.";
        var facts = Extract.Run(text).Facts();

        var term = Assert.Single(facts.Commitments, c => c.DueValue == "2027-01-30");
        Assert.StartsWith("The memorandum runs for three years", term.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PlannedSessionsListedOnLines_OneCommitmentPerSession()
    {
        const string text = "อบรมเชิงปฏิบัติการด้านอาหารถิ่น 3 ภูมิภาค\nประกาศ ณ วันที่ 2 เมษายน 2568\n\n"
            + "กระทรวงการท่องเที่ยวและกีฬา กำหนดจัดการอบรมเชิงปฏิบัติการด้านอาหารถิ่น จำนวน 3 ครั้ง ดังนี้\n\n"
            + "ครั้งที่ 1 วันที่ 8 พฤษภาคม 2568 ณ จังหวัดสงขลา\n"
            + "ครั้งที่ 2 วันที่ 22 พฤษภาคม 2568 ณ จังหวัดสตูล\n"
            + "ครั้งที่ 3 วันที่ 5 มิถุนายน 2568 ณ จังหวัดตรัง\n";
        var facts = Extract.Run(text).Facts();

        string[] sessions = ["2025-05-08", "2025-05-22", "2025-06-05"];
        Assert.All(sessions, day => Assert.Contains(facts.Engagements, e => e.Date?.Value.ToString() == day && e.Type == EngagementType.TrainingOrSeminar));
        Assert.All(sessions, day => Assert.Contains(facts.Commitments, c => c.DueValue == day));
    }
}
