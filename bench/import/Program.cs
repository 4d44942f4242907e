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
};

foreach (var (name, bytes) in documents)
{
    var fileName = "bench." + name;
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
        $"{name,-5} {bytes.Length,7} bytes  {projects} projects  median {samples[100]:0.00} ms  p90 {samples[180]:0.00} ms  max {samples[^1]:0.00} ms"));
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
