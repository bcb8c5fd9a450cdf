using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis;

/// <summary>
/// What the pipeline and search read text with, made from the reference data: the word breakers and the
/// entity lexicon. A host makes one and passes it to the pipeline (<see cref="AtlasPipeline.CreateDefault"/>)
/// and the store; each part is built on first use (ICU and the lexicon take a fraction of a second), then
/// shared by every thread.
/// </summary>
public sealed class TextServices
{
    private readonly Lazy<ReferenceData> _data;
    private readonly Lazy<WordBreaker> _words;
    private readonly Lazy<WordBreaker> _wordsBeforeFieldWords;
    private readonly Lazy<EntityLexicon> _lexicon;

    /// <summary>Text services over the embedded reference data, loaded on first use (a verb that reads no text never loads it).</summary>
    public TextServices()
        : this(new Lazy<ReferenceData>(() => ReferenceData.Default))
    {
    }

    public TextServices(ReferenceData data)
        : this(new Lazy<ReferenceData>(data ?? throw new ArgumentNullException(nameof(data))))
    {
    }

    private TextServices(Lazy<ReferenceData> data)
    {
        _data = data;
        _words = new(() => new WordBreaker(new PhraseMerger(NamesNeverSplit(Data).Concat(FieldWords.All))));
        _wordsBeforeFieldWords = new(() => new WordBreaker(new PhraseMerger(NamesNeverSplit(Data))));
        _lexicon = new(() => ReferenceLexicon.Build(Data));
    }

    /// <summary>The reference data the parts are made from.</summary>
    public ReferenceData Data => _data.Value;

    /// <summary>The ICU word breaker, taught to keep every reference name and every word of the field lexicon (<see cref="FieldWords"/>) whole.</summary>
    public WordBreaker Words => _words.Value;

    /// <summary>
    /// The word breaker as it was before the field lexicon: reference names only. Documents stored
    /// before it hold these words (ซอฟต์|พา|ว|เวอร์), so search also looks a query's words up as this one cuts them.
    /// </summary>
    public WordBreaker WordsBeforeFieldWords => _wordsBeforeFieldWords.Value;

    /// <summary>Every reference name of an agency, body, country or place, as the extraction stage finds them.</summary>
    public EntityLexicon Lexicon => _lexicon.Value;

    private static IEnumerable<string> NamesNeverSplit(ReferenceData data) =>
        data.Agencies.SelectMany(a => a.Names)
            .Concat(data.ForeignBodies.SelectMany(b => b.Names))
            .Concat(data.Countries.SelectMany(c => c.Names))
            .Concat(data.Provinces.SelectMany(p => p.Names))
            .Concat(data.ForeignPlaces.SelectMany(p => p.Names))
            .Select(n => n.Text)
            .Where(t => t.Length >= 2 && Gazetteer.IsThaiLetter(t[0]) && !t.Contains(' ', StringComparison.Ordinal));
}
