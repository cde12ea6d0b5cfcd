using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class NoticeAudioClipGrain(
    [PersistentState("noticeAudioClip", StorageNames.Grains)] IPersistentState<NoticeAudioClipState> state)
    : Grain, INoticeAudioClipGrain
{
    public async Task Store(NoticeAudioClip clip)
    {
        // A version's recording never changes: its ETag and the caches that hold it stay right.
        if (state.State.Mp3 is not null)
        {
            return;
        }

        state.State.Mp3 = clip.Mp3;
        state.State.ETag = clip.ETag;
        state.State.DurationMilliseconds = (long)clip.Duration.TotalMilliseconds;
        state.State.CreatedAt = clip.CreatedAt;
        state.State.TelephoneWav = clip.TelephoneWav;
        state.State.TelephoneETag = clip.TelephoneETag;
        await state.WriteStateAsync();
    }

    public Task<NoticeAudioClip?> Get() => Task.FromResult(state.State is { Mp3: { } mp3, ETag: { } etag }
        ? new NoticeAudioClip(mp3, etag, TimeSpan.FromMilliseconds(state.State.DurationMilliseconds), state.State.CreatedAt,
            state.State.TelephoneWav, state.State.TelephoneETag)
        : null);

    public async Task Delete()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
