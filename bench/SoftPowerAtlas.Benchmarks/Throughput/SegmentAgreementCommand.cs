using System.Globalization;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Segmentation;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>segment-agreement DIR...</c>: how the field lexicon changes segmentation of real text. For every
/// .txt/.md/.html file (held-out pages, whose first number ends in 0 or 5, are skipped unread), the word
/// boundaries of the product's breaker against plain ICU (no phrase layer) and against the breaker before
/// the lexicon; the words that changed, and whether each is a lexicon word; single-letter Thai pieces.
/// </summary>
internal static partial class SegmentAgreementCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        var plain = new WordBreaker();
        var before = textServices.WordsBeforeFieldWords;
        var now = textServices.Words;
        var lexicon = FieldWords.All.ToHashSet(StringComparer.Ordinal);
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".txt" or ".md" or ".html" && !HeldOut(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal).ToList();
        long plainBounds = 0, beforeBounds = 0, nowBounds = 0, nowAndPlain = 0, nowAndBefore = 0, changed = 0, changedLexicon = 0, letterBefore = 0, letterNow = 0, words = 0;
        var changedWords = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = AtlasPipeline.Normalize(MappedText.Identity(File.ReadAllText(file))).Text;
            var p = Bounds(plain.Segment(text));
            var b = Bounds(before.Segment(text));
            var nowTokens = now.Segment(text);
            var n = Bounds(nowTokens);
            (plainBounds, beforeBounds, nowBounds) = (plainBounds + p.Count, beforeBounds + b.Count, nowBounds + n.Count);
            nowAndPlain += n.Count(p.Contains);
            nowAndBefore += n.Count(b.Contains);
            var beforeSpans = before.Segment(text).Where(t => t.IsWordLike).Select(t => (t.Start, t.End)).ToHashSet();
            foreach (var token in nowTokens.Where(t => t.IsWordLike))
            {
                words++;
                if (!beforeSpans.Contains((token.Start, token.End)))
                {
                    changed++;
                    var word = text[token.Start..token.End];
                    changedLexicon += lexicon.Contains(word) ? 1 : 0;
                    changedWords[word] = changedWords.GetValueOrDefault(word) + 1;
                }

                letterNow += ThaiLetter(text, token) ? 1 : 0;
            }

            letterBefore += before.Segment(text).Count(t => t.IsWordLike && ThaiLetter(text, t));
        }

        static string Pct(long part, long all) => all == 0 ? "-" : (100.0 * part / all).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        Console.WriteLine($"{files.Count} files, {words:N0} words (product breaker)");
        Console.WriteLine($"boundaries: plain ICU {plainBounds:N0}, before the lexicon {beforeBounds:N0}, with it {nowBounds:N0}");
        Console.WriteLine($"with the lexicon vs plain ICU: {Pct(nowAndPlain, nowBounds)} of its boundaries are ICU's, {Pct(nowAndPlain, plainBounds)} of ICU's kept");
        Console.WriteLine($"with the lexicon vs before it: {Pct(nowAndBefore, nowBounds)} of its boundaries were there before, {Pct(nowAndBefore, beforeBounds)} of the earlier ones kept");
        Console.WriteLine($"words that changed: {changed:N0} ({Pct(changed, words)} of words), of which lexicon words {changedLexicon:N0}");
        Console.WriteLine($"single-letter Thai words: before {letterBefore:N0}, with the lexicon {letterNow:N0}");
        Console.WriteLine("most frequent changed words: " + string.Join(", ", changedWords.OrderByDescending(w => w.Value).Take(15).Select(w => $"{w.Key} {w.Value}")));
        return 0;
    }

    private static HashSet<int> Bounds(IReadOnlyList<Token> tokens) => [.. tokens.Where(t => t.IsWordLike).SelectMany(t => (int[])[t.Start, t.End])];

    private static bool ThaiLetter(string text, Token token)
    {
        var piece = text[token.Start..token.End];
        return piece.Length == 1 && piece[0] is >= '\u0E01' and <= '\u0E2E';
    }

    /// <summary>A held-out page of the shared corpus: its first number ends in 0 or 5 (005.txt, L10-b.txt).</summary>
    private static bool HeldOut(string name) => FirstNumber().Match(name) is { Success: true } m && m.Value[^1] is '0' or '5';

    [GeneratedRegex("[0-9]+")]
    private static partial Regex FirstNumber();
}
