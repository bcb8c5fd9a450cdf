using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Names the soft-power sectors a passage is about, from trigger words per sector. For a document's
/// lead engagement, a sector counts when the document names it twice (a sentence about cooperation
/// and an item of a list count double); "entertainment" only when nothing narrower is named.
/// Words inside names (the การศึกษา of UNESCO's Thai name) do not count.
/// </summary>
internal sealed class SectorTagger
{
    private static readonly string[] NarrowerThanEntertainment = ["film", "series_drama", "music", "games"];
    private readonly PhraseCounter<string> _triggers;
    private readonly PhraseCounter<bool> _cooperation;

    /// <summary>The label of a phrase that holds a sector's word but names no sector (a lunch is not the food sector).</summary>
    private const string NoSector = "";

    /// <summary>The label of an art word that also names musicians (<c>Data/sector-performer-words.txt</c>): art unless music is named.</summary>
    private const string Performer = "art/performer";

    public SectorTagger(IEnumerable<(string Phrase, string Sector)> triggers, IEnumerable<string> cooperationWords, IEnumerable<string>? nonTriggers = null, IEnumerable<string>? performerWords = null)
    {
        var performers = (performerWords ?? []).ToHashSet(StringComparer.Ordinal);
        _triggers = new PhraseCounter<string>(triggers.Select(t => (t.Phrase, t.Sector == "art" && performers.Contains(t.Phrase) ? Performer : t.Sector, 1))
            .Concat((nonTriggers ?? []).Select(p => (p, NoSector, 1))));
        _cooperation = new PhraseCounter<bool>(cooperationWords.Select(w => (w, true, 1)));
    }

    public IReadOnlyList<string> ForPassage(string text, IEnumerable<TextSpan> spans, bool[]? names = null, Func<int, bool>? isBoundary = null)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in spans)
        {
            Add(scores, _triggers.Count(text, s.Start, s.End, names, isBoundary), 1);
        }

        return Finish(scores, 1);
    }

    public IReadOnlyList<string> ForDocument(string text, IReadOnlyList<TextSpan> sentences, bool[]? names = null, Func<int, bool>? isBoundary = null)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var counts = _triggers.Count(text, s.Start, s.End, names, isBoundary);
            if (counts.Count == 0)
            {
                continue;
            }

            var weight = IsListItem(text, s.Start) || _cooperation.Count(text, s.Start, s.End, null, isBoundary).Count > 0 ? 2 : 1;
            Add(scores, counts, weight);
        }

        return Finish(scores, 2);
    }

    /// <summary>
    /// Whether the line a sentence starts on is an item of a list ("1. Festival industry, …", "- … สาขาการออกแบบ",
    /// "๒) ด้านอาหาร"): a list sets out what a plan or an event covers, each item named once.
    /// </summary>
    internal static bool IsListItem(string text, int at)
    {
        var line = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var i = line;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] is '-' or '•' or '·' or '▪' or '*' or '–')
        {
            return true;
        }

        var digits = 0;
        while (i + digits < text.Length && digits < 3 && (char.IsAsciiDigit(text[i + digits]) || text[i + digits] is >= '\u0E50' and <= '\u0E59'))
        {
            digits++;
        }

        return digits > 0 && i + digits + 1 < text.Length && text[i + digits] is '.' or ')' && text[i + digits + 1] == ' ';
    }

    private static IReadOnlyList<string> Finish(Dictionary<string, int> scores, int threshold)
    {
        if (scores.Remove(Performer, out var performer) && scores.GetValueOrDefault("music") < threshold)
        {
            scores["art"] = scores.GetValueOrDefault("art") + performer;
        }

        var sectors = scores.Where(kv => kv.Value >= threshold && kv.Key.Length > 0).Select(kv => kv.Key).ToList();
        if (sectors.Contains("entertainment") && sectors.Intersect(NarrowerThanEntertainment).Any())
        {
            sectors.Remove("entertainment");
        }

        sectors.Sort(StringComparer.Ordinal);
        return sectors;
    }

    private static void Add(Dictionary<string, int> into, Dictionary<string, int> from, int weight)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.GetValueOrDefault(k) + (v * weight);
        }
    }
}
