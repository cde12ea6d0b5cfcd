using AlloIndustrie.Bench.LoadClient;

// One tool for every scenario that wrk cannot drive; each prints Markdown for bench/RESULTS.md and stops by itself.
var arguments = Arguments.Parse(args.Skip(1));
var scenario = args.FirstOrDefault();
return scenario switch
{
    "seed" => await Seeding.Run(arguments),
    "fanout" => await FanOutScenario.Run(arguments),
    "phone" => await PhoneScenario.Run(arguments),
    "publish" => await PublishScenario.Run(arguments),
    "subscriptions" => await SubscriptionScenario.Run(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadClient seed|fanout|phone|publish|subscriptions --url http://127.0.0.1:PORT --data DIR [options]");
    return 2;
}
