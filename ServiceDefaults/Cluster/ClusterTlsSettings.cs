using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.ServiceDefaults.Cluster;

/// <summary><c>Allo:Cluster:Tls</c>: the PEM files of this node's certificate, its key and the cluster's authority, all three or none.</summary>
public sealed class ClusterTlsSettings
{
    public string? Certificate { get; set; }

    public string? PrivateKey { get; set; }

    public string? Authority { get; set; }

    /// <summary>Whether any of the three is set: then all three must be.</summary>
    public bool IsSet => !string.IsNullOrWhiteSpace(Certificate) || !string.IsNullOrWhiteSpace(PrivateKey) || !string.IsNullOrWhiteSpace(Authority);

    public static SettingException? Check(ClusterTlsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsSet)
        {
            return null;
        }

        return Required(ClusterTls.CertificateKey, settings.Certificate)
            ?? Required(ClusterTls.PrivateKeyKey, settings.PrivateKey)
            ?? Required(ClusterTls.AuthorityKey, settings.Authority);
    }

    private static SettingException? Required(string key, string? path) =>
        string.IsNullOrWhiteSpace(path)
            ? SettingException.Missing(key,
                $"un chemin de fichier PEM : {ClusterTls.CertificateKey}, {ClusterTls.PrivateKeyKey} et {ClusterTls.AuthorityKey} vont ensemble",
                $"a PEM file path: {ClusterTls.CertificateKey}, {ClusterTls.PrivateKeyKey} and {ClusterTls.AuthorityKey} go together")
            : null;
}
