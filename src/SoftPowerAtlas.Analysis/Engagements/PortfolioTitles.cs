using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Sector words a ministry's or an official's portfolio holds ("Ministry of Culture, Sports and Tourism",
/// "Minister for Research, Technology and Space", "รัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศแห่ง…") say what a body or a
/// post is in charge of, not what the engagement is about: masked for the sector tagger, beside the names
/// of organisations the entity finder already masks. A foreign ministry the reference lists do not hold is
/// found here by its pattern.
/// </summary>
internal static partial class PortfolioTitles
{
    /// <summary>The names mask with every portfolio title masked too (a copy; the names mask is left as it is).</summary>
    public static bool[] Mask(string text, bool[] names)
    {
        bool[]? mask = null;
        foreach (var match in English().Matches(text).Concat(Thai().Matches(text)))
        {
            var portfolio = match.Groups["portfolio"];
            mask ??= (bool[])names.Clone();
            Array.Fill(mask, true, portfolio.Index, portfolio.Length);
        }

        return mask ?? names;
    }

    /// <summary>
    /// A head that names a ministry or a post, "of"/"for", then capitalised words joined by commas, "and" or "&amp;":
    /// the whole run is the portfolio ("Minister of State for External Affairs and Textiles" from External).
    /// Committees and councils are left out: one named for a sector works on it.
    /// </summary>
    [GeneratedRegex(@"\b(?:Ministry|Ministries|Minister|Ministers|Department|Office|Secretary|Bureau)\s+(?:of|for)\s+(?:the\s+)?(?:State\s+for\s+(?:the\s+)?)?(?<portfolio>\p{Lu}[\p{L}'-]*(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+)\p{Lu}[\p{L}'-]*)*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex English();

    /// <summary>
    /// A minister's or ministry's portfolio written with ด้าน or after กระทรวง, up to แห่ง/ของ and the state it
    /// belongs to (ประเทศ, สาธารณรัฐ, ราชอาณาจักร…), on one line and within sixty characters: "รัฐมนตรีด้านวิจัย เทคโนโลยี และอวกาศแห่งสหพันธรัฐเยอรมนี".
    /// </summary>
    [GeneratedRegex(@"(?:รัฐมนตรี(?:ช่วย)?(?:ว่าการ)?(?:กระทรวง)?(?:ด้าน)?|กระทรวง)(?<portfolio>[^\n]{2,60}?)\s*(?:แห่ง|ของ)\s*(?:ประเทศ|สาธารณรัฐ|ราชอาณาจักร|สหพันธรัฐ|สหรัฐ|สหภาพ|รัฐบาล)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Thai();
}
