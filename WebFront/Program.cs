using AlloIndustrie.WebFront.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlloOrleansClient();
builder.AddAlloApi();
builder.AddAlloPublicSite();

var app = builder.Build();
app.MapAlloApi();
app.MapAlloPublicSite();
app.Run();
