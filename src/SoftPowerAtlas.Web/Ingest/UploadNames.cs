using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Web.Ingest;

/// <summary>
/// The name an uploaded file is recorded under (<c>upload/NAME</c>): only the last part of whatever
/// path the client sent, with either slash as a separator (<c>../../etc/passwd</c> and
/// <c>..\..\x.txt</c> become <c>passwd</c> and <c>x.txt</c>), without control or invisible
/// characters (NUL included), leading dots and spaces, and at most <see cref="MaxLength"/> characters.
/// Uploads are never written to disk under this name; it is a label.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 200;

    /// <summary>The safe name; empty when nothing usable is left (the caller reports "no name").</summary>
    public static string Sanitize(string? fileName)
    {
        var text = fileName ?? string.Empty;
        var cut = text.LastIndexOfAny(['/', '\\']);
        var last = cut < 0 ? text : text[(cut + 1)..];
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                clean.Append(c);
            }
        }

        var name = clean.ToString().Trim().TrimStart('.').Trim();
        if (name.Length > MaxLength)
        {
            // Keep the extension, which decides how the file is read.
            var extension = Path.GetExtension(name);
            var keep = extension.Length < 16 ? MaxLength - extension.Length : MaxLength;
            if (char.IsHighSurrogate(name[keep - 1]))
            {
                keep--; // never cut a character outside the BMP in half
            }

            name = name[..keep] + (extension.Length < 16 ? extension : string.Empty);
        }

        return name;
    }
}
