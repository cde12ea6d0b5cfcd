using Orleans.Hosting;

namespace AlloIndustrie.Tests.Grains;

/// <summary>The lifecycle on Orleans' in-memory storage and reminders: the grains' logic alone.</summary>
public sealed class MemoryNoticeLifecycleTests : NoticeLifecycleTests
{
    protected override void ConfigureStorage(ISiloBuilder silo) => silo
        .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
        .UseInMemoryReminderService();
}
