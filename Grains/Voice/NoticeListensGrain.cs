using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class NoticeListensGrain(
    [PersistentState("noticeListens", StorageNames.Grains)] IPersistentState<NoticeListensState> state)
    : Grain, INoticeListensGrain
{
    public async Task Listened()
    {
        state.State.Count++;
        await state.WriteStateAsync();
    }

    public Task<long> Get() => Task.FromResult(state.State.Count);
}
