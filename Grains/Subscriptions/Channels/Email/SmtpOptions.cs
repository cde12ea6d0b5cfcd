namespace AlloIndustrie.Grains.Subscriptions.Channels.Email;

/// <summary>Bound from <c>Allo:Smtp</c>: the relay e-mails are handed to.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Allo:Smtp";

    /// <summary>The relay's host; without it, mails are written as <c>.eml</c> files under <see cref="MailDirectory"/>.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> or <c>Tls</c> (implicit TLS, usually port 465).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>AlloIndustrie &lt;avis@alloindustrie.example.fr&gt;</c>; its domain names the messages' ids.</summary>
    public string From { get; set; } = "AlloIndustrie <avis@alloindustrie.localhost>";

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where mails go without a relay: <c>{ALLO_DATA_DIR}/mail</c>.</summary>
    public string MailDirectory { get; set; } = Path.Combine("data", "mail");
}

/// <summary>How the connection to the relay is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}
