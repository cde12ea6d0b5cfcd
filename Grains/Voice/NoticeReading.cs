using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;

namespace AlloIndustrie.Grains.Voice;

/// <summary>
/// The text the phone line reads for a notice: its script through its territory's pronunciation lexicon.
/// The notice's recording, the provider's voice standing in for it and the dashboard's preview of a draft
/// all take their text from here, so that what an operator hears before publishing is what callers hear.
/// </summary>
public static class NoticeReading
{
    public static async Task<PronunciationLexicon> Lexicon(IGrainFactory grains, string territory) =>
        PronunciationLexicon.WithOverrides(await grains.GetGrain<IPronunciationLexiconGrain>(territory).GetEntries());

    public static string Text(PronunciationLexicon lexicon, NoticeSnapshot notice, DateTimeOffset now) =>
        lexicon.Apply(NoticeScript.Compose(notice, now));

    public static async Task<string> Text(IGrainFactory grains, NoticeSnapshot notice, DateTimeOffset now) =>
        Text(await Lexicon(grains, notice.Territory), notice, now);
}
