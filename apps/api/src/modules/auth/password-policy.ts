// The password rule (NIST SP 800-63B): at least 12 characters, not a common or breached password,
// and no composition rules. The list ships with the app (common-passwords.txt, read once); nothing
// is looked up over the network. To regenerate the list, take the first 10,000 entries of the
// "passwords" frequency list of the zxcvbn npm package (MIT), as the header of the file says.
import { readFileSync } from "node:fs";
import { MIN_PASSWORD_LENGTH } from "@vindplaats/contracts";
import { AppError } from "../../http/errors.ts";

export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

export type PasswordProblem = "password_too_short" | "password_too_long" | "password_common";

const normalise = (password: string) => password.normalize("NFKC").toLowerCase();

/** "abcdefghijkl", "123456789012", "987654321098": each character one step from the last. */
function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    const wrapsDigits = /\d/.test(s[i]!) && /\d/.test(s[i - 1]!) && Math.abs(d) === 9 && Math.sign(d) === -step;
    if (d !== step && !wrapsDigits) return false;
  }
  return step === 0 || Math.abs(step) === 1;
}

/** The password repeats a short or common unit: "abcabcabcabc", "passwordpassword". */
function isRepetition(s: string, list: Set<string>): boolean {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size) continue;
    const unit = s.slice(0, size);
    if (unit.repeat(s.length / size) === s && (size <= 4 || list.has(unit) || isSequence(unit))) return true;
  }
  return false;
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "password_too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "password_too_long";
  const list = commonPasswords();
  const s = normalise(password);
  if (list.has(s) || isSequence(s) || isRepetition(s, list)) return "password_common";
  // A common password dressed up with digits or punctuation around it: "password2024!", "!!qwerty123456".
  const core = s.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core !== s && core.length >= 4 && (list.has(core) || isSequence(core))) return "password_common";
  return null;
}

/** Throws the problem the API answers for a refused password, naming the field. */
export function assertPasswordAllowed(password: string, field = "password"): void {
  const problem = passwordProblem(password);
  if (!problem) return;
  const fieldKey = problem === "password_common" ? "field.password_common" : "field.too_small";
  throw new AppError(422, problem === "password_too_long" ? "validation" : problem, [{ field, key: fieldKey }]);
}
