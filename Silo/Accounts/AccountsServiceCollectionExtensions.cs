namespace AlloIndustrie.Silo.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAlloAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddSingleton<AccountProvisioning>();
        services.AddHostedService<FirstAdministrator>();
        return services;
    }
}
