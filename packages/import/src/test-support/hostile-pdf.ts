// Small PDFs written byte by byte, for the shapes a hostile or careless sender hands over: text
// on one baseline (compressed, so a small file holds hundreds of thousands of items), pages
// that are only an image (a scan), and a file locked with a password.
import { deflateSync } from "node:zlib";

function pdf(objects: Buffer[], trailerExtra = ""): Buffer {
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const c = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from("\nendobj\n")]);
    chunks.push(c);
    length += c.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
        `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

const stream = (content: Buffer, dict = "") =>
  Buffer.concat([Buffer.from(`<< /Length ${content.length}${dict} >>\nstream\n`), content, Buffer.from("\nendstream")]);

function onePage(content: Buffer, resources: string, extra: Buffer[] = [], trailerExtra = ""): Buffer {
  return pdf(
    [
      Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
      Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
      Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`),
      stream(deflateSync(content, { level: 9 }), " /Filter /FlateDecode"),
      ...extra,
    ],
    trailerExtra,
  );
}

/** n text items "12", all on the baseline y = 700, overlapping along x: one line, one cell. */
export function oneBaselinePdf(n: number): Buffer {
  const parts: string[] = ["BT /F1 10 Tf\n"];
  for (let i = 0; i < n; i++) parts.push(`1 0 0 1 ${20 + (i % 50) * 11} 700 Tm (12) Tj\n`);
  parts.push("ET\n");
  return onePage(Buffer.from(parts.join(""), "latin1"), "<< /Font << /F1 5 0 R >> >>", [
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ]);
}

/** A page that is one grey image and no text: what a scanner makes. */
export function imageOnlyPdf(): Buffer {
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0x80);
  const image = stream(
    deflateSync(pixels),
    ` /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
  );
  return onePage(Buffer.from("q 500 0 0 700 40 60 cm /Im1 Do Q\n"), "<< /XObject << /Im1 5 0 R >> >>", [image]);
}

/**
 * A page behind the standard security handler with a user password: no reader opens it without
 * the password (the empty password does not match U).
 */
export function passwordPdf(): Buffer {
  const o = "A".repeat(32);
  const u = "B".repeat(32);
  const encrypt = Buffer.from(
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${Buffer.from(o).toString("hex")}> /U <${Buffer.from(u).toString("hex")}> >>`,
  );
  const id = "0123456789abcdef0123456789abcdef";
  return onePage(
    Buffer.from("BT /F1 10 Tf 72 700 Td (secret) Tj ET\n"),
    "<< /Font << /F1 6 0 R >> >>",
    [encrypt, Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")],
    ` /Encrypt 5 0 R /ID [<${id}> <${id}>]`,
  );
}
