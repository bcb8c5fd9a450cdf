namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// A character trie laid out in a few flat arrays (nodes numbered breadth first, each node's children
/// side by side): walking it from every position of a text touches a handful of cache lines instead of
/// a dictionary and an object per node, which the gazetteer and the trigger counters did once per
/// character read. Keys are stored as given (fold them before adding); each node holds the values
/// added at it, in the order added. Immutable and thread-safe once built.
/// </summary>
internal sealed class CharTrie
{
    /// <summary>The root; <see cref="Next"/> returns <see cref="None"/> where no key goes on.</summary>
    public const int Root = 0;

    public const int None = -1;

    // Characters below this (ASCII and Thai, nearly every character read) find the root's child in an array.
    private const int DirectLimit = 0x0E80;

    private readonly int[] _childStart;
    private readonly char[] _childKeys;
    private readonly int[] _childNodes;
    private readonly int[] _valueStart;
    private readonly int[] _values;
    private readonly int[] _rootDirect;

    private CharTrie(int[] childStart, char[] childKeys, int[] childNodes, int[] valueStart, int[] values)
    {
        _childStart = childStart;
        _childKeys = childKeys;
        _childNodes = childNodes;
        _valueStart = valueStart;
        _values = values;
        _rootDirect = new int[DirectLimit];
        Array.Fill(_rootDirect, None);
        for (var k = childStart[Root]; k < childStart[Root + 1]; k++)
        {
            if (childKeys[k] < DirectLimit)
            {
                _rootDirect[childKeys[k]] = childNodes[k];
            }
        }
    }

    public int NodeCount => _childStart.Length - 1;

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or <see cref="None"/>.</summary>
    public int Next(int node, char c)
    {
        if (node == Root && c < DirectLimit)
        {
            return _rootDirect[c];
        }

        var start = _childStart[node];
        var at = _childKeys.AsSpan(start, _childStart[node + 1] - start).IndexOf(c);
        return at < 0 ? None : _childNodes[start + at];
    }

    /// <summary>The values of the keys that end at <paramref name="node"/>, in the order they were added.</summary>
    public ReadOnlySpan<int> ValuesAt(int node) => _values.AsSpan(_valueStart[node], _valueStart[node + 1] - _valueStart[node]);

    /// <summary>Collects keys and their values, then lays them out.</summary>
    public sealed class Builder
    {
        private readonly List<Dictionary<char, int>> _children = [[]];
        private readonly List<List<int>> _values = [[]];

        /// <summary>Adds <paramref name="key"/> (at least one character) with <paramref name="value"/>.</summary>
        public void Add(ReadOnlySpan<char> key, int value)
        {
            if (key.IsEmpty)
            {
                throw new ArgumentException("a key has at least one character", nameof(key));
            }

            var node = Root;
            foreach (var c in key)
            {
                if (!_children[node].TryGetValue(c, out var next))
                {
                    next = _children.Count;
                    _children.Add([]);
                    _values.Add([]);
                    _children[node][c] = next;
                }

                node = next;
            }

            _values[node].Add(value);
        }

        public CharTrie Build()
        {
            // Breadth first, children in character order: a node's children are numbered side by side.
            var order = new List<int>(_children.Count) { Root };
            var number = new int[_children.Count];
            for (var i = 0; i < order.Count; i++)
            {
                foreach (var (_, child) in _children[order[i]].OrderBy(kv => kv.Key))
                {
                    number[child] = order.Count;
                    order.Add(child);
                }
            }

            var childStart = new int[order.Count + 1];
            var keys = new List<char>();
            var nodes = new List<int>();
            var valueStart = new int[order.Count + 1];
            var values = new List<int>();
            for (var n = 0; n < order.Count; n++)
            {
                childStart[n] = keys.Count;
                foreach (var (c, child) in _children[order[n]].OrderBy(kv => kv.Key))
                {
                    keys.Add(c);
                    nodes.Add(number[child]);
                }

                valueStart[n] = values.Count;
                values.AddRange(_values[order[n]]);
            }

            childStart[order.Count] = keys.Count;
            valueStart[order.Count] = values.Count;
            return new CharTrie(childStart, [.. keys], [.. nodes], valueStart, [.. values]);
        }
    }
}
