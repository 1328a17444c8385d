// The actor of a request and the context every service call receives: who acts, in which transaction.
import type { Locale, PendingStep } from "@vindplaats/contracts";
import type { OrgRole, TeamKind, TeamRole } from "@vindplaats/domain";
import type { Clock } from "../clock.ts";
import type { Tx } from "../db/database.ts";

export interface ActorMembership {
  teamId: string;
  teamName: string;
  teamKind: TeamKind;
  role: TeamRole;
}

export interface Actor {
  userId: string;
  orgId: string;
  email: string;
  displayName: string;
  locale: Locale;
  orgRoles: OrgRole[];
  memberships: ActorMembership[];
  sessionIdHash: string;
  csrfToken: string;
  expiresAt: Date;
  /** A sign-in step still to give: only routes that allow that step answer such a session. */
  pending: PendingStep | null;
}

export interface Ctx {
  actor: Actor;
  tx: Tx;
  clock: Clock;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: "public" | "authenticated";
    permission?: import("../modules/access/policy.ts").Permission;
    /** The unfinished sign-in steps this route serves (the second step, enrolment); none by default. */
    allowPending?: readonly PendingStep[];
  }
}
