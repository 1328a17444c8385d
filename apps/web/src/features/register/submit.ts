// Every registration write of the phone flow goes through this module, so the offline layer can
// later route them through its outbox. Ids are made on the phone (uuidv7): the caller keeps the body
// it built and sends the same one again on a retry, and the API answers with what it stored the first
// time instead of a second record.
import type { ContactView, CreateContactBody, CreatePersonBody, PersonView, tallyBody } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { ensureOffline } from "../../offline/offline.ts";
import { queueContact, queuePerson, queueTally } from "../../offline/outbox-writes.ts";

export type TallyBody = z.infer<typeof tallyBody>;

/** Fills in the ids a body lacks; bodies built by the screens already carry them. */
export function withClientIds(body: CreateContactBody): CreateContactBody {
  return {
    ...body,
    id: body.id ?? uuidv7(),
    newPersons: body.newPersons.map((p) => ({ ...p, id: p.id ?? uuidv7() })),
    referrals: body.referrals.map((r) => ({ ...r, id: r.id ?? uuidv7() })),
    followUp: body.followUp ? { ...body.followUp, id: body.followUp.id ?? uuidv7() } : body.followUp,
  };
}

// Through the offline outbox (apps/web/src/offline): saved on the phone first, sent at once when there
// is network. Online a refusal still comes back as the API's problem; without the offline layer (no
// device yet, storage refused) the write goes straight to the API as before.
export async function submitContact(body: CreateContactBody): Promise<ContactView> {
  if (!(await ensureOffline())) return api.post<ContactView>("/api/v1/contacts", withClientIds(body));
  return (await queueContact(withClientIds(body))).record;
}

export async function submitTally(body: TallyBody): Promise<ContactView> {
  const withId = { ...body, id: body.id ?? uuidv7() };
  if (!(await ensureOffline())) return api.post<ContactView>("/api/v1/contacts/tally", withId);
  return (await queueTally(withId)).record;
}

export async function submitPerson(body: CreatePersonBody): Promise<PersonView> {
  const withId = { ...body, id: body.id ?? uuidv7() };
  if (!(await ensureOffline())) return api.post<PersonView>("/api/v1/persons", withId);
  return (await queuePerson(withId)).record;
}
