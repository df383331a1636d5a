/**
 * Draws a {@link ChartModel} as a standalone `<svg>` string (the HTML report's charts): no script,
 * no reference to anything outside itself, every text escaped. Colours are the light scheme's
 * ({@link CHART_COLORS}), fonts the system's.
 */
import { CHART_COLORS, LIMIT_COLOR } from './chart-model.ts';
import type { ChartLine, ChartModel, ChartSeries } from './chart-model.ts';
import { px } from './chart-scales.ts';

const TEXT = '#1b2430';
const MUTED = '#596578';
const GRID = '#e3e8ee';
const AXIS = '#b9c2ce';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** `text` made safe inside an element or a quoted attribute of HTML or XML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const color = (index: number): string => CHART_COLORS[index % CHART_COLORS.length] ?? TEXT;

/** About how wide a text of 11 px is (no layout engine here: a little room to spare). */
const textWidth = (text: string): number => text.length * 6.4;

/** A legend text longer than this is cut with an ellipsis (error codes are short; a CRM's are not). */
const LEGEND_MAX_CHARS = 28;

function seriesSvg(series: ChartSeries): string {
  if (series.path === '') return '';
  const c = color(series.colorIndex);
  const d = escapeXml(series.path);
  switch (series.kind) {
    case 'line':
      return `<path d="${d}" fill="none" stroke="${c}" stroke-width="1.6" stroke-linejoin="round"${series.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    case 'area':
      return `<path d="${d}" fill="${c}" fill-opacity="0.18" stroke="${c}" stroke-width="1.2" stroke-linejoin="round"/>`;
    case 'bars':
      return `<path d="${d}" fill="${c}" fill-opacity="0.85"/>`;
  }
}

function lineSvg(line: ChartLine, model: ChartModel): string {
  const { plot } = model;
  const label = escapeXml(line.label);
  const stroke = `stroke="${LIMIT_COLOR}" stroke-width="1.5" stroke-dasharray="6 4"`;
  if (line.orientation === 'horizontal') {
    const right = plot.x + plot.width;
    return (
      `<line x1="${plot.x}" y1="${line.at}" x2="${right}" y2="${line.at}" ${stroke}/>` +
      `<text x="${right - 4}" y="${line.at - 5}" text-anchor="end" fill="${LIMIT_COLOR}" font-weight="600">${label}</text>`
    );
  }
  const bottom = plot.y + plot.height;
  const nearRight = line.at > plot.x + plot.width - textWidth(line.label) - 8;
  return (
    `<line x1="${line.at}" y1="${plot.y}" x2="${line.at}" y2="${bottom}" ${stroke}/>` +
    `<text x="${nearRight ? line.at - 4 : line.at + 4}" y="${plot.y + 12}" text-anchor="${nearRight ? 'end' : 'start'}" fill="${LIMIT_COLOR}" font-weight="600">${label}</text>`
  );
}

/** `text` cut to `max` characters with an ellipsis. */
const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;

/** The legend, on its own row under the title, left to right; what does not fit is counted. */
function legendSvg(model: ChartModel): string {
  const right = model.width - 12;
  const parts: string[] = [];
  let x = model.plot.x;
  for (const [i, s] of model.series.entries()) {
    const name = cut(s.name, LEGEND_MAX_CHARS);
    const width = 14 + textWidth(name) + 14;
    // The last item needs only its own room; the others also that of a "+n more" after them.
    const needed = i === model.series.length - 1 ? width : width + textWidth('+99 more');
    if (x + needed > right) {
      parts.push(
        `<text x="${px(x)}" y="36" fill="${MUTED}">+${model.series.length - i} more</text>`,
      );
      break;
    }
    parts.push(
      `<rect x="${px(x)}" y="27" width="10" height="10" rx="2" fill="${color(s.colorIndex)}"/>`,
      `<text x="${px(x + 14)}" y="36" fill="${TEXT}">${escapeXml(name)}</text>`,
    );
    x += width;
  }
  return parts.join('');
}

/** `model` as a standalone SVG document fragment (`<svg xmlns=…>…</svg>`), scaled to fit its box. */
export function chartSvg(model: ChartModel): string {
  const { plot, width, height } = model;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="${escapeXml(FONT)}" font-size="11" data-chart="${escapeXml(model.id)}">`,
    `<title>${escapeXml(model.description)}</title>`,
    `<text x="${plot.x}" y="17" font-size="13" font-weight="600" fill="${TEXT}">${escapeXml(cut(model.title, Math.floor((width - plot.x - 12) / 8)))}</text>`,
  ];
  for (const tick of model.yTicks) {
    parts.push(
      `<line x1="${plot.x}" y1="${tick.at}" x2="${right}" y2="${tick.at}" stroke="${GRID}"/>`,
      `<text x="${plot.x - 6}" y="${tick.at + 4}" text-anchor="end" fill="${MUTED}">${escapeXml(tick.label)}</text>`,
    );
  }
  for (const tick of model.xTicks) {
    parts.push(
      `<line x1="${tick.at}" y1="${bottom}" x2="${tick.at}" y2="${bottom + 4}" stroke="${AXIS}"/>`,
      `<text x="${tick.at}" y="${bottom + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(
    `<path d="M${plot.x} ${plot.y}V${bottom}H${right}" fill="none" stroke="${AXIS}"/>`,
    `<text x="${plot.x + plot.width / 2}" y="${height - 6}" text-anchor="middle" fill="${MUTED}">${escapeXml(model.xLabel)}</text>`,
    `<text transform="translate(14 ${plot.y + plot.height / 2}) rotate(-90)" text-anchor="middle" fill="${MUTED}">${escapeXml(model.yLabel)}</text>`,
  );
  if (model.empty !== undefined) {
    parts.push(
      `<text x="${plot.x + plot.width / 2}" y="${plot.y + plot.height / 2}" text-anchor="middle" fill="${MUTED}" font-size="13">${escapeXml(model.empty)}</text>`,
    );
  } else {
    parts.push(...model.series.map(seriesSvg), legendSvg(model));
  }
  parts.push(...model.lines.map((line) => lineSvg(line, model)), '</svg>');
  return parts.join('');
}
