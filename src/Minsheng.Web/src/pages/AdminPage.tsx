import { useState, type ReactNode } from "react";
import { graphql } from "../gql";
import { request } from "../lib/api";
import { formatTime } from "../lib/labels";
import { can, type Session } from "../lib/session";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useAction } from "../lib/useAction";
import { useQuery } from "../lib/useQuery";

const UsersDocument = graphql(`query AdminUsers { users { id userName displayName roles unitIds disabled lockedOut createdAt } units { id name } }`);
const CreateUserDocument = graphql(`mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`);
const UpdateUserDocument = graphql(`mutation AdminUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id disabled } }`);
const UnitsDocument = graphql(`query AdminUnits { units { id name aliases } }`);
const CreateUnitDocument = graphql(`mutation AdminCreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { id } }`);
const ClientsDocument = graphql(`query AdminClients { dashboardClients { id clientId name allowedOrigins requestsPerSecond createdBy createdAt revokedAt } }`);
const RegisterClientDocument = graphql(`
  mutation AdminRegisterClient($input: RegisterDashboardClientInput!) { registerDashboardClient(input: $input) { clientSecret client { clientId name } } }
`);
const RevokeClientDocument = graphql(`mutation AdminRevokeClient($id: ID!) { revokeDashboardClient(input: { id: $id }) { id revokedAt } }`);
const PluginsDocument = graphql(`query AdminPlugins { installedPlugins { pluginId name version description dependsOn enabled } }`);
const ConfigurePluginsDocument = graphql(`mutation AdminConfigurePlugins($enabled: [String!]!) { configurePlugins(input: { enabled: $enabled }) { pluginId enabled } }`);
const WebhooksDocument = graphql(`query AdminWebhooks { webhooks { id name url events active createdAt deliveries { status attempts } } }`);
const RegisterWebhookDocument = graphql(`mutation AdminRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id name } } }`);
const RevokeWebhookDocument = graphql(`mutation AdminRevokeWebhook($id: ID!) { revokeWebhook(input: { id: $id }) { id active } }`);

const roleLabel: Record<string, string> = {
  tenant_admin: "系统管理员", supervisor: "督查室", unit_clerk: "单位填报员", unit_head: "单位负责人", certifier: "核定人员", viewer: "只读",
};
const webhookEvents: Record<string, string> = {
  "notice.issued": "下发督办", "notice.replied": "督办反馈", "report.returned": "月报退回", "report.due": "月报将到期", "report.overdue": "月报逾期",
};

/** A secret the server shows once: copy it now, it cannot be read again. */
function Secret({ label, value }: { label: string; value: string }) {
  return (
    <div className="notice" role="status">
      <strong>{label}（只显示这一次，请立即妥善保存）：</strong>
      <code className="secret">{value}</code>
    </div>
  );
}

/** Tenant administration: people, units, dashboard clients, plugins and webhooks, each shown to who may change it. */
export function AdminPage({ session }: { session: Session }) {
  const sections: [string, string, boolean, () => ReactNode][] = [
    ["users", "用户", can(session, "ManageUsers"), () => <UsersSection />],
    ["units", "单位", can(session, "EditPlans") || can(session, "ConfigureTenant"), () => <UnitsSection />],
    ["clients", "大屏客户端", can(session, "ManageClients"), () => <ClientsSection />],
    ["plugins", "插件", can(session, "ConfigureTenant"), () => <PluginsSection />],
    ["webhooks", "消息推送", can(session, "ConfigureTenant"), () => <WebhooksSection />],
  ];
  const shown = sections.filter(([, , allowed]) => allowed);
  const [tab, setTab] = useState(shown[0]?.[0]);
  if (shown.length === 0) return <Empty>当前账号没有管理权限。</Empty>;
  return (
    <section className="admin">
      <h1>系统管理</h1>
      <div className="tabs" role="tablist">
        {shown.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>{label}</button>
        ))}
      </div>
      {shown.find(([key]) => key === tab)?.[3]()}
    </section>
  );
}

function UsersSection() {
  const { data, error, reload } = useQuery(UsersDocument);
  const { busy, failure, run } = useAction(reload);
  const [form, setForm] = useState({ userName: "", displayName: "", password: "", roles: [] as string[], unitIds: [] as string[] });
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading />;
  const unitName = new Map(data.units.map((u) => [u.id, u.name]));
  return (
    <>
      <form
        className="card admin-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run(() => request(CreateUserDocument, { input: form }))) setForm({ userName: "", displayName: "", password: "", roles: [], unitIds: [] });
        }}
      >
        <h2>新增用户</h2>
        <label>用户名<input value={form.userName} onChange={(e) => setForm({ ...form, userName: e.target.value })} required /></label>
        <label>姓名<input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required /></label>
        <label>初始密码<input type="password" value={form.password} autoComplete="new-password" onChange={(e) => setForm({ ...form, password: e.target.value })} required /></label>
        <fieldset className="checks">
          <legend>角色</legend>
          {Object.entries(roleLabel).map(([role, label]) => (
            <label key={role}>
              <input type="checkbox" checked={form.roles.includes(role)}
                onChange={(e) => setForm({ ...form, roles: e.target.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role) })} />
              {label}
            </label>
          ))}
        </fieldset>
        {(form.roles.includes("unit_clerk") || form.roles.includes("unit_head")) && (
          <label>
            所属单位
            <select multiple value={form.unitIds} onChange={(e) => setForm({ ...form, unitIds: [...e.target.selectedOptions].map((o) => o.value) })}>
              {data.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>新增</button>
      </form>
      {failure && <ErrorBox error={failure} />}
      <div className="table-wrap">
        <table className="users">
          <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">单位</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <td>{u.userName}</td>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => roleLabel[r] ?? r).join("、")}</td>
                <td>{u.unitIds.map((id) => unitName.get(id) ?? id).join("、") || "—"}</td>
                <td>{u.disabled ? "已停用" : u.lockedOut ? "已锁定" : "正常"}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void run(() => request(UpdateUserDocument, { input: { id: u.id, disabled: !u.disabled } }))}>
                    {u.disabled ? "启用" : "停用"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UnitsSection() {
  const { data, error, reload } = useQuery(UnitsDocument);
  const { busy, failure, run } = useAction(reload);
  const [name, setName] = useState("");
  const [aliases, setAliases] = useState("");
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <form className="filters" onSubmit={async (e) => {
        e.preventDefault();
        const list = aliases.split(/[，,、\s]+/).map((a) => a.trim()).filter(Boolean);
        if (await run(() => request(CreateUnitDocument, { input: { name, aliases: list } }))) { setName(""); setAliases(""); }
      }}>
        <label>单位名称<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>简称（用逗号分隔）<input value={aliases} onChange={(e) => setAliases(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={busy}>新增单位</button>
      </form>
      {failure && <ErrorBox error={failure} />}
      <div className="table-wrap">
        <table><thead><tr><th scope="col">单位</th><th scope="col">简称</th></tr></thead>
          <tbody>{data.units.map((u) => <tr key={u.id}><td>{u.name}</td><td>{u.aliases.join("、") || "—"}</td></tr>)}</tbody>
        </table>
      </div>
    </>
  );
}

function ClientsSection() {
  const { data, error, reload } = useQuery(ClientsDocument);
  const { busy, failure, run } = useAction(reload);
  const [name, setName] = useState("");
  const [origins, setOrigins] = useState("");
  const [secret, setSecret] = useState<{ clientId: string; secret: string } | null>(null);
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <form className="filters" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const result = await request(RegisterClientDocument, { input: { name, allowedOrigins: origins.split(/[\s,，]+/).filter(Boolean) } });
          setSecret({ clientId: result.registerDashboardClient.client.clientId, secret: result.registerDashboardClient.clientSecret });
          setName("");
          setOrigins("");
        });
      }}>
        <label>名称<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>允许的网页来源（https://…，可空）<input value={origins} onChange={(e) => setOrigins(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={busy}>登记客户端</button>
      </form>
      {secret && <Secret label={`客户端 ${secret.clientId} 的密钥`} value={secret.secret} />}
      {failure && <ErrorBox error={failure} />}
      <div className="table-wrap">
        <table className="clients"><thead><tr><th scope="col">名称</th><th scope="col">client_id</th><th scope="col">来源</th><th scope="col">登记</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
          <tbody>{data.dashboardClients.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td><td><code>{c.clientId}</code></td><td>{c.allowedOrigins.join(" ") || "—"}</td><td>{c.createdBy} {formatTime(c.createdAt)}</td>
              <td>{c.revokedAt ? `已吊销（${formatTime(c.revokedAt)}）` : "有效"}</td>
              <td>{!c.revokedAt && <button type="button" disabled={busy} onClick={() => void run(() => request(RevokeClientDocument, { id: c.id }))}>吊销</button>}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </>
  );
}

function PluginsSection() {
  const { data, error, reload } = useQuery(PluginsDocument);
  const { busy, failure, run } = useAction(reload);
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading />;
  const enabled = chosen ?? data.installedPlugins.filter((p) => p.enabled).map((p) => p.pluginId);
  return (
    <>
      <ul className="queue">
        {data.installedPlugins.map((p) => (
          <li key={p.pluginId} className="card">
            <label className="inline">
              <input type="checkbox" checked={enabled.includes(p.pluginId)}
                onChange={(e) => setChosen(e.target.checked ? [...enabled, p.pluginId] : enabled.filter((id) => id !== p.pluginId))} />
              <strong>{p.name}</strong> <span className="meta">{p.pluginId} {p.version}</span>
            </label>
            {p.description && <p>{p.description}</p>}
            {p.dependsOn.length > 0 && <p className="meta">依赖：{p.dependsOn.join("、")}</p>}
          </li>
        ))}
      </ul>
      {failure && <ErrorBox error={failure} />}
      <button type="button" className="primary" disabled={busy || chosen === null}
        onClick={() => void run(async () => { await request(ConfigurePluginsDocument, { enabled }); setChosen(null); })}>保存插件设置</button>
    </>
  );
}

function WebhooksSection() {
  const { data, error, reload } = useQuery(WebhooksDocument);
  const { busy, failure, run } = useAction(reload);
  const [form, setForm] = useState({ name: "", url: "", events: Object.keys(webhookEvents) });
  const [secret, setSecret] = useState<string | null>(null);
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <form className="card admin-form" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          setSecret((await request(RegisterWebhookDocument, { input: form })).registerWebhook.secret);
          setForm({ name: "", url: "", events: Object.keys(webhookEvents) });
        });
      }}>
        <label>名称<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
        <label>推送地址（https）<input value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} required /></label>
        <fieldset className="checks">
          <legend>推送的事件</legend>
          {Object.entries(webhookEvents).map(([event, label]) => (
            <label key={event}>
              <input type="checkbox" checked={form.events.includes(event)}
                onChange={(e) => setForm({ ...form, events: e.target.checked ? [...form.events, event] : form.events.filter((x) => x !== event) })} />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>登记推送</button>
      </form>
      {secret && <Secret label="签名密钥" value={secret} />}
      {failure && <ErrorBox error={failure} />}
      {data.webhooks.length === 0 ? <Empty>还没有登记消息推送。</Empty> : (
        <div className="table-wrap">
          <table><thead><tr><th scope="col">名称</th><th scope="col">地址</th><th scope="col">事件</th><th scope="col">最近投递</th><th scope="col">操作</th></tr></thead>
            <tbody>{data.webhooks.map((w) => (
              <tr key={w.id}>
                <td>{w.name}</td><td>{w.url}</td><td>{w.events.map((e) => webhookEvents[e] ?? e).join("、")}</td>
                <td>{w.deliveries[0] ? `${w.deliveries[0].status}（${w.deliveries[0].attempts}次）` : "—"}</td>
                <td>{w.active ? <button type="button" disabled={busy} onClick={() => void run(() => request(RevokeWebhookDocument, { id: w.id }))}>停用</button> : "已停用"}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
