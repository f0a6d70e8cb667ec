import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireGlobalPermission } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { geoName } from "~/methodology/places.server";
import { getT } from "~/i18n/i18n.server";
import { TableScroll } from "~/components/table-scroll";
import { adminOverview } from "~/services/admin.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, "admin:manage");
  const { t, lang } = await getT(request);
  const { municipalities, accounts } = await adminOverview();
  const nameOf = (m: { name_ru: string | null; name_ky: string | null }) => (lang === "ky" ? m.name_ky : m.name_ru) ?? "";
  return json({
    title: t("admin:index.title"),
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name_ru: m.name_ru,
      name_ky: m.name_ky,
      kind: m.kind,
      raion: geoName(m.raion, lang),
      oblast: geoName(m.oblast, lang),
      accounts: Number(m.accounts),
    })),
    accounts: accounts.map((a) => ({
      id: a.id,
      displayName: a.display_name,
      email: a.email,
      active: a.active === 1,
      mustChangePassword: a.must_change_password === 1,
      roles: [...new Set(a.memberships.map((m) => m.role))],
      municipalities: a.memberships.filter((m) => m.municipality_id !== null).map(nameOf),
    })),
  });
}

export default function AdminPage() {
  const { t } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <h1>{t("index.title")}</h1>
      <p className="lead">{t("index.lead")}</p>
      {searchParams.get("saved") === "1" ? (
        <p className="notice notice--success" role="status">
          {t("index.saved")}
        </p>
      ) : null}

      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">{t("municipalities.heading")}</h2>
        <p>
          <Link className="button" to="/admin/municipalities/new">
            {t("municipalities.create")}
          </Link>
        </p>
        {data.municipalities.length === 0 ? (
          <p>{t("municipalities.none")}</p>
        ) : (
          <TableScroll label={t("municipalities.caption")}>
            <table>
              <caption className="visually-hidden">{t("municipalities.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("municipalities.nameRu")}</th>
                  <th scope="col">{t("municipalities.nameKy")}</th>
                  <th scope="col">{t("municipalities.kind")}</th>
                  <th scope="col">{t("municipalities.raion")}</th>
                  <th scope="col">{t("municipalities.oblast")}</th>
                  <th scope="col" className="num">
                    {t("municipalities.accounts")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("municipalities.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.municipalities.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name_ru}</th>
                    <td lang="ky">{m.name_ky}</td>
                    <td>{t(`kind.${m.kind}`)}</td>
                    <td>{m.raion || t("municipalities.noRaionShort")}</td>
                    <td>{m.oblast}</td>
                    <td className="num">{m.accounts}</td>
                    <td>
                      <Link to={`/admin/municipalities/${m.id}`} aria-label={t("municipalities.editLabel", { name: m.name_ru })}>
                        {t("municipalities.edit")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("accounts.heading")}</h2>
        <p>
          <Link className="button" to="/admin/accounts/new">
            {t("accounts.create")}
          </Link>
        </p>
        {data.accounts.length === 0 ? (
          <p>{t("accounts.none")}</p>
        ) : (
          <TableScroll label={t("accounts.caption")}>
            <table>
              <caption className="visually-hidden">{t("accounts.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.name")}</th>
                  <th scope="col">{t("accounts.email")}</th>
                  <th scope="col">{t("accounts.role")}</th>
                  <th scope="col">{t("accounts.municipality")}</th>
                  <th scope="col">{t("accounts.status")}</th>
                </tr>
              </thead>
              <tbody>
                {data.accounts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/admin/accounts/${a.id}`}>{a.displayName}</Link>
                    </th>
                    <td>{a.email}</td>
                    <td>{a.roles.map((r) => t(`common:roles.${r}`)).join(", ")}</td>
                    <td>{a.municipalities.length ? a.municipalities.join(", ") : t("accounts.noMunicipality")}</td>
                    <td>
                      <span className={`tag ${a.active ? "tag--ok" : "tag--error"}`}>
                        {a.active ? t("accounts.active") : t("accounts.inactive")}
                      </span>
                      {a.mustChangePassword ? (
                        <>
                          {" "}
                          <span className="tag tag--warn">{t("accounts.mustChangePassword")}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
