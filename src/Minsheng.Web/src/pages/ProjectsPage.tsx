import { useState } from "react";
import { graphql } from "../gql";
import type { ProjectsQueryVariables } from "../gql/graphql";
import { categoryLabel, formatPeriod, reportStatusLabel, statusLabel } from "../lib/labels";
import { Link, navigate } from "../lib/router";
import { Empty, ErrorBox, LightBadge, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const ProjectsDocument = graphql(`
  query Projects($first: Int, $after: String, $filter: ProjectFilter) {
    projects(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id sequence name category
        deadline { text }
        leadUnit { name }
        assessment { status light progressPercent }
        latestReport { period status }
      }
    }
  }
`);

const UnitsDocument = graphql(`
  query Units {
    units { id name }
  }
`);

const pageSize = 20;

const shown = <T extends { assessment: { light: string } }>(nodes: T[], light: string | undefined) => (light ? nodes.filter((n) => n.assessment.light === light) : nodes);

/** The project table: filters and paging live in the address, so a filtered page can be bookmarked and shared. */
export function ProjectsPage({ search }: { search: URLSearchParams }) {
  const filter = {
    category: search.get("category") || undefined,
    unitId: search.get("unit") || undefined,
    search: search.get("q") || undefined,
    light: search.get("light") || undefined,
    planId: search.get("plan") || undefined,
  };
  const cursors = (search.get("pages") ?? "").split(",").filter(Boolean);
  const after = cursors.at(-1);
  // The API filters by category, unit and text; the light is today's assessment, worked out per project, so the light
  // filter is applied here to the first 100 projects (a county has 10–30) and says so when there are more.
  const byLight = filter.light;
  const variables: ProjectsQueryVariables = {
    first: byLight ? 100 : pageSize,
    after: byLight ? undefined : after,
    filter: { planId: filter.planId, category: filter.category, unitId: filter.unitId, search: filter.search, topLevelOnly: true },
  };
  const projects = useQuery(ProjectsDocument, variables);
  const units = useQuery(UnitsDocument);
  const [text, setText] = useState(filter.search ?? "");

  const go = (changes: Record<string, string | undefined>, keepPages = false) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) (v ? next.set(k, v) : next.delete(k));
    if (!keepPages) next.delete("pages");
    navigate(`/projects${next.size ? `?${next}` : ""}`);
  };

  return (
    <section>
      <h1>项目</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() || undefined });
        }}
      >
        <label>
          类别
          <select value={filter.category ?? ""} onChange={(e) => go({ category: e.target.value || undefined })}>
            <option value="">全部</option>
            {Object.entries(categoryLabel).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          责任单位
          <select value={filter.unitId ?? ""} onChange={(e) => go({ unit: e.target.value || undefined })}>
            <option value="">全部</option>
            {units.data?.units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        <label>
          信号灯
          <select value={filter.light ?? ""} onChange={(e) => go({ light: e.target.value || undefined })}>
            <option value="">全部</option>
            <option value="RED">红灯</option>
            <option value="YELLOW">黄灯</option>
            <option value="GREEN">绿灯</option>
          </select>
        </label>
        <label>
          搜索
          <input type="search" value={text} placeholder="项目名称或内容" onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">查询</button>
      </form>
      {projects.error ? (
        <ErrorBox error={projects.error} retry={projects.reload} />
      ) : !projects.data ? (
        <Loading what="加载项目" />
      ) : shown(projects.data.projects.nodes, byLight).length === 0 ? (
        <Empty>没有符合条件的项目。</Empty>
      ) : (
        <>
          <p className="count">
            {byLight
              ? `${shown(projects.data.projects.nodes, byLight).length} 项${projects.data.projects.pageInfo.hasNextPage ? "（仅在前100个项目中筛选）" : ""}`
              : `共 ${projects.data.projects.totalCount} 项`}
            {projects.loading ? "（更新中…）" : ""}
          </p>
          <div className="table-wrap">
            <table className="projects">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">项目</th>
                  <th scope="col">类别</th>
                  <th scope="col">牵头单位</th>
                  <th scope="col">完成时限</th>
                  <th scope="col">信号灯</th>
                  <th scope="col">状态</th>
                  <th scope="col">进度</th>
                  <th scope="col">最近月报</th>
                </tr>
              </thead>
              <tbody>
                {shown(projects.data.projects.nodes, byLight).map((p) => (
                  <tr key={p.id}>
                    <td>{p.sequence}</td>
                    <td><Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.name}</Link></td>
                    <td>{p.category ? categoryLabel[p.category] ?? p.category : "—"}</td>
                    <td>{p.leadUnit?.name ?? "—"}</td>
                    <td>{p.deadline?.text ?? "—"}</td>
                    <td><LightBadge light={p.assessment.light} /></td>
                    <td>{statusLabel[p.assessment.status] ?? p.assessment.status}</td>
                    <td>{p.assessment.progressPercent === null || p.assessment.progressPercent === undefined ? "—" : `${p.assessment.progressPercent}%`}</td>
                    <td>{p.latestReport ? `${formatPeriod(p.latestReport.period)} · ${reportStatusLabel[p.latestReport.status]}` : "未报送"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!byLight && <div className="pager">
            <button type="button" disabled={cursors.length === 0} onClick={() => go({ pages: cursors.slice(0, -1).join(",") || undefined }, true)}>
              上一页
            </button>
            <span>第 {cursors.length + 1} 页</span>
            <button
              type="button"
              disabled={!projects.data.projects.pageInfo.hasNextPage}
              onClick={() => go({ pages: [...cursors, projects.data!.projects.pageInfo.endCursor!].join(",") }, true)}
            >
              下一页
            </button>
          </div>}
        </>
      )}
    </section>
  );
}
