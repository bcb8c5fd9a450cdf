using System.Diagnostics;
using System.Globalization;
using System.Net;
using SoftPowerAtlas.Analysis.Loading;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// How well PDFs and scans of Thai text are read: each seed is printed to PDF and photographed by
/// Chromium in Laksaman 16 pt (fonts-thai-tlwg's TH Sarabun, the font and size of Thai government
/// documents; <c>--font Garuda --size 14</c> for another), then read back by atlas (pdftotext,
/// Tesseract) and, for the PDF, by PdfPig, and compared with the seed's own text.
/// </summary>
internal static class ReadingCommand
{
    private const string Chromium = "/usr/bin/chromium";

    public static int Run(string[] args)
    {
        var seeds = CommandLine.Value(args, "--seeds") ?? throw new ArgumentException("--seeds DIR is required (shared/corpus/seeds)");
        var ocr = !CommandLine.Flag(args, "--no-ocr");
        var font = CommandLine.Value(args, "--font") ?? "Laksaman";
        var points = CommandLine.Int(args, "--size", 16);
        var folder = Directory.CreateTempSubdirectory("atlas-reading-").FullName;
        var loader = new DocumentLoader();
        var totals = new Dictionary<string, Totals>(StringComparer.Ordinal);
        Console.WriteLine($"load average {CommandLine.LoadAverage()}; {font} {points} pt");
        Console.WriteLine("seed  reader      pages  seconds   CER(no ws)  CER(ws=1)  tone marks  ํา   broken words");
        foreach (var seed in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var paragraphs = Body(File.ReadAllText(seed)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var source = string.Join('\n', paragraphs);
            var name = Path.GetFileName(seed)[..3];
            var html = Path.Combine(folder, name + ".html");
            File.WriteAllText(html, Html(paragraphs, font, points));
            var pdf = Path.Combine(folder, name + ".pdf");
            Chrome(["--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri], pdf);

            Measure(name, "pdftotext", source, totals, () =>
            {
                var document = loader.Load(pdf).Document ?? throw new InvalidOperationException(loader.Load(pdf).Error?.Message);
                return (document.Original, document.File!.PageStarts.Count);
            });
            Measure(name, "PdfPig", source, totals, () =>
            {
                using var document = PdfDocument.Open(pdf);
                var pages = document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).ToList();
                return (string.Join('\n', pages), pages.Count);
            });
            if (ocr)
            {
                var png = Path.Combine(folder, name + ".png");
                var height = 300 + (int)(source.Length * 0.6);
                Chrome(["--hide-scrollbars", string.Create(CultureInfo.InvariantCulture, $"--window-size=1000,{height}"), $"--screenshot={png}", new Uri(html).AbsoluteUri], png);
                Measure(name, "tesseract", source, totals, () =>
                {
                    var document = loader.Load(png).Document ?? throw new InvalidOperationException(loader.Load(png).Error?.Message);
                    return (document.Original, 1);
                });
            }
        }

        foreach (var (reader, t) in totals)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"all   {reader,-10} {t.Pages,5} {t.Seconds,8:F2}   {(double)t.ErrorsNoSpace / t.CharsNoSpace,9:P2}  {(double)t.Errors / t.Chars,9:P2}  {t.TonesOut,4}/{t.TonesIn,-4}  {t.Decomposed,3}  {t.Broken,5}   {t.Pages / t.Seconds:F1} pages/s"));
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private sealed class Totals
    {
        public int Pages, Chars, Errors, CharsNoSpace, ErrorsNoSpace, TonesIn, TonesOut, Decomposed, Broken;
        public double Seconds;
    }

    private static void Measure(string seed, string reader, string source, Dictionary<string, Totals> totals, Func<(string Text, int Pages)> read)
    {
        var clock = Stopwatch.StartNew();
        var (text, pages) = read();
        var seconds = clock.Elapsed.TotalSeconds;
        var t = totals.TryGetValue(reader, out var found) ? found : totals[reader] = new Totals();
        var (a, b) = (Collapse(source), Collapse(text));
        var (c, d) = (Squash(source), Squash(text));
        var errors = Distance(a, b);
        var errorsNoSpace = Distance(c, d);
        var tonesIn = source.Count(IsTone);
        var tonesOut = text.Count(IsTone);
        var decomposed = CountOf(text, "\u0E4D\u0E32");
        var broken = source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => !text.Contains(w, StringComparison.Ordinal));
        (t.Pages, t.Seconds, t.Chars, t.Errors, t.CharsNoSpace, t.ErrorsNoSpace) = (t.Pages + pages, t.Seconds + seconds, t.Chars + a.Length, t.Errors + errors, t.CharsNoSpace + c.Length, t.ErrorsNoSpace + errorsNoSpace);
        (t.TonesIn, t.TonesOut, t.Decomposed, t.Broken) = (t.TonesIn + tonesIn, t.TonesOut + tonesOut, t.Decomposed + decomposed, t.Broken + broken);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{seed}   {reader,-10} {pages,5} {seconds,8:F2}   {(double)errorsNoSpace / c.Length,9:P2}  {(double)errors / a.Length,9:P2}  {tonesOut,4}/{tonesIn,-4}  {decomposed,3}  {broken,5}"));
    }

    private static bool IsTone(char c) => c is >= '\u0E48' and <= '\u0E4B';

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Levenshtein distance over UTF-16 code units (never past the longer text's length, so no limit applies).</summary>
    private static int Distance(string a, string b) => SoftPowerAtlas.Analysis.Text.EditDistance.Within(a, b, Math.Max(a.Length, b.Length));

    private static string Body(string text)
    {
        text = text.ReplaceLineEndings("\n");
        if (text.StartsWith("---\n", StringComparison.Ordinal) && text.IndexOf("\n---\n", 4, StringComparison.Ordinal) is var close and > 0)
        {
            text = text[(close + 5)..];
        }

        return text;
    }

    private static string Html(IEnumerable<string> paragraphs, string font, int points) =>
        string.Create(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><style>body {{ font-family: {font}; font-size: {points}pt; margin: 0 2em }}</style></head><body>\n")
        + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n")) + "</body></html>";

    private static void Chrome(IEnumerable<string> arguments, string output)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (!File.Exists(output))
        {
            throw new InvalidOperationException($"chromium made no {output}");
        }
    }
}
