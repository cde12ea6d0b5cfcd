using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlloIndustrie.Grains.Speech;

public static class SpeechSiloBuilderExtensions
{
    /// <summary>
    /// Registers the speech synthesiser the notice audio grains use (espeak-ng, sox and lame on the
    /// silo's machine), configured from <see cref="SpeechOptions.Section"/>.
    /// </summary>
    public static ISiloBuilder AddAlloSpeech(this ISiloBuilder builder)
    {
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section);
        builder.Services.TryAddSingleton<ISpeechSynthesizer, EspeakSpeechSynthesizer>();
        return builder;
    }
}
