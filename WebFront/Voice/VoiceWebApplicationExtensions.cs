using AlloIndustrie.WebFront.Voice.Sms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlloIndustrie.WebFront.Voice;

public static class VoiceWebApplicationExtensions
{
    /// <summary>Registers the phone line: signature checks, the simulator's HTTP client.</summary>
    public static WebApplicationBuilder AddAlloVoice(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TwilioAuthToken>();
        builder.Services.AddSingleton<PhoneNumberTerritories>();
        builder.Services.AddSingleton<SimulatorWebhooks>();
        builder.Services.AddSingleton<SimulatorLimits>();
        builder.Services.AddHttpClient(SimulatorEndpoints.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>
    /// Maps Twilio's webhooks (<c>/voice/incoming</c>, <c>/voice/menu</c>, <c>/voice/status</c>), the notices'
    /// audio (<c>/audio/{id}/{version}.mp3</c>) and the phone simulator (<c>/simulator</c>).
    /// </summary>
    public static WebApplication MapAlloVoice(this WebApplication app)
    {
        app.MapVoiceWebhooks();
        app.MapSms();
        app.MapNoticeAudio();
        app.MapPhoneSimulator();
        return app;
    }
}
