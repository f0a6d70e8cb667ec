#!/usr/bin/env bash
# Renders a DOCX to PDF and PNG pages so a person can look at it:
#   npm run docx:render -- path/to/file.docx [outdir]
# Needs LibreOffice (soffice) and poppler (pdftoppm). Pages land in <outdir>/<name>-<n>.png.
set -euo pipefail
file="${1:-}"
if [[ -z "$file" || ! -f "$file" ]]; then
  echo "usage: npm run docx:render -- <file.docx> [outdir]" >&2
  exit 2
fi
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  echo "LibreOffice and poppler are needed to render DOCX files. Install them with:" >&2
  echo "  apt-get install -y libreoffice-writer-nogui poppler-utils" >&2
  exit 3
fi
out="${2:-$(dirname "$file")/render}"
mkdir -p "$out"
name="$(basename "${file%.*}")"
# A private profile dir: parallel runs (and a user's open LibreOffice) do not lock each other out.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
pdftoppm -png -r "${DOCX_RENDER_DPI:-60}" "$out/$name.pdf" "$out/$name"
pages=$(ls "$out/$name"-*.png 2>/dev/null | wc -l)
echo "$out/$name.pdf ($pages pages as $out/$name-N.png)"
