using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.Henan;

/// <summary>
/// The province's provincial tasks (省定民生实事) by year, as its annual notice lists them, each with the words that
/// recognise it in a county's plan and the targets it is counted by. Aggregation keys are stable: a roll-up adds up
/// every county's figure under the same key.
/// </summary>
public sealed class HenanTaskCatalog : ITaskCatalog
{
    public string Issuer => "河南省";

    public IReadOnlyList<CatalogTask> TasksFor(int year) => year == 2024 ? Tasks2024 : [];

    private static CatalogTask Task(string key, string name, string[] nameWords, string[] contentWords, params CatalogTarget[] targets) =>
        new(key, name, ProjectLevel.Provincial, nameWords, contentWords, targets);

    private static CatalogTarget Target(string key, string label, string unit, params string[] words) => new(key, label, unit, words);

    private static readonly IReadOnlyList<CatalogTask> Tasks2024 =
    [
        Task("ha-2024-skills", "开展职业技能培训和评价取证", ["职业技能培训", "技能培训", "评价取证", "技能河南"], ["人人持证", "技能人才", "培训"],
            Target("ha-2024-skills.trained", "职业技能培训", "人次", "培训"),
            Target("ha-2024-skills.new-skilled", "新增技能人才", "人", "技能人才"),
            Target("ha-2024-skills.new-high-skilled", "新增高技能人才", "人", "高技能人才")),
        Task("ha-2024-schools", "改善义务教育办学条件", ["义务教育", "办学条件", "中小学"], ["学校", "学位", "校舍", "寄宿制"],
            Target("ha-2024-schools.schools", "新建改扩建学校", "所", "学校"),
            Target("ha-2024-schools.places", "新增学位", "个", "学位")),
        Task("ha-2024-primary-care", "提升基层医疗卫生服务能力", ["基层医疗", "医疗卫生服务能力", "基层卫生"], ["家庭医生", "村卫生室", "卫生技术人员"],
            Target("ha-2024-primary-care.gp-teams", "培训家庭医生团队", "个", "家庭医生"),
            Target("ha-2024-primary-care.staff-trained", "培训基层卫生技术人员", "人", "卫生技术人员", "培训"),
            Target("ha-2024-primary-care.clinics", "村卫生室经费补助", "个", "村卫生室")),
        Task("ha-2024-old-communities", "开展城镇老旧小区改造", ["老旧小区"], ["改造", "小区"],
            Target("ha-2024-old-communities.households", "老旧小区改造", "户", "改造", "户"),
            Target("ha-2024-old-communities.communities", "改造小区", "个", "小区")),
        Task("ha-2024-rural-roads", "加快推动“四好农村路”高质量发展", ["四好农村路", "农村公路"], ["农村公路", "危旧桥梁", "安防工程"],
            Target("ha-2024-rural-roads.km", "新改建农村公路", "公里", "农村公路", "公路"),
            Target("ha-2024-rural-roads.bridges", "改造危旧桥梁", "座", "桥"),
            Target("ha-2024-rural-roads.safety-km", "实施安防工程", "公里", "安防")),
        Task("ha-2024-gas-pipes", "推进城镇非居民用户“瓶改管”改造", ["瓶改管"], ["液化石油气", "非居民用户"],
            Target("ha-2024-gas-pipes.users", "瓶改管改造", "户", "瓶改管", "改造", "用户")),
        Task("ha-2024-charging", "推进充电基础设施建设", ["充电基础设施", "充电桩", "充电设施"], ["充电"],
            Target("ha-2024-charging.piles", "新建公共充电桩", "个", "充电桩", "充电")),
        Task("ha-2024-road-safety", "开展农村道路交通安全隐患排查治理", ["道路交通安全隐患", "交通安全隐患"], ["隐患路口", "交通安全"],
            Target("ha-2024-road-safety.junctions", "排查整治隐患路口", "个", "路口"),
            Target("ha-2024-road-safety.campaigns", "交通安全宣讲", "场", "宣讲")),
        Task("ha-2024-elderly-meals", "积极发展老年助餐服务", ["老年助餐", "助餐服务"], ["老年食堂", "助餐"],
            Target("ha-2024-elderly-meals.sites", "建成老年助餐场所", "个", "助餐", "场所", "食堂")),
        Task("ha-2024-women-children-health", "提高妇女、儿童和青少年健康保障水平", ["妇女、儿童和青少年健康", "妇女儿童", "青少年健康"],
            ["宫颈癌", "乳腺癌", "筛查", "康复救助", "心理健康"],
            Target("ha-2024-women-children-health.screened", "两癌筛查", "人", "筛查"),
            Target("ha-2024-women-children-health.rehab", "残疾儿童康复救助", "人", "康复", "救助")),
    ];
}
