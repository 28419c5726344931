/** A plain-text table of figures: one row per measurement, cells already rounded. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

let out: NodeJS.WritableStream = process.stdout;

/** Sends tables elsewhere (stderr when stdout carries the JSON result). */
export function setTableOutput(stream: NodeJS.WritableStream): void {
  out = stream;
}

/** Writes a progress line that never mixes with the tables' output when it is JSON. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function cell(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Prints the table with columns padded to their widest cell; numbers align right. */
export function printTable(table: Table): void {
  const cells = table.rows.map((row) => row.map(cell));
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => row[i]?.length ?? 0)),
  );
  const line = (values: string[], numeric: boolean[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [
    '',
    table.title,
    line(
      table.columns,
      table.columns.map(() => false),
    ),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map((row, r) =>
      line(
        cells[r]!,
        row.map((v) => typeof v === 'number'),
      ),
    ),
    ...(table.notes ?? []).map((note) => `  ${note}`),
  ];
  out.write(`${lines.join('\n')}\n`);
}

/** Whole numbers grouped in thousands, others to three significant figures; '-' for none. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 1000 || Number.isInteger(value)) {
    return Math.round(value).toLocaleString('en-GB');
  }
  return String(Number(value.toPrecision(3)));
}

/** Megabytes, one decimal. */
export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** A value rounded to `digits` decimals, for cells. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
