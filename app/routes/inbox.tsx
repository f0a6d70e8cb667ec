/** "Waiting for me": programs to review, findings to address, comments to answer. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/authorize.server";
import { commentsHref } from "~/components/comment-link";
import { pageTitle } from "~/components/page-title";
import { StatusTag } from "~/components/status-tag";
import { getT } from "~/i18n/i18n.server";
import { loadInbox, type InboxProgram } from "~/services/inbox.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lang } = await getT(request);
  const inbox = await loadInbox(user.memberships);
  const p = (list: InboxProgram[]) =>
    list.map((x) => ({
      id: x.id,
      title: x.title,
      status: x.status,
      municipality: lang === "ky" ? x.municipalityKy : x.municipalityRu,
      // What was asked, so the working group sees the request without opening the program.
      request: x.requestComment
        ? { who: x.requestBy ?? "—", text: x.requestComment.length > 300 ? `${x.requestComment.slice(0, 300)}…` : x.requestComment }
        : null,
    }));
  return json({
    title: t("review:inbox.title"),
    toReview: p(inbox.toReview),
    toRework: p(inbox.toRework),
    submitted: p(inbox.submitted),
    comments: inbox.comments.map((c) => ({ ...c, body: c.body.length > 200 ? `${c.body.slice(0, 200)}…` : c.body })),
  });
}

function ProgramList({
  id,
  heading,
  programs,
}: {
  id: string;
  heading: string;
  programs: { id: number; title: string; status: string; municipality: string; request: { who: string; text: string } | null }[];
}) {
  const { t } = useTranslation("review");
  if (programs.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="card-list">
        {programs.map((p) => (
          <li key={p.id}>
            <Link to={`/programs/${p.id}/status`}>
              <strong>{p.title}</strong>
            </Link>{" "}
            <StatusTag status={p.status} />
            <div className="progress">{p.municipality}</div>
            {p.request ? <div>{t("inbox.requestBy", { who: p.request.who, text: p.request.text })}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function InboxPage() {
  const { t } = useTranslation("review");
  const d = useLoaderData<typeof loader>();
  const empty = d.toReview.length + d.toRework.length + d.submitted.length + d.comments.length === 0;
  return (
    <>
      <h1>{t("inbox.title")}</h1>
      {empty ? <p>{t("inbox.empty")}</p> : null}
      <ProgramList id="inbox-review" heading={t("inbox.toReview")} programs={d.toReview} />
      <ProgramList id="inbox-rework" heading={t("inbox.toRework")} programs={d.toRework} />
      <ProgramList id="inbox-submitted" heading={t("inbox.submitted")} programs={d.submitted} />
      {d.comments.length > 0 ? (
        <section aria-labelledby="inbox-comments">
          <h2 id="inbox-comments">{t("inbox.comments")}</h2>
          <ul className="card-list">
            {d.comments.map((c) => (
              <li key={c.id}>
                <Link to={`${commentsHref(c.programId, c.elementId)}#comment-${c.id}`}>{c.programTitle}</Link>
                <div>
                  <strong>{c.authorName}:</strong> {c.body}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
