import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { findAccount } from "~/models/admin.server";
import {
  createAccount,
  createMunicipality,
  deactivateAccount,
  editMunicipality,
  reactivateAccount,
  setTemporaryPassword,
} from "~/services/admin.server";
import { action as municipalityAction, loader as municipalityLoader } from "~/routes/admin.municipalities.$id";
import { answerOf, cookieFor, get, post } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

/*
 * One database for the whole file: ending sessions goes through lucia, whose instance is cached
 * per process with the database handle it was first created with.
 */
let t: ReturnType<typeof useTestDatabase>;
let adminId: string;
let municipalityId: number;
let n = 0;
const uniqueEmail = () => `admin-test-${Date.now()}-${++n}@example.kg`;

beforeAll(async () => {
  t = useTestDatabase();
  adminId = await userIdByEmail(t, "admin@kadam.demo");
  municipalityId = await createMunicipality({
    name_ru: "Тестовый аймак",
    name_ky: "Сынак аймагы",
    kind: "aiyl_aimak",
    raion: "chui.sokuluk",
    oblast: "chui",
  });
});
afterAll(async () => {
  await t.close();
});

async function insertSession(userId: string) {
  const id = `test-session-${++n}`;
  await t.db
    .insertInto("session")
    .values({ id, user_id: userId, expires_at: Math.floor(Date.now() / 1000) + 3600 })
    .execute();
  return id;
}
const sessionsOf = (userId: string) => t.db.selectFrom("session").select("id").where("user_id", "=", userId).execute();

async function newPlanner(password = "temporary-pass-1") {
  const result = await createAccount({
    email: uniqueEmail(),
    displayName: "Тест Тестов",
    language: "ky",
    role: "planner",
    municipalityId,
    password,
  });
  if (!result.ok) throw new Error(`account not created: ${result.message}`);
  return result.id;
}

describe("municipalities", () => {
  it("creates and edits a municipality", async () => {
    const id = await createMunicipality({ name_ru: "Город Тест", name_ky: "Тест шаары", kind: "city", raion: "", oblast: "osh" });
    expect(
      await editMunicipality(id, { name_ru: "Город Тест-2", name_ky: "Тест-2 шаары", kind: "city", raion: "osh.kara-suu", oblast: "osh" }),
    ).toBe(true);
    const row = await t.db.selectFrom("municipality").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name_ru: "Город Тест-2", name_ky: "Тест-2 шаары", raion: "osh.kara-suu" });
    expect(await editMunicipality(999_999, { name_ru: "x", name_ky: "x", kind: "city", raion: "", oblast: "osh" })).toBe(false);
  });
});

describe("the municipality form: oblast and raion from the reference list", () => {
  const fields = { name_ru: "Форма аймак", name_ky: "Форма аймагы", kind: "aiyl_aimak" };
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("municipality")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const submit = async (url: string, body: Record<string, string>) =>
    municipalityAction({
      request: post(url, await cookieFor("admin@kadam.demo"), body),
      params: { id: url.split("/").pop() },
      context: {},
    });

  it("refuses a raion of another oblast with a message on the raion field, and stores nothing", async () => {
    const before = await count();
    const response = (await submit("/admin/municipalities/new", { ...fields, oblast: "chui", raion: "naryn.kochkor" })) as Response;
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.error).toEqual({ raion: ["errors.raionNotInOblast"] });
    expect(await count()).toBe(before);
  });

  it("refuses an oblast that is not in the list and does not change the stored one", async () => {
    const response = (await submit(`/admin/municipalities/${municipalityId}`, {
      ...fields,
      oblast: "Чуйская область",
      raion: "",
    })) as Response;
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ oblast: ["errors.choose"] });
    expect(
      await t.db.selectFrom("municipality").select(["oblast", "name_ru"]).where("id", "=", municipalityId).executeTakeFirstOrThrow(),
    ).toEqual({ oblast: "chui", name_ru: "Тестовый аймак" });
  });

  it("stores the codes of a raion of the chosen oblast", async () => {
    const answer = await answerOf(submit("/admin/municipalities/new", { ...fields, oblast: "naryn", raion: "naryn.at-bashy" }));
    expect(answer).toEqual({ status: 302, location: "/admin?saved=1" });
    expect(
      await t.db.selectFrom("municipality").select(["oblast", "raion"]).where("name_ru", "=", fields.name_ru).executeTakeFirstOrThrow(),
    ).toEqual({ oblast: "naryn", raion: "naryn.at-bashy" });
  });

  it("keeps text stored before the codes when the form is saved without changing it", async () => {
    const id = await createMunicipality({
      ...fields,
      name_ru: "Старый аймак",
      kind: "aiyl_aimak",
      oblast: "naryn",
      raion: "Ала-Тоо (вымышленный)",
    });
    const page = await municipalityLoader({
      request: get(`/admin/municipalities/${id}`, await cookieFor("admin@kadam.demo")),
      params: { id: String(id) },
      context: {},
    });
    const data = await page.json();
    expect(data.raions).toEqual([{ value: "Ала-Тоо (вымышленный)", label: "Ала-Тоо (вымышленный) (введено раньше, нет в списке)" }]);
    expect(data.raionGroups[0].options[0]).toEqual({ value: "batken.batken", label: "Баткенский район" });
    const answer = await answerOf(
      submit(`/admin/municipalities/${id}`, { ...fields, name_ru: "Старый аймак-2", oblast: "naryn", raion: "Ала-Тоо (вымышленный)" }),
    );
    expect(answer.status).toBe(302);
    expect(await t.db.selectFrom("municipality").select(["name_ru", "raion"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      name_ru: "Старый аймак-2",
      raion: "Ала-Тоо (вымышленный)",
    });
  });
});

describe("creating accounts", () => {
  it("creates an account that must change its temporary password", async () => {
    const email = uniqueEmail();
    const result = await createAccount({
      email: email.toUpperCase(),
      displayName: "Жаңы Адам",
      language: "ky",
      role: "deputy",
      municipalityId,
      password: "temporary-pass-1",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const account = await findAccount(t.db, result.id);
    expect(account).toMatchObject({ email, display_name: "Жаңы Адам", preferred_language: "ky", active: 1, must_change_password: 1 });
    expect(account!.memberships).toEqual([expect.objectContaining({ role: "deputy", municipality_id: municipalityId })]);
    const { hash } = await t.db.selectFrom("password").select("hash").where("user_id", "=", result.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(hash, "temporary-pass-1")).toBe(true);
  });

  it("creates ministry accounts without a municipality", async () => {
    const result = await createAccount({
      email: uniqueEmail(),
      displayName: "Министрлик",
      language: "ru",
      role: "ministry",
      password: "temporary-pass-1",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await findAccount(t.db, result.id))!.memberships).toEqual([
      expect.objectContaining({ role: "ministry", municipality_id: null }),
    ]);
  });

  it("refuses an email that is already taken, whatever its case", async () => {
    const result = await createAccount({
      email: "Planner@Kok-Jaiyk.demo",
      displayName: "Двойник",
      language: "ru",
      role: "planner",
      municipalityId,
      password: "temporary-pass-1",
    });
    expect(result).toEqual({ ok: false, field: "email", message: "errors.emailTaken" });
  });

  it("refuses a municipality that does not exist", async () => {
    const result = await createAccount({
      email: uniqueEmail(),
      displayName: "Никто",
      language: "ru",
      role: "planner",
      municipalityId: 999_999,
      password: "temporary-pass-1",
    });
    expect(result).toMatchObject({ ok: false, field: "municipalityId" });
  });
});

describe("deactivating accounts", () => {
  it("deactivates an account and ends all its sessions", async () => {
    const userId = await newPlanner();
    await insertSession(userId);
    await insertSession(userId);
    const otherSession = await insertSession(adminId);
    expect(await sessionsOf(userId)).toHaveLength(2);

    expect(await deactivateAccount(userId, adminId)).toEqual({ ok: true });
    expect((await findAccount(t.db, userId))!.active).toBe(0);
    expect(await sessionsOf(userId)).toEqual([]);
    expect((await sessionsOf(adminId)).map((s) => s.id)).toContain(otherSession);

    expect(await reactivateAccount(userId)).toEqual({ ok: true });
    expect((await findAccount(t.db, userId))!.active).toBe(1);
  });

  it("does not let an administrator deactivate themself", async () => {
    const session = await insertSession(adminId);
    expect(await deactivateAccount(adminId, adminId)).toEqual({ ok: false, message: "errors.cannotDeactivateSelf" });
    expect((await findAccount(t.db, adminId))!.active).toBe(1);
    expect((await sessionsOf(adminId)).map((s) => s.id)).toContain(session);
  });
});

describe("temporary passwords", () => {
  it("sets a temporary password, requires a change and ends all sessions", async () => {
    const userId = await userIdByEmail(t, "planner@other.demo");
    expect((await findAccount(t.db, userId))!.must_change_password).toBe(0);
    await insertSession(userId);

    expect(await setTemporaryPassword(userId, "another-temp-2026")).toEqual({ ok: true });
    expect((await findAccount(t.db, userId))!.must_change_password).toBe(1);
    expect(await sessionsOf(userId)).toEqual([]);
    const { hash } = await t.db.selectFrom("password").select("hash").where("user_id", "=", userId).executeTakeFirstOrThrow();
    expect(await verifyPassword(hash, "another-temp-2026")).toBe(true);
    expect(await verifyPassword(hash, "kadam-demo-2026")).toBe(false);
  });
});
