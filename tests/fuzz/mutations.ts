/**
 * The forms found on a page, and bad bodies made from them for `npm run fuzz`. Each body starts
 * from the form's own hidden values (version, intent) so it reaches the action's checks, then
 * breaks one thing.
 */
export interface FoundForm {
  action: string;
  /** Field names as the page renders them. */
  fields: string[];
  /** Hidden inputs with their values (version, intent, ids). */
  hidden: [string, string][];
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

export function formsIn(html: string, pageUrl: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const [, attrs, inner] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attrs)) continue;
    const action = decode(/action="([^"]*)"/.exec(attrs)?.[1] ?? pageUrl).replace(/\?index$/, "") || pageUrl;
    const fields = new Set<string>();
    const hidden: [string, string][] = [];
    for (const [tag] of inner.matchAll(/<(?:input|select|textarea|button)\b[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (!name) continue;
      fields.add(decode(name));
      if (/type="hidden"/.test(tag)) hidden.push([decode(name), decode(/value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
      else if (/^<button/.test(tag) && /value="/.test(tag)) hidden.push([decode(name), decode(/value="([^"]*)"/.exec(tag)![1])]);
    }
    forms.push({ action, fields: [...fields], hidden });
  }
  return forms;
}

const VALUES = [
  "-1",
  "−5",
  "1e309",
  "NaN",
  "Infinity",
  "__proto__",
  "constructor",
  "zzz",
  "",
  " ",
  "Ө\u0000Ү",
  "<script>x</script>",
  "9".repeat(40),
  "x".repeat(20_000),
  "2999",
  "0",
];

/** Field-name rewrites: indexes far past any list, prototype keys, malformed brackets. */
function badNames(name: string): string[] {
  const list = /^(.*?)\[\d+\](.*)$/.exec(name);
  const names = [`${name}[100000]`, `__proto__.${name}`, `${name}.__proto__.polluted`, `${name}[`, `${name}[-1]`];
  if (list)
    names.push(`${list[1]}[100000]${list[2]}`, `${list[1]}[99999999]${list[2]}`, `${list[1]}[60]${list[2]}`, `${list[1]}[61]${list[2]}`);
  return names;
}

export interface Mutation<Role> {
  role: Role;
  form: FoundForm;
  body: string;
  contentType: string;
  label: string;
}

/** `count` bad bodies over the forms, round robin, each breaking one thing. */
export function* mutations<Role>(targets: { role: Role; form: FoundForm }[], count: number): Generator<Mutation<Role>> {
  let n = 0;
  for (let round = 0; n < count; round++) {
    for (const { role, form } of targets) {
      if (n >= count) return;
      const base = new URLSearchParams(form.hidden);
      const editable = form.fields.filter((f) => !form.hidden.some(([h]) => h === f));
      const field = editable[round % Math.max(1, editable.length)] ?? "x";
      const kind = (n + round) % 7;
      const params = new URLSearchParams(base);
      let label: string;
      let contentType = "application/x-www-form-urlencoded";
      if (kind === 0) {
        const value = VALUES[(round + n) % VALUES.length];
        params.set(field, value);
        label = `${field}=${JSON.stringify(value.slice(0, 20))}`;
      } else if (kind === 1) {
        const names = badNames(field);
        const name = names[(round + n) % names.length];
        params.set(name, "1");
        label = `name ${name}`;
      } else if (kind === 2) {
        params.set("version", ["0", "-5", "abc", "99999999", ""][(round + n) % 5]);
        label = `version=${params.get("version")}`;
      } else if (kind === 3) {
        for (let i = 0; i < 50; i++) params.append(field, String(i));
        label = `${field} ×50`;
      } else if (kind === 4) {
        params.delete("version");
        params.delete("intent");
        label = "no version, no intent";
      } else if (kind === 5) {
        params.set(field, "я".repeat(300_000));
        label = `${field} of 300 000 letters`;
      } else {
        contentType = ["application/json", "text/plain", "multipart/form-data", "application/xml"][(round + n) % 4];
        label = `as ${contentType}`;
      }
      const body = contentType === "application/json" ? JSON.stringify(Object.fromEntries(params)) : params.toString();
      n++;
      yield { role, form, body, contentType, label };
    }
  }
}
