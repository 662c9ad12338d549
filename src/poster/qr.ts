// The QR code of a poster, made by the `qrcode` library and drawn as SVG path data (no HTML strings, so it passes the
// page's Trusted Types policy). Error correction Q: a quarter of the code can be worn or covered and it still scans.
import { create } from 'qrcode/lib/core/qrcode';

/** Light modules around the code, as the QR standard asks for so a camera can find it. */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** One SVG path of all dark modules, one unit per module. */
  path: string;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
}

export function qrDrawing(text: string): QrDrawing {
  const code = create(text, { errorCorrectionLevel: 'Q' });
  const { size } = code.modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    // Runs of dark modules on a row become one rectangle, which keeps the path short.
    for (let col = 0; col < size; ) {
      if (!code.modules.get(row, col)) {
        col += 1;
        continue;
      }
      let run = 1;
      while (col + run < size && code.modules.get(row, col + run)) run += 1;
      parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
      col += run;
    }
  }
  const levels = { 1: 'L', 0: 'M', 3: 'Q', 2: 'H' } as const;
  return { size: size + 2 * QUIET_ZONE, path: parts.join(''), errorCorrection: levels[code.errorCorrectionLevel.bit] };
}
