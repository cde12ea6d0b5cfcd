using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Deployment;

/// <summary>The files of <c>deploy/</c> as nginx and systemd read them.</summary>
public sealed class DeploymentFilesTests : IDisposable
{
    private static readonly string Deploy = Path.Combine(RepositoryPaths.Root, "deploy");

    private readonly string folder = Directory.CreateTempSubdirectory("allo-deploy-").FullName;

    [Fact]
    public async Task Nginx_accepts_the_site_with_a_certificate_and_the_published_static_files()
    {
        var (code, output) = await Commands.Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=allo.example.test",
            "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"));
        Assert.True(code == 0, output);
        var wwwroot = Path.Combine(RepositoryPaths.Root, "WebFront", "bin", RepositoryPaths.Configuration, "net10.0", "wwwroot");
        Assert.True(File.Exists(Path.Combine(wwwroot, "js", "live.js.gz")), "The web front's static files come with their pre-compressed copies.");

        var site = (await File.ReadAllTextAsync(Path.Combine(Deploy, "nginx", "alloindustrie.conf")))
            .Replace("/etc/letsencrypt/live/allo.example.fr/fullchain.pem", Path.Combine(folder, "cert.pem"), StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/allo.example.fr/privkey.pem", Path.Combine(folder, "key.pem"), StringComparison.Ordinal)
            .Replace("/opt/alloindustrie/webfront/wwwroot/", wwwroot + "/", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);

        // The site goes in the http block, as /etc/nginx/sites-enabled/ is; everything else stays in the scratch folder.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events {}
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);

        (code, output) = await Commands.Run("nginx", "-t", "-p", folder, "-c", Path.Combine(folder, "nginx.conf"));

        Assert.True(code == 0, output);
        Assert.Contains("test is successful", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[warn]", output, StringComparison.Ordinal);
        Assert.Contains("http2", site, StringComparison.Ordinal);
        Assert.Contains("gzip_static on;", site, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", site, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade           $http_upgrade;", site, StringComparison.Ordinal);
        Assert.Contains("limit_req zone=allo_writes", site, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alloindustrie-silo.service", "AlloIndustrie.Silo.dll")]
    [InlineData("alloindustrie-webfront.service", "AlloIndustrie.WebFront.dll")]
    public async Task Systemd_reads_each_unit_without_a_warning_and_each_is_hardened(string unit, string assembly)
    {
        var path = Path.Combine(Deploy, "systemd", unit);

        var (code, output) = await Commands.Run("systemd-analyze", "verify", path);

        Assert.True(code == 0, output);
        Assert.Equal("", output.Trim());
        var settings = (await File.ReadAllLinesAsync(path))
            .Where(line => line.Contains('=') && !line.StartsWith('#'))
            .Select(line => (Key: line[..line.IndexOf('=')], Value: line[(line.IndexOf('=') + 1)..]))
            .ToLookup(setting => setting.Key, setting => setting.Value);
        Assert.EndsWith(assembly, settings["ExecStart"].Single(), StringComparison.Ordinal);
        Assert.Equal("on-failure", settings["Restart"].Single());
        Assert.Equal("78", settings["RestartPreventExitStatus"].Single());
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal("/var/lib/alloindustrie", settings["ReadWritePaths"].Single());
        Assert.Equal("alloindustrie", settings["User"].Single());
        Assert.Equal("true", settings["NoNewPrivileges"].Single());
    }

    [Fact]
    public async Task The_web_fronts_unit_reads_the_JIT_settings_published_beside_its_assembly()
    {
        var unit = await File.ReadAllLinesAsync(Path.Combine(Deploy, "systemd", "alloindustrie-webfront.service"));
        var output = Path.Combine(RepositoryPaths.Root, "WebFront", "bin", RepositoryPaths.Configuration, "net10.0");

        Assert.Contains("EnvironmentFile=/opt/alloindustrie/webfront/jit.env", unit);
        var settings = (await File.ReadAllLinesAsync(Path.Combine(output, "jit.env"))).Where(line => line.Length > 0 && !line.StartsWith('#'));
        Assert.Equal(["DOTNET_TC_CallCountingDelayMs=0"], settings);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
