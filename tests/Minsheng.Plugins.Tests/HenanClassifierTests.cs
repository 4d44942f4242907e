using Minsheng.Plugins.Abstractions;
using Minsheng.Plugins.Henan;

namespace Minsheng.Plugins.Tests;

/// <summary>省定/市定/本级 and catalog matching on the wording of real plans (宛城区 2024 台帐 and similar).</summary>
public sealed class HenanClassifierTests
{
    private static readonly HenanClassifier Classifier = new(new HenanTaskCatalog());

    private static ProjectCategorization Classify(string name, string? content = null, int year = 2024, params (string Label, decimal Value, string Unit)[] targets) =>
        Classifier.Classify(new ClassifiedProject(name, content, year, targets.Select(t => new ClassifiedTarget(t.Label, t.Value, t.Unit)).ToList()))!;

    [Fact]
    public void A_tagged_provincial_task_is_matched_to_its_catalog_task_and_its_targets_to_aggregation_keys()
    {
        var skills = Classify("开展职业技能培训和评价取证（省定）", "全年开展职业技能培训1.3万人次，新增技能人才9000人，新增高技能人才5400人。", 2024,
            ("开展职业技能培训", 1.3m, "万人次"), ("新增技能人才", 9000, "人"), ("新增高技能人才", 5400, "人"));

        Assert.Equal((ProjectLevel.Provincial, CategorizationBasis.Tag, false), (skills.Level, skills.Basis, skills.Doubtful));
        Assert.Equal("ha-2024-skills", skills.Task!.Key);
        Assert.Contains("（省定）", skills.MatchedWords);
        Assert.Contains("职业技能培训", skills.MatchedWords);
        Assert.Equal(
            [(0, "ha-2024-skills.trained", 10_000m), (1, "ha-2024-skills.new-skilled", 1m), (2, "ha-2024-skills.new-high-skilled", 1m)],
            skills.Targets.Select(t => (t.Position, t.AggregationKey, t.Factor)));
    }

    [Fact]
    public void Every_provincial_task_of_the_seed_plan_finds_its_catalog_task()
    {
        (string Name, string Key)[] seed =
        [
            ("开展职业技能培训和评价取证（省定）", "ha-2024-skills"),
            ("提升基层医疗卫生服务能力（省定）", "ha-2024-primary-care"),
            ("开展城镇老旧小区改造（省定）", "ha-2024-old-communities"),
            ("加快推动“四好农村路”高质量发展（省定）", "ha-2024-rural-roads"),
            ("推进城镇非居民用户“瓶改管”改造（省定）", "ha-2024-gas-pipes"),
            ("推进充电基础设施建设（省定）", "ha-2024-charging"),
            ("开展农村道路交通安全隐患排查治理（省定）", "ha-2024-road-safety"),
            ("积极发展老年助餐服务（省定）", "ha-2024-elderly-meals"),
            ("提高妇女、儿童和青少年健康保障水平   （省定）", "ha-2024-women-children-health"),
        ];

        foreach (var (name, key) in seed)
        {
            var found = Classify(name);
            Assert.True((found.Level, found.Task?.Key, found.Doubtful) == (ProjectLevel.Provincial, key, false), $"{name}: {found.Task?.Key} {found.Explanation}");
        }
    }

    [Fact]
    public void A_municipal_tag_wins_and_an_untagged_local_project_stays_local()
    {
        var city = Classify("实施全民健康保障提升工程（市定）");
        var halfWidth = Classify("规范提高物业服务水平(市定)");
        var local = Classify("建设城区口袋公园", "新建口袋公园5个。");

        Assert.Equal((ProjectLevel.Municipal, CategorizationBasis.Tag, null), (city.Level, city.Basis, city.Task));
        Assert.Equal(ProjectLevel.Municipal, halfWidth.Level);
        Assert.Equal((ProjectLevel.Local, CategorizationBasis.None, false), (local.Level, local.Basis, local.Doubtful));
    }

    [Fact]
    public void What_a_person_should_confirm_is_marked_doubtful_with_the_reason()
    {
        // Tagged, but no 2024 task fits.
        var unknown = Classify("建设智慧停车场（省定）");
        // Not tagged, but the name is a provincial task's: is it the provincial task?
        var untagged = Classify("推进老旧小区改造提升", "改造老旧小区12个。");
        // Only the content hints at a task.
        var contentOnly = Classify("民生服务提升行动", "建设老年食堂，开展助餐配餐服务。");
        // Another year's plan: the 2024 catalog does not apply.
        var otherYear = Classify("开展城镇老旧小区改造（省定）", year: 2023);

        Assert.Equal((ProjectLevel.Provincial, true, null), (unknown.Level, unknown.Doubtful, unknown.Task));
        Assert.Contains("请确认", unknown.Explanation);
        Assert.Equal((ProjectLevel.Provincial, CategorizationBasis.Catalog, true, "ha-2024-old-communities"),
            (untagged.Level, untagged.Basis, untagged.Doubtful, untagged.Task?.Key));
        Assert.Contains("老旧小区", untagged.MatchedWords);
        Assert.Equal((true, "ha-2024-elderly-meals"), (contentOnly.Doubtful, contentOnly.Task?.Key));
        Assert.Equal((ProjectLevel.Provincial, true, null), (otherYear.Level, otherYear.Doubtful, otherYear.Task));
    }

    [Fact]
    public void A_target_in_another_unit_is_not_counted_under_a_key()
    {
        var roads = Classify("加快推动“四好农村路”高质量发展（省定）", null, 2024, ("新、改建农村公路", 25, "公里"), ("改造危旧桥梁", 4, "座"), ("投资", 3, "亿元"));

        Assert.Equal([(0, "ha-2024-rural-roads.km"), (1, "ha-2024-rural-roads.bridges")], roads.Targets.Select(t => (t.Position, t.AggregationKey)));
    }
}
