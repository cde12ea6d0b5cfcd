using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class NoticeListensGrain(
    [PersistentState("noticeListens", StorageNames.Grains)] IPersistentState<NoticeListensState> state)
    : Grain, INoticeListensGrain
{
    private readonly CounterWrites<NoticeListensState> writes = new(state);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        writes.Start(this);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => writes.Flush();

    public Task Listened()
    {
        state.State.Count++;
        writes.Changed();
        return Task.CompletedTask;
    }

    public Task<long> Get() => Task.FromResult(state.State.Count);
}
