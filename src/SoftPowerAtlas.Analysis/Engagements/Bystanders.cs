using SoftPowerAtlas.Analysis.Entities;

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
    public static bool OnlyNamed(string text, IEnumerable<EntityMention> mentions)
    {
        var any = false;
        foreach (var m in mentions)
        {
            any = true;
            if (!IsBystander(text, m))
            {
                return false;
            }
        }

        return any;
    }

    private static bool IsBystander(string text, EntityMention m)
    {
        if (m.Kind != EntityKind.Person || m.IsCoreference)
        {
            return false;
        }

        var from = Math.Max(0, m.Span.Start - Reach);
        var before = text.AsSpan(from, m.Span.Start - from);
        foreach (var cue in Cues)
        {
            var at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (cue[0] < '\u0E00' && at > 0 && char.IsLetter(before[at - 1])))
            {
                continue;
            }

            var gap = before[(at + cue.Length)..].ToString();
            if (gap.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).All(Titles.Contains) && gap.IndexOfAny(['\n', ',', ';', '(', ')']) < 0)
            {
                return true;
            }
        }

        return false;
    }
}
