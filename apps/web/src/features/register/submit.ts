// Every registration write of the phone flow goes through this module and the offline outbox
// (apps/web/src/offline): saved on the phone first, sent at once when there is network. Ids are made
// on the phone (uuidv7): a retry sends the same body, and the API answers with what it stored the
// first time instead of a second record. Online a refusal still comes back as the API's problem;
// without the offline layer (plain HTTP, storage refused) the write goes straight to the API as before.
import type { ContactView, CreateContactBody, CreatePersonBody, PersonView, tallyBody } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { loadOffline } from "../../offline/state.ts";

export type TallyBody = z.infer<typeof tallyBody>;

/** What a screen gets back: the record, and whether it is only on this phone so far. */
export type Saved<T> = T & { savedHere: boolean };

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

/** The outbox writers, when the offline layer runs on this phone. */
async function outbox() {
  if (!(await (await loadOffline()).ensureOffline())) return null;
  return import("../../offline/outbox-writes.ts");
}

const here = <T>(saved: { record: T; synced: boolean }): Saved<T> => ({ ...saved.record, savedHere: !saved.synced });
const sent = <T>(record: T): Saved<T> => ({ ...record, savedHere: false });

export async function submitContact(body: CreateContactBody): Promise<Saved<ContactView>> {
  const writes = await outbox();
  if (!writes) return sent(await api.post<ContactView>("/api/v1/contacts", withClientIds(body)));
  return here(await writes.queueContact(withClientIds(body)));
}

export async function submitTally(body: TallyBody): Promise<Saved<ContactView>> {
  const withId = { ...body, id: body.id ?? uuidv7() };
  const writes = await outbox();
  if (!writes) return sent(await api.post<ContactView>("/api/v1/contacts/tally", withId));
  return here(await writes.queueTally(withId));
}

export async function submitPerson(body: CreatePersonBody): Promise<Saved<PersonView>> {
  const withId = { ...body, id: body.id ?? uuidv7() };
  const writes = await outbox();
  if (!writes) return sent(await api.post<PersonView>("/api/v1/persons", withId));
  return here(await writes.queuePerson(withId));
}
