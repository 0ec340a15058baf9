// Reads the few records around a diagnostic back from the File (the page never keeps the file's
// rows), so that the grid preview can show them with the bad cell highlighted.
//
// A diagnostic carries the byte offset of its cell (or of its record). The records before it are
// found by parsing forward from a line start in a window before that offset, trying line starts
// until one parses into a record boundary at the diagnostic (a quoted value may span lines, so not
// every line start is a record start). Structural bytes (delimiter, quote, CR, LF) never occur
// inside a multi-byte character of the encodings the engine reads, so the window is tokenized on
// its raw bytes (on 16-bit units for UTF-16) and only the cells shown are decoded.

const WINDOW = 64 * 1024;
const MAX_CELL_CHARS = 200;
const DELIMITERS = { comma: 0x2c, tab: 0x09, semicolon: 0x3b };

/**
 * @returns {Promise<{ rows: { row: number, target: boolean, cells: string[] }[], exact: boolean,
 *   column: number | null } | null>} the records around `diag` (or the file's first records for a
 *   diagnostic without a position); `column` is the 0-based index of the bad cell
 */
export async function readAround(file, detected, diag, { before = 3, after = 3 } = {}) {
  const unit = detected.encoding === "utf-16le" || detected.encoding === "utf-16be" ? 2 : 1;
  const bigEndian = detected.encoding === "utf-16be";
  const delimiter = DELIMITERS[detected.delimiter] ?? 0x2c;
  const bomLength = detected.bom === "utf-8" ? 3 : detected.bom ? 2 : 0;
  const decoder = new TextDecoder(detected.encoding ?? "utf-8");
  const column = diag.columnIndex ? diag.columnIndex - 1 : null;

  const at = typeof diag.byte === "number" && diag.row ? diag.byte : null;
  const from = at === null ? 0 : align(Math.max(0, at - WINDOW), unit);
  const to = Math.min(file.size, (at ?? 0) + WINDOW);
  const bytes = new Uint8Array(await file.slice(from, to).arrayBuffer());
  const units = unitReader(bytes, unit, bigEndian);
  const atEnd = to >= file.size;

  const decodeField = ([start, end]) => {
    let text = decoder.decode(bytes.subarray(start, end));
    if (text.startsWith('"')) text = text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replaceAll('""', '"');
    return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
  };

  if (at === null) {
    const records = parse(units, Math.max(0, bomLength - from), delimiter, atEnd, before + after + 1);
    return {
      exact: true,
      column,
      rows: records.map((r, i) => ({ row: i + 1, target: false, cells: r.fields.map(decodeField) })),
    };
  }

  const target = at - from;
  const starts = from === 0 ? [Math.min(bomLength, target)] : lineStarts(units, target);
  // A diagnostic's byte is where its record or cell starts, or where in the cell the problem is
  // (a stray quote): first look for a parse that has a record or cell starting exactly there, then
  // settle for the first parse with a record around it.
  const exactly = (r) => r.start === target || r.fields.some(([fieldStart]) => fieldStart === target);
  const around = (r) => r.start <= target && target < r.end;
  for (const [start, hit] of [...starts.map((s) => [s, exactly]), [starts[0], around]]) {
    if (start === undefined) continue;
    const records = parse(units, start, delimiter, atEnd, Infinity, target, after);
    const index = records.findIndex(hit);
    if (index < 0) continue;
    const first = Math.max(0, index - before);
    return {
      exact: from === 0 || isLineStartSafe(records.slice(first, index)),
      column,
      rows: records.slice(first, index + after + 1).map((r, i) => ({
        row: diag.row + (first + i - index),
        target: first + i === index,
        cells: r.fields.map(decodeField),
      })),
    };
  }
  return null;
}

function align(offset, unit) {
  return offset - (offset % unit);
}

function unitReader(bytes, unit, bigEndian) {
  const length = Math.floor(bytes.length / unit) * unit;
  if (unit === 1) return { length, unit, at: (i) => bytes[i] };
  return {
    length,
    unit,
    at: bigEndian ? (i) => (bytes[i] << 8) | bytes[i + 1] : (i) => bytes[i] | (bytes[i + 1] << 8),
  };
}

/** Offsets just after each line feed before `target`, earliest first (so that context is kept). */
function lineStarts(units, target) {
  const starts = [];
  for (let i = 0; i < target; i += units.unit) {
    if (units.at(i) === 0x0a) starts.push(i + units.unit);
  }
  return starts.slice(0, 64).concat(starts.length > 64 ? starts.slice(-64) : []);
}

/** Whether the records before the target were parsed from a real record start (no quote state). */
function isLineStartSafe(records) {
  return records.every((r) => !r.quotedNewline);
}

/**
 * Parses records from `start`: [{ start, end, fields: [[start, end], ...], quotedNewline }]. Stops
 * after `limit` records, or `after` records past the one containing `target`, or at the window's
 * end (an unfinished last record is dropped unless the window ends the file).
 */
function parse(units, start, delimiter, atEnd, limit, target = -1, after = 0) {
  const step = units.unit;
  const records = [];
  let i = start;
  let past = -1;
  while (i < units.length && records.length < limit) {
    const record = { start: i, fields: [], quotedNewline: false };
    let fieldStart = i;
    let quoted = false;
    let inQuotes = false;
    let done = false;
    while (i < units.length) {
      const c = units.at(i);
      if (inQuotes) {
        if (c === 0x22) {
          if (i + step < units.length && units.at(i + step) === 0x22) i += step;
          else inQuotes = false;
        } else if (c === 0x0a || c === 0x0d) {
          record.quotedNewline = true;
        }
        i += step;
        continue;
      }
      if (c === 0x22 && i === fieldStart) {
        quoted = true;
        inQuotes = true;
        i += step;
        continue;
      }
      if (c === delimiter) {
        record.fields.push([fieldStart, i]);
        i += step;
        fieldStart = i;
        quoted = false;
        continue;
      }
      if (c === 0x0d || c === 0x0a) {
        record.fields.push([fieldStart, i]);
        i += step;
        if (c === 0x0d && i < units.length && units.at(i) === 0x0a) i += step;
        done = true;
        break;
      }
      i += step;
    }
    if (!done) {
      if (!atEnd) break;
      if (fieldStart < i || record.fields.length) record.fields.push([fieldStart, i]);
      if (quoted && inQuotes) record.quotedNewline = true;
    }
    record.end = i;
    records.push(record);
    if (target >= 0 && past < 0 && i > target) past = records.length - 1;
    if (past >= 0 && records.length - 1 - past >= after) break;
  }
  return records;
}
