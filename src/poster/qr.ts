// The QR code of a poster, made by the `lean-qr` library and drawn as SVG path data (no HTML strings, so it passes the
// page's Trusted Types policy). Error correction Q, no more and no less: a quarter of the code can be worn or covered
// and it still scans, and the code stays as small (as few modules) as that allows.
import { correction, generate } from 'lean-qr';

/** Light modules around the code, as the QR standard asks for so a camera can find it. */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** One SVG path of all dark modules, one unit per module. */
  path: string;
}

export function qrDrawing(text: string): QrDrawing {
  const code = generate(text, { minCorrectionLevel: correction.Q, maxCorrectionLevel: correction.Q });
  const { size } = code;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    // Runs of dark modules on a row become one rectangle, which keeps the path short.
    for (let col = 0; col < size; ) {
      if (!code.get(col, row)) {
        col += 1;
        continue;
      }
      let run = 1;
      while (col + run < size && code.get(col + run, row)) run += 1;
      parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
      col += run;
    }
  }
  return { size: size + 2 * QUIET_ZONE, path: parts.join('') };
}
