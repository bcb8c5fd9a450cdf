namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// The field lexicon (<c>Data/field-words.txt</c>): loanwords and words of soft-power news that ICU's
/// dictionary cuts into pieces (ซอฟต์พาวเวอร์, อินฟลูเอนเซอร์, เบียนนาเล่), kept whole by the
/// <see cref="PhraseMerger"/> beside the reference names, at ingest and at query time alike.
/// </summary>
public static class FieldWords
{
    private static readonly Lazy<IReadOnlyList<string>> LazyAll = new(() => Loading.EmbeddedWordList.Lines("Segmentation/Data/field-words.txt"));

    /// <summary>Every word of the lexicon, in file order.</summary>
    public static IReadOnlyList<string> All => LazyAll.Value;
}
