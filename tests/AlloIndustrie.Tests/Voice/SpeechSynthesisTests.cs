using AlloIndustrie.Grains.Speech;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>The real espeak-ng, sox and lame, as installed on the silo's machine.</summary>
public sealed class SpeechSynthesisTests
{
    private static EspeakSpeechSynthesizer Synthesizer(SpeechOptions? options = null) =>
        new(Options.Create(options ?? new SpeechOptions()), NullLogger<EspeakSpeechSynthesizer>.Instance);

    [Fact]
    public async Task Makes_a_mono_narrow_band_mp3_as_long_as_the_text_takes_to_read()
    {
        var synthesizer = Synthesizer();

        // 40 words: at 150 words a minute, about 16 seconds with the pauses of the full stops.
        var text = PronunciationLexicon.Default.Apply(
            "Seine Raffinage, site Raffinerie de Petit-Couronne. Torchage : une flamme est visible au-dessus de la " +
            "raffinerie depuis 14h30. Elle peut s’accompagner d’un bruit sourd. Il n’y a aucun danger pour la " +
            "population. Aucune action n’est nécessaire de votre part.");

        var speech = await synthesizer.Synthesize(text, SpeechPriority.Notice, CancellationToken.None);

        var (seconds, rate, channels) = await AudioProbe.Measure(speech.Mp3);
        Assert.InRange(seconds, 10, 30);
        Assert.Equal(16000, rate);
        Assert.Equal(1, channels);
        Assert.InRange(speech.Duration.TotalSeconds, seconds - 0.5, seconds + 0.5);

        // 24 kb/s: about 3 kB a second, far smaller than the 32 kB a second of the WAV it came from.
        Assert.InRange(speech.Mp3.Length, seconds * 2_000, seconds * 4_000);
    }

    [Fact]
    public async Task A_longer_text_takes_longer_and_leaves_no_temporary_file()
    {
        var temporary = Directory.CreateTempSubdirectory("allo-speech-test-");
        try
        {
            var synthesizer = Synthesizer(new SpeechOptions { TemporaryDirectory = temporary.FullName });

            var shortSpeech = await synthesizer.Synthesize("Fin de l’événement.", SpeechPriority.Notice, CancellationToken.None);
            var longSpeech = await synthesizer.Synthesize(
                string.Join(' ', Enumerable.Repeat("Le torchage se poursuit sans danger pour la population.", 6)), SpeechPriority.Notice, CancellationToken.None);

            Assert.InRange(shortSpeech.Duration.TotalSeconds, 0.5, 4);
            Assert.InRange(longSpeech.Duration.TotalSeconds, 15, 45);
            Assert.Empty(temporary.EnumerateFileSystemInfos());
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_tool_is_an_error_not_an_empty_recording()
    {
        // "false" stands for an encoder that fails: it exits with status 1.
        var synthesizer = Synthesizer(new SpeechOptions { LamePath = "false" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => synthesizer.Synthesize("Bonjour.", SpeechPriority.Notice, CancellationToken.None));
        Assert.Contains("exit code 1", error.Message);
    }
}
