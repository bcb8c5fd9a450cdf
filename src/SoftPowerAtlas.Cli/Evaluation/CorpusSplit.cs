using System.Text.RegularExpressions;

namespace SoftPowerAtlas.Cli.Evaluation;

/// <summary>Which gold pages <c>atlas eval</c> scores.</summary>
internal enum EvalSplit
{
    All,
    Development,
    HeldOut,
}

/// <summary>
/// The fixed split of the real corpora: a page is held out when the first number in its name ends in
/// 0 or 5 (<c>005</c>, <c>L10-b</c>: a linked group is held out whole), and is for development
/// otherwise. A name without a number is for development.
/// </summary>
internal static partial class CorpusSplit
{
    public static bool IsHeldOut(string name) =>
        FirstNumber().Match(name) is { Success: true } m && m.Value[^1] is '0' or '5';

    public static bool Includes(this EvalSplit split, string name) => split switch
    {
        EvalSplit.Development => !IsHeldOut(name),
        EvalSplit.HeldOut => IsHeldOut(name),
        _ => true,
    };

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();
}
