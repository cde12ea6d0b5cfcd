using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class PronunciationLexiconGrain(
    [PersistentState("pronunciationLexicon", StorageNames.Grains)] IPersistentState<PronunciationLexiconState> state)
    : Grain, IPronunciationLexiconGrain
{
    private const int MaxWrittenLength = PronunciationRules.WrittenMaxLength;
    private const int MaxSpokenLength = PronunciationRules.SpokenMaxLength;
    private const int MaxEntries = PronunciationRules.MaxEntries;

    public Task<ImmutableDictionary<string, string>> GetEntries() =>
        Task.FromResult(state.State.Entries.ToImmutableDictionary(StringComparer.Ordinal));

    public async Task SetEntry(string written, string spoken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(written);
        ArgumentException.ThrowIfNullOrWhiteSpace(spoken);
        written = written.Trim();
        spoken = spoken.Trim();
        if (written.Length > MaxWrittenLength || spoken.Length > MaxSpokenLength)
        {
            throw new ArgumentException($"An entry is at most {MaxWrittenLength} characters, read as at most {MaxSpokenLength}.");
        }

        if (!state.State.Entries.ContainsKey(written) && state.State.Entries.Count >= MaxEntries)
        {
            throw new InvalidOperationException($"A territory's lexicon holds at most {MaxEntries} entries.");
        }

        state.State.Entries[written] = spoken;
        await state.WriteStateAsync();
    }

    public async Task RemoveEntry(string written)
    {
        if (state.State.Entries.Remove(written.Trim()))
        {
            await state.WriteStateAsync();
        }
    }
}
