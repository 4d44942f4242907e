using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minsheng.Importing;

// A 30-project plan in the seeds' text layout, with month-by-month milestones, then the same plan as .docx and .xlsx.
var text = Encoding.UTF8.GetBytes(GeneratedPlan(30));
var importer = new PlanImporter();
var draft = importer.Read(text, "bench.txt").Draft ?? throw new InvalidOperationException("the generated plan did not import");
var documents = new (string Name, byte[] Bytes)[]
{
    ("text", text),
    ("docx", PlanExporter.ToDocx(draft)),
    ("xlsx", PlanExporter.ToXlsx(draft)),
    // Layouts read by their shape: one cell per line, a completion table with runs of spaces, a list in prose.
    ("lines", Encoding.UTF8.GetBytes(OneCellPerLine(30))),
    ("spaced", Encoding.UTF8.GetBytes(SpacedCompletionTable(30))),
    ("prose", Encoding.UTF8.GetBytes(ProseList(15))),
};

foreach (var (name, bytes) in documents)
{
    var fileName = "bench." + (name is "lines" or "spaced" or "prose" ? "txt" : name);
    var projects = importer.Read(bytes, fileName).Draft!.AllProjects().Count();
    // Warm-up: JIT, regex compilation and first-use caches are not what a clerk's second import pays.
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed < TimeSpan.FromSeconds(3)) importer.Read(bytes, fileName);
    var samples = new double[200];
    for (var i = 0; i < samples.Length; i++)
    {
        var watch = Stopwatch.StartNew();
        importer.Read(bytes, fileName);
        samples[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(samples);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-6} {bytes.Length,7} bytes  {projects} projects  median {samples[100]:0.00} ms  p90 {samples[180]:0.00} ms  max {samples[^1]:0.00} ms"));
}

static string GeneratedPlan(int count)
{
    var sb = new StringBuilder("关于印发2025年民生实事项目的通知\n2025年民生实事已经县人民政府研究同意。\n2025年民生实事任务清单\n");
    foreach (var header in new[] { "序号", "实事名称", "实事内容", "计划投资", "完成时限", "责任领导", "责任单位", "备注" }) sb.Append('\t').Append(header).Append('\n');
    for (var i = 1; i <= count; i++)
    {
        sb.Append('\n');
        sb.Append('\t').Append(i).Append('\n');
        sb.Append('\t').Append("第").Append(i).Append("项民生工程（市定）\n");
        sb.Append('\t').Append($"全年新建改造管网不少于{10 + i}公里，新增公共服务充电桩{100 + i}个以上，覆盖率达到{50 + i}%，培训{i}万人次。\n");
        sb.Append('\t').Append(800 + i).Append("万元\n");
        sb.Append('\t').Append($"3月底，完成管网{i}公里；\n\n6月中旬，完成充电桩{50 + i}个；\n\n9月底，培训{i * 5000}人次；\n\n12月底，全面完成。\n");
        sb.Append('\t').Append("张  三\n");
        sb.Append('\t').Append("县住房和城乡\n建设局\n");
        sb.Append('\t').Append('\n');
    }
    return sb.ToString();
}

static string OneCellPerLine(int count)
{
    var sb = new StringBuilder("2025年民生实事项目安排\n\n序号\n民生实事\n责任单位\n完成时限\n");
    for (var i = 1; i <= count; i++)
    {
        sb.Append(i).Append('\n').Append($"新建改造管网{10 + i}公里，新增充电桩{100 + i}个\n").Append("县住建局\n").Append($"{1 + i % 12}月底前\n");
        if (i % 5 == 0) sb.Append($"建成配套设施{i}处\n").Append("12月底前\n");
    }
    return sb.Append("\n县人民政府办公室\n").ToString();
}

static string SpacedCompletionTable(int count)
{
    var sb = new StringBuilder("2024年民生实事完成情况表\n序号    考核指标            单位      工作目标    已完成数    占年任务之比    备注\n");
    for (var i = 1; i <= count; i++)
    {
        sb.Append($"{i}       第{i}项考核指标          万人      0.{i % 9 + 1}         0.{i % 9 + 2}         110%            县人社局\n");
        if (i % 4 == 0) sb.Append($"        其中：第{i}项分指标        公里      {i}          {i + 1}          -\n");
    }
    return sb.ToString();
}

static string ProseList(int count)
{
    var sb = new StringBuilder("2025年政府工作报告\n\n2025年，县政府将办好以下民生实事：");
    for (var i = 1; i <= count; i++) sb.Append($"({i})新建第{i}批便民设施{i * 3}处，铺设道路{i}.5公里。 ");
    return sb.Append("\n").ToString();
}
