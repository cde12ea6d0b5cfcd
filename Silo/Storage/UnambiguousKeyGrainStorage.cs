using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace AlloIndustrie.Silo.Storage;

/// <summary>
/// Stores every grain under its key prefixed with <see cref="KeyPrefix"/>, so that the ADO.NET provider always
/// stores it as the string it is. Unprefixed, that provider reads a key that looks like a hexadecimal number or a
/// GUID as that number, ignoring case and leading zeros: <c>ABC…</c> and <c>abc…</c>, <c>cafe</c> and
/// <c>0cafe</c>, <c>abc+x@…</c> and <c>0abc+x@…</c> would each share one row while running as two grains.
/// </summary>
/// <remarks>
/// A deployment upgraded from a release that stored keys unprefixed keeps its data: a grain that finds no row
/// under its prefixed key reads the one under its bare key, writes it under the prefixed key, then deletes the
/// old row, once, at its first activation.
/// </remarks>
public sealed class UnambiguousKeyGrainStorage(IGrainStorage inner, ILogger<UnambiguousKeyGrainStorage> logger) : IGrainStorage
{
    /// <summary>No hexadecimal number or GUID starts with it.</summary>
    public const string KeyPrefix = "k:";

    /// <summary>The key a grain's state is stored under (<c>GrainIdExtensionString</c>).</summary>
    public static string StoredKey(string grainKey) => KeyPrefix + grainKey;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(stateName, Stored(grainId), grainState);
        if (grainState.ETag is null)
        {
            await MoveUnprefixedRow(stateName, grainId, grainState);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Stored(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Stored(grainId), grainState);

    private static GrainId Stored(GrainId grainId) => GrainId.Create(grainId.Type, StoredKey(grainId.Key.ToString()));

    private async Task MoveUnprefixedRow<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var unprefixed = new GrainState<T>();
        await inner.ReadStateAsync(stateName, grainId, unprefixed);
        if (unprefixed.ETag is null)
        {
            return;
        }

        grainState.State = unprefixed.State;
        await inner.WriteStateAsync(stateName, Stored(grainId), grainState);
        try
        {
            await inner.ClearStateAsync(stateName, grainId, unprefixed);
        }
        catch (InconsistentStateException)
        {
            // Another grain whose bare key read as the same number took the row first: both had been sharing it.
        }

        logger.LogInformation("State {State} of {Grain} moved to its prefixed storage key", stateName, grainId);
    }
}
