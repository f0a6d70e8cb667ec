/** Two versions side by side, element by element: what was added, removed or changed (old | new). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { elementTitle } from "~/domain/comments";
import { numbering } from "~/domain/strategy-tree";
import { fieldLabel, isInternalField } from "~/domain/field-labels";
import { fieldValue } from "~/domain/field-values";
import { diffSnapshots, type FieldChange } from "~/domain/version-diff";
import { getT } from "~/i18n/i18n.server";
import { valueNamer } from "~/services/field-values.server";
import { TableScroll } from "~/components/table-scroll";
import { twoVersions } from "~/services/workflow.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const url = new URL(request.url);
  const pair = await twoVersions(program.id, Number(url.searchParams.get("a")) || 0, Number(url.searchParams.get("b")) || 0);
  if (!pair) throw notFound();
  const { a, b } = pair;
  const diff = diffSnapshots(a.snapshot, b.snapshot);
  // Numbers and titles from the version where the element exists (the newer one if both).
  const na = numbering(a.data);
  const nb = numbering(b.data);
  const titleOf = (id: string) => {
    const el = b.snapshot.elements.find((e) => e.id === id) ?? a.snapshot.elements.find((e) => e.id === id);
    try {
      return el ? elementTitle(JSON.parse(el.data)) : null;
    } catch {
      return null;
    }
  };
  // Fields named by their form labels (~/domain/field-labels), never by their stored names, and
  // codes inside values (a lens question, a group, a village, yes/no) by their names
  // (~/domain/field-values), never by their stored ids.
  const namer = valueNamer(lang, t, [b.data, a.data]);
  const value = (kind: string, path: string, raw: string | null) =>
    raw === null ? null : fieldValue(kind, path, raw, namer.names, namer.unknown);
  const named = (kind: string, fields: FieldChange[]) =>
    fields
      .filter((f) => !isInternalField(f.path))
      .map((f) => ({
        ...f,
        label: fieldLabel(kind, f.path, t, namer.codeName),
        before: value(kind, f.path, f.before),
        after: value(kind, f.path, f.after),
      }));
  return json({
    title: t("review:compare.pageTitle", { a: a.number, b: b.number }),
    base: `/programs/${program.id}`,
    a: { id: a.id, number: a.number },
    b: { id: b.id, number: b.number },
    program: named("program", diff.program),
    elements: diff.elements.map((e) => ({
      ...e,
      fields: named(e.kind, e.fields),
      number: nb[e.id] ?? na[e.id] ?? null,
      title: titleOf(e.id),
    })),
  });
}

export default function Compare() {
  const { t } = useTranslation(["review", "program"]);
  const d = useLoaderData<typeof loader>();
  const none = d.program.length === 0 && d.elements.length === 0;
  return (
    <>
      <h1>{t("compare.pageTitle", { a: d.a.number, b: d.b.number })}</h1>
      <p>
        <ProgramLink to={`${d.base}/versions`}>{t("versions.back")}</ProgramLink> ·{" "}
        <ProgramLink to={`${d.base}/versions/${d.a.id}`}>{t("versions.numbered", { n: d.a.number })}</ProgramLink> ·{" "}
        <ProgramLink to={`${d.base}/versions/${d.b.id}`}>{t("versions.numbered", { n: d.b.number })}</ProgramLink>
      </p>
      {none ? <p className="notice">{t("compare.same")}</p> : null}
      {d.program.length > 0 ? (
        <DiffTable id="diff-program" heading={t("program:kinds.program")} fields={d.program} a={d.a.number} b={d.b.number} />
      ) : null}
      {d.elements.map((e) => (
        <DiffTable
          key={e.id}
          id={`diff-${e.id}`}
          heading={`${t(`program:kinds.${e.kind}`, { defaultValue: e.kind })}${e.number ? ` ${e.number}` : ""}${e.title ? `: ${e.title}` : ""}`}
          change={e.change}
          fields={e.fields}
          a={d.a.number}
          b={d.b.number}
        />
      ))}
    </>
  );
}

function DiffTable({
  id,
  heading,
  change,
  fields,
  a,
  b,
}: {
  id: string;
  heading: string;
  change?: "added" | "removed" | "changed";
  fields: { path: string; label: string; before: string | null; after: string | null }[];
  a: number;
  b: number;
}) {
  const { t } = useTranslation("review");
  const tone = change === "added" ? "ok" : change === "removed" ? "error" : "warn";
  return (
    <section aria-labelledby={id} className="diff-block">
      <h2 id={id}>
        {heading} {change ? <span className={`tag tag--${tone}`}>{t(`compare.${change}`)}</span> : null}
      </h2>
      <TableScroll labelledBy={id}>
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t("compare.field")}</th>
              <th scope="col">{t("versions.numbered", { n: a })}</th>
              <th scope="col">{t("versions.numbered", { n: b })}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.path}>
                <th scope="row">{f.label}</th>
                <td className={f.before === null ? "diff-none" : "diff-old"}>{f.before ?? "—"}</td>
                <td className={f.after === null ? "diff-none" : "diff-new"}>{f.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
