using Minsheng.Plugins.Abstractions;

[assembly: MinshengPlugin("statistics-bureau", "统计部门核定", "1.0.0", typeof(Minsheng.Plugins.StatisticsBureau.StatisticsBureauStartup),
    Description = "The statistics bureau named on a project as its certifying unit certifies its counted targets; a project is completed only once they are certified.")]
