// "All messages": articles and events together, newest first, by year and month
// (/archive?year=2024&month=6&page=2).

import { formatMonth, formatMonthName, formatNumber, locale, t } from './i18n.js';
import { pager, resultItem } from './listing.js';
import { el, fill, getJson, href, loadSite, note, setTitle, startPage, zoneOf } from './page.js';

const PAGE_SIZE = 20;

/** Page numbers reach this many results; months and years reach the rest. */
const WINDOW = 10_000;

const view = {
	heading: document.getElementById('period-heading'),
	count: document.getElementById('archive-count'),
	months: document.getElementById('months'),
	list: document.getElementById('archive-list'),
	pages: document.getElementById('archive-pages'),
};

const query = new URLSearchParams(window.location.search);

const year = whole(query.get('year'), 1, 9999);

const month = year ? whole(query.get('month'), 1, 12) : null;

const page = whole(query.get('page'), 1, WINDOW / PAGE_SIZE) ?? 1;

startPage('archive.title');
const site = loadSite();
heading();
months();
messages();

function heading() {
	let text = t('archive.heading.all');
	if (year && month) {
		text = t('archive.heading.month', { month: formatMonth(year, month) });
	}
	else if (year) {
		text = t('archive.heading.year', { year: String(year) });
	}
	view.heading.textContent = text;
	setTitle(year ? `${text}` : t('archive.title'));
}

async function months() {
	let list;
	try {
		list = await getJson('/api/v1/archive/months', { locale });
	}
	catch {
		fill(view.months, note(t('unavailable')));
		return;
	}
	const years = new Map();
	for (const entry of list) {
		if (!years.has(entry.year)) {
			years.set(entry.year, []);
		}
		years.get(entry.year).push(entry);
	}
	const current = (y, m) => ((y === year && m === month) ? 'page' : undefined);
	fill(view.months, el('ul', { class: 'years' },
		el('li', { class: 'year' }, el('a', { href: href('/archive'), 'aria-current': current(null, null) }, t('archive.all'))),
		[...years.entries()].map(([y, entries]) => el('li', { class: 'year' },
			el('a', { class: 'year-link', href: href('/archive', { year: y }), 'aria-current': current(y, null) }, String(y)),
			el('span', { class: 'count' }, ` (${formatNumber(entries.reduce((sum, entry) => sum + entry.count, 0))})`),
			el('ul', { class: 'months' }, entries.map((entry) => el('li', {},
				el('a', {
					href: href('/archive', { year: entry.year, month: entry.month }),
					'aria-current': current(entry.year, entry.month),
					'aria-label': `${formatMonth(entry.year, entry.month)}: ${t('archive.count', { n: entry.count })}`,
				}, formatMonthName(entry.month)),
				el('span', { class: 'month-count', 'aria-hidden': 'true' }, formatNumber(entry.count)))))))));
}

async function messages() {
	let answer;
	try {
		answer = await getJson('/api/v1/archive', { locale, year, month, page, size: PAGE_SIZE });
	}
	catch {
		fill(view.list, note(t('error.generic'), 'warning'));
		return;
	}
	const zone = zoneOf(await site);
	view.count.textContent = t('archive.count', { n: answer.total });
	if (!answer.results?.length) {
		fill(view.list, note(t('archive.empty')));
		view.pages.replaceChildren();
		return;
	}
	fill(view.list, el('ol', { class: 'results', start: (page - 1) * PAGE_SIZE + 1 },
		answer.results.map((result) => resultItem(result, { zone }))));
	const pages = Math.min(answer.pages ?? 1, WINDOW / PAGE_SIZE);
	fill(view.pages, pager({ page, pages, link: (number) => href('/archive', { year, month, page: number > 1 ? number : null }) }));
}

function whole(value, min, max) {
	const number = Number.parseInt(value ?? '', 10);
	return (Number.isInteger(number) && number >= min && number <= max) ? number : null;
}
