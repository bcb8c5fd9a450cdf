using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Bodies that take part through what a text says of them or of their people: a province or foreign
/// city that acts or whose governor takes part is its local government; a role that names its body by
/// itself (โฆษกรัฐบาล) brings that body in.
/// </summary>
internal static class ActingBodies
{
    // Written after "จังหวัดเชียงใหม่" / "เมืองคานาซาวะ", these make the place a party that acts, not a setting.
    private static readonly string[] ActorWords = ["ร่วมกับ", "ร่วมกัน", "จัดงาน", "จัด", "จะ", "ได้", "เป็นเจ้าภาพ", "ลงนาม", "ตอบรับ", "ส่ง", "รับ", "มอบ", "เชิญ", "ผนึก", "จับมือ"];

    /// <summary>
    /// "Acting Government Spokesperson", "โฆษกรัฐบาล": a role that names its body by itself (roles.tsv
    /// <c>body</c>); the body is mentioned where the role spells it ("Government", "รัฐบาล").
    /// </summary>
    public static EntityMention? BodyNamedByRole(string text, PersonRole role, GazetteerEntry?[] bodies)
    {
        if (role.RoleId < 0 || bodies[role.RoleId] is not { } body)
        {
            return null;
        }

        var written = text.AsSpan(role.Span.Start, role.Span.Length);
        string[] names = [body.Name, .. body.NameEn is null ? [] : new[] { body.NameEn }];
        for (var length = written.Length; length >= 4; length--)
        {
            for (var start = 0; start + length <= written.Length; start++)
            {
                var piece = written.Slice(start, length);
                if (piece[0] == ' ' || piece[^1] == ' ' || (start > 0 && char.IsAsciiLetter(written[start - 1]) && char.IsAsciiLetter(piece[0])))
                {
                    continue;
                }

                foreach (var n in names)
                {
                    if (n.AsSpan().Contains(piece, StringComparison.Ordinal))
                    {
                        var span = new TextSpan(role.Span.Start + start, role.Span.Start + start + length);
                        return new EntityMention(span, piece.ToString(), body.Kind, body.Key, body.Name, body.Country, MentionSource.Reference) { NameEn = body.NameEn };
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A province or foreign city that does something (จังหวัดเชียงใหม่ร่วมกับ…, เมืองคานาซาวะจะรับ…) or
    /// whose governor takes part (รองผู้ว่าราชการจังหวัดเชียงใหม่) is a party: its local government.
    /// </summary>
    public static void MarkActingPlaces(string text, List<EntityMention> mentions, RoleLevel[] levels)
    {
        var governed = mentions
            .Where(m => m.Position is { RoleId: >= 0, Organization: { Kind: EntityKind.Province or EntityKind.ForeignPlace } } r && levels[r.RoleId] == RoleLevel.Provincial)
            .Select(m => m.Position!.Organization!.Key)
            .ToHashSet(StringComparer.Ordinal);

        // "รองปลัดกรุงเทพมหานคร": a province named as the body of someone's role is its administration there.
        var roleBodies = mentions
            .Where(m => m.Position is { Organization: { Kind: EntityKind.Province } })
            .Select(m => m.Position!.Organization!.Span)
            .ToHashSet();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind is not (EntityKind.Province or EntityKind.ForeignPlace))
            {
                continue;
            }

            var writtenAsBody = m.Text.StartsWith("จังหวัด", StringComparison.Ordinal) || m.Text.StartsWith("เมือง", StringComparison.Ordinal);
            var pos = m.Span.End < text.Length && text[m.Span.End] == ' ' ? m.Span.End + 1 : m.Span.End;
            var before = text.AsSpan(0, m.Span.Start).TrimEnd(' ');
            var acts = writtenAsBody && (ActorWords.Any(w => text.AsSpan(pos).StartsWith(w, StringComparison.Ordinal)) || before.EndsWith("โดย", StringComparison.Ordinal));
            if (acts || (writtenAsBody && governed.Contains(m.Key)) || (m.Kind == EntityKind.Province && roleBodies.Contains(m.Span)))
            {
                mentions[i] = m with { Kind = m.Kind == EntityKind.Province ? EntityKind.ThaiOrganization : EntityKind.ForeignOrganization };
            }
        }
    }
}
