using SoftPowerAtlas.Analysis.Text;

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
    private const int MaxBranchName = 12;
    private static readonly string[] BranchHeads = ["สำนักงาน", "สนง."];

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
            var bodyAfter = after is { IsOrganization: true } && Gap(text, unit.Span.End, after.Span.Start) is { } gap
                && (gap.Trim().Length == 0 || gap.Trim() is "of" or "of the" or "ของ");
            var bodyBefore = before is { IsOrganization: true } && Gap(text, before.Span.End, unit.Span.Start) is { } g
                && (g.Trim().Length == 0 || (g.Trim() == "," && !Gazetteer.IsThaiLetter(unit.Text[0]))); // "…of Thailand, Seoul Office"

            // A branch or an English unit follows its body ("ททท. สำนักงานสุโขทัย", "CEA Communications
            // Department"); a Thai กอง or กลุ่มงาน comes before it ("กองนโยบาย… สำนักงานปลัดกระทรวง…").
            var followsBody = !Gazetteer.IsThaiLetter(unit.Text[0]) || BranchHeads.Any(h => unit.Text.StartsWith(h, StringComparison.Ordinal));
            var parent = followsBody
                ? (bodyBefore ? before : bodyAfter ? after : null)
                : (bodyAfter ? after : bodyBefore ? before : null);

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

    /// <summary>
    /// "การท่องเที่ยวแห่งประเทศไทย สำนักงานหาดใหญ่", "Tourism Authority of Thailand, Mumbai Office": an office
    /// named by its town right after a known Thai body is a branch of that body, not a body of its own (nor
    /// the town's country's).
    /// </summary>
    public static void MarkBranches(string text, List<(TextSpan Span, GazetteerEntry Entry)> known, List<(TextSpan Span, PatternKind Kind)> patterns)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var (span, kind) = patterns[i];
            var head = BranchHeads.FirstOrDefault(h => text.AsSpan(span.Start).StartsWith(h, StringComparison.Ordinal));
            var thaiBranch = head is not null && span.Length - head.Length <= MaxBranchName && AfterThaiBody(text, known, span.Start, ' ');
            if (kind != PatternKind.Organization || !(thaiBranch || IsEnglishBranch(text, span) && AfterThaiBody(text, known, span.Start, ',')))
            {
                continue;
            }

            patterns[i] = (span, PatternKind.Division);
        }
    }

    /// <summary>"Mumbai Office", "Chiang Mai Office": at most three words, then Office.</summary>
    private static bool IsEnglishBranch(string text, TextSpan span)
    {
        var name = text.AsSpan(span.Start, span.Length);
        return name.EndsWith(" Office", StringComparison.Ordinal) && name.Count(' ') <= 3;
    }

    /// <summary>A known Thai body ends right before <paramref name="start"/>, with one space (after <paramref name="separator"/> when it is a comma).</summary>
    private static bool AfterThaiBody(string text, List<(TextSpan Span, GazetteerEntry Entry)> known, int start, char separator) =>
        known.Any(k => k.Entry.Kind == EntityKind.ThaiOrganization
            && (separator == ',' ? k.Span.End + 2 == start && text[k.Span.End] == ',' && text[k.Span.End + 1] == ' ' : k.Span.End + 1 == start && text[k.Span.End] == ' '));
}
