// Belgian national register number (rijksregisternummer): YYMMDD-SSS-CC, where CC = 97 - (number mod 97)
// and for people born from 2000 the number is prefixed with "2" before the modulo.

export interface NationalRegisterInfo {
  normalized: string;
  birthDate: string | null;
  sex: "m" | "f";
}

export function normalizeNationalRegisterNumber(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

export function parseNationalRegisterNumber(input: string): NationalRegisterInfo | null {
  const n = normalizeNationalRegisterNumber(input);
  if (!/^\d{11}$/.test(n)) return null;
  const body = n.slice(0, 9);
  const check = Number(n.slice(9));
  const before2000 = 97 - (Number(body) % 97) === check;
  const after2000 = 97 - (Number(`2${body}`) % 97) === check;
  if (!before2000 && !after2000) return null;
  const yy = Number(n.slice(0, 2));
  const mm = Number(n.slice(2, 4));
  const dd = Number(n.slice(4, 6));
  const serial = Number(n.slice(6, 9));
  if (serial === 0 || serial === 999) return null;
  // Month 0 / day 0 are legal when the birth date is unknown; months +20/+40 mark bis numbers.
  if (mm > 52 || dd > 31) return null;
  const month = mm % 20;
  if (month > 12) return null;
  const year = (after2000 ? 2000 : 1900) + yy;
  const birthDate =
    month === 0 || dd === 0 ? null : `${year}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  if (birthDate && Number.isNaN(Date.parse(`${birthDate}T00:00:00Z`))) return null;
  if (birthDate && new Date(`${birthDate}T00:00:00Z`).getUTCDate() !== dd) return null;
  return { normalized: n, birthDate, sex: serial % 2 === 1 ? "m" : "f" };
}

export function isValidNationalRegisterNumber(input: string): boolean {
  return parseNationalRegisterNumber(input) !== null;
}

/** Builds a valid number for fictional test and demo data. */
export function makeNationalRegisterNumber(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const body = `${y!.slice(2)}${m}${d}${String(serial).padStart(3, "0")}`;
  const base = Number(y) >= 2000 ? Number(`2${body}`) : Number(body);
  return `${body}${String(97 - (base % 97)).padStart(2, "0")}`;
}
