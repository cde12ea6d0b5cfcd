using System.Net;
using AlloIndustrie.ServiceDefaults.Cluster;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.Silo.Hosting;

public static class ClusterTlsExtensions
{
    /// <summary>
    /// Mutual TLS on the silo's ports when <see cref="ClusterTls.Section"/> is set. A cluster whose silo listens
    /// beyond loopback without it does not start: its ports would take any caller's grain calls (accounts, the
    /// phone line's token), so the network boundary is either the machine or the cluster's certificates.
    /// </summary>
    public static ISiloBuilder AddAlloClusterTls(this ISiloBuilder builder, IConfiguration configuration)
    {
        var tls = ClusterTls.FromConfiguration(configuration);
        if (tls is not null)
        {
            builder.UseTls(tls.Certificate, tls.Apply);
            return builder;
        }

        var cluster = ClusterSettings.FromConfiguration(configuration);
        if (ClusterConnection.FromConfiguration(configuration).Provider == StorageProvider.PostgreSql && !IPAddress.IsLoopback(cluster.AdvertisedIp))
        {
            throw SettingException.Missing(ClusterTls.CertificateKey,
                $"le certificat de ce nœud (avec {ClusterTls.PrivateKeyKey} et {ClusterTls.AuthorityKey}, voir tools/cluster-certificates.sh) : "
                + $"le silo écoute sur {cluster.AdvertisedIp}, hors de la machine, et sans TLS mutuel quiconque atteint ses ports peut appeler n’importe quel grain",
                $"this node's certificate (with {ClusterTls.PrivateKeyKey} and {ClusterTls.AuthorityKey}, see tools/cluster-certificates.sh): "
                + $"the silo listens on {cluster.AdvertisedIp}, beyond this machine, and without mutual TLS whoever reaches its ports can call any grain");
        }

        return builder;
    }
}
