using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace AlloIndustrie.ServiceDefaults.Cluster;

/// <summary>
/// Mutual TLS between the nodes of a cluster (silo to silo, web front to silo), from the <c>Allo:Cluster:Tls</c>
/// section: this node's certificate and key, and the cluster's own certificate authority. A node is let in only if
/// its certificate was issued by that authority: without it, whoever reaches the silo's ports could call any grain.
/// Nodes are reached by address, not by name, so the authority's signature is what authenticates, not a host name.
/// </summary>
public sealed record ClusterTls(X509Certificate2 Certificate, X509Certificate2 Authority)
{
    public const string Section = "Allo:Cluster:Tls";
    public const string CertificateKey = $"{Section}:Certificate";
    public const string PrivateKeyKey = $"{Section}:PrivateKey";
    public const string AuthorityKey = $"{Section}:Authority";

    /// <summary>The host name nodes ask for in the handshake; certificates need not carry it.</summary>
    public const string TargetHost = "alloindustrie-cluster";

    /// <summary>
    /// The settings (<see cref="ClusterTlsSettings"/>, bound and checked by its rule), or null when the section is empty
    /// (a single machine on loopback needs none).
    /// </summary>
    public static ClusterTls? FromConfiguration(IConfiguration configuration)
    {
        var settings = SettingsBinding.Read<ClusterTlsSettings>(configuration, Section, ClusterTlsSettings.Check);
        if (!settings.IsSet)
        {
            return null;
        }

        var own = Load(CertificateKey, settings.Certificate, () => X509Certificate2.CreateFromPemFile(settings.Certificate!.Trim(), settings.PrivateKey!.Trim()));
        var ca = Load(AuthorityKey, settings.Authority, () => X509CertificateLoader.LoadCertificateFromFile(settings.Authority!.Trim()));
        if (!own.HasPrivateKey)
        {
            throw SettingException.Invalid(PrivateKeyKey, settings.PrivateKey, "la clé privée PEM du certificat de ce nœud", "the PEM private key of this node's certificate");
        }

        return new ClusterTls(own, ca);
    }

    /// <summary>Presents this node's certificate, requires one from the other side and checks it against the authority.</summary>
    public void Apply(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => IssuedByAuthority(certificate);
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = TargetHost;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to the cluster's authority alone, and is valid now.</summary>
    public bool IssuedByAuthority(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2 Load(string key, string? path, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SettingException(key,
                $"« {path} » ne se lit pas comme un certificat PEM ({ex.Message})",
                $"'{path}' cannot be read as a PEM certificate ({ex.Message})", ex);
        }
    }
}
