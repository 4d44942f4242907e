import { useState } from "react";
import { graphql } from "../gql";
import type { ChangeKind } from "../gql/graphql";
import { request } from "../lib/api";
import { formatTime } from "../lib/labels";
import { ErrorBox } from "../lib/ui";
import { useAction } from "../lib/useAction";

const DecideDocument = graphql(`
  mutation DecideProjectChange($input: DecideProjectChangeInput!) { decideProjectChange(input: $input) { id kind } }
`);
const CloseOutDocument = graphql(`
  mutation CloseOutProject($input: CloseOutProjectInput!) { closeOutProject(input: $input) { id state } }
`);

export const changeKindLabel: Record<string, string> = {
  TARGET_ADJUSTED: "调整目标", DEADLINE_MOVED: "调整完成时限", SUSPENDED: "暂停实施", RESUMED: "恢复实施", CANCELLED: "取消项目",
};

interface Decision {
  id: string;
  kind: string;
  reason: string;
  approver: string;
  congressReference?: string | null;
  decidedOn: string;
  before: string;
  after: string;
  recordedBy: string;
  recordedAt: string;
}

/** The recorded decisions on what a project promised, each with its fields before and after: the published version stays visible. */
export function ChangeHistory({ decisions }: { decisions: Decision[] }) {
  if (decisions.length === 0) return null;
  return (
    <>
      <h2>计划调整记录</h2>
      <div className="table-wrap">
        <table className="changes">
          <thead><tr><th scope="col">决定日期</th><th scope="col">调整</th><th scope="col">理由</th><th scope="col">批准</th><th scope="col">调整前</th><th scope="col">调整后</th><th scope="col">记录</th></tr></thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>{d.decidedOn}</td>
                <td>{changeKindLabel[d.kind] ?? d.kind}</td>
                <td>{d.reason}</td>
                <td>{d.approver}{d.congressReference ? `（${d.congressReference}）` : ""}</td>
                <td><code>{d.before}</code></td>
                <td><code>{d.after}</code></td>
                <td>{d.recordedBy} {formatTime(d.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * A change to a published plan (计划调整): the kind, the reason, who approved it and, where the people's congress voted
 * the plan, its standing committee's decision; the server refuses what the rules require and says which.
 */
export function ChangeDecisionForm({ projectId, indicators, onDone }: { projectId: string; indicators: { id: string; label: string; unit: string }[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChangeKind>("DEADLINE_MOVED");
  const [form, setForm] = useState({ reason: "", approver: "", congressReference: "", decidedOn: new Date().toISOString().slice(0, 10), indicatorId: indicators[0]?.id ?? "", targetValue: "", deadline: "" });
  const { busy, failure, run } = useAction(onDone);
  if (!open) return <button type="button" onClick={() => setOpen(true)}>计划调整</button>;
  const submit = async () => {
    const recorded = await run(() =>
      request(DecideDocument, {
        input: {
          projectId,
          kind,
          reason: form.reason,
          approver: form.approver,
          congressReference: form.congressReference || null,
          decidedOn: form.decidedOn,
          indicatorId: kind === "TARGET_ADJUSTED" ? form.indicatorId : null,
          targetValue: kind === "TARGET_ADJUSTED" ? form.targetValue : null,
          deadline: kind === "DEADLINE_MOVED" ? { date: form.deadline, precision: "DAY" } : null,
        },
      }),
    );
    if (recorded) setOpen(false);
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form className="card admin-form change-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>计划调整</h2>
      <label>调整事项
        <select value={kind} onChange={(e) => setKind(e.target.value as ChangeKind)}>
          {Object.entries(changeKindLabel).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
      </label>
      {kind === "TARGET_ADJUSTED" && (
        <>
          <label>目标<select value={form.indicatorId} onChange={set("indicatorId")}>{indicators.map((i) => <option key={i.id} value={i.id}>{i.label}（{i.unit}）</option>)}</select></label>
          <label>调整后的目标值<input inputMode="decimal" value={form.targetValue} onChange={set("targetValue")} required /></label>
        </>
      )}
      {kind === "DEADLINE_MOVED" && <label>调整后的完成时限<input type="date" value={form.deadline} onChange={set("deadline")} required /></label>}
      <label>调整理由<textarea rows={2} value={form.reason} onChange={set("reason")} required /></label>
      <label>批准机关或会议<input value={form.approver} onChange={set("approver")} placeholder="如：县政府第12次常务会议" required /></label>
      <label>人大常委会决定文号（调整目标、取消项目时需要）<input value={form.congressReference} onChange={set("congressReference")} /></label>
      <label>决定日期<input type="date" value={form.decidedOn} onChange={set("decidedOn")} required /></label>
      {failure && <ErrorBox error={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>记录并调整</button>
        <button type="button" onClick={() => setOpen(false)}>取消</button>
      </div>
    </form>
  );
}

/** 销号: the supervision office closes out a completed project, saying why. */
export function CloseOutForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { busy, failure, run } = useAction(onDone);
  if (!open) return <button type="button" onClick={() => setOpen(true)}>销号</button>;
  return (
    <form className="card admin-form" onSubmit={async (e) => {
      e.preventDefault();
      if (await run(() => request(CloseOutDocument, { input: { projectId, note } }))) setOpen(false);
    }}>
      <label>销号说明（验收、核定情况）<textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} required /></label>
      {failure && <ErrorBox error={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>确认销号</button>
        <button type="button" onClick={() => setOpen(false)}>取消</button>
      </div>
    </form>
  );
}
