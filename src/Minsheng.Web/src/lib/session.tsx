// Who is signed in (the `me` field) for every page of the console.
import { createContext, useContext } from "react";
import { graphql } from "../gql";

export const MeDocument = graphql(`
  query Me {
    me { kind actorId tenant regionCode permissions }
    tenant { name regionCode level enabledPlugins }
  }
`);

export interface Session {
  actorId: string;
  tenantName: string | null;
  tenant: string | null;
  regionCode: string | null;
  permissions: string[];
  /** The plugins the tenant runs: console parts of a plugin show only for them. */
  enabledPlugins: string[];
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the signed-in shell");
  return session;
}

export const can = (session: Session, permission: string) => session.permissions.includes(permission);
