// Sign-in for the console: OAuth 2.0 authorization code with PKCE against the server's own provider, as a public client
// ("minsheng-console"). Tokens live in sessionStorage: a closed tab signs out, a reload does not.
const clientId = "minsheng-console";
const scope = "openid offline_access read write";
const tokenKey = "minsheng.tokens";
const pendingKey = "minsheng.signin";

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

const redirectUri = () => `${location.origin}/callback`;

function base64Url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function currentTokens(): Tokens | null {
  const raw = sessionStorage.getItem(tokenKey);
  return raw ? (JSON.parse(raw) as Tokens) : null;
}

function keep(response: { access_token: string; refresh_token?: string; expires_in?: number }) {
  const tokens: Tokens = {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
  };
  sessionStorage.setItem(tokenKey, JSON.stringify(tokens));
  return tokens;
}

/** To the server's sign-in page; back at /callback with a code. `returnTo` is where the console goes afterwards. */
export async function beginSignIn(returnTo: string): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: redirectUri(),
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  location.assign(`/connect/authorize?${query}`);
}

/** The callback: checks the state, trades the code for tokens, and says where to go next. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? "null") as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(pendingKey);
  if (params.get("error")) throw new Error(params.get("error_description") ?? params.get("error") ?? "登录被拒绝");
  if (!pending || pending.state !== params.get("state")) throw new Error("登录请求已失效，请重新登录。");
  const response = await fetch("/connect/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: params.get("code") ?? "",
      redirect_uri: redirectUri(),
      client_id: clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json();
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? "无法取得访问令牌。");
  keep(body);
  return pending.returnTo || "/";
}

/** A fresh access token from the refresh token; null when there is none or the server refuses it. */
export async function refresh(): Promise<Tokens | null> {
  const tokens = currentTokens();
  if (!tokens?.refreshToken) return null;
  const response = await fetch("/connect/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refreshToken, client_id: clientId }),
  });
  if (!response.ok) {
    sessionStorage.removeItem(tokenKey);
    return null;
  }
  return keep(await response.json());
}

export function signOut(): void {
  sessionStorage.removeItem(tokenKey);
  // Ends the sign-in page's session too, so the next sign-in asks for the password again.
  location.assign("/connect/logout");
}
