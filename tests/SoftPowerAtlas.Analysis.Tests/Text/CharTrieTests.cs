using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

public sealed class CharTrieTests
{
    private static CharTrie Build(params string[] keys)
    {
        var builder = new CharTrie.Builder();
        for (var i = 0; i < keys.Length; i++)
        {
            builder.Add(keys[i], i);
        }

        return builder.Build();
    }

    /// <summary>Walks <paramref name="text"/> from <paramref name="start"/>; the values at every node passed, as "end:value".</summary>
    private static List<string> Walk(CharTrie trie, string text, int start)
    {
        var found = new List<string>();
        var node = CharTrie.Root;
        for (var j = start; j < text.Length; j++)
        {
            node = trie.Next(node, text[j]);
            if (node == CharTrie.None)
            {
                break;
            }

            foreach (var v in trie.ValuesAt(node))
            {
                found.Add($"{j + 1}:{v}");
            }
        }

        return found;
    }

    [Theory]
    [InlineData("ประชุมหารือความร่วมมือ", 0, "6:1|11:0")]
    [InlineData("การประชุมหารือ", 3, "9:1|14:0")]
    [InlineData("การประชุมหารือ", 0, "")]
    [InlineData("MOU signing", 0, "3:2")]
    [InlineData("ประชุ", 0, "")]
    public void Next_WalkFromPosition_FindsEveryKeyEndingOnTheWay(string text, int start, string expected)
    {
        var trie = Build("ประชุมหารือ", "ประชุม", "MOU", "MOU signing ceremony");

        Assert.Equal(expected, string.Join('|', Walk(trie, text, start)));
    }

    [Fact]
    public void ValuesAt_SameKeyAddedTwice_BothInOrderAdded()
    {
        var builder = new CharTrie.Builder();
        builder.Add("ยูเนสโก", 7);
        builder.Add("ยูเนสโก", 3);

        var trie = builder.Build();

        Assert.Equal(["7:7", "7:3"], Walk(trie, "ยูเนสโก", 0));
    }

    [Theory]
    [InlineData('\u0E01')]
    [InlineData('a')]
    [InlineData('\u201C')]
    [InlineData('\u00E9')]
    public void Next_RootChildBelowAndAboveDirectRange_Found(char first)
    {
        var trie = Build(first + "x", "zz");

        var node = trie.Next(CharTrie.Root, first);

        Assert.NotEqual(CharTrie.None, node);
        Assert.Equal([0], trie.ValuesAt(trie.Next(node, 'x')).ToArray());
        Assert.Equal(CharTrie.None, trie.Next(node, 'y'));
    }

    [Fact]
    public void Next_ManyChildrenOfOneNode_EachFound()
    {
        var keys = Enumerable.Range(0, 60).Select(i => "ก" + (char)('\u0E01' + i)).ToArray();
        var trie = Build(keys);
        var ko = trie.Next(CharTrie.Root, 'ก');

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal([i], trie.ValuesAt(trie.Next(ko, keys[i][1])).ToArray());
        }

        Assert.Equal(62, trie.NodeCount);
    }

    [Fact]
    public void Build_Empty_RootOnly()
    {
        var trie = new CharTrie.Builder().Build();

        Assert.Equal(1, trie.NodeCount);
        Assert.Equal(CharTrie.None, trie.Next(CharTrie.Root, 'a'));
        Assert.Equal(CharTrie.None, trie.Next(CharTrie.Root, '\u4E00'));
        Assert.True(trie.ValuesAt(CharTrie.Root).IsEmpty);
    }

    [Fact]
    public void Add_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CharTrie.Builder().Add("", 0));
    }
}
