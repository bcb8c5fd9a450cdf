namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// Work over a range of slots or matches done in two halves at once, the upper one on the thread pool,
/// where the range is large enough and there is a second core.
/// </summary>
internal static class Halves
{
    /// <summary><paramref name="read"/> of [0, <paramref name="count"/>): of both halves, joined lower first, from <paramref name="parallelFrom"/> on; below it, of the whole.</summary>
    public static T Run<T>(int count, int parallelFrom, Func<int, int, T> read, Func<T, T, T> join)
    {
        if (count < parallelFrom || count < 2 || Environment.ProcessorCount < 2)
        {
            return read(0, count);
        }

        var middle = count / 2;
        var upper = Task.Run(() => read(middle, count));
        var lower = read(0, middle);
        return join(lower, upper.GetAwaiter().GetResult());
    }
}
