using System.Diagnostics;
using System.Globalization;

namespace SoftPowerAtlas.Analysis.Pipeline;

/// <summary>
/// The time one document's analysis may take, and the memory it may allocate meanwhile. <see cref="AnalysisPipeline.Run(Documents.SourceDocument)"/>
/// opens a scope per document on its thread; the pipeline checks it between stages and the stages'
/// loops call <see cref="ThrowIfExceeded"/>, so a document past its budget is ended cooperatively with
/// <see cref="AnalysisBudgetExceededException"/> (no thread is killed, nothing of it is returned).
/// Default 60 s, or <c>$ATLAS_BUDGET</c> (<c>90s</c>, <c>2m</c>, <c>500ms</c>, a number of seconds, or
/// <c>off</c>); the CLI's <c>--budget</c> overrides both. Under a time budget a document also may not allocate
/// more than <see cref="DefaultAllocation"/> bytes on its thread: analysis allocates about 75 times a page's
/// size in UTF-8 (about 220 times for a page on one line, docs/BENCHMARKS.md §13), so no page within the
/// upload cap comes near it, while a runaway document is ended before it can fill the machine's memory.
/// </summary>
public static class AnalysisBudget
{
    /// <summary>The budget when neither <c>--budget</c> nor <c>$ATLAS_BUDGET</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(60);

    public const string EnvironmentVariable = "ATLAS_BUDGET";

    /// <summary>The bytes a document's analysis may allocate under a time budget: 8 GiB (a 16 MB page on one line allocates 3.4 GiB).</summary>
    public const long DefaultAllocation = 8L << 30;

    [ThreadStatic]
    private static Scope? _current;

    /// <summary>From <c>$ATLAS_BUDGET</c>, else <see cref="DefaultTime"/>; null means no budget. A value that does not parse is an error naming the variable.</summary>
    public static TimeSpan? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? TryParse(value, out var budget) ? budget : throw new FormatException($"${EnvironmentVariable}={value}: not a budget (write 60s, 2m, 500ms, a number of seconds, or off)")
            : DefaultTime;

    /// <summary>Reads <c>60s</c>, <c>2m</c>, <c>500ms</c>, <c>1h</c>, <c>45</c> (seconds), <c>off</c>/<c>none</c> (null: no budget). Zero ends every document at once (for tests).</summary>
    public static bool TryParse(string? text, out TimeSpan? budget)
    {
        budget = null;
        var s = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        if (s is "off" or "none")
        {
            return true;
        }

        var (number, unit) = s.EndsWith("ms", StringComparison.Ordinal) ? (s[..^2], 0.001)
            : s.EndsWith('s') ? (s[..^1], 1.0)
            : s.EndsWith('m') ? (s[..^1], 60.0)
            : s.EndsWith('h') ? (s[..^1], 3600.0)
            : (s, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value) || value * unit > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        budget = TimeSpan.FromSeconds(value * unit);
        return true;
    }

    /// <summary>The budget as a reader would write it: "60 s", "1.5 s", "250 ms".</summary>
    public static string Describe(TimeSpan budget) =>
        budget.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{budget.TotalSeconds:0.###} s") : string.Create(CultureInfo.InvariantCulture, $"{budget.TotalMilliseconds:0} ms");

    /// <summary>Bytes as a reader would write them: "8 GB", "1.5 MB", "512 KB".</summary>
    public static string DescribeBytes(long bytes) =>
        bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB")
        : bytes >= 1L << 20 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    /// <summary>
    /// Ends the document being analysed on this thread when its budget has run out. Cheap (a clock read);
    /// stages call it once per sentence, paragraph, mention or other unit of work. Outside a scope it does nothing.
    /// </summary>
    public static void ThrowIfExceeded()
    {
        if (_current is not { } scope)
        {
            return;
        }

        if (Stopwatch.GetTimestamp() >= scope.Deadline)
        {
            throw new AnalysisBudgetExceededException(scope.Source, scope.Budget, scope.Stage);
        }

        if (GC.GetAllocatedBytesForCurrentThread() - scope.AllocatedAtStart > scope.MaxAllocated)
        {
            throw new AnalysisBudgetExceededException(scope.Source, scope.MaxAllocated, scope.Stage);
        }
    }

    /// <summary>Starts the budget of one document on this thread (null: no budget; the scope then checks nothing).</summary>
    internal static Scope? Start(string source, TimeSpan? budget, long maxAllocated = DefaultAllocation)
    {
        if (budget is not { } b)
        {
            return null;
        }

        var ticks = b.TotalSeconds * Stopwatch.Frequency;
        var deadline = Stopwatch.GetTimestamp() + (ticks >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)ticks);
        return _current = new Scope(source, b, deadline, maxAllocated, GC.GetAllocatedBytesForCurrentThread(), _current);
    }

    /// <summary>One document's budget on one thread; disposing it restores the scope around it.</summary>
    internal sealed class Scope(string source, TimeSpan budget, long deadline, long maxAllocated, long allocatedAtStart, Scope? outer) : IDisposable
    {
        public long MaxAllocated { get; } = maxAllocated;

        /// <summary>What the thread had allocated when the document started (the count only grows).</summary>
        public long AllocatedAtStart { get; } = allocatedAtStart;

        public string Source { get; } = source;

        public TimeSpan Budget { get; } = budget;

        public long Deadline { get; } = deadline;

        /// <summary>The stage running, for the message.</summary>
        public string? Stage { get; set; }

        public void Dispose() => _current = outer;
    }
}

/// <summary>A document's analysis took longer than its budget, or allocated more; the message names the file, the budget and the stage.</summary>
public sealed class AnalysisBudgetExceededException : Exception
{
    public AnalysisBudgetExceededException(string source, TimeSpan budget, string? stage)
        : base($"{source}: analysis took longer than its budget of {AnalysisBudget.Describe(budget)}{(stage is null ? string.Empty : $" (ended in the {stage} stage)")}; not stored (raise it with --budget or ${AnalysisBudget.EnvironmentVariable})")
    {
        Source = source;
        Budget = budget;
    }

    public AnalysisBudgetExceededException(string source, long allocationBudget, string? stage)
        : base($"{source}: analysis allocated more memory than its budget of {AnalysisBudget.DescribeBytes(allocationBudget)}{(stage is null ? string.Empty : $" (ended in the {stage} stage)")}; not stored")
    {
        Source = source;
    }

    public AnalysisBudgetExceededException()
    {
        Source = string.Empty;
    }

    public AnalysisBudgetExceededException(string message)
        : base(message)
    {
        Source = string.Empty;
    }

    public AnalysisBudgetExceededException(string message, Exception inner)
        : base(message, inner)
    {
        Source = string.Empty;
    }

    /// <summary>The document's source path or address.</summary>
    public new string Source { get; }

    public TimeSpan Budget { get; }
}
