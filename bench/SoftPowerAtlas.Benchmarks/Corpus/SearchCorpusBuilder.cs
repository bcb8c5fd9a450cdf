using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Benchmarks.Corpus;

/// <summary>
/// Builds big search corpora fast and says how: <see cref="Analyse"/> runs the real pipeline over
/// a few thousand synthesized documents (the bases); <see cref="Variant"/> then derives document
/// <c>i</c> from base <c>i mod bases</c> without re-analysis: about 3 % of its words swapped for
/// words drawn from the whole corpus vocabulary (so each text and its term statistics differ), a
/// serial appended (unique content hash), dates shifted by up to five years, partner countries,
/// sectors, the first Thai agency and sometimes the engagement type redrawn from reference data.
/// The variant's facts therefore no longer match its text; for timing search that does not matter,
/// for judging quality it would.
/// </summary>
internal sealed class SearchCorpusBuilder
{
    private static readonly string[] Types = ["meeting", "mou_signing", "forum_or_exhibition", "training_or_seminar", "announcement", "visit", "other"];

    private readonly List<Base> _bases;
    private readonly string[] _vocabulary;
    private readonly string[] _countries;
    private readonly string[] _sectors;
    private readonly Agency[] _agencies;

    private SearchCorpusBuilder(List<Base> bases)
    {
        _bases = bases;
        _vocabulary = [.. bases.SelectMany(b => b.Words.Select(w => b.Document.CleanText.Substring(w.Start, w.Length)))];
        var data = ReferenceData.Default;

        // Partners weighted as in the releases: a few often, the rest now and then.
        string[] frequent = ["JP", "KR", "CN", "FR", "US", "GB", "DE", "IN", "SG", "VN", "LA", "KH", "MY", "ID", "FI", "IT", "AU", "BR"];
        _countries = [.. Enumerable.Repeat(frequent, 6).SelectMany(c => c), .. data.Countries.Select(c => c.Code)];
        _sectors = [.. data.Sectors.Select(s => s.Sector).Where(s => s != "other")];
        _agencies = [.. data.Agencies];
    }

    public int Bases => _bases.Count;

    /// <summary>Synthesizes and analyses <paramref name="count"/> documents with the product pipeline, on every core.</summary>
    public static SearchCorpusBuilder Analyse(int count, TextServices textServices)
    {
        var synthesizer = CorpusSynthesizer.FromRepository();
        var pipeline = AtlasPipeline.CreateDefault(textServices);
        var loader = new DocumentLoader();
        var documents = new NewDocument[count];
        Parallel.For(0, count, i =>
        {
            var doc = synthesizer.Build(i);
            documents[i] = IngestRunner.ToNewDocument(pipeline.Run(loader.LoadText(doc.Text, doc.RelativePath, doc.Format).Document!)); // synthesized text always loads.
        });

        return new SearchCorpusBuilder([.. documents.Select(d => new Base(d, Align(d)))]);
    }

    /// <summary>Document number <paramref name="index"/>: the same for the same index, on every run.</summary>
    public NewDocument Variant(int index)
    {
        var random = new Random(unchecked((index * 7919) + 17));
        var source = _bases[index % _bases.Count];
        var doc = source.Document;
        if (index < _bases.Count)
        {
            return doc with { Source = doc.Source + "#0" };
        }

        var clean = new StringBuilder(doc.CleanText.Length + 32);
        var segmented = new StringBuilder(doc.SegmentedText.Length + 32);
        var at = 0;
        foreach (var (start, length) in source.Words)
        {
            var word = random.Next(100) < 3 ? _vocabulary[random.Next(_vocabulary.Length)] : doc.CleanText.Substring(start, length);
            clean.Append(doc.CleanText, at, start - at).Append(word);
            segmented.Append(segmented.Length == 0 ? string.Empty : " ").Append(word);
            at = start + length;
        }

        var serial = index.ToString(CultureInfo.InvariantCulture);
        clean.Append(doc.CleanText, at, doc.CleanText.Length - at).Append(" ฉบับที่ ").Append(serial);
        segmented.Append(" ฉบับ ที่ ").Append(serial);
        var days = random.Next(-5 * 365, 365);
        var cleanText = clean.ToString();
        return doc with
        {
            Source = $"{doc.Source}#{serial}",
            CleanText = cleanText,
            SegmentedText = segmented.ToString(),
            ContentHash = Fingerprint.ContentHash(cleanText),
            Published = Shift(doc.Published, days),
            Facts = doc.Facts is null ? null : VaryFacts(doc.Facts, random, days),
        };
    }

    private ExtractedFacts VaryFacts(ExtractedFacts facts, Random random, int days) => facts with
    {
        Events = [.. facts.Events.Select(e =>
        {
            var type = random.Next(4) == 0 ? Types[random.Next(Types.Length)] : e.Type;
            var countries = e.PartnerCountries.Select(_ => _countries[random.Next(_countries.Length)]).Distinct(StringComparer.Ordinal).ToList();
            var sectors = e.Sectors.Select(_ => _sectors[random.Next(_sectors.Length)]).Distinct(StringComparer.Ordinal).ToList();
            var thai = e.ThaiOrgs;
            if (thai.Count > 0)
            {
                var agency = _agencies[random.Next(_agencies.Length)];
                thai = [new ExtractedEntity
                {
                    Id = "agency:" + agency.Id,
                    Name = agency.NameTh,
                    Country = "TH",
                    Aliases = [.. agency.Names.Select(n => n.Text).Distinct(StringComparer.Ordinal)],
                    Mentions = [],
                    Spans = [],
                }, .. thai.Skip(1)];
            }

            return e with
            {
                Date = Shift(e.Date, days),
                EndDate = Shift(e.EndDate, days),
                Type = type,
                PartnerCountries = countries,
                Sectors = sectors,
                ThaiOrgs = thai,
            };
        })],
    };

    /// <summary>A contract date (yyyy, yyyy-MM, yyyy-MM-dd, with a time or a /range after it) moved by <paramref name="days"/>.</summary>
    private static string? Shift(string? value, int days)
    {
        if (value is null || value.Length < 4 || value.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9'))
        {
            return value;
        }

        if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + value[10..];
        }

        var year = int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture) + (days / 365);
        return year.ToString("D4", CultureInfo.InvariantCulture) + value[4..];
    }

    /// <summary>Where each word of the segmented text sits in the clean text.</summary>
    private static List<(int Start, int Length)> Align(NewDocument doc)
    {
        var words = new List<(int, int)>();
        var cursor = 0;
        foreach (var word in doc.SegmentedText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = doc.CleanText.IndexOf(word, cursor, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            words.Add((found, word.Length));
            cursor = found + word.Length;
        }

        return words;
    }

    private sealed record Base(NewDocument Document, List<(int Start, int Length)> Words);
}
