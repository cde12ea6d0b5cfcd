using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Subscriptions.Channels.Email;
using AlloIndustrie.Grains.Subscriptions.Channels.Sms;
using AlloIndustrie.Grains.Subscriptions.Channels.Voice;
using AlloIndustrie.Grains.Telephony;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>
    /// The subscriptions' silo side: options, Data Protection with its key ring in grain storage (shared by the
    /// cluster's silos, sealed with the operator's <see cref="KeyRingSecret"/> when the host registers one), the keys' users, the channels' pace, the e-mail channel, and SMS when Twilio is configured.
    /// </summary>
    public static IServiceCollection AddAlloSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.Section));
        services.PostConfigure<SubscriptionOptions>(o =>
        {
            if (o.PublicBaseUrl is null && Uri.TryCreate(configuration["Allo:PublicBaseUrl"], UriKind.Absolute, out var configured))
            {
                o.PublicBaseUrl = configured;
            }
        });
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.PostConfigure<SmtpOptions>(o => o.MailDirectory = Path.Combine(configuration["ALLO_DATA_DIR"] is { Length: > 0 } data ? data : "./data", "mail"));

        services.AddDataProtection().SetApplicationName("AlloIndustrie.Subscriptions");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, provider) =>
        {
            // The silo's host registers the operator's secret; without one (SQLite only), the ring is kept in clear.
            var secret = provider.GetService<KeyRingSecret>();
            o.XmlRepository = new GrainXmlRepository(
                provider.GetRequiredService<IGrainFactory>(),
                secret,
                provider.GetRequiredService<KeyRingSealing>(),
                provider.GetRequiredService<ILogger<GrainXmlRepository>>());
            if (secret is not null)
            {
                o.XmlEncryptor = new KeyRingXmlEncryptor(secret);
            }
        });
        services.AddSingleton<KeyRingSealing>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, KeyRingCheck>();
        services.AddSingleton<SubscriptionSecrets>();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<ChannelThrottle>();

        services.AddSingleton<EmailSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<EmailSender>());
        services.AddSingleton<IConfirmationSender>(sp => sp.GetRequiredService<EmailSender>());

        // SMS only with a Twilio account and a sender: without them the channel is not offered at all.
        if (configuration.GetSection(TwilioRestOptions.Section).Get<TwilioRestOptions>() is { OffersSms: true })
        {
            services.AddSingleton<SmsSender>();
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SmsSender>());
            services.AddSingleton<IConfirmationSender>(sp => sp.GetRequiredService<SmsSender>());
        }

        services.AddSingleton<IChannelSender, VoiceCallSender>();
        services.AddSingleton<IConfirmationSender, VoiceConfirmationSender>();
        return services;
    }
}
