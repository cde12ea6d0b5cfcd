using AlloIndustrie.WebFront.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAlloOrleansClient();
builder.AddAlloApi();
builder.AddAlloDashboard();

var app = builder.Build();
app.MapAlloApi();
app.MapAlloDashboard();
app.Run();
