using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SoftPowerAtlas.Analysis.Loading;

/// <summary>
/// Reads the top level of a YAML front matter from the parser's event stream, never building a node
/// tree: YamlDotNet's tree loader recurses once per level, so <c>title: [[[[…]]]]</c> 30,000 deep
/// overflowed the stack and killed the process. Nesting past <see cref="MaxDepth"/> is refused.
/// </summary>
internal static class FrontMatterYaml
{
    /// <summary>Deepest nesting read; a real front matter uses two or three levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// A top-level value: a scalar, or a sequence's scalars joined by ", "; <see cref="Start"/> and
    /// <see cref="End"/> are where it is written in the YAML, <see cref="Style"/> how a scalar is quoted.
    /// </summary>
    public sealed record Entry(string Key, string Value, long Start, long End, ScalarStyle Style);

    /// <summary>The top-level entries, or why there are none.</summary>
    public sealed record Result(IReadOnlyList<Entry>? Entries, string? Problem, bool Refused = false);

    /// <summary>Reads the first YAML document of <paramref name="yaml"/>; <see cref="Result.Refused"/> when it nests too deep.</summary>
    public static Result Read(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            return ReadEvents(parser);
        }
        catch (YamlException e)
        {
            return new Result(null, $"the front matter is not valid YAML ({e.Message}); read it as text");
        }
    }

    private static Result ReadEvents(Parser parser)
    {
        ParsingEvent? root = null;
        while (parser.MoveNext())
        {
            if (parser.Current is NodeEvent node)
            {
                root = node;
                break;
            }
        }

        if (root is not MappingStart)
        {
            return NotMapping(root is null ? 0 : Skip(parser, root));
        }

        var entries = new List<Entry>();
        while (parser.MoveNext() && parser.Current is not MappingEnd)
        {
            var keyEvent = parser.Current!;
            var keyDepth = Skip(parser, keyEvent, depth: 1);
            if (keyDepth > MaxDepth)
            {
                return TooDeep();
            }

            if (!parser.MoveNext() || parser.Current is not NodeEvent valueEvent)
            {
                break;
            }

            var key = (keyEvent as Scalar)?.Value;
            switch (valueEvent)
            {
                case Scalar scalar when key is not null:
                    entries.Add(new Entry(key, scalar.Value, scalar.Start.Index, scalar.End.Index, scalar.Style));
                    break;
                case SequenceStart sequence when key is not null:
                    if (ReadSequence(parser) is not { } items)
                    {
                        return TooDeep();
                    }

                    entries.Add(new Entry(key, string.Join(", ", items), sequence.Start.Index, parser.Current!.End.Index, ScalarStyle.Any));
                    break;
                default:
                    if (Skip(parser, valueEvent, depth: 1) > MaxDepth)
                    {
                        return TooDeep();
                    }

                    break;
            }
        }

        return new Result(entries, null);
    }

    /// <summary>The scalar items of a sequence whose start was just read; nested collections are skipped. Null when too deep.</summary>
    private static List<string>? ReadSequence(Parser parser)
    {
        var items = new List<string>();
        while (parser.MoveNext() && parser.Current is not SequenceEnd)
        {
            var item = parser.Current!;
            if (item is Scalar scalar)
            {
                items.Add(scalar.Value);
            }
            else if (Skip(parser, item, depth: 2) > MaxDepth)
            {
                return null;
            }
        }

        return items;
    }

    /// <summary>
    /// Moves past the node that <paramref name="start"/> opens (nothing to do for a scalar or an alias)
    /// and returns the deepest level it reached, stopping as soon as that passes <see cref="MaxDepth"/>.
    /// </summary>
    private static int Skip(Parser parser, ParsingEvent start, int depth = 0)
    {
        if (start is not (MappingStart or SequenceStart))
        {
            return depth;
        }

        var level = depth + 1;
        var deepest = level;
        while (level > depth && parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    level++;
                    deepest = Math.Max(deepest, level);
                    if (deepest > MaxDepth)
                    {
                        return deepest;
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    level--;
                    break;
                default:
                    break;
            }
        }

        return deepest;
    }

    private static Result NotMapping(int depth) => depth > MaxDepth
        ? TooDeep()
        : new Result(null, "the front matter is not a list of key: value pairs; read it as text");

    private static Result TooDeep() => new(
        null,
        string.Create(CultureInfo.InvariantCulture, $"has front matter nested more than {MaxDepth} levels deep"),
        Refused: true);
}
