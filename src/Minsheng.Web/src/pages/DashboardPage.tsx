import { Chart, lightColor } from "../lib/Chart";
import { graphql } from "../gql";
import { lightLabel, statusLabel } from "../lib/labels";
import { Link } from "../lib/router";
import { useSession } from "../lib/session";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const DashboardDocument = graphql(`
  query Dashboard {
    projects(first: 100, filter: { topLevelOnly: true }) {
      totalCount
      nodes { id sequence name leadUnit { name } assessment { status light progressPercent } }
    }
  }
`);

export default function DashboardPage() {
  const session = useSession();
  const { data, error, reload } = useQuery(DashboardDocument, undefined, { skip: !session.tenant });
  if (!session.tenant) return <Empty>区域分析账号请使用汇总页面（regionSummary）。</Empty>;
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading what="加载工作台" />;
  const nodes = data.projects.nodes;
  if (nodes.length === 0) return <Empty>还没有项目。<Link to="/projects">去项目页</Link></Empty>;

  const count = <K extends string>(key: (n: (typeof nodes)[number]) => K) => nodes.reduce<Record<string, number>>((acc, n) => ({ ...acc, [key(n)]: (acc[key(n)] ?? 0) + 1 }), {});
  const lights = count((n) => n.assessment.light);
  const statuses = count((n) => n.assessment.status);
  // Per lead unit: its projects' average progress, lowest first (the units to chase).
  const units = Object.entries(
    nodes.reduce<Record<string, number[]>>((acc, n) => {
      const unit = n.leadUnit?.name ?? "未明确";
      (acc[unit] ??= []).push(n.assessment.progressPercent ?? 0);
      return acc;
    }, {}),
  )
    .map(([unit, values]) => ({ unit, average: Math.round(values.reduce((a, b) => a + b, 0) / values.length), projects: values.length }))
    .sort((a, b) => a.average - b.average);

  return (
    <section className="dashboard">
      <h1>工作台</h1>
      <div className="tiles">
        <div className="tile"><span className="n">{data.projects.totalCount}</span>项目</div>
        {(["RED", "YELLOW", "GREEN"] as const).map((l) => (
          <Link key={l} to={`/projects?light=${l}`} className={`tile ${l.toLowerCase()}`}><span className="n">{lights[l] ?? 0}</span>{lightLabel[l]}</Link>
        ))}
      </div>
      <div className="charts">
        <Chart
          label="信号灯分布"
          option={{
            tooltip: {},
            series: [{ type: "pie", radius: ["40%", "70%"], data: Object.entries(lights).map(([l, v]) => ({ name: lightLabel[l], value: v, itemStyle: { color: lightColor[l] } })) }],
          }}
        />
        <Chart
          label="项目状态分布"
          option={{
            tooltip: {},
            grid: { left: 80, right: 20, top: 10, bottom: 30 },
            xAxis: { type: "value" },
            yAxis: { type: "category", data: Object.keys(statuses).map((s) => statusLabel[s] ?? s) },
            series: [{ type: "bar", data: Object.values(statuses) }],
          }}
        />
      </div>
      <h2>责任单位推进排名（平均进度，由低到高）</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">单位</th><th scope="col">项目数</th><th scope="col">平均进度</th></tr></thead>
          <tbody>{units.map((u) => <tr key={u.unit}><td>{u.unit}</td><td>{u.projects}</td><td>{u.average}%</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}
