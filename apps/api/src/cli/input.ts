// Validation of operator input. Each helper returns the clean value or throws a CliError whose
// message names the option, so a typo gives one clear line instead of a database error.
import { randomBytes } from "node:crypto";
import { TEAM_ROLES, type TeamRole } from "@vindplaats/domain";
import { z } from "zod";
import { passwordProblem } from "../modules/auth/password-policy.ts";
import { CliError } from "./io.ts";

export const MIN_PASSWORD_LENGTH = 12;

export function email(value: string): string {
  const clean = value.trim().toLowerCase();
  if (!z.email().max(254).safeParse(clean).success) throw new CliError(`--email: "${value}" is not an e-mail address`);
  return clean;
}

export function text(option: string, value: string, max = 120): string {
  const clean = value.trim();
  if (!clean || clean.length > max) throw new CliError(`${option}: give 1 to ${max} characters`);
  return clean;
}

export function slug(value: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 60) {
    throw new CliError(`--org-slug: "${value}" must be lower-case letters, digits and single hyphens (max 60)`);
  }
  return value;
}

/** A given password, checked; or a new random one that the command prints once. */
export function password(value: string | undefined): { password: string; generated: boolean } {
  if (value === undefined) return { password: generatePassword(), generated: true };
  if (value.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`--password: use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (value.length > 1024) throw new CliError("--password: use at most 1024 characters");
  if (passwordProblem(value) === "password_common") {
    throw new CliError("--password: this password is on the list of common or leaked passwords; choose another");
  }
  return { password: value, generated: false };
}

/** 20 random bytes, base64url: 27 characters, about 160 bits. */
export function generatePassword(): string {
  return randomBytes(20).toString("base64url");
}

/** "<team name>:<role>", e.g. "Straathoekwerk:coordinator"; the team name may hold colons. */
export function teamAssignment(value: string): { team: string; role: TeamRole } {
  const at = value.lastIndexOf(":");
  const team = at > 0 ? value.slice(0, at).trim() : "";
  const role = value.slice(at + 1).trim();
  if (!team || !(TEAM_ROLES as readonly string[]).includes(role)) {
    throw new CliError(`--team: "${value}" must be <team name>:${TEAM_ROLES.join("|")}`);
  }
  return { team, role: role as TeamRole };
}
