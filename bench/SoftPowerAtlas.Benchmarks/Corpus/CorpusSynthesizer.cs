using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Benchmarks.Corpus;

/// <summary>One synthesized document: a relative file name (with its folder), its format and its text.</summary>
public sealed record SynthesizedDocument(string RelativePath, DocumentFormat Format, string Text, string Template);

/// <summary>A real document the synthesizer varies.</summary>
public sealed record CorpusTemplate(string Name, DocumentFormat Format, string Text);

/// <summary>
/// Builds any number of realistic documents from the demo samples and the real seed pages by varying
/// what changes between real releases: the Thai agency, the partner country, the dates (Buddhist Era
/// in several written forms, with matching Gregorian and ISO dates), sector words, people's names and
/// the order of body paragraphs. Formats follow the samples' proportions (txt 6 : md 2 : html 2).
/// Deterministic: document <c>i</c> depends only on the seed and <c>i</c>, so the first 2,000 of a
/// 10,000 corpus are the 2,000 corpus.
/// </summary>
public sealed partial class CorpusSynthesizer
{
    private static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    private static readonly string[] ThaiMonthAbbreviations =
        ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Invented names: none is a real official.
    private static readonly string[] ThaiGivenNames = ["สมชาย", "วิไลวรรณ", "ธนพล", "กมลชนก", "ปิยะพงษ์", "ศิริพร", "อนุชิต", "นภัสสร", "ชยพล", "พรรณราย", "ณัฐพงศ์", "สุภาวดี"];
    private static readonly string[] ThaiFamilyNames = ["ใจดี", "ศรีสวัสดิ์", "วงศ์ทองคำ", "บุญประเสริฐ", "แก้วมณี", "รุ่งเรืองศักดิ์", "พิทักษ์ไทย", "สุขสมบูรณ์", "ทองประเสริฐ", "มั่นคงดี"];
    private static readonly string[] LatinGivenNames = ["Claire", "Daniel", "Haruto", "Min-jun", "Sofia", "Lukas", "Amélie", "Rahul", "Yuki", "Marco", "Elena", "Kenji"];
    private static readonly string[] LatinFamilyNames = ["Moreau", "Fischer", "Tanaka", "Park", "Rossi", "Sharma", "Novak", "Okafor", "Lindqvist", "Herrera"];

    private static readonly (DocumentFormat Format, int Weight)[] FormatShares =
        [(DocumentFormat.Text, 6), (DocumentFormat.Markdown, 2), (DocumentFormat.Html, 2)];

    private readonly int _seed;
    private readonly Dictionary<DocumentFormat, PreparedTemplate[]> _byFormat;
    private readonly Pools _pools;

    public CorpusSynthesizer(IEnumerable<CorpusTemplate> templates, ReferenceData data, int seed = 2567)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(data);
        _seed = seed;
        _pools = new Pools(data);
        var prepared = templates.Select(t => new PreparedTemplate(t, _pools)).ToList();
        _byFormat = FormatShares.ToDictionary(f => f.Format, f => prepared.Where(p => p.Template.Format == f.Format).ToArray());
        if (_byFormat.Values.Any(v => v.Length == 0))
        {
            throw new ArgumentException("templates must include at least one txt, one md and one html document", nameof(templates));
        }
    }

    /// <summary>Templates of this run: every document under the samples folder and the seed pages.</summary>
    public IReadOnlyList<string> TemplateNames => [.. _byFormat.Values.SelectMany(v => v).Select(t => t.Template.Name).Order(StringComparer.Ordinal)];

    /// <summary>The repository's <c>samples/</c> and the shared seed pages, found above the working directory.</summary>
    public static CorpusSynthesizer FromRepository(int seed = 2567) =>
        new(LoadTemplates(RepositoryPaths.Samples(), RepositoryPaths.Seeds()), ReferenceData.Default, seed);

    public static IEnumerable<CorpusTemplate> LoadTemplates(params string[] folders)
    {
        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var format = Path.GetExtension(file) switch
                {
                    ".txt" => DocumentFormat.Text,
                    ".md" => DocumentFormat.Markdown,
                    ".html" or ".htm" => DocumentFormat.Html,
                    _ => (DocumentFormat?)null,
                };
                if (format is { } f)
                {
                    yield return new CorpusTemplate(Path.GetFileNameWithoutExtension(file), f, File.ReadAllText(file));
                }
            }
        }
    }

    /// <summary>Documents 0 … count-1, built lazily (nothing is kept).</summary>
    public IEnumerable<SynthesizedDocument> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Build(i);
        }
    }

    /// <summary>Writes documents 0 … count-1 under <paramref name="folder"/>, 1,000 per subfolder; returns the bytes written.</summary>
    public long WriteTo(string folder, int count)
    {
        long bytes = 0;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var doc in Generate(count))
        {
            var path = Path.Combine(folder, doc.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!); // RelativePath always has a folder.
            var data = utf8.GetBytes(doc.Text);
            File.WriteAllBytes(path, data);
            bytes += data.Length;
        }

        return bytes;
    }

    /// <summary>Document number <paramref name="index"/>: the same text for the same seed, on every run.</summary>
    public SynthesizedDocument Build(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var format = PickFormat(random);
        var templates = _byFormat[format];
        var template = templates[random.Next(templates.Length)];
        var text = template.Vary(random, _pools, index);
        var extension = format switch
        {
            DocumentFormat.Markdown => "md",
            DocumentFormat.Html => "html",
            _ => "txt",
        };
        var path = Path.Combine((index / 1000).ToString("D4", CultureInfo.InvariantCulture), $"{index:D7}_{template.Template.Name}.{extension}");
        return new SynthesizedDocument(path, format, text, template.Template.Name);
    }

    private static DocumentFormat PickFormat(Random random)
    {
        var roll = random.Next(FormatShares.Sum(f => f.Weight));
        foreach (var (format, weight) in FormatShares)
        {
            if (roll < weight)
            {
                return format;
            }

            roll -= weight;
        }

        return DocumentFormat.Text;
    }

    internal static string ThaiDigits(string digits) =>
        string.Create(digits.Length, digits, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] is >= '0' and <= '9' ? (char)('๐' + (s[i] - '0')) : s[i];
            }
        });

    /// <summary>What may be swapped in: names long enough not to hit inside other words.</summary>
    private sealed class Pools
    {
        public Pools(ReferenceData data)
        {
            var agencies = data.Agencies.Where(a => a.Kind != AgencyKind.Other).ToList();
            AgenciesTh = [.. agencies.Select(a => a.NameTh).Where(n => n.Length >= 8).Distinct()];
            AgenciesEn = [.. agencies.Select(a => a.NameEn).Where(n => n.Length >= 12 && n.Contains(' ', StringComparison.Ordinal)).Distinct()];
            CountriesTh = [.. data.Countries.Select(c => c.NameTh).Where(n => n.Length >= 4 && !n.Contains(' ', StringComparison.Ordinal)).Distinct()];
            CountriesEn = [.. data.Countries.Select(c => c.NameEn).Where(n => n.Length >= 5 && n.All(ch => char.IsLetter(ch) || ch == ' ')).Distinct()];
            SectorsTh = [.. data.Sectors.SelectMany(s => s.Thai).Where(n => n.Match == NameMatch.Normal && n.Text.Length >= 5 && !n.Text.Contains(' ', StringComparison.Ordinal)).Select(n => n.Text).Distinct()];
            SectorsEn = [.. data.Sectors.SelectMany(s => s.English).Where(n => n.Match == NameMatch.Normal && n.Text.Length >= 6 && n.Text.All(char.IsLetter)).Select(n => n.Text.ToLowerInvariant()).Distinct()];
        }

        public string[] AgenciesTh { get; }

        public string[] AgenciesEn { get; }

        public string[] CountriesTh { get; }

        public string[] CountriesEn { get; }

        public string[] SectorsTh { get; }

        public string[] SectorsEn { get; }
    }

    private enum Slot
    {
        AgencyTh,
        AgencyEn,
        CountryTh,
        CountryEn,
        SectorTh,
        SectorEn,
    }

    /// <summary>A template with its swappable names found once, so each document costs a few regex passes.</summary>
    private sealed partial class PreparedTemplate
    {
        private readonly Dictionary<string, Slot> _slots;
        private readonly Regex? _names;
        private readonly int[] _shufflable;
        private readonly string[] _lines;

        public PreparedTemplate(CorpusTemplate template, Pools pools)
        {
            Template = template;
            var text = template.Text;
            _slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
            AddFound(text, pools.AgenciesTh, Slot.AgencyTh, wholeWord: false);
            AddFound(text, pools.AgenciesEn, Slot.AgencyEn, wholeWord: true);
            AddFound(text, pools.CountriesTh, Slot.CountryTh, wholeWord: false);
            AddFound(text, pools.CountriesEn, Slot.CountryEn, wholeWord: true);
            AddFound(text, pools.SectorsTh, Slot.SectorTh, wholeWord: false);
            AddFound(text, pools.SectorsEn, Slot.SectorEn, wholeWord: true);
            if (_slots.Count > 0)
            {
                // Longest first, so an agency wins over the country or sector word inside its name.
                var alternatives = _slots.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
                    .Select(k => _slots[k] is Slot.AgencyEn or Slot.CountryEn or Slot.SectorEn ? $@"\b{Regex.Escape(k)}\b" : Regex.Escape(k));
                _names = new Regex(string.Join('|', alternatives), RegexOptions.CultureInvariant);
            }

            _lines = text.Split('\n');
            _shufflable = ShufflableLines(_lines, template.Format);
        }

        public CorpusTemplate Template { get; }

        public string Vary(Random random, Pools pools, int index)
        {
            var text = _shufflable.Length >= 2 && random.Next(3) != 0 ? Shuffle(random) : Template.Text;

            if (_names is not null)
            {
                var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
                text = _names.Replace(text, m =>
                {
                    if (!chosen.TryGetValue(m.Value, out var replacement))
                    {
                        // One in four names stays as written, as in a release about the same partner.
                        replacement = random.Next(4) == 0 ? m.Value : Pick(random, pools, _slots[m.Value], m.Value);
                        chosen[m.Value] = replacement;
                    }

                    return replacement;
                });
            }

            var people = new Dictionary<string, string>(StringComparer.Ordinal);
            text = ThaiPerson().Replace(text, m => m.Groups["title"].Value + Person(people, m.Value, random, thai: true));
            text = LatinPerson().Replace(text, m => m.Groups["title"].Value + " " + Person(people, m.Value, random, thai: false));

            // The document's own month; its dates fall in it or the next, as a release's dates do.
            var yearBe = 2565 + random.Next(4);
            var month = random.Next(12);
            text = ThaiDate().Replace(text, m => ThaiDateText(random, yearBe, month, afterDash: m.Index > 0 && text[m.Index - 1] is '-' or '–'));
            text = EnglishDayMonthYear().Replace(text, m =>
            {
                var (day, mo, year) = DayMonth(random, yearBe - 543, month, afterDash: m.Index > 0 && text[m.Index - 1] is '-' or '–');
                return string.Create(CultureInfo.InvariantCulture, $"{day} {EnglishMonths[mo]} {year}");
            });
            text = EnglishMonthDayYear().Replace(text, m =>
            {
                var (day, mo, year) = DayMonth(random, yearBe - 543, month, afterDash: false);
                return string.Create(CultureInfo.InvariantCulture, $"{EnglishMonths[mo]} {day}, {year}");
            });
            text = NumericThaiDate().Replace(text, _ => string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(28):D2}/{month + 1:D2}/{yearBe}"));
            text = IsoDate().Replace(text, _ => string.Create(CultureInfo.InvariantCulture, $"{yearBe - 543:D4}-{month + 1:D2}-{1 + random.Next(28):D2}"));

            return AddReleaseNumber(text, index, yearBe);
        }

        private string AddReleaseNumber(string text, int index, int yearBe)
        {
            var thai = Template.Text.Count(c => c is >= '\u0E01' and <= '\u0E5B') * 3 > Template.Text.Length;
            var line = thai
                ? string.Create(CultureInfo.InvariantCulture, $"ข่าวที่ {index + 1}/{yearBe}")
                : string.Create(CultureInfo.InvariantCulture, $"Press release no. {index + 1}/{yearBe - 543}");
            if (Template.Format == DocumentFormat.Html)
            {
                var end = text.LastIndexOf("</article>", StringComparison.Ordinal);
                return end < 0 ? text.Replace("</body>", $"<p>{line}</p>\n</body>", StringComparison.Ordinal) : text.Insert(end, $"<p>{line}</p>\n");
            }

            return text.TrimEnd() + "\n\n" + line + "\n";
        }

        private string Shuffle(Random random)
        {
            var lines = (string[])_lines.Clone();
            var order = (int[])_shufflable.Clone();
            random.Shuffle(order);
            for (var i = 0; i < order.Length; i++)
            {
                lines[_shufflable[i]] = _lines[order[i]];
            }

            return string.Join('\n', lines);
        }

        private static string Pick(Random random, Pools pools, Slot slot, string current)
        {
            var pool = slot switch
            {
                Slot.AgencyTh => pools.AgenciesTh,
                Slot.AgencyEn => pools.AgenciesEn,
                Slot.CountryTh => pools.CountriesTh,
                Slot.CountryEn => pools.CountriesEn,
                Slot.SectorTh => pools.SectorsTh,
                _ => pools.SectorsEn,
            };
            var picked = pool[random.Next(pool.Length)];
            return slot == Slot.SectorEn && char.IsUpper(current[0]) ? char.ToUpperInvariant(picked[0]) + picked[1..] : picked;
        }

        private static string Person(Dictionary<string, string> people, string original, Random random, bool thai)
        {
            if (!people.TryGetValue(original, out var name))
            {
                name = thai
                    ? ThaiGivenNames[random.Next(ThaiGivenNames.Length)] + " " + ThaiFamilyNames[random.Next(ThaiFamilyNames.Length)]
                    : LatinGivenNames[random.Next(LatinGivenNames.Length)] + " " + LatinFamilyNames[random.Next(LatinFamilyNames.Length)];
                people[original] = name;
            }

            return name;
        }

        /// <summary>A day in the document's month (one in five in the next month, December rolling into the next year).</summary>
        private static (int Day, int Month, int Year) DayMonth(Random random, int year, int month, bool afterDash)
        {
            // The end of a range ("7-8 กันยายน") must come after its start, which keeps its digits.
            var day = afterDash ? 20 + random.Next(9) : 1 + random.Next(19);
            return random.Next(5) == 0 ? (day, (month + 1) % 12, month == 11 ? year + 1 : year) : (day, month, year);
        }

        private static string ThaiDateText(Random random, int yearBe, int month, bool afterDash)
        {
            var (day, mo, year) = DayMonth(random, yearBe, month, afterDash);
            var d = day.ToString(CultureInfo.InvariantCulture);
            var y = year.ToString(CultureInfo.InvariantCulture);
            return random.Next(6) switch
            {
                0 => $"{d} {ThaiMonthAbbreviations[mo]} {y[2..]}",
                1 => $"{d} {ThaiMonthAbbreviations[mo]} {y}",
                2 => $"{d} {ThaiMonths[mo]} พ.ศ. {y}",
                3 => $"{ThaiDigits(d)} {ThaiMonths[mo]} {ThaiDigits(y)}",
                _ => $"{d} {ThaiMonths[mo]} {y}",
            };
        }

        private void AddFound(string text, string[] pool, Slot slot, bool wholeWord)
        {
            foreach (var name in pool)
            {
                var found = wholeWord
                    ? Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b", RegexOptions.CultureInvariant)
                    : text.Contains(name, StringComparison.Ordinal);
                if (found)
                {
                    _slots.TryAdd(name, slot);
                }
            }
        }

        /// <summary>
        /// Body paragraphs whose order may change: long lines (HTML: long &lt;p&gt; lines) after the lead,
        /// leaving titles, datelines, the lead paragraph and the tail where they are.
        /// </summary>
        private static int[] ShufflableLines(string[] lines, DocumentFormat format)
        {
            var body = Enumerable.Range(0, lines.Length)
                .Where(i => lines[i].Length >= 120
                    && (format != DocumentFormat.Html || ParagraphLine().IsMatch(lines[i]))
                    && lines.Count(l => l == lines[i]) == 1)
                .ToList();
            return body.Count > 2 ? [.. body.Skip(1).SkipLast(1)] : [];
        }

        [GeneratedRegex(@"(?<title>นางสาว|นาย|นาง)(?<given>[\u0E01-\u0E4E]{2,}) (?<family>[\u0E01-\u0E4E]{2,})")]
        private static partial Regex ThaiPerson();

        [GeneratedRegex(@"(?<title>Mr\.|Ms\.|Mrs\.|Dr\.) (?<given>[A-Z][a-z]+) (?<family>[A-Z][a-z]+)")]
        private static partial Regex LatinPerson();

        [GeneratedRegex(@"(?:\d{1,2}|[๐-๙]{1,2}) ?(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.) ?(?:พ\.ศ\. ?)?(?:25\d\d|[๒][๕][๐-๙][๐-๙]|6\d)(?!\d)")]
        private static partial Regex ThaiDate();

        [GeneratedRegex(@"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b")]
        private static partial Regex EnglishDayMonthYear();

        [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d\b")]
        private static partial Regex EnglishMonthDayYear();

        [GeneratedRegex(@"\b\d\d/\d\d/25\d\d\b")]
        private static partial Regex NumericThaiDate();

        [GeneratedRegex(@"\b20\d\d-\d\d-\d\d\b")]
        private static partial Regex IsoDate();

        [GeneratedRegex(@"^\s*<p>.*</p>\s*$")]
        private static partial Regex ParagraphLine();
    }
}
