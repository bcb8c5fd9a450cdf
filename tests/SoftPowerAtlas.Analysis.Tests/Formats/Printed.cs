using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SoftPowerAtlas.Analysis.Tests.Formats;

/// <summary>
/// Makes the PDFs and page images the reading tests read, in the test run, with Debian's Chromium
/// (the browser tests' own, installed by scripts/test.sh with Thai fonts): no binary is checked in.
/// The CLI tests compile this file too (linked), so it runs Chromium itself rather than through the
/// library's internal process runner.
/// </summary>
internal static class Printed
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Paragraphs as an HTML page in a Thai font; "\f" before a paragraph starts a new page.</summary>
    public static string Html(IEnumerable<string> paragraphs, int fontPoints = 14, string font = "Garuda, Loma, sans-serif")
    {
        var body = new StringBuilder();
        var breakNext = false;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph == "\f")
            {
                breakNext = true;
                continue;
            }

            body.Append(breakNext ? "<p style=\"break-before: page\">" : "<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
            breakNext = false;
        }

        return string.Create(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>ข่าวประชาสัมพันธ์</title><style>body {{ font-family: {font}; font-size: {fontPoints}pt; margin: 0 2em }}</style></head><body>\n{body}</body></html>");
    }

    /// <summary>Prints <paramref name="html"/> to a PDF; with Chromium's header and footer (date, title, address, page n/N) when asked.</summary>
    public static string Pdf(string folder, string name, string html, bool headerAndFooter = false)
    {
        var page = Path.Combine(folder, name + ".html");
        File.WriteAllText(page, html);
        var pdf = Path.Combine(folder, name + ".pdf");
        List<string> arguments = ["--headless", "--no-sandbox", "--disable-gpu", $"--print-to-pdf={pdf}"];
        if (!headerAndFooter)
        {
            arguments.Add("--no-pdf-header-footer");
        }

        Run([.. arguments, new Uri(page).AbsoluteUri], pdf);
        return pdf;
    }

    /// <summary>A screenshot of <paramref name="html"/>, <paramref name="width"/> pixels wide, as a PNG.</summary>
    public static string Screenshot(string folder, string name, string html, int width = 1000, int height = 1400)
    {
        var page = Path.Combine(folder, name + ".html");
        File.WriteAllText(page, html);
        var png = Path.Combine(folder, name + ".png");
        Run(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), $"--screenshot={png}", new Uri(page).AbsoluteUri], png);
        return png;
    }

    private static void Run(IEnumerable<string> arguments, string output)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string said;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
            var errors = process.StandardError.ReadToEndAsync();
            var standard = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
            }

            said = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? standard.Result;
        }
        catch (Win32Exception)
        {
            said = "not installed: scripts/test.sh installs it";
        }

        if (!File.Exists(output))
        {
            throw new InvalidOperationException($"Chromium made no {output} ({said})");
        }
    }
}
