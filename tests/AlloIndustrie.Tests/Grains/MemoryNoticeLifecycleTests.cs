using Orleans.Hosting;

namespace AlloIndustrie.Tests.Grains;

/// <summary>The lifecycle on Orleans' in-memory storage and reminders: the grains' logic alone.</summary>
public sealed class MemoryNoticeLifecycleTests : NoticeLifecycleTests
{
    protected override Task<Action<ISiloBuilder>> PrepareStorage() =>
        Task.FromResult<Action<ISiloBuilder>>(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService());
}
