using AlloIndustrie.WebFront.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlloOrleansClient();
builder.AddAlloApi();

var app = builder.Build();
app.MapAlloApi();
app.Run();
