using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Archive;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Archive;

public sealed class NoticeArchiveGrain(
    [PersistentState("archive", StorageNames.Grains)] IPersistentState<NoticeArchiveState> state) : Grain, INoticeArchiveGrain
{
    public async Task Record(NoticeSnapshot notice)
    {
        if (state.State.Notices.TryGetValue(notice.Id, out var known) && known.Version >= notice.Version)
        {
            return;
        }

        state.State.Notices[notice.Id] = notice;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<NoticeSnapshot>> List() =>
        Task.FromResult(state.State.Notices.Values.OrderByDescending(n => n.PublishedAt).ToImmutableArray());
}
