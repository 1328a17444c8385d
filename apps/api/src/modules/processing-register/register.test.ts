// The register of processing for the DPO: generated from the column annotations, in the reader's
// language, with the organisation's own retention periods, and as a Markdown document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { PROCESSING_ANNOTATIONS } from "../../db/processing-annotations.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let dpo: Session;

interface Activity {
  purpose: { key: string; name: string };
  data: { key: string; columns: string[] }[];
  retention: { key: string; name: string }[];
  legalBases: { key: string }[];
}

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  dpo = await signIn(h.app, org.emails.dpo);
});
afterAll(() => h.close());

describe("the register of processing", () => {
  it("lists every annotated column once, under its purpose and data category", async () => {
    const res = await dpo.request({ method: "GET", url: "/api/v1/processing-register" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      activities: Activity[];
      controller: { organisation: string; dpos: { email: string }[] };
    };
    expect(body.controller.organisation).toContain("Testorganisatie");
    expect(body.controller.dpos.map((d) => d.email)).toEqual([org.emails.dpo]);
    const columns = body.activities.flatMap((a) => a.data.flatMap((d) => d.columns));
    expect(columns.sort()).toEqual([...PROCESSING_ANNOTATIONS.keys()].sort());
    const outreach = body.activities.find((a) => a.purpose.key === "outreach")!;
    expect(outreach.purpose.name).toBe("Outreachend werken");
    expect(outreach.data.find((d) => d.key === "national_number")?.columns).toContain(
      "persons.national_register_number",
    );
    expect(outreach.legalBases.map((b) => b.key)).toContain("public_task_special");
  });

  it("words retention with the organisation's own periods", async () => {
    const retention = (body: { activities: Activity[] }) =>
      body.activities.find((a) => a.purpose.key === "outreach")!.retention.find((r) => r.key === "inactive_persons")!
        .name;
    const before = (await dpo.request({ method: "GET", url: "/api/v1/processing-register" })).json();
    expect(retention(before)).toContain("Geen bewaartermijn ingesteld");
    const admin = await signIn(h.app, org.emails.admin);
    const policies = [{ category: "inactive_persons", keepMonths: 48, isEnabled: true }];
    expect(
      (await admin.request({ method: "PUT", url: "/api/v1/retention/policies", payload: { policies } })).statusCode,
    ).toBe(200);
    const after = (await dpo.request({ method: "GET", url: "/api/v1/processing-register" })).json();
    expect(retention(after)).toBe("Geanonimiseerd na 4 jaar zonder contact");
  });

  it("exports Markdown, and is not for workers", async () => {
    const md = await dpo.request({ method: "GET", url: "/api/v1/processing-register/markdown" });
    expect(md.statusCode).toBe(200);
    expect(md.headers["content-type"]).toContain("text/markdown");
    expect(md.body).toContain("# Register van verwerkingsactiviteiten");
    expect(md.body).toContain("`persons.national_register_number`");
    const worker = await signIn(h.app, org.emails.workerA);
    expect((await worker.request({ method: "GET", url: "/api/v1/processing-register" })).statusCode).toBe(403);
  });
});
