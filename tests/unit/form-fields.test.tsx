/**
 * The field components read Conform's metadata once and build the props themselves (see
 * fieldInfo in app/components/forms.tsx). Their inputs must be exactly what Conform's helpers
 * (getInputProps, getTextareaProps, getSelectProps, getCollectionProps) give, with and without errors.
 */
import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkboxItems, checkboxProps, fieldInfo, inputProps, selectProps, textareaProps } from "~/components/forms";
import type { AnyField } from "~/components/field-types";

type Field = AnyField;

/** Renders `view(fields)` inside a Conform form whose last submission had `errors`. */
function render(errors: Record<string, string[]> | null, view: (fields: Record<string, Field>) => ReactElement[]) {
  function Form() {
    const [, fields] = useForm({
      id: "f",
      lastResult: {
        status: errors ? "error" : undefined,
        initialValue: { title: "Мектеп", count: "12", note: "a & <b>", sector: "water", groups: ["women", "pwd"], flag: "on" },
        error: errors ?? undefined,
      },
    });
    return createElement("div", null, ...view(fields as unknown as Record<string, Field>));
  }
  return renderToStaticMarkup(createElement(Form));
}

const cases = [
  null,
  { title: ["errors.required"], note: ["errors.tooLong"], sector: ["errors.choose"], groups: ["errors.choose"], flag: ["errors.invalid"] },
];

describe.each(cases)("field props, errors %j", (errors) => {
  it("text input", () => {
    for (const hint of [undefined, "f-title-hint"]) {
      const theirs = render(errors, (f) => [createElement("input", getInputProps(f.title, { type: "text", ariaDescribedBy: hint }))]);
      const ours = render(errors, (f) => [createElement("input", inputProps(fieldInfo(f.title), "text", hint))]);
      expect(ours).toBe(theirs);
    }
  });
  it("textarea", () => {
    for (const hint of [undefined, "h"]) {
      const theirs = render(errors, (f) => [createElement("textarea", getTextareaProps(f.note, { ariaDescribedBy: hint }))]);
      const ours = render(errors, (f) => [createElement("textarea", textareaProps(fieldInfo(f.note), hint))]);
      expect(ours).toBe(theirs);
    }
  });
  it("select", () => {
    for (const name of ["sector", "groups"]) {
      const option = createElement("option", { value: "water" }, "Water");
      const multiple = name === "groups" || undefined;
      const theirs = render(errors, (f) => [
        createElement("select", { ...getSelectProps(f[name], { ariaDescribedBy: "h" }), multiple }, option),
      ]);
      const ours = render(errors, (f) => [createElement("select", { ...selectProps(fieldInfo(f[name]), "h"), multiple }, option)]);
      expect(ours).toBe(theirs);
    }
  });
  it("checkbox group", () => {
    const options = ["women", "pwd", "youth"];
    const theirs = render(errors, (f) => getCollectionProps(f.groups, { type: "checkbox", options }).map((p) => createElement("input", p)));
    const ours = render(errors, (f) => checkboxItems(f.groups, options).map((p) => createElement("input", p)));
    expect(ours).toBe(theirs);
  });
  it("single checkbox", () => {
    for (const options of [{}, { value: "on" }, { describedBy: "h" }]) {
      for (const name of ["flag", "groups", "title"]) {
        const theirs = render(errors, (f) => [
          createElement("input", getInputProps(f[name], { type: "checkbox", value: options.value, ariaDescribedBy: options.describedBy })),
        ]);
        const ours = render(errors, (f) => [createElement("input", checkboxProps(f[name], options))]);
        expect(ours).toBe(theirs);
      }
    }
  });
});

it("the error cases render errors (the comparison above is not vacuous)", () => {
  const html = render(cases[1], (f) => [createElement("input", inputProps(fieldInfo(f.title), "text"))]);
  expect(html).toContain('aria-invalid="true"');
  expect(html).toContain('aria-describedby="f-title-error"');
});
