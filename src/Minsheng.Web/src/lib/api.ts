// The one way the console talks to the server: POST /graphql with the signed-in person's token. Documents are typed
// by graphql-codegen from schema.graphql, so a schema change the console does not follow breaks its build.
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import { currentTokens, refresh } from "./auth";

/** A GraphQL error as the server words it; `code` is its extensions.code (FORBIDDEN, BAD_USER_INPUT, CONFLICT …). */
export class ApiError extends Error {
  constructor(message: string, readonly code?: string, readonly status?: number) {
    super(message);
  }
}

export class SignInRequired extends ApiError {}

async function post(body: string, anonymous: boolean): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" };
  let tokens = anonymous ? null : currentTokens();
  if (tokens && tokens.expiresAt < Date.now() + 30_000) tokens = (await refresh()) ?? tokens;
  if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
  let response = await fetch("/graphql", { method: "POST", headers, body });
  if (response.status === 401 && tokens && (tokens = await refresh())) {
    headers.Authorization = `Bearer ${tokens.accessToken}`;
    response = await fetch("/graphql", { method: "POST", headers, body });
  }
  return response;
}

/** A document typed by graphql-codegen (the core schema's, or a plugin's composed schema's), sent as its text. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

export async function request<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables?: TVariables,
  options: { anonymous?: boolean } = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await post(JSON.stringify({ query: document.toString(), variables }), options.anonymous ?? false);
  } catch {
    throw new ApiError("无法连接服务器，请检查网络后重试。", "NETWORK");
  }
  if (response.status === 401 && !options.anonymous) throw new SignInRequired("登录已过期，请重新登录。", "UNAUTHENTICATED", 401);
  let json: { data?: TResult; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    json = await response.json();
  } catch {
    throw new ApiError(`服务器返回了无法识别的响应（HTTP ${response.status}）。`, "BAD_RESPONSE", response.status);
  }
  if (json.errors?.length) {
    const first = json.errors[0];
    throw new ApiError(first.message, first.extensions?.code, response.status);
  }
  if (!json.data) throw new ApiError(`服务器没有返回数据（HTTP ${response.status}）。`, "BAD_RESPONSE", response.status);
  return json.data;
}
