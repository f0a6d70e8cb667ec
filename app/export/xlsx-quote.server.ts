/**
 * Text that starts like a formula (= + - @, tab, carriage return) is written with the cell's quote
 * prefix: Excel and LibreOffice then keep it as text when the user edits the cell, re-enters it or
 * saves the sheet as CSV, instead of turning "=HYPERLINK(…)" from a program's data into a live
 * formula (OWASP "CSV injection"). The value itself is unchanged, so an upload reads the same text.
 *
 * ExcelJS 4.4 has no quotePrefix in its style model: the two style writers below are taught one
 * attribute. The change is inert for every style without `quotePrefix` (the reader ignores it).
 */
import type ExcelJS from "exceljs";
import { createRequire } from "node:module";

const FORMULA_START = /^[=+\-@\t\r]/;

export const looksLikeFormula = (text: string) => FORMULA_START.test(text);

type XmlStream = { openNode(name: string, attributes?: Record<string, unknown>): void };
type StyleModel = Record<string, unknown> & { quotePrefix?: boolean };
interface StylesXform {
  addStyleModel(model: StyleModel | undefined, cellType?: unknown): number;
  _addStyle(style: StyleModel): number;
}
interface StyleXform {
  render(xmlStream: XmlStream, model: StyleModel): void;
}

let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const load = createRequire(import.meta.url);
  const Styles = load("exceljs/lib/xlsx/xform/style/styles-xform.js") as { prototype: StylesXform };
  const Style = load("exceljs/lib/xlsx/xform/style/style-xform.js") as { prototype: StyleXform };
  const addStyleModel = Styles.prototype.addStyleModel;
  // The cell's style model → the xf record: carry the flag (styles are shared by their XML, so
  // a quoted and an unquoted text of the same look get two records).
  Styles.prototype.addStyleModel = function (model, cellType) {
    if (!model?.quotePrefix) return addStyleModel.call(this, model, cellType);
    const addStyle = this._addStyle;
    this._addStyle = (style) => addStyle.call(this, { ...style, quotePrefix: true });
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      delete (this as Partial<StylesXform>)._addStyle;
    }
  };
  const render = Style.prototype.render;
  Style.prototype.render = function (xmlStream, model) {
    if (!model.quotePrefix) return render.call(this, xmlStream, model);
    const openNode = xmlStream.openNode;
    xmlStream.openNode = (name, attributes) =>
      openNode.call(xmlStream, name, name === "xf" ? { ...attributes, quotePrefix: "1" } : attributes);
    try {
      render.call(this, xmlStream, model);
    } finally {
      delete (xmlStream as Partial<XmlStream>).openNode;
    }
  };
}

/** Writes a text; one that would start a formula gets the quote prefix. */
export function writeText(cell: ExcelJS.Cell, text: string) {
  cell.value = text;
  if (!looksLikeFormula(text)) return;
  install();
  (cell.style as StyleModel).quotePrefix = true;
}
