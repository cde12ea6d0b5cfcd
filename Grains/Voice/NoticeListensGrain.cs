using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class NoticeListensGrain(
    [PersistentState("noticeListens", StorageNames.Grains)] IPersistentState<NoticeListensState> state)
    : Grain, INoticeListensGrain
{
    private readonly CounterWrites<NoticeListensState> _writes = new(state);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writes.Start(this);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _writes.Flush();

    public Task Listened()
    {
        state.State.Count++;
        _writes.Changed();
        return Task.CompletedTask;
    }

    public Task<long> Get() => Task.FromResult(state.State.Count);
}
