import { useEffect, useMemo, useState } from "react";
import { graphql } from "../gql";
import { ApiError, request } from "../lib/api";
import { formatNumber, formatPeriod, reportStatusLabel } from "../lib/labels";
import { Link, navigate } from "../lib/router";
import { ErrorBox, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const ReportFormDocument = graphql(`
  query ReportForm($id: ID!) {
    project(id: $id) {
      id sequence name
      indicators { id label targetValue unit }
      reports { id period status progress problems nextSteps investmentCompletedYuan returnReason actuals { indicator { id } value } }
    }
  }
`);

const SaveReportDocument = graphql(`
  mutation SaveReport($input: SaveReportDraftInput!) {
    saveReportDraft(input: $input) { id status period }
  }
`);

interface Draft {
  progress: string;
  problems: string;
  nextSteps: string;
  investment: string;
  actuals: Record<string, string>;
}

const emptyDraft: Draft = { progress: "", problems: "", nextSteps: "", investment: "", actuals: {} };

/**
 * The unit clerk's monthly report. Every keystroke is kept in this browser (localStorage) until the server has the
 * report: a dropped network or a closed tab loses nothing, and the form says when it shows a kept draft.
 */
export function ReportFormPage({ projectId, period: periodParam }: { projectId: string; period: string | null }) {
  const period = periodParam && /^\d{4}-\d{2}$/.test(periodParam) ? periodParam : new Date().toISOString().slice(0, 7);
  const storageKey = `minsheng.report.${projectId}.${period}`;
  const { data, error, reload } = useQuery(ReportFormDocument, { id: projectId });
  const existing = useMemo(() => data?.project?.reports.find((r) => r.period === period), [data, period]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restored, setRestored] = useState(false);
  const [saving, setSaving] = useState<"draft" | "submit" | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // The form starts from a draft kept in this browser, else from the server's report for the month, else empty.
  useEffect(() => {
    if (!data || draft) return;
    const kept = localStorage.getItem(storageKey);
    if (kept) {
      setDraft(JSON.parse(kept) as Draft);
      setRestored(true);
    } else if (existing) {
      setDraft({
        progress: existing.progress ?? "",
        problems: existing.problems ?? "",
        nextSteps: existing.nextSteps ?? "",
        investment: existing.investmentCompletedYuan === null || existing.investmentCompletedYuan === undefined ? "" : String(existing.investmentCompletedYuan),
        actuals: Object.fromEntries(existing.actuals.map((a) => [a.indicator.id, String(a.value)])),
      });
    } else setDraft(emptyDraft);
  }, [data, existing, draft, storageKey]);

  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data || !draft) return <Loading what="加载月报" />;
  const project = data.project;
  if (!project) return <ErrorBox error={new ApiError("没有这个项目，或它不属于当前地区。", "NOT_FOUND")} />;
  const editable = !existing || existing.status === "DRAFT" || existing.status === "RETURNED";

  const change = (next: Draft) => {
    setDraft(next);
    setSaved(null);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };

  const save = async (submit: boolean) => {
    setSaving(submit ? "submit" : "draft");
    setSaveError(null);
    try {
      const result = await request(SaveReportDocument, {
        input: {
          projectId,
          period,
          progress: draft.progress || null,
          problems: draft.problems || null,
          nextSteps: draft.nextSteps || null,
          investmentCompletedYuan: draft.investment.trim() === "" ? null : draft.investment.trim(),
          actuals: Object.entries(draft.actuals)
            .filter(([, v]) => v.trim() !== "")
            .map(([indicatorId, value]) => ({ indicatorId, value: value.trim() })),
          submit,
        },
      });
      // The server has it: the copy kept in this browser is no longer needed.
      localStorage.removeItem(storageKey);
      setRestored(false);
      if (submit) navigate(`/projects/${encodeURIComponent(projectId)}`);
      else {
        setSaved(`已保存（${reportStatusLabel[result.saveReportDraft.status]}）`);
        reload();
      }
    } catch (e) {
      setSaveError(e instanceof ApiError ? e : new ApiError(String(e)));
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="report-form">
      <p className="crumbs"><Link to={`/projects/${encodeURIComponent(projectId)}`}>{project.sequence}. {project.name}</Link> / 月报</p>
      <h1>{formatPeriod(period)}工作进展月报</h1>
      {existing && <p className="status">当前状态：{reportStatusLabel[existing.status]}{existing.returnReason ? `（退回原因：${existing.returnReason}）` : ""}</p>}
      {restored && <p className="notice" role="status">这是保存在本机、尚未提交到服务器的草稿。</p>}
      {!editable && <p className="notice">本月月报已报送，不能再修改；如需更正，请联系督查室。</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(true);
        }}
      >
        <fieldset disabled={!editable || saving !== null}>
          <label htmlFor="progress">工作进展</label>
          <textarea id="progress" rows={4} value={draft.progress} onChange={(e) => change({ ...draft, progress: e.target.value })} />
          <label htmlFor="problems">存在问题</label>
          <textarea id="problems" rows={3} value={draft.problems} onChange={(e) => change({ ...draft, problems: e.target.value })} />
          <label htmlFor="nextSteps">下步打算</label>
          <textarea id="nextSteps" rows={3} value={draft.nextSteps} onChange={(e) => change({ ...draft, nextSteps: e.target.value })} />
          <label htmlFor="investment">累计完成投资（元）</label>
          <input id="investment" inputMode="decimal" value={draft.investment} onChange={(e) => change({ ...draft, investment: e.target.value })} />
          {project.indicators.length > 0 && <h2>目标完成情况（累计）</h2>}
          {project.indicators.map((i) => (
            <div key={i.id} className="actual">
              <label htmlFor={`actual-${i.id}`}>
                {i.label}（目标 {formatNumber(i.targetValue)}{i.unit}）
              </label>
              <input
                id={`actual-${i.id}`}
                inputMode="decimal"
                value={draft.actuals[i.id] ?? ""}
                onChange={(e) => change({ ...draft, actuals: { ...draft.actuals, [i.id]: e.target.value } })}
              />
              <span className="unit">{i.unit}</span>
            </div>
          ))}
          <div className="actions">
            <button type="button" onClick={() => void save(false)}>{saving === "draft" ? "保存中…" : "保存草稿"}</button>
            <button type="submit" className="primary">{saving === "submit" ? "报送中…" : "报送"}</button>
          </div>
        </fieldset>
      </form>
      {saved && <p className="ok" role="status">{saved}</p>}
      {saveError && <ErrorBox error={saveError} />}
      {saveError?.code === "NETWORK" && <p className="notice">草稿已保存在本机，网络恢复后再点“保存草稿”或“报送”即可。</p>}
    </section>
  );
}
