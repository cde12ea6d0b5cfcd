namespace AlloIndustrie.Grains.Speech;

/// <summary>Turns French text into a recording fit for the phone line and the browser player.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>
    /// Synthesises <paramref name="text"/>; throws if the synthesiser fails or times out. When it is busy, a
    /// <see cref="SpeechPriority.Notice"/> is served before any waiting <see cref="SpeechPriority.Preview"/>.
    /// </summary>
    Task<SynthesizedSpeech> Synthesize(string text, SpeechPriority priority, CancellationToken cancellationToken);
}
