using AlloIndustrie.Grains.Subscriptions;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;

namespace AlloIndustrie.Silo.Hosting;

public static class KeyRingSecretSettings
{
    /// <summary>
    /// The secret that seals the subscriptions' key ring, from <see cref="KeyRingSecret.ValueKey"/> or the file named by
    /// <see cref="KeyRingSecret.FileKey"/>. Required on PostgreSQL: a cluster's database alone must not open its contacts.
    /// </summary>
    public static IServiceCollection AddAlloKeyRingSecret(this IServiceCollection services, IConfiguration configuration)
    {
        if (Read(configuration) is { } secret)
        {
            services.AddSingleton(secret);
        }
        else if (StorageOptions.FromConfiguration(configuration).Provider == StorageProvider.PostgreSql)
        {
            throw SettingException.Missing(KeyRingSecret.FileKey,
                $"le fichier du secret qui chiffre le trousseau de clés des abonnements, le même sur chaque nœud (base64 d’au moins {KeyRingSecret.MinimumBytes} octets : head -c {KeyRingSecret.MinimumBytes} /dev/urandom | base64)",
                $"the file of the secret that encrypts the subscriptions' key ring, the same on every node (base64 of at least {KeyRingSecret.MinimumBytes} bytes: head -c {KeyRingSecret.MinimumBytes} /dev/urandom | base64)");
        }

        return services;
    }

    /// <summary>A key ring this node cannot open (found once the silo runs), as the setting to correct; null for anything else.</summary>
    public static SettingException? Refusal(Exception exception) => exception is KeyRingRefusedException refused
        ? new SettingException(KeyRingSecret.FileKey, refused.French, refused.English, refused)
        : null;

    private static KeyRingSecret? Read(IConfiguration configuration)
    {
        // The value is never quoted back: it is a secret.
        var expectedFrench = $"du base64 d’au moins {KeyRingSecret.MinimumBytes} octets";
        var expectedEnglish = $"base64 of at least {KeyRingSecret.MinimumBytes} bytes";
        if (configuration[KeyRingSecret.ValueKey] is { Length: > 0 } value)
        {
            return KeyRingSecret.Parse(value)
                ?? throw new SettingException(KeyRingSecret.ValueKey, $"valeur non valable ; attendu : {expectedFrench}.", $"not valid; expected {expectedEnglish}.");
        }

        if (configuration[KeyRingSecret.FileKey] is not { Length: > 0 } path)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(
                KeyRingSecret.FileKey,
                $"le fichier « {path} » ne se lit pas ({e.Message}) ; attendu : un fichier que le service lit, contenant {expectedFrench}.",
                $"cannot read the file '{path}' ({e.Message}); expected a file the service reads, holding {expectedEnglish}.",
                e);
        }

        return KeyRingSecret.Parse(text)
            ?? throw new SettingException(KeyRingSecret.FileKey, $"le fichier « {path} » ne convient pas ; attendu : {expectedFrench}.", $"the file '{path}' is not valid; expected {expectedEnglish}.");
    }
}
