import { useState } from "react";
import { graphql } from "../gql";
import { Chart } from "../lib/Chart";
import { formatNumber } from "../lib/labels";
import { Link, navigate } from "../lib/router";
import { useSession } from "../lib/session";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const RegionDocument = graphql(`
  query RegionRollUp($code: String!, $year: Int!) {
    regionSummary(regionCode: $code, year: $year) {
      regionCode name year
      total { tenants projects targets reportsFiled reportsSignedOff }
      children { regionCode name counts { tenants projects targets reportsFiled reportsSignedOff } }
      tasks {
        taskKey name governments projects
        lights { green yellow red unrecorded }
        lagging { regionCode name redProjects laggingProjects }
        targets {
          aggregationKey label unit
          figure { basis figure { planned actual completionPercent } }
          children { regionCode name basis figure { planned actual completionPercent } }
          disagreements { regionCode name own { planned actual } children { planned actual } }
        }
      }
    }
  }
`);

const basisLabel: Record<string, string> = { OWN: "本级数", CHILDREN: "下级合计" };

/**
 * The provincial or municipal analyst's roll-up (区域汇总): the region's counts, each child region's (click to drill down),
 * and every catalog task with its targets rolled up once (a city's own figure stands for the city; else its counties' sum),
 * the drill-down by child region, the regions whose own figure disagrees with their children's, and the lagging governments.
 */
export default function RegionPage({ code, year }: { code: string | null; year: number | null }) {
  const session = useSession();
  const regionCode = code ?? session.regionCode ?? session.tenant ?? "";
  const shownYear = year ?? new Date().getFullYear();
  const { data, error, reload } = useQuery(RegionDocument, { code: regionCode, year: shownYear });
  const [openTask, setOpenTask] = useState<string | null>(null);
  const go = (c: string, y: number) => navigate(`/region?code=${c}&year=${y}`);

  return (
    <section className="region">
      <div className="filters">
        <label>
          年度
          <select value={shownYear} onChange={(e) => go(regionCode, Number(e.target.value))}>
            {Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i).map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        {code && code !== session.regionCode && session.regionCode && <Link to={`/region?code=${session.regionCode}&year=${shownYear}`}>返回本区域</Link>}
      </div>
      {error ? <ErrorBox error={error} retry={reload} /> : !data ? <Loading what="汇总中" /> : (
        <>
          <h1>{data.regionSummary.name ?? regionCode}{shownYear}年民生实事汇总</h1>
          <div className="tiles">
            <div className="tile"><span className="n">{data.regionSummary.total.tenants}</span>入驻政府</div>
            <div className="tile"><span className="n">{data.regionSummary.total.projects}</span>项目</div>
            <div className="tile"><span className="n">{data.regionSummary.total.targets}</span>量化目标</div>
            <div className="tile"><span className="n">{data.regionSummary.total.reportsSignedOff}</span>已审签月报</div>
          </div>
          {data.regionSummary.total.projects === 0 && <Empty>{shownYear}年没有已发布的计划，请选择其他年度。</Empty>}
          {data.regionSummary.children.length > 0 && (
            <>
              <h2>下级地区</h2>
              <div className="table-wrap">
                <table className="children">
                  <thead><tr><th scope="col">地区</th><th scope="col">入驻政府</th><th scope="col">项目</th><th scope="col">目标</th><th scope="col">已报送月报</th><th scope="col">已审签月报</th></tr></thead>
                  <tbody>
                    {data.regionSummary.children.map((c) => (
                      <tr key={c.regionCode}>
                        <td><Link to={`/region?code=${c.regionCode}&year=${shownYear}`}>{c.name ?? c.regionCode}</Link></td>
                        <td>{c.counts.tenants}</td><td>{c.counts.projects}</td><td>{c.counts.targets}</td><td>{c.counts.reportsFiled}</td><td>{c.counts.reportsSignedOff}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <h2>按任务汇总</h2>
          {data.regionSummary.tasks.length === 0 ? <Empty>本区域没有启用任务目录。</Empty> : (
            <ul className="queue">
              {data.regionSummary.tasks.map((t) => (
                <li key={t.taskKey} className="card task">
                  <h3>
                    <button type="button" className="link" aria-expanded={openTask === t.taskKey} onClick={() => setOpenTask(openTask === t.taskKey ? null : t.taskKey)}>
                      {t.name ?? t.taskKey}
                    </button>
                  </h3>
                  <p className="meta">
                    {t.governments} 个政府 · {t.projects} 个项目 · 红灯 {t.lights.red} · 黄灯 {t.lights.yellow} · 绿灯 {t.lights.green}
                    {t.lights.unrecorded ? ` · 未记录 ${t.lights.unrecorded}` : ""}
                  </p>
                  <div className="table-wrap">
                    <table>
                      <thead><tr><th scope="col">目标</th><th scope="col">计划</th><th scope="col">完成</th><th scope="col">完成率</th><th scope="col">口径</th></tr></thead>
                      <tbody>
                        {t.targets.map((g) => (
                          <tr key={g.aggregationKey}>
                            <td>{g.label ?? g.aggregationKey}{g.disagreements.length > 0 ? <span className="tag warn" title="本级数与下级合计不一致">数据不一致 {g.disagreements.length}</span> : null}</td>
                            <td>{g.figure ? `${formatNumber(g.figure.figure.planned)}${g.unit ?? ""}` : "—"}</td>
                            <td>{g.figure ? `${formatNumber(g.figure.figure.actual)}${g.unit ?? ""}` : "—"}</td>
                            <td>{g.figure?.figure.completionPercent === null || g.figure?.figure.completionPercent === undefined ? "—" : `${g.figure.figure.completionPercent}%`}</td>
                            <td>{g.figure ? basisLabel[g.figure.basis] : "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {openTask === t.taskKey && (
                    <div className="drill">
                      {t.targets.filter((g) => g.children.length > 0).map((g) => (
                        <div key={g.aggregationKey}>
                          <h4>{g.label ?? g.aggregationKey}：各地完成率</h4>
                          <Chart
                            label={`${g.label ?? g.aggregationKey}各地完成率`}
                            height={Math.max(160, g.children.length * 26)}
                            option={{
                              tooltip: {},
                              grid: { left: 90, right: 30, top: 10, bottom: 20 },
                              xAxis: { type: "value", max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
                              yAxis: { type: "category", data: g.children.map((c) => c.name ?? c.regionCode) },
                              series: [{ type: "bar", data: g.children.map((c) => Number(c.figure.completionPercent ?? 0)) }],
                            }}
                          />
                          {g.disagreements.length > 0 && (
                            <ul className="disagreements">
                              {g.disagreements.map((d) => (
                                <li key={d.regionCode}>{d.name ?? d.regionCode}：本级计划 {formatNumber(d.own.planned)}，下级合计 {formatNumber(d.children.planned)}（汇总按本级数）</li>
                              ))}
                            </ul>
                          )}
                        </div>
                      ))}
                      {t.lagging.length > 0 && (
                        <p><strong>进度滞后：</strong>{t.lagging.map((l) => `${l.name}（红灯${l.redProjects}、滞后${l.laggingProjects}）`).join("；")}</p>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
