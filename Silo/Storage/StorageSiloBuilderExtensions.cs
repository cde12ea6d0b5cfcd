using AlloIndustrie.Grains;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

namespace AlloIndustrie.Silo.Storage;

public static class StorageSiloBuilderExtensions
{
    public const string ReminderMinimumPeriodKey = "Allo:Reminders:MinimumPeriod";

    /// <summary>
    /// Orleans' ADO.NET provider itself, which stores keys as given; grains use it through
    /// <see cref="UnambiguousKeyGrainStorage"/> under <see cref="StorageNames.Grains"/>.
    /// </summary>
    public const string UnprefixedStorageName = "ado-unprefixed";

    /// <summary>
    /// Configures clustering, grain storage (<see cref="StorageNames.Grains"/>, also the default
    /// storage) and reminders on the database chosen by <c>Allo:Storage</c>, and installs its schema
    /// when the silo starts. Throws <see cref="SettingException"/> for bad configuration,
    /// and checks before the silo starts that PostgreSQL answers.
    /// </summary>
    public static ISiloBuilder AddAlloStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var storage = StorageOptions.FromConfiguration(configuration);
        var cluster = ClusterSettings.FromConfiguration(configuration);
        var minimumReminderPeriod = configuration.GetValue<TimeSpan?>(ReminderMinimumPeriodKey);

        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<SchemaInstaller>();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            builder.Services.AddSingleton<IStartupCheck>(new PostgreSqlReachability(storage.ConnectionString, $"{ClusterConnection.StorageSection}:ConnectionString"));
        }

        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            services => services.GetRequiredService<SchemaInstaller>());

        ConfigureClustering(builder, storage, cluster);
        ConfigureGrainStorage(builder, storage);
        ConfigureReminders(builder, storage, minimumReminderPeriod);
        return builder;
    }

    private static void ConfigureClustering(ISiloBuilder builder, StorageOptions storage, ClusterSettings cluster)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // A SQLite file cannot be shared between machines, so this is always a one-silo cluster.
            builder.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: ClusterConnection.ServiceId, clusterId: cluster.ClusterId);
            return;
        }

        builder.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = ClusterConnection.ServiceId;
        });
        // Listens on the advertised address only: nothing is exposed on other interfaces by default.
        builder.ConfigureEndpoints(cluster.AdvertisedIp, cluster.SiloPort, cluster.GatewayPort);
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = storage.AdoNetInvariant;
            options.ConnectionString = storage.ConnectionString;
        });
    }

    private static void ConfigureGrainStorage(ISiloBuilder builder, StorageOptions storage)
    {
        // Replaces Orleans' default (Newtonsoft-based) serializer for every storage provider, ours included.
        builder.Services.RemoveAll<IGrainStorageSerializer>();
        builder.Services.AddSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>();

        builder.AddAdoNetGrainStorage(UnprefixedStorageName, optionsBuilder => optionsBuilder.Configure<IGrainStorageSerializer>(
            (options, serializer) =>
            {
                options.Invariant = storage.AdoNetInvariant;
                options.ConnectionString = storage.ConnectionString;
                options.GrainStorageSerializer = serializer;
                // Cleared state leaves the database instead of lingering as an empty row.
                options.DeleteStateOnClear = true;
            }));

        // Grains see the provider only through the prefixing of their keys.
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            StorageNames.Grains,
            (services, _) => new UnambiguousKeyGrainStorage(
                services.GetRequiredKeyedService<IGrainStorage>(UnprefixedStorageName),
                services.GetRequiredService<ILogger<UnambiguousKeyGrainStorage>>()));

        // The default storage is the same provider instance rather than a second one on the same tables.
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (services, _) => services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains));
        builder.Services.TryAddSingleton<IGrainStorage>(
            services => services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains));
    }

    private static void ConfigureReminders(ISiloBuilder builder, StorageOptions storage, TimeSpan? minimumPeriod)
    {
        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = storage.AdoNetInvariant;
            options.ConnectionString = storage.ConnectionString;
        });

        if (minimumPeriod is { } period)
        {
            builder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = period);
        }
    }
}
