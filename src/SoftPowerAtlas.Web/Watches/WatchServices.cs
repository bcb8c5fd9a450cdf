using SoftPowerAtlas.Storage;
using SoftPowerAtlas.Storage.Search;
using SoftPowerAtlas.Storage.Tracking;
using SoftPowerAtlas.Storage.Watches;

namespace SoftPowerAtlas.Web.Watches;

/// <summary>The watch feature's services: the users' watches and the reader of what is new for each.</summary>
public static class WatchServices
{
    public static IServiceCollection AddWatches(this IServiceCollection services)
    {
        services.AddSingleton(sp => WatchStore.For(sp.GetRequiredService<IAtlasStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WatchReader(sp.GetRequiredService<IAtlasStore>(), sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<CommitmentTracker>()));
        return services;
    }
}
