using BenchmarkDotNet.Attributes;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Benchmarks;

/// <summary>
/// Thai word segmentation against raw ICU over the Thai paragraphs of the five seed releases. The
/// product must stay within 1.3x of the baseline. Thai chars/s = <see cref="Chars"/> / mean time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public unsafe class SegmentationBenchmarks
{
    private readonly List<Token> _tokens = new(16_384);
    private string _text = string.Empty;
    private WordBreaker _plain = null!; // set in Setup
    private WordBreaker _withPhrases = null!; // set in Setup
    private WordBreaker _product = null!; // set in Setup
    private IcuBreakApi _api = null!; // set in Setup
    private IntPtr _iterator;

    /// <summary>Characters segmented per operation (printed at setup for the chars/s figure).</summary>
    public int Chars => _text.Length;

    [GlobalSetup]
    public void Setup()
    {
        var seeds = FindSeeds();
        var all = string.Join('\n', Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        _text = string.Join('\n', ParagraphSplitter.Split(all)
            .Where(p => p.Language == Language.Thai)
            .Select(p => all[p.Span.Start..p.Span.End]));

        _plain = new WordBreaker();
        _product = new TextServices().Words; // BenchmarkDotNet runs each benchmark in a process of its own: this is its one
        var phrases = Phrases(_plain, _text, 500);
        _withPhrases = new WordBreaker(new PhraseMerger(phrases));

        _api = IcuNative.Api;
        _iterator = _api.OpenWordIterator("th");
        var thaiLetters = _text.Count(LanguageDetector.IsThai);
        Console.WriteLine($"// Segmentation input: {_text.Length} chars ({thaiLetters} Thai letters and marks), {phrases.Count} stand-in phrases, {_plain.Segment(_text).Count} tokens plain, {_product.Segment(_text).Count} with reference names");
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Close(_iterator);

    [Benchmark(Baseline = true)]
    public int RawIcu()
    {
        var boundaries = 0;
        var status = 0;
        fixed (char* chars = _text)
        {
            _api.SetText(_iterator, chars, _text.Length, &status);
            _api.First(_iterator);
            while (_api.Next(_iterator) != IcuNative.Done)
            {
                boundaries++;
            }
        }

        return boundaries;
    }

    [Benchmark]
    public int WordBreaker()
    {
        _tokens.Clear();
        _plain.Segment(_text, _tokens);
        return _tokens.Count;
    }

    [Benchmark]
    public int WordBreakerWithPhrases()
    {
        _tokens.Clear();
        _withPhrases.Segment(_text, _tokens);
        return _tokens.Count;
    }

    /// <summary>The product's breaker: the phrase merger holds every Thai reference name (agencies, countries, places).</summary>
    [Benchmark]
    public int WordBreakerWithReferenceNames()
    {
        _tokens.Clear();
        _product.Segment(_text, _tokens);
        return _tokens.Count;
    }

    /// <summary>
    /// A stand-in for reference-data names: the seed names ICU splits, plus runs of two and three
    /// adjacent Thai words from the text itself, so phrases match often (a harder case than real names).
    /// </summary>
    private static List<string> Phrases(WordBreaker breaker, string text, int count)
    {
        var phrases = new List<string> { "คุมะมง", "คุมาโมโตะ", "ซอฟต์พาวเวอร์", "กรมการพัฒนาชุมชน", "ณัฏฐิญา" };
        var words = breaker.Segment(text).Where(t => t.Kind == TokenKind.Word).ToList();
        var seen = new HashSet<string>(phrases, StringComparer.Ordinal);
        for (var i = 0; i + 2 < words.Count && phrases.Count < count; i += 7)
        {
            foreach (var n in (ReadOnlySpan<int>)[2, 3])
            {
                var last = words[i + n - 1];
                var adjacent = Enumerable.Range(i, n - 1).All(k => words[k].End == words[k + 1].Start);
                if (adjacent && seen.Add(text[words[i].Start..last.End]) && phrases.Count < count)
                {
                    phrases.Add(text[words[i].Start..last.End]);
                }
            }
        }

        return phrases;
    }

    /// <summary>The seed corpus: walk up from the working directory to a folder holding (shared/)corpus/seeds.</summary>
    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in (string[])[Path.Combine(dir.FullName, "corpus", "seeds"), Path.Combine(dir.FullName, "shared", "corpus", "seeds")])
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"no corpus/seeds or shared/corpus/seeds above {Directory.GetCurrentDirectory()}");
    }
}
