using AlloIndustrie.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAlloSilo();
await builder.Build().RunAsync();
