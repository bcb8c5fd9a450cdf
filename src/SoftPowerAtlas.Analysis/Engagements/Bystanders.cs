using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// People a passage names who take no part in its engagement: someone an occasion honours ("the
/// Birthday Anniversary of His Majesty King …", "a tribute to the late Queen …", "วันเฉลิมพระชนมพรรษา"),
/// someone who has died ("the late …"), the author of a policy the engagement follows ("ตามนโยบายของ
/// นายกรัฐมนตรี …", "the policy of …"). Only the words between the cue and the name may be titles.
/// </summary>
internal static class Bystanders
{
    private const int Reach = 60;

    private static readonly string[] Cues =
    [
        "birthday anniversary of", "birthday of", "coronation day of", "coronation of", "tribute to", "in honour of", "in honor of",
        "in memory of", "commemorating", "commemorate", "the late", "policy of", "policies of", "vision of",
        "เฉลิมพระชนมพรรษา", "เฉลิมพระเกียรติ", "วันคล้ายวันพระราชสมภพ", "วันคล้ายวันพระบรมราชสมภพ", "น้อมรำลึก", "ถวายพระพร",
        "นโยบายของ", "ตามนโยบาย", "ข้อสั่งการของ", "วิสัยทัศน์ของ",
    ];

    /// <summary>Titles that may stand between a cue and the name it governs.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "his", "her", "majesty", "royal", "highness", "king", "queen", "prince", "princess", "mother", "father", "hm", "hrh",
        "the", "late", "former", "prime", "minister", "president", "thai", "of", "h.e.", "mr", "mr.", "ms", "ms.", "dr", "dr.", "gen", "gen.",
        "พระบาทสมเด็จพระ", "สมเด็จพระ", "พระเจ้าอยู่หัว", "นายกรัฐมนตรี", "รัฐบาล", "ท่าน", "ของ", "นาย", "นาง", "นางสาว", "ดร.", "พล.อ.", "พ.ต.ท.",
    };

    /// <summary>True when every one of the given mentions of a person only names them beside such a cue.</summary>
    public static bool OnlyNamed(string text, IEnumerable<EntityMention> mentions) => Every(mentions, m => IsBystander(text, m));

    /// <summary>
    /// Words that send something on to a body that will decide on it later: "will be submitted to the National Cultural
    /// Committee and the cabinet", "is expected to be approved by the cabinet", "เพื่อนำเสนอต่อคณะกรรมการ…". The body
    /// named only so takes no part in the engagement told (one that decided already, "was approved by", does).
    /// </summary>
    private static readonly string[] OnwardCues =
    [
        "be submitted to", "and submitted to", "to be approved by", "to be considered by", "for approval by", "for consideration by", "will submit it to",
        "will propose it to", "เสนอต่อ", "ยื่นต่อ", "จะเสนอ", "เพื่อเสนอ", "เพื่อขออนุมัติจาก",
    ];

    /// <summary>Words that may stand between such a cue and the body, or between the bodies of its list.</summary>
    private static readonly HashSet<string> OnwardGap = new(StringComparer.OrdinalIgnoreCase) { "the", "and", "or", ",", "และ", "หรือ", "ที่ประชุม" };

    /// <summary>True when every one of the given mentions of a body only names where something goes on to be decided.</summary>
    public static bool OnlySentOnTo(ExtractionInput input, IEnumerable<EntityMention> mentions) => Every(mentions, m => IsSentOnTo(input, m));

    /// <summary>
    /// Words a body's name qualifies when it only says which countries or days are meant: "ประเทศอาเซียน" and "ASEAN
    /// countries" (its members), "ภูมิภาคอาเซียน" (a region), "วันอาเซียน" and "ASEAN Day" (a day named after it), "ASEAN
    /// Zone" (an area of a fair), "Thai government agencies" (a class of bodies, not the government). GUIDELINES: a body
    /// named only inside another name is not listed.
    /// </summary>
    private static readonly string[] AttributeBefore = ["ประเทศสมาชิก", "ประเทศ", "สมาชิก", "ภูมิภาค", "ประชาคม", "วัน"];

    private static readonly string[] AttributeAfter =
        [" Member States", " member states", " member countries", " Member Countries", " countries", " nations", " economies", " region", " Day", " Zone",
         " agencies", " bodies", " departments", " ministries", " organisations", " organizations", "'s Member States", "’s Member States", "'s member", "’s member"];

    /// <summary>True when every one of the given mentions of a body only qualifies a word for countries, a region, a day or an area.</summary>
    public static bool OnlyAsAttribute(ExtractionInput input, IEnumerable<EntityMention> mentions) => Every(mentions, m => IsAttribute(input, m));

    private static bool IsAttribute(ExtractionInput input, EntityMention m)
    {
        var text = input.Text;
        var before = text.AsSpan(0, m.Span.Start);

        // Not the end of a name just before it, written without a space ("กรมส่งเสริมการค้าระหว่างประเทศกระทรวงพาณิชย์").
        var joined = input.LastEndingBy(m.Span.Start, static o => o.IsOrganization) is { } o && o.Span.End == m.Span.Start;
        foreach (var w in AttributeBefore)
        {
            if (!joined && before.EndsWith(w, StringComparison.Ordinal) && !before.EndsWith("ระหว่างประเทศ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        var after = text.AsSpan(m.Span.End);
        foreach (var w in AttributeAfter)
        {
            if (after.StartsWith(w, StringComparison.Ordinal) && (after.Length == w.Length || !char.IsLetter(after[w.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when there is a mention and each one passes.</summary>
    private static bool Every(IEnumerable<EntityMention> mentions, Func<EntityMention, bool> passes)
    {
        var any = false;
        foreach (var m in mentions)
        {
            any = true;
            if (!passes(m))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>
    /// Whether one of <paramref name="cues"/> stands within reach before the mention (an English cue as a whole word) with
    /// only what <paramref name="gapFits"/> accepts (given where the gap starts) between it and the mention.
    /// </summary>
    private static bool CueBefore(string text, EntityMention m, string[] cues, Func<int, bool> gapFits)
    {
        var from = Math.Max(0, m.Span.Start - Reach);
        var before = text.AsSpan(from, m.Span.Start - from);
        foreach (var cue in cues)
        {
            var at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && !(cue[0] < '\u0E00' && at > 0 && char.IsLetter(before[at - 1])) && gapFits(from + at + cue.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentOnTo(ExtractionInput input, EntityMention m) => CueBefore(input.Text, m, OnwardCues, gapStart =>
    {
        // The gap may hold other bodies of the same list: "to the National Cultural Committee and the cabinet".
        var gap = new System.Text.StringBuilder(input.Text[gapStart..m.Span.Start]);
        foreach (var other in input.MentionsCoveredBy(new TextSpan(gapStart, m.Span.Start)).Where(o => o.IsOrganization).OrderByDescending(o => o.Span.Start))
        {
            gap.Remove(other.Span.Start - gapStart, other.Span.Length).Insert(other.Span.Start - gapStart, ' ');
        }

        var rest = gap.ToString();
        return rest.IndexOfAny(['\n', ';', '(', ')', '.']) < 0
            && rest.Replace(",", " , ", StringComparison.Ordinal).Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).All(OnwardGap.Contains);
    });

    private static bool IsBystander(string text, EntityMention m) =>
        m.Kind == EntityKind.Person && !m.IsCoreference && CueBefore(text, m, Cues, gapStart =>
        {
            var gap = text[gapStart..m.Span.Start];
            return gap.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).All(Titles.Contains) && gap.IndexOfAny(['\n', ',', ';', '(', ')']) < 0;
        });
}
