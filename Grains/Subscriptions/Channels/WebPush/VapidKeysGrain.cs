using System.Buffers.Text;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

public sealed class VapidKeysGrain(
    [PersistentState("vapidKeys", StorageNames.Grains)] IPersistentState<VapidKeysState> state)
    : Grain, IVapidKeysGrain
{
    public async Task<string> GetPublicKey() => (await GetKeys()).PublicKey;

    public async Task<VapidKeys> GetKeys()
    {
        if (state.State is { PublicKey: { } publicKey, PrivateKey: { } privateKey })
        {
            return new VapidKeys(publicKey, privateKey);
        }

        // Made once for the whole deployment: browsers' subscriptions are bound to this key, so it must never change by itself.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        state.State.PublicKey = Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
        state.State.PrivateKey = Base64Url.EncodeToString(parameters.D!);
        await state.WriteStateAsync();
        return new VapidKeys(state.State.PublicKey, state.State.PrivateKey);
    }
}
