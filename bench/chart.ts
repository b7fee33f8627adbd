/**
 * The results chart as a self-contained SVG (no plotting library): intake rates per round, the storm's
 * latency distribution (cumulative share against seconds after the due instant) and memory per scale level.
 */
export interface ChartData {
  intake?: { raw: number[]; api: number[] };
  storm?: { latencies: number[]; goalSeconds: number };
  scale?: { open: number; workerMiB: number; apiMiB: number; serverMiB: number }[];
}

const W = 360;
const H = 240;
const PAD = { left: 48, right: 12, top: 28, bottom: 36 };
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function frame(x0: number, title: string, yMax: number, yLabel: string, body: string, xLabels: string): string {
  const ih = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const y = PAD.top + ih - f * ih;
      return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${PAD.left - 4}" y="${y + 4}" text-anchor="end">${fmt(yMax * f)}</text>`;
    })
    .join('');
  return `<g transform="translate(${x0},0)"><text x="${W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(title)}</text>${ticks}<text transform="translate(12,${PAD.top + ih / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>${body}${xLabels}</g>`;
}

function bars(
  groups: { label: string; values: number[] }[],
  series: string[],
  title: string,
  yLabel: string,
  x0: number,
): string {
  const yMax = Math.max(1, ...groups.flatMap((g) => g.values)) * 1.1;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const gw = iw / groups.length;
  const bw = (gw * 0.8) / series.length;
  let body = '';
  let labels = '';
  groups.forEach((g, gi) => {
    g.values.forEach((v, si) => {
      const h = (v / yMax) * ih;
      const x = PAD.left + gi * gw + gw * 0.1 + si * bw;
      body += `<rect x="${x}" y="${PAD.top + ih - h}" width="${bw - 1}" height="${h}" fill="${COLOURS[si]}"><title>${esc(`${series[si]} ${g.label}: ${fmt(v)}`)}</title></rect>`;
    });
    labels += `<text x="${PAD.left + gi * gw + gw / 2}" y="${H - PAD.bottom + 14}" text-anchor="middle">${esc(g.label)}</text>`;
  });
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${PAD.left + i * 90}" y="${H - 14}" width="10" height="10" fill="${COLOURS[i]}"/><text x="${PAD.left + i * 90 + 14}" y="${H - 5}">${esc(s)}</text>`,
    )
    .join('');
  return frame(x0, title, yMax, yLabel, body, labels + legend);
}

function cdf(latencies: number[], goal: number, x0: number): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const xMax = Math.max(goal, sorted[sorted.length - 1] ?? 1) * 1.05;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (s: number) => PAD.left + (s / xMax) * iw;
  const y = (f: number) => PAD.top + ih - f * ih;
  const step = Math.max(1, Math.floor(sorted.length / 400));
  const pts = sorted
    .filter((_, i) => i % step === 0 || i === sorted.length - 1)
    .map(
      (s, i, a) =>
        `${x(s).toFixed(1)},${y((i === a.length - 1 ? sorted.length : i * step + 1) / sorted.length).toFixed(1)}`,
    );
  const body = `<polyline fill="none" stroke="${COLOURS[0]}" stroke-width="2" points="${pts.join(' ')}"/><line x1="${x(goal)}" x2="${x(goal)}" y1="${PAD.top}" y2="${PAD.top + ih}" stroke="${COLOURS[1]}" stroke-dasharray="4 3"/><text x="${x(goal) - 4}" y="${PAD.top + 12}" text-anchor="end" fill="${COLOURS[1]}">goal ${goal} s</text>`;
  const labels =
    [0, 0.5, 1]
      .map((f) => `<text x="${x(xMax * f)}" y="${H - PAD.bottom + 14}" text-anchor="middle">${fmt(xMax * f)}</text>`)
      .join('') +
    `<text x="${PAD.left + iw / 2}" y="${H - 5}" text-anchor="middle">seconds after the due instant</text>`;
  return frame(x0, `Timer storm: share delivered (${sorted.length})`, 1, 'share accepted', body, labels);
}

export function chartSvg(data: ChartData): string {
  const panels: string[] = [];
  if (data.intake) {
    panels.push(
      bars(
        data.intake.raw.map((r, i) => ({ label: `round ${i + 1}`, values: [r, data.intake!.api[i]] })),
        ['raw client', 'API'],
        'Intake: referrals per second',
        'per second',
        panels.length * W,
      ),
    );
  }
  if (data.storm?.latencies.length) panels.push(cdf(data.storm.latencies, data.storm.goalSeconds, panels.length * W));
  if (data.scale?.length) {
    panels.push(
      bars(
        data.scale.map((l) => ({
          label: `${l.open.toLocaleString('en-GB')} open`,
          values: [l.workerMiB, l.apiMiB, l.serverMiB],
        })),
        ['worker', 'API', 'server'],
        'Scale: resident memory',
        'MiB',
        panels.length * W,
      ),
    );
  }
  const width = Math.max(1, panels.length) * W;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" font-family="Arial, sans-serif" font-size="11"><rect width="100%" height="100%" fill="#fff"/>${panels.join('')}</svg>\n`;
}
