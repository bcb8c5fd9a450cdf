namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// A body's name cut by a hard-wrapped line ("…ตามนโยบายรัฐบาลและข้อสั่งการ⏎นายกรัฐมนตรี (อนุ กตน.)") is found
/// by pattern only up to the line's end; where the text names the same body whole elsewhere, and the next line
/// goes on with the rest of that name, the cut mention is that body.
/// </summary>
internal static class WrappedNames
{
    private const int MinCutName = 12;

    public static List<EntityMention> Join(string text, List<EntityMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var cut = mentions[i];
            var end = cut.Span.End;
            if (cut.Source != MentionSource.Pattern || !cut.IsOrganization || cut.Text.Length < MinCutName || end >= text.Length || text[end] != '\n')
            {
                continue;
            }

            var whole = mentions.FirstOrDefault(m => m.IsOrganization && m.Key != cut.Key && m.Text.Length > cut.Text.Length
                && m.Text.StartsWith(cut.Text, StringComparison.Ordinal)
                && text.AsSpan(end + 1).StartsWith(m.Text.AsSpan(cut.Text.Length).TrimStart(), StringComparison.Ordinal));
            if (whole is not null)
            {
                mentions[i] = cut with { Key = whole.Key, Name = whole.Name, Kind = whole.Kind, Country = whole.Country, NameEn = whole.NameEn };
            }
        }

        return mentions;
    }
}
