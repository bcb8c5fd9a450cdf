using System.Globalization;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Facts;

namespace SoftPowerAtlas.Storage.Tests;

/// <summary>Documents for storage tests, fingerprinted the way ingest does it.</summary>
internal static class Samples
{
    /// <summary>A Thai release, segmented with spaces between words as the segmentation stage leaves it.</summary>
    public const string ThaiSegmented =
        "กระทรวง วัฒนธรรม ร่วม กับ สำนักงาน ส่งเสริม เศรษฐกิจ สร้างสรรค์ จัด งาน เทศกาล อาหาร ไทย " +
        "ที่ กรุง ปารีส ประเทศ ฝรั่งเศส ระหว่าง วันที่ 28 - 30 มิถุนายน 2567 เพื่อ เผยแพร่ อาหาร ไทย " +
        "และ ส่งเสริม การ ท่องเที่ยว โดย มี เชฟ ชื่อดัง ร่วม สาธิต การ ปรุง อาหาร";

    // About 340 words: near-duplicate detection of a one-word edit needs a text this long (see Fingerprint).
    public const string EnglishRelease =
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

    /// <summary>
    /// Facts as analysis hands them over: one festival with two Thai agencies, France, food, one
    /// commitment; CEA is written <paramref name="cea"/> (so two documents can name it differently).
    /// </summary>
    public static ExtractedFacts Facts(string cea = "สศส.") => new()
    {
        Events =
        [
            new ExtractedEvent
            {
                Type = "forum_or_exhibition",
                Date = "2024-06-28",
                EndDate = "2024-06-30",
                Place = "กรุงปารีส",
                PartnerCountries = ["FR"],
                Sectors = ["food", "tourism"],
                Evidence = new OriginalSpan(0, 120),
                ThaiOrgs =
                [
                    new ExtractedEntity { Id = "agency:mculture", Name = "กระทรวงวัฒนธรรม", Country = "TH", Aliases = ["กระทรวงวัฒนธรรม", "Ministry of Culture"], Mentions = ["กระทรวง วัฒนธรรม"], Spans = [new(0, 16)] },
                    new ExtractedEntity { Id = "agency:cea", Name = "สำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์", Country = "TH", Aliases = ["Creative Economy Agency"], Mentions = [cea], Spans = [new(8, 12), new(30, 34)] },
                ],
                ForeignOrgs = [],
                People = [new ExtractedEntity { Id = "person:ชื่อ", Name = "ชื่อ สกุล", Aliases = [], Mentions = ["นายชื่อ สกุล"], Spans = [new(100, 112)] }],
            },
        ],
        Commitments = [new ExtractedCommitment { What = "จัดงานอีกครั้ง", Who = "กระทรวงวัฒนธรรม", Due = "FY2025", Text = "จะจัดงานอีกครั้งในปีงบประมาณ 2568", Start = 40, End = 90 }],
    };

    /// <summary>A document whose clean and segmented text is <paramref name="segmented"/>.</summary>
    public static NewDocument Document(string segmented, string source = "samples/th_food_festival_paris.md", string language = "th") => new()
    {
        Source = source,
        Format = "markdown",
        Language = language,
        Encoding = "utf-8",
        OriginalText = segmented,
        CleanText = segmented,
        SegmentedText = segmented,
        ContentHash = Fingerprint.ContentHash(segmented),
        SimHash = Fingerprint.SimHash(Words(segmented)),
    };

    /// <summary>Words without punctuation, as the tokenizer's word tokens would be.</summary>
    public static IEnumerable<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '-'))
            .Where(w => w.Length > 0);

    /// <summary>A distinct document per <paramref name="number"/>, padded to about <paramref name="repeat"/> copies of the Thai text.</summary>
    public static NewDocument Numbered(int number, int repeat = 1)
    {
        var text = string.Join(' ', Enumerable.Repeat(ThaiSegmented, repeat)) + " ฉบับ ที่ " + number.ToString(CultureInfo.InvariantCulture);
        return Document(text, string.Create(CultureInfo.InvariantCulture, $"feeds/moc/{number}.html"));
    }

    /// <summary>A document with this exact SimHash (for band tests), otherwise unique per source.</summary>
    public static NewDocument WithSimHash(ulong simHash, string source) =>
        Document(ThaiSegmented + " " + source, source) with { SimHash = simHash };
}
