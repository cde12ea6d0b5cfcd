using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// A territory's pronunciation fixes (key = territory slug), on top of the default lexicon: local place
/// and company names, abbreviations the synthesiser reads badly. Administrators will edit them.
/// </summary>
[Alias("AlloIndustrie.IPronunciationLexiconGrain")]
public interface IPronunciationLexiconGrain : IGrainWithStringKey
{
    /// <summary>The territory's own entries: written form → what the voice should read.</summary>
    [Alias("GetEntries")]
    Task<ImmutableDictionary<string, string>> GetEntries();

    /// <summary>Adds or replaces one entry.</summary>
    [Alias("SetEntry")]
    Task SetEntry(string written, string spoken);

    /// <summary>Removes one entry; the default lexicon applies again to that word.</summary>
    [Alias("RemoveEntry")]
    Task RemoveEntry(string written);
}
