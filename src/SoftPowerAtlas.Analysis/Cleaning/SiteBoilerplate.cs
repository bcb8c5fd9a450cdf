namespace SoftPowerAtlas.Analysis.Cleaning;

/// <summary>
/// Lines a site repeats on many of its pages (its name, slogan, menu, footer): seen in a batch, such a
/// line is boilerplate wherever it appears. Immutable; build one with <see cref="Counter"/>.
/// </summary>
public sealed class SiteBoilerplate
{
    /// <summary>Share of documents a line must appear in to count as boilerplate.</summary>
    public const double DefaultMinShare = 0.3;

    /// <summary>Fewer documents than this say nothing about what a site repeats.</summary>
    public const int DefaultMinDocuments = 5;

    private readonly HashSet<string> _keys;

    public SiteBoilerplate(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var key = LineText.Key(line);
            if (key.Length > 0)
            {
                _keys.Add(key);
            }
        }
    }

    public static SiteBoilerplate None { get; } = new([]);

    public int Count => _keys.Count;

    public bool Contains(ReadOnlySpan<char> line) => _keys.Count > 0 && _keys.Contains(LineText.Key(line));

    /// <summary>Counts, for each line, the documents it appears in. Thread-safe.</summary>
    public sealed class Counter
    {
        private readonly Dictionary<string, int> _documentsPerLine = new(StringComparer.Ordinal);
        private int _documents;

        public int Documents
        {
            get
            {
                lock (_documentsPerLine)
                {
                    return _documents;
                }
            }
        }

        /// <summary>Adds one document's text; a line counts once per document.</summary>
        public void AddDocument(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                var key = LineText.Key(line);
                if (key.Length > 0)
                {
                    keys.Add(key);
                }
            }

            lock (_documentsPerLine)
            {
                _documents++;
                foreach (var key in keys)
                {
                    _documentsPerLine[key] = _documentsPerLine.GetValueOrDefault(key) + 1;
                }
            }
        }

        /// <summary>Lines in at least <paramref name="minShare"/> of the documents, when there are at least <paramref name="minDocuments"/>.</summary>
        public SiteBoilerplate Build(double minShare = DefaultMinShare, int minDocuments = DefaultMinDocuments)
        {
            lock (_documentsPerLine)
            {
                if (_documents < minDocuments)
                {
                    return None;
                }

                var threshold = Math.Max(2, (int)Math.Ceiling(minShare * _documents));
                return new SiteBoilerplate(_documentsPerLine.Where(p => p.Value >= threshold).Select(p => p.Key));
            }
        }
    }
}
