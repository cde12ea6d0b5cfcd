using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Voice;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlloOrleansClient();
builder.AddAlloApi();
builder.AddAlloPublicSite();
builder.AddAlloVoice();

var app = builder.Build();
app.MapAlloApi();
app.MapAlloPublicSite();
app.MapAlloVoice();
app.Run();
