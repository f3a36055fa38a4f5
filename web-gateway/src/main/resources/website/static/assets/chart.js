// The search's date histogram as an SVG bar chart: a title and a description for
// assistive technology, a label and a link on every bar (to narrow the search to
// that period), and the same figures as a table for those who prefer one.

import { formatDay, formatLocale, formatMonth, formatNumber, t } from './i18n.js';
import { el, svg } from './page.js';

/** Drawn at the width it is shown at (within these bounds), so its text stays legible. */
const WIDTHS = { least: 300, most: 960 };

const HEIGHT = 240;

const MARGIN = { top: 20, right: 8, bottom: 30, left: 44 };

/** Roughly how wide an axis label is, in the chart's units. */
const LABEL_WIDTH = { day: 56, week: 56, month: 64, year: 40 };

let charts = 0;

/**
 * The chart of {@code histogram} ({@code interval}, {@code buckets} of {@code start} and
 * {@code count}); {@code link(range)} makes the address that narrows the search to a
 * bucket's days, {@code range} being {@code from}, {@code to} and a finer interval;
 * {@code shownWidth} is the width in CSS pixels it will be shown at.
 */
export function histogramChart(histogram, link, shownWidth = 720) {
	const width = Math.round(Math.min(WIDTHS.most, Math.max(WIDTHS.least, shownWidth)));
	const buckets = histogram?.buckets ?? [];
	if (buckets.length === 0 || buckets.every((bucket) => bucket.count === 0)) {
		return el('p', { class: 'note' }, t('search.chart.empty'));
	}
	const interval = histogram.interval ?? 'month';
	const id = `chart-${++charts}`;
	const max = Math.max(...buckets.map((bucket) => bucket.count));
	const top = niceCeiling(max);
	const plotWidth = width - MARGIN.left - MARGIN.right;
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
	const band = plotWidth / buckets.length;
	const barWidth = Math.min(48, Math.max(1, band * 0.72));
	const y = (count) => MARGIN.top + plotHeight - (count / top) * plotHeight;

	const grid = [0, top / 2, top].filter(Number.isInteger).map((value) => svg('g', { class: 'chart-grid' },
		svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(value), y2: y(value) }),
		svg('text', { x: MARGIN.left - 6, y: y(value), dy: '0.32em', 'text-anchor': 'end' }, formatNumber(value))));

	const every = Math.max(1, Math.ceil(LABEL_WIDTH[interval] / band));
	const peak = buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best), buckets[0]);
	const bars = buckets.map((bucket, index) => {
		const x = MARGIN.left + index * band + (band - barWidth) / 2;
		const height = Math.max(bucket.count > 0 ? 1 : 0, y(0) - y(bucket.count));
		const period = periodName(bucket.start, interval);
		const label = t('search.chart.bar', { period, count: t('search.count', { n: bucket.count }) });
		const rect = svg('rect', { class: 'chart-bar', x, y: y(0) - height, width: barWidth, height },
			svg('title', {}, label));
		const parts = [rect];
		if (bucket.count > 0 && band >= 22) {
			parts.push(svg('text', { class: 'chart-value', x: x + barWidth / 2, y: y(0) - height - 4, 'text-anchor': 'middle' },
				formatNumber(bucket.count)));
		}
		if (index % every === 0) {
			parts.push(svg('text', { class: 'chart-label', x: x + barWidth / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' },
				shortPeriodName(bucket.start, interval)));
		}
		const group = (bucket.count > 0)
			? svg('a', { class: 'chart-link', href: link(range(bucket.start, interval)), 'aria-label': `${label}. ${t('search.chart.narrow', { period })}` }, parts)
			: svg('g', { 'aria-hidden': 'true' }, parts);
		return group;
	});

	const description = t('search.chart.desc', {
		interval: t(`interval.${interval}`),
		first: periodName(buckets[0].start, interval),
		last: periodName(buckets[buckets.length - 1].start, interval),
		max: t('search.count', { n: peak.count }),
		peak: periodName(peak.start, interval),
	});
	const chart = svg('svg', {
		class: 'chart', viewBox: `0 0 ${width} ${HEIGHT}`, role: 'group',
		'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, preserveAspectRatio: 'xMidYMid meet',
	},
	svg('title', { id: `${id}-title` }, t('search.chart')),
	svg('desc', { id: `${id}-desc` }, description),
	grid,
	svg('line', { class: 'chart-axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0) }),
	svg('g', { class: 'chart-bars' }, bars));

	const table = el('details', { class: 'chart-table' },
		el('summary', {}, t('search.chart.table')),
		el('table', {},
			el('caption', {}, description),
			el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('search.chart.period')), el('th', { scope: 'col' }, t('search.chart.count')))),
			el('tbody', {}, buckets.filter((bucket) => bucket.count > 0).map((bucket) => el('tr', {},
				el('th', { scope: 'row' }, periodName(bucket.start, interval)),
				el('td', {}, formatNumber(bucket.count)))))));

	return el('figure', { class: 'chart-figure' }, chart, table);
}

/** The days of a bucket, and the interval to see them by. */
function range(start, interval) {
	const [year, month, day] = start.slice(0, 10).split('-').map(Number);
	const first = new Date(Date.UTC(year, month - 1, day));
	let last = first;
	let finer = 'day';
	if (interval === 'week') {
		last = new Date(Date.UTC(year, month - 1, day + 6));
	}
	else if (interval === 'month') {
		last = new Date(Date.UTC(year, month, 0));
	}
	else if (interval === 'year') {
		last = new Date(Date.UTC(year, 11, 31));
		finer = 'month';
	}
	return { from: isoDay(first), to: isoDay(last), interval: finer };
}

function periodName(start, interval) {
	const [year, month] = start.slice(0, 7).split('-').map(Number);
	switch (interval) {
		case 'year':
			return String(year);
		case 'month':
			return formatMonth(year, month);
		default:
			return formatDay(start);
	}
}

function shortPeriodName(start, interval) {
	const [year, month, day] = start.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	switch (interval) {
		case 'year':
			return String(year);
		case 'month':
			return new Intl.DateTimeFormat(formatLocale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
		default:
			return new Intl.DateTimeFormat(formatLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
	}
}

/** 1, 2, 5, 10, 20, 50…: a round top for the axis. */
function niceCeiling(value) {
	if (value <= 1) {
		return 1;
	}
	const magnitude = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 5, 10]) {
		if (step * magnitude >= value) {
			return step * magnitude;
		}
	}
	return 10 * magnitude;
}

function isoDay(date) {
	return date.toISOString().slice(0, 10);
}
