namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Internal units and the body they belong to: a unit written just before its body ("กองนโยบายและการ
/// ต่างประเทศ สำนักงานปลัดกระทรวงวัฒนธรรม"), just after it ("CEA Communications Department", "ททท.
/// สำนักงานสุโขทัย"), or before "of" it ("Communications Department of CEA"). A unit keeps its own
/// name and gets <see cref="EntityMention.Parent"/>; it is never a party beside its body.
/// </summary>
internal static class Units
{
    private const int MaxGap = 2;

    public static List<EntityMention> AttachParents(string text, List<EntityMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var unit = mentions[i];
            if (unit.Kind != EntityKind.Division || unit.Parent is not null)
            {
                continue;
            }

            var after = i + 1 < mentions.Count ? mentions[i + 1] : null;
            var before = i > 0 ? mentions[i - 1] : null;
            EntityMention? parent = null;
            if (after is { IsOrganization: true } && Gap(text, unit.Span.End, after.Span.Start) is { } gap
                && (gap.Trim().Length == 0 || gap.Trim() is "of" or "of the" or "ของ"))
            {
                parent = after;
            }
            else if (before is { IsOrganization: true } && Gap(text, before.Span.End, unit.Span.Start) is { } g && g.Trim().Length == 0)
            {
                parent = before;
            }

            if (parent is not null)
            {
                mentions[i] = unit with { Parent = parent };
            }
        }

        return mentions;
    }

    private static string? Gap(string text, int from, int to)
    {
        if (to < from || to - from > MaxGap + 6)
        {
            return null;
        }

        var gap = text[from..to];
        return gap.Trim().Length == 0 && gap.Length > MaxGap ? null : gap;
    }
}
