using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class PhoneSettingsGrain(
    [PersistentState("phoneSettings", StorageNames.Grains)] IPersistentState<PhoneSettingsState> state)
    : Grain, IPhoneSettingsGrain
{
    public Task<string?> GetAuthToken() => Task.FromResult(state.State.AuthToken);

    public async Task SetAuthToken(string authToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authToken);
        if (state.State.AuthToken == authToken)
        {
            return;
        }

        state.State.AuthToken = authToken;
        await state.WriteStateAsync();
    }
}
