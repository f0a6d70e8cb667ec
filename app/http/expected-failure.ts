/**
 * The one type of an expected failure: something the user asked for that does not exist, that
 * their role or the program's state does not allow, that is invalid, or that someone else changed
 * first. Services and authorization throw it; this module alone says which HTTP status each kind
 * is. It is a Response, so a failure nobody catches still ends the request with its status and
 * reaches the page's error boundary (with its message key), never as a 500; an action that wants
 * to answer with its form catches it (`instanceof ExpectedFailure`) and reads `fieldErrors`.
 */
export type FailureKind = "invalid" | "forbidden" | "notFound" | "conflict";

const STATUS: Record<FailureKind, 400 | 403 | 404 | 409> = { invalid: 400, forbidden: 403, notFound: 404, conflict: 409 };

/** What an error boundary reads of a failure (`useRouteError().data`). */
export interface FailureBody {
  kind: FailureKind;
  messageKey: string;
}

export class ExpectedFailure extends Response {
  readonly kind: FailureKind;
  readonly messageKey: string;
  /** Field path → message keys, for a form that shows them next to its fields. */
  readonly fieldErrors: Record<string, string[]>;

  constructor(kind: FailureKind, messageKey: string, fieldErrors: Record<string, string[]> = {}) {
    const body: FailureBody = { kind, messageKey };
    super(JSON.stringify(body), { status: STATUS[kind], headers: { "Content-Type": "application/json; charset=utf-8" } });
    this.kind = kind;
    this.messageKey = messageKey;
    this.fieldErrors = fieldErrors;
  }

  /** For logs and the command line, which print `message` of what they catch. */
  get message(): string {
    return this.messageKey;
  }
}

/** Whether a thrown value is an expected failure's body as a boundary receives it. */
export function isFailureBody(data: unknown): data is FailureBody {
  return (
    typeof data === "object" &&
    data !== null &&
    typeof (data as FailureBody).messageKey === "string" &&
    typeof (data as FailureBody).kind === "string"
  );
}

/** The most common failure: no such thing, or not visible to this user (never a hint that it exists). */
export function notFound(): ExpectedFailure {
  return new ExpectedFailure("notFound", "errors.notFound");
}
