using SoftPowerAtlas.Analysis.Duplicates;

namespace SoftPowerAtlas.Analysis.Tests.Duplicates;

public sealed class FingerprintTests
{
    // About 300 words in the register of the releases we ingest.
    private const string EnglishRelease =
        "The Ministry of Culture, together with the Thailand Creative Culture Agency, welcomed a delegation " +
        "from the Japanese Ministry of Economy, Trade and Industry on January 11, 2023, at 10.30 hrs at the " +
        "Government Complex in Bangkok. The two sides discussed cooperation on film, series, music and " +
        "animation, and agreed to set up a joint working group that will meet twice a year to review " +
        "progress. The Permanent Secretary of the Ministry of Culture said that Thai soft power had grown " +
        "quickly since the national committee was formed, and that Japan had long experience in turning " +
        "popular culture into exports that support tourism, food and fashion. The Japanese delegation " +
        "presented the Cool Japan strategy and explained how local governments, broadcasters and private " +
        "studios share the cost of promoting content abroad. Both sides noted that co-productions between " +
        "Thai and Japanese studios had attracted large audiences in Southeast Asia, and that festivals such " +
        "as the Bangkok International Film Festival and the Tokyo International Film Festival could host " +
        "joint showcases. The meeting also covered training for young creators, exchange of scriptwriters, " +
        "and support for small companies that want to license characters and music to overseas partners. " +
        "The Thai side proposed a memorandum of understanding to be signed before the end of the fiscal " +
        "year, covering content exchange, joint marketing at trade fairs and a seminar series for " +
        "producers. The first seminar is planned for June in Bangkok, the second in Osaka in October, and " +
        "the third in Chiang Mai in December. The Japanese side welcomed the proposal and said it would " +
        "consult with the agencies concerned and reply within three months. After the meeting, the " +
        "delegation visited a studio in Nonthaburi that produces animated series for streaming platforms, " +
        "and a community workshop in Ayutthaya that makes traditional masks for khon performances. The " +
        "visit ended with a dinner hosted by the Thailand Creative Culture Agency, at which Thai chefs " +
        "served dishes from the four regions of the country and musicians performed Thai classical music " +
        "alongside contemporary pop songs that have become popular with audiences in Japan and Korea.";

    private const string ThaiSegmented =
        "กระทรวง วัฒนธรรม ร่วม กับ สำนักงาน ส่งเสริม เศรษฐกิจ สร้างสรรค์ จัด งาน เทศกาล อาหาร ไทย " +
        "ที่ กรุง ปารีส ประเทศ ฝรั่งเศส ระหว่าง วันที่ 28 - 30 มิถุนายน 2567 เพื่อ เผยแพร่ อาหาร ไทย " +
        "และ ส่งเสริม การ ท่องเที่ยว โดย มี เชฟ ชื่อดัง ร่วม สาธิต การ ปรุง อาหาร";

    private const string UnrelatedEnglish =
        "Heavy rain flooded several districts of the northern province overnight, and rescue teams moved " +
        "elderly residents to temporary shelters while the irrigation department opened two reservoirs " +
        "to lower the water level before the next storm arrives on Friday evening.";

    [Fact]
    public void ContentHash_SameText_SameHash()
    {
        Assert.Equal(Fingerprint.ContentHash(EnglishRelease), Fingerprint.ContentHash(EnglishRelease));
        Assert.Matches("^[0-9a-f]{64}$", Fingerprint.ContentHash(EnglishRelease));
    }

    [Fact]
    public void ContentHash_KnownVector_IsSha256OfUtf8()
    {
        // sha256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Fingerprint.ContentHash("abc"));
    }

    [Theory]
    [InlineData("เทศกาล อาหาร ไทย", "  เทศกาล\r\n\tอาหาร   ไทย \n")]
    [InlineData("Thai food festival", "Thai\u00A0food\u2003festival")]
    public void ContentHash_WhiteSpaceRunsDiffer_SameHash(string a, string b) =>
        Assert.Equal(Fingerprint.ContentHash(a), Fingerprint.ContentHash(b));

    [Theory]
    [InlineData("เทศกาลอาหารไทย", "เทศกาล อาหาร ไทย")]
    [InlineData("ปี 2567", "ปี 2566")]
    public void ContentHash_TextDiffers_HashDiffers(string a, string b) =>
        Assert.NotEqual(Fingerprint.ContentHash(a), Fingerprint.ContentHash(b));

    [Fact]
    public void SimHash_SameWords_SameHash()
    {
        Assert.Equal(Fingerprint.SimHash(Words(ThaiSegmented)), Fingerprint.SimHash(Words(ThaiSegmented)));
        Assert.NotEqual(0UL, Fingerprint.SimHash(Words(ThaiSegmented)));
    }

    [Fact]
    public void SimHash_CaseDiffers_SameHash() =>
        Assert.Equal(Fingerprint.SimHash(Words(EnglishRelease)), Fingerprint.SimHash(Words(EnglishRelease.ToUpperInvariant())));

    [Fact]
    public void SimHash_NoWords_Zero() => Assert.Equal(0UL, Fingerprint.SimHash([]));

    [Fact]
    public void SimHash_OneWordChangedIn300_WithinThreshold()
    {
        var words = Words(EnglishRelease);
        Assert.InRange(words.Length, 280, 360);
        var original = Fingerprint.SimHash(words);

        // "June" -> "July": a corrected date, the typical re-published release.
        var edited = (string[])words.Clone();
        var at = Array.IndexOf(edited, "June");
        edited[at] = "July";

        Assert.InRange(Fingerprint.Distance(original, Fingerprint.SimHash(edited)), 1, Fingerprint.NearDuplicateMaxDistance);
    }

    [Fact]
    public void SimHash_EachSingleWordEditIn300_MostlyWithinThreshold()
    {
        // The expected distance for one edited word in 300 is ~2.9 bits (see Fingerprint remarks), so
        // a share of single edits lands just past the threshold. This pins the behaviour down: most
        // edits are caught, none is far away.
        var words = Words(EnglishRelease);
        var original = Fingerprint.SimHash(words);
        var within = 0;
        var worst = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var edited = (string[])words.Clone();
            edited[i] = "Kumamon";
            var distance = Fingerprint.Distance(original, Fingerprint.SimHash(edited));
            worst = Math.Max(worst, distance);
            within += distance <= Fingerprint.NearDuplicateMaxDistance ? 1 : 0;
        }

        Assert.True(within >= words.Length * 7 / 10, $"{within} of {words.Length} single-word edits within the threshold");
        Assert.True(worst <= 8, $"worst single-word edit is {worst} bits away");
    }

    [Theory]
    [InlineData(EnglishRelease, UnrelatedEnglish)]
    [InlineData(EnglishRelease, ThaiSegmented)]
    [InlineData(ThaiSegmented, UnrelatedEnglish)]
    public void SimHash_UnrelatedTexts_FarApart(string a, string b) =>
        Assert.True(Fingerprint.Distance(Fingerprint.SimHash(Words(a)), Fingerprint.SimHash(Words(b))) > 10);

    [Fact]
    public void SimHash_ShuffledWords_NotNearDuplicate()
    {
        var words = Words(EnglishRelease);
        var reversed = words.Reverse().ToArray();
        Assert.False(Fingerprint.IsNearDuplicate(Fingerprint.SimHash(words), Fingerprint.SimHash(reversed)));
    }

    [Theory]
    [InlineData(0UL, 0UL, 0)]
    [InlineData(0UL, ulong.MaxValue, 64)]
    [InlineData(0b1011UL, 0b0001UL, 2)]
    [InlineData(0x8000_0000_0000_0000UL, 0UL, 1)]
    public void Distance_CountsDifferingBits(ulong a, ulong b, int expected) =>
        Assert.Equal(expected, Fingerprint.Distance(a, b));

    private static string[] Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('.', ',', '-'))
            .Where(w => w.Length > 0)
            .ToArray();
}
