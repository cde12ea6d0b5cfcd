var builder = WebApplication.CreateBuilder(args);
builder.AddAlloPublicSite();
var app = builder.Build();
app.MapAlloPublicSite();
app.Run();
