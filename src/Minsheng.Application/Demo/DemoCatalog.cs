using Minsheng.Domain.Values;

namespace Minsheng.Application.Demo;

/// <summary>
/// Project templates for generated plans, written for this project in the style of county notices.
/// {0} in a target is replaced by a figure scaled to the county; units name departments of the directory.
/// </summary>
internal static class DemoCatalog
{
    public sealed record TargetTemplate(string Label, Comparator Comparator, decimal BaseValue, string Unit, bool Scales = true);

    public sealed record ProjectTemplate(string Name, string Content, string Category, decimal InvestmentWan, string Headquarters,
        string[] LeadUnits, string[] CoUnits, TargetTemplate[] Targets, int DeadlineMonth);

    /// <summary>Generic targets that fit any project, used to give every project the same number of targets.</summary>
    private static readonly TargetTemplate[] Generic =
    [
        new("惠及群众", Comparator.About, 5000m, "人"),
        new("群众满意度", Comparator.AtLeast, 90m, "%", false),
        new("开展督导检查", Comparator.AtLeast, 12m, "次"),
        new("建立工作台账", Comparator.Exactly, 1m, "套", false),
    ];

    /// <summary>The catalog's targets cut or padded (with generic ones) to exactly <paramref name="count"/>.</summary>
    public static TargetTemplate[] WithTargetCount(TargetTemplate[] targets, int count) =>
        targets.Concat(Generic).Take(count).ToArray();

    public static readonly (string Name, string[] Aliases)[] Units =
    [
        ("区民政局", ["民政局"]),
        ("区住房和城乡建设局", ["区住建局", "住建局"]),
        ("区教育局", ["教育局"]),
        ("区卫生健康委员会", ["区卫健委", "卫健委"]),
        ("区人力资源和社会保障局", ["区人社局", "人社局"]),
        ("区交通运输局", ["区交通局", "交通局"]),
        ("区农业农村局", ["区农业局"]),
        ("区水利局", ["水利局"]),
        ("区市场监督管理局", ["区市场监管局"]),
        ("区财政局", ["财政局"]),
        ("区文化广电和旅游局", ["区文广旅局"]),
        ("区统计局", ["统计局"]),
        ("区城市管理局", ["区城管局"]),
        ("区医疗保障局", ["区医保局"]),
    ];

    public static readonly ProjectTemplate[] Projects =
    [
        new("建设社区养老服务中心", "在城区街道新建社区养老服务中心，提供日间照料、助餐、康复等服务，新增养老床位不少于{0}张。", "local", 800m,
            "品质生活指挥部", ["区民政局"], ["区财政局", "区住房和城乡建设局"],
            [new("新建社区养老服务中心", Comparator.Exactly, 3m, "个", false), new("新增养老床位", Comparator.AtLeast, 120m, "张")], 12),
        new("改造城镇老旧小区", "改造2000年以前建成的城镇老旧小区{0}个，惠及居民约{1}户，完善水电气路及消防设施。", "provincial", 5200m,
            "城市建设指挥部", ["区住房和城乡建设局"], ["区财政局", "区城市管理局"],
            [new("改造老旧小区", Comparator.Exactly, 12m, "个"), new("惠及居民", Comparator.About, 3600m, "户")], 11),
        new("新增公办幼儿园学位", "改扩建公办幼儿园，新增公办学前教育学位{0}个，公办园在园幼儿占比达到55%以上。", "provincial", 2600m,
            "教育发展指挥部", ["区教育局"], ["区财政局", "区住房和城乡建设局"],
            [new("新增公办学前教育学位", Comparator.AtLeast, 900m, "个"), new("公办园在园幼儿占比", Comparator.Reach, 55m, "%", false)], 9),
        new("开展适龄妇女两癌免费筛查", "为35—64岁农村适龄妇女开展宫颈癌、乳腺癌免费筛查，全年完成筛查{0}人。", "provincial", 180m,
            "健康保障指挥部", ["区卫生健康委员会"], ["区财政局"],
            [new("完成两癌筛查", Comparator.AtLeast, 4500m, "人")], 12),
        new("城镇新增就业", "城镇新增就业{0}人，失业人员再就业不少于{1}人，城镇登记失业率控制在4.5%以内。", "municipal", 0m,
            "就业创业指挥部", ["区人力资源和社会保障局"], ["区财政局"],
            [new("城镇新增就业", Comparator.AtLeast, 5200m, "人"), new("失业人员再就业", Comparator.AtLeast, 1300m, "人"),
             new("城镇登记失业率", Comparator.AtMost, 4.5m, "%", false)], 12),
        new("建设农村公路", "新建改建农村公路{0}公里，实施生命安全防护工程{1}公里。", "municipal", 6400m,
            "交通建设指挥部", ["区交通运输局"], ["区农业农村局", "区财政局"],
            [new("新建改建农村公路", Comparator.AtLeast, 60m, "公里"), new("生命安全防护工程", Comparator.Exactly, 35m, "公里")], 11),
        new("实施农村供水保障工程", "改造提升农村集中供水工程{0}处，农村自来水普及率达到93%。", "local", 3100m,
            "乡村振兴指挥部", ["区水利局"], ["区农业农村局"],
            [new("改造农村集中供水工程", Comparator.Exactly, 14m, "处"), new("农村自来水普及率", Comparator.Reach, 93m, "%", false)], 10),
        new("开展食品安全抽检", "完成食品安全监督抽检{0}批次，抽检合格率不低于98%。", "local", 150m,
            "品质生活指挥部", ["区市场监督管理局"], [],
            [new("食品安全监督抽检", Comparator.AtLeast, 2400m, "批次"), new("抽检合格率", Comparator.AtLeast, 98m, "%", false)], 12),
        new("建设城市口袋公园", "利用边角地新建口袋公园{0}个，新增绿地面积{1}平方米。", "local", 900m,
            "城市建设指挥部", ["区城市管理局"], ["区住房和城乡建设局"],
            [new("新建口袋公园", Comparator.Exactly, 8m, "个"), new("新增绿地面积", Comparator.AtLeast, 24000m, "平方米")], 8),
        new("送戏下乡文化惠民", "组织送戏下乡演出{0}场，放映公益电影{1}场。", "municipal", 120m,
            "文化惠民指挥部", ["区文化广电和旅游局"], [],
            [new("送戏下乡演出", Comparator.AtLeast, 200m, "场"), new("放映公益电影", Comparator.AtLeast, 2600m, "场")], 12),
        new("提高城乡居民医保财政补助", "城乡居民基本医疗保险财政补助标准提高到每人每年{0}元，参保率稳定在95%以上。", "provincial", 0m,
            "健康保障指挥部", ["区医疗保障局"], ["区财政局"],
            [new("财政补助标准", Comparator.Reach, 670m, "元", false), new("参保率", Comparator.AtLeast, 95m, "%", false)], 12),
        new("新建改建公共厕所", "新建改建城市公共厕所{0}座，实现主城区步行10分钟如厕圈。", "local", 600m,
            "城市建设指挥部", ["区城市管理局"], ["区住房和城乡建设局"],
            [new("新建改建公共厕所", Comparator.Exactly, 20m, "座")], 10),
        new("实施困难群众救助", "为城乡低保对象、特困人员发放救助金，年内救助困难群众{0}人次。", "provincial", 4800m,
            "品质生活指挥部", ["区民政局"], ["区财政局"],
            [new("救助困难群众", Comparator.AtLeast, 15000m, "人次")], 12),
        new("建设智慧停车泊位", "新增公共停车泊位{0}个，其中充电桩车位不少于{1}个。", "local", 1500m,
            "城市建设指挥部", ["区城市管理局"], ["区交通运输局"],
            [new("新增公共停车泊位", Comparator.AtLeast, 1800m, "个"), new("充电桩车位", Comparator.AtLeast, 300m, "个")], 11),
        new("开展职业技能培训", "开展各类职业技能培训{0}人次，新增技能人才{1}人。", "municipal", 700m,
            "就业创业指挥部", ["区人力资源和社会保障局"], ["区教育局"],
            [new("职业技能培训", Comparator.AtLeast, 8000m, "人次"), new("新增技能人才", Comparator.AtLeast, 2400m, "人")], 12),
        new("改善义务教育学校条件", "改造薄弱学校{0}所，更新课桌椅和教学设备，新建学生食堂{1}个。", "provincial", 3800m,
            "教育发展指挥部", ["区教育局"], ["区财政局"],
            [new("改造薄弱学校", Comparator.Exactly, 10m, "所"), new("新建学生食堂", Comparator.Exactly, 4m, "个")], 8),
        new("实施高标准农田建设", "建设高标准农田{0}万亩，配套灌排设施。", "provincial", 9000m,
            "乡村振兴指挥部", ["区农业农村局"], ["区水利局", "区财政局"],
            [new("建设高标准农田", Comparator.AtLeast, 4.5m, "万亩")], 12),
        new("建设基层医疗卫生机构", "提升改造乡镇卫生院{0}所、村卫生室{1}个，配备必要诊疗设备。", "municipal", 2100m,
            "健康保障指挥部", ["区卫生健康委员会"], ["区财政局"],
            [new("提升改造乡镇卫生院", Comparator.Exactly, 5m, "所"), new("改造村卫生室", Comparator.Exactly, 40m, "个")], 11),
    ];
}
