using FsCheck;
using FsCheck.Fluent;
using SoftPowerAtlas.Storage.Search.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>The bitmap that filters and exclusions become.</summary>
public class SlotSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Slots_All_EverySlotOnceInOrderNoneBeyondTheSize(int size)
    {
        Assert.Equal(Enumerable.Range(0, size), SlotSet.All(size).Slots());
    }

    [Fact]
    public void Slots_AnySlotsAdded_ThoseSlotsAscending()
    {
        Prop.ForAll(Gen.Choose(0, 299).ArrayOf().ToArbitrary(), slots =>
        {
            var set = new SlotSet(300);
            set.AddAll(slots);
            return set.Slots().SequenceEqual(slots.Distinct().Order());
        }).QuickCheckThrowOnFailure();
    }
}
