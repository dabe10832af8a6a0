/**
 * A plain OpenDocument text (ODT): content.xml with a few paragraph styles, zipped by JSZip. Used for the demo
 * region's documents, which need real files to open and download; LibreOffice and Word open them.
 */
import JSZip from "jszip";

export const ODT_MIME = "application/vnd.oasis.opendocument.text";

export interface OdtParagraph {
  text: string;
  style?: "title" | "heading" | "center" | "right" | "body" | "note";
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Paragraph styles: [paragraph properties, text properties]. Times-like serif, 12 pt, as office orders are. */
const STYLES: Record<NonNullable<OdtParagraph["style"]>, [string, string]> = {
  title: [
    `fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"`,
    `fo:font-size="14pt" fo:font-weight="bold"`,
  ],
  heading: [
    `fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"`,
    `fo:font-size="12pt" fo:font-weight="bold"`,
  ],
  center: [`fo:text-align="center"`, `fo:font-size="12pt"`],
  right: [`fo:text-align="end" fo:margin-top="1.2cm"`, `fo:font-size="12pt"`],
  body: [`fo:text-align="justify" fo:text-indent="1.25cm" fo:margin-bottom="0.2cm"`, `fo:font-size="12pt"`],
  note: [`fo:text-align="center" fo:margin-top="1.5cm"`, `fo:font-size="9pt" fo:font-style="italic"`],
};

const NS =
  `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
  `xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
  `xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ` +
  `xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"`;

function contentXml(paragraphs: OdtParagraph[]): string {
  const styles = Object.entries(STYLES)
    .map(
      ([name, [paragraph, text]]) =>
        `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties ${paragraph}/>` +
        `<style:text-properties style:font-name="Liberation Serif" ${text}/></style:style>`,
    )
    .join("");
  const body = paragraphs
    .map((p) => `<text:p text:style-name="${p.style ?? "body"}">${esc(p.text)}</text:p>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>` +
    `<office:automatic-styles>${styles}</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body></office:document-content>`
  );
}

/** A4 with the margins of office paperwork (GOST R 7.0.97): 3 cm left, 1.5 cm right, 2 cm top and bottom. */
const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}>` +
  `<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" ` +
  `style:font-family-generic="roman"/></office:font-face-decls>` +
  `<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" ` +
  `fo:page-height="29.7cm" fo:margin-left="3cm" fo:margin-right="1.5cm" fo:margin-top="2cm" fo:margin-bottom="2cm"/>` +
  `</style:page-layout></office:automatic-styles>` +
  `<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>` +
  `</office:document-styles>`;

const MANIFEST =
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
  `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIME}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
  `<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>` +
  `</manifest:manifest>`;

/** An ODT document of the given paragraphs («mimetype» first and stored, as the format requires). */
export async function makeOdt(paragraphs: OdtParagraph[]): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date: the same content gives the same bytes (the demo region is deterministic).
  const date = new Date("2021-01-01T00:00:00Z");
  zip.file("mimetype", ODT_MIME, { compression: "STORE", date });
  zip.file("META-INF/manifest.xml", MANIFEST, { date, createFolders: false });
  zip.file("content.xml", contentXml(paragraphs), { date });
  zip.file("styles.xml", STYLES_XML, { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", mimeType: ODT_MIME });
}
