using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Hosting;

return await ServiceStart.RunAsync(
    () =>
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddAlloSilo();
        return builder.Build();
    },
    KeyRingSecretSettings.Refusal);
