using System.Diagnostics.CodeAnalysis;
using SoftPowerAtlas.Analysis.Documents;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>What a loader made of one input: a document, or the reason it could not read one.</summary>
public sealed record LoadResult
{
    private LoadResult(SourceDocument? document, LoadError? error, IReadOnlyList<string> warnings)
    {
        Document = document;
        Error = error;
        Warnings = warnings;
    }

    public SourceDocument? Document { get; }

    public LoadError? Error { get; }

    /// <summary>Problems the loader worked around (a malformed front matter read as text...).</summary>
    public IReadOnlyList<string> Warnings { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Document is not null;

    public static LoadResult Success(SourceDocument document, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new LoadResult(document, null, warnings ?? []);
    }

    public static LoadResult Failure(LoadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new LoadResult(null, error, []);
    }

    public static LoadResult Failure(string source, LoadErrorKind kind, string message) =>
        Failure(new LoadError(source, kind, message));
}

/// <summary>Why an input could not be read as a document; <see cref="Message"/> names the input and the problem.</summary>
public sealed record LoadError(string Source, LoadErrorKind Reason, string Message);

/// <summary>Kinds of unreadable input, so a folder walk can count and report them.</summary>
public enum LoadErrorKind
{
    NotFound,
    AccessDenied,
    Empty,
    TooLarge,
    Binary,
    UndecodableText,
    MostlyScript,
    Unsupported,

    /// <summary>Structure nested past what is read (a front matter hundreds of levels deep).</summary>
    TooDeep,
}
