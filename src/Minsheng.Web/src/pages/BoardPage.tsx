import { useState } from "react";
import { graphql } from "../gql";
import { lightLabel } from "../lib/labels";
import { Link } from "../lib/router";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const PlanYearsDocument = graphql(`
  query BoardYears {
    plans { year }
  }
`);

const BoardDocument = graphql(`
  query Board($year: Int) {
    projects(first: 100, filter: { topLevelOnly: true, year: $year }) {
      nodes {
        id sequence name
        leadUnit { name }
        assessment { light }
        lightHistory { recordedFor light }
        milestones { id text due { date text } state }
      }
    }
  }
`);

const milestoneMark: Record<string, string> = { ACHIEVED: "✓", ACHIEVED_LATE: "✓", MISSED: "✗", PENDING: "○" };

/**
 * 挂图作战: every project of the year against its twelve months — each month coloured by the light the daily round last
 * recorded in it, with the month's milestones marked done (✓), missed (✗) or still ahead (○).
 */
export function BoardPage() {
  const [year, setYear] = useState<number | null>(null);
  const plans = useQuery(PlanYearsDocument);
  const years = [...new Set(plans.data?.plans.map((p) => p.year) ?? [])].sort((a, b) => b - a);
  // The newest plan's year until another is chosen.
  const shown = year ?? years[0];
  const { data, error, reload } = useQuery(BoardDocument, { year: shown }, { skip: shown === undefined });
  if (plans.error) return <ErrorBox error={plans.error} retry={plans.reload} />;
  if (plans.data && shown === undefined) return <Empty>还没有计划。</Empty>;
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data || shown === undefined) return <Loading what="加载作战图" />;
  const months = Array.from({ length: 12 }, (_, i) => `${shown}-${String(i + 1).padStart(2, "0")}`);
  const lightIn = (history: { recordedFor: string; light: string }[], month: string) =>
    history.filter((h) => h.recordedFor.slice(0, 7) <= month).at(-1)?.light ?? null;
  return (
    <section className="board">
      <div className="filters">
        <label>
          年度
          <select value={shown} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
      </div>
      <h1>{shown}年民生实事挂图作战</h1>
      <p className="meta">每格为当月最后记录的信号灯；✓ 节点已完成，✗ 节点未按期完成，○ 节点未到期。</p>
      {data.projects.nodes.length === 0 ? <Empty>本年度没有项目。</Empty> : (
        <div className="table-wrap">
          <table className="board-grid">
            <thead>
              <tr>
                <th scope="col">项目</th>
                {months.map((m) => <th key={m} scope="col">{Number(m.slice(5))}月</th>)}
              </tr>
            </thead>
            <tbody>
              {data.projects.nodes.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.sequence}. {p.name}</Link><span className="meta"> {p.leadUnit?.name}</span></th>
                  {months.map((m) => {
                    const light = lightIn(p.lightHistory, m);
                    const due = p.milestones.filter((ms) => ms.due.date.slice(0, 7) === m);
                    return (
                      <td key={m} className={`cell ${light?.toLowerCase() ?? "none"}`} title={`${m} ${light ? lightLabel[light] : "未记录"}${due.map((d) => `；${d.text}`).join("")}`}>
                        {due.map((d) => <span key={d.id} className={`mark ${d.state.toLowerCase()}`}>{milestoneMark[d.state]}</span>)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
