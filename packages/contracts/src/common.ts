import { z } from "zod";

export const idSchema = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();
export const localeSchema = z.enum(["nl", "en", "fr"]);
export type Locale = z.infer<typeof localeSchema>;

/** Trimmed, non-empty, bounded free text. */
export const nameText = (max = 200) => z.string().trim().min(1).max(max);

export const okSchema = z.object({ ok: z.literal(true) });
export const cursorQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
