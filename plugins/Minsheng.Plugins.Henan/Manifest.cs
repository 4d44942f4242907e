using Minsheng.Plugins.Abstractions;

[assembly: MinshengPlugin("henan", "河南省民生实事", "1.0.0", typeof(Minsheng.Plugins.Henan.HenanStartup),
    Description = "省定/市定/本级 from the name tags （省定） （市定）, and the province's catalog of provincial tasks by year with each target's aggregation key.")]
