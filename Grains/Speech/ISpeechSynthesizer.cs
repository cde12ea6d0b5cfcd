namespace AlloIndustrie.Grains.Speech;

/// <summary>Turns French text into a recording fit for the phone line and the browser player.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>Synthesises <paramref name="text"/>; throws if the synthesiser fails or times out.</summary>
    Task<SynthesizedSpeech> Synthesize(string text, CancellationToken cancellationToken);
}
