using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Voice;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlloOrleansClient();
builder.AddAlloApi();
builder.AddAlloPublicSite();
builder.AddAlloVoice();
builder.AddAlloDashboard();

var app = builder.Build();
app.MapAlloApi();
app.MapAlloPublicSite();
app.MapAlloVoice();
app.MapAlloDashboard();
app.Run();
