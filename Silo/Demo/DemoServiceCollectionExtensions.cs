namespace AlloIndustrie.Silo.Demo;

public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddAlloDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.PostConfigure<DemoOptions>(o => o.DataDirectory = configuration["ALLO_DATA_DIR"] ?? o.DataDirectory);
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
