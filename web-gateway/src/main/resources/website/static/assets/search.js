// Search for analysts. The whole search lives in the page's address, so a search can be
// shared and the back button works: the form and every facet, bar and page are plain
// links or a GET form. ?locale= is the reader's language, so the language of the
// content searched is ?content-locale=.

import { histogramChart } from './chart.js';
import { formatDay, has, languageName, LOCALES, t } from './i18n.js';
import { pager, resultItem } from './listing.js';
import { ApiError, el, fill, getJson, href, loadSite, note, setTitle, startPage, zoneOf } from './page.js';

const PAGE_SIZE = 20;

/** Numbered pages reach this many results (the search service's limit); a cursor the rest. */
const WINDOW = 10_000;

/** Results a page when walking with the cursor to the end of the numbered window. */
const CURSOR_SIZE = 100;

/** The page's filter parameters and the API's names for them. */
const FILTERS = { 'type': 'type', 'kind': 'kind', 'content-locale': 'locale', 'person': 'person', 'tag': 'tag' };

/** Facets as the API names them, in the order shown. */
const FACETS = ['type', 'kind', 'locale', 'person', 'tag'];

const DEFAULT_INTERVAL = 'month';

const DEFAULT_DATE_FIELD = 'date';

const view = {
	form: document.getElementById('search-form'),
	status: document.getElementById('search-status'),
	active: document.getElementById('active-filters'),
	facetsSection: document.getElementById('facets'),
	facets: document.getElementById('facet-groups'),
	chartSection: document.getElementById('chart-section'),
	chart: document.getElementById('chart'),
	results: document.getElementById('results'),
	pager: document.getElementById('pager'),
	more: document.getElementById('more'),
	exportSection: document.getElementById('export'),
	exportCsv: document.getElementById('export-csv'),
	exportNdjson: document.getElementById('export-ndjson'),
};

const state = read(new URLSearchParams(window.location.search));

startPage('search.title');
if (state.q) {
	setTitle(`\u201c${state.q}\u201d \u2014 ${t('search.title')}`);
}
const site = loadSite();
fillForm();
view.form.addEventListener('submit', submitted);
search();

/** The search the address describes. */
function read(params) {
	const values = (name) => [...new Set(params.getAll(name).flatMap((value) => value.split(','))
		.map((value) => value.trim()).filter(Boolean))];
	const single = (name) => (params.get(name) ?? '').trim() || null;
	const number = (name, max) => {
		const value = Number.parseInt(params.get(name) ?? '', 10);
		return (Number.isInteger(value) && value >= 1 && value <= max) ? value : null;
	};
	const filters = {};
	for (const name of Object.keys(FILTERS)) {
		filters[name] = values(name);
	}
	return {
		q: single('q'),
		filters,
		dateField: single('date-field'),
		from: single('from'),
		to: single('to'),
		order: single('order'),
		histogram: single('histogram'),
		size: number('size', 100) ?? PAGE_SIZE,
		page: number('page', WINDOW) ?? 1,
		cursor: single('cursor'),
		start: number('start', Number.MAX_SAFE_INTEGER) ?? 1,
	};
}

/** The address of this search with {@code changes}; paging starts over unless a change says otherwise. */
function link(changes = {}) {
	const next = { ...state, page: 1, cursor: null, start: null, ...changes, filters: { ...state.filters, ...changes.filters } };
	const params = {};
	if (next.q) {
		params.q = next.q;
	}
	for (const name of Object.keys(FILTERS)) {
		if (next.filters[name]?.length) {
			params[name] = next.filters[name].join(',');
		}
	}
	if (next.dateField && next.dateField !== DEFAULT_DATE_FIELD) {
		params['date-field'] = next.dateField;
	}
	params.from = next.from;
	params.to = next.to;
	if (next.order && next.order !== defaultOrder(next.q)) {
		params.order = next.order;
	}
	if (next.histogram && next.histogram !== DEFAULT_INTERVAL) {
		params.histogram = next.histogram;
	}
	if (next.size !== PAGE_SIZE) {
		params.size = next.size;
	}
	if (next.cursor) {
		params.cursor = next.cursor;
		params.start = next.start;
	}
	else if (next.page > 1) {
		params.page = next.page;
	}
	return href('/search', params);
}

function defaultOrder(q) {
	return q ? 'relevance' : 'newest';
}

/** The API's parameters for this search, without paging. */
function query() {
	const params = { q: state.q };
	for (const [name, api] of Object.entries(FILTERS)) {
		if (state.filters[name].length) {
			params[api] = state.filters[name].join(',');
		}
	}
	if (state.dateField) {
		params['date-field'] = state.dateField;
	}
	params.from = state.from;
	params.to = state.to;
	params.order = state.order;
	return params;
}

function fillForm() {
	const form = view.form;
	form.elements.q.value = state.q ?? '';
	const languages = form.elements['content-locale'];
	for (const code of LOCALES) {
		languages.append(el('option', { value: code, lang: code }, languageName(code)));
	}
	for (const name of Object.keys(FILTERS)) {
		const field = form.elements[name];
		const value = state.filters[name].join(', ');
		if (field.tagName === 'SELECT' && value && ![...field.options].some((option) => option.value === value)) {
			// Several values, chosen from the facets: kept as one choice.
			field.append(el('option', { value }, state.filters[name].map((one) => valueName(name, one)).join(', ')));
		}
		field.value = value;
	}
	form.elements['date-field'].value = state.dateField ?? DEFAULT_DATE_FIELD;
	form.elements.from.value = /^\d{4}-\d{2}-\d{2}$/.test(state.from ?? '') ? state.from : '';
	form.elements.to.value = /^\d{4}-\d{2}-\d{2}$/.test(state.to ?? '') ? state.to : '';
	form.elements.order.value = state.order ?? defaultOrder(state.q);
	form.elements.histogram.value = state.histogram ?? DEFAULT_INTERVAL;
	// On a phone the filters start folded, unless some are in use, so the results come first.
	const filtering = Object.values(state.filters).some((values) => values.length > 0) || state.from || state.to
		|| (state.dateField && state.dateField !== DEFAULT_DATE_FIELD);
	document.getElementById('filters-panel').open = Boolean(filtering) || window.matchMedia('(min-width: 48rem)').matches;
}

function submitted(event) {
	event.preventDefault();
	const data = new FormData(view.form);
	const text = (name) => String(data.get(name) ?? '').trim() || null;
	const list = (name) => [...new Set(String(data.get(name) ?? '').split(',').map((value) => value.trim()).filter(Boolean))];
	const filters = {};
	for (const name of Object.keys(FILTERS)) {
		filters[name] = list(name);
	}
	const q = text('q');
	window.location.assign(link({
		q, filters, dateField: text('date-field'), from: text('from'), to: text('to'), order: text('order'),
		histogram: text('histogram'),
	}));
}

async function search() {
	let answer;
	try {
		answer = state.cursor
			? await getJson('/api/v1/search', { cursor: state.cursor })
			: await getJson('/api/v1/search', {
				...query(), facets: FACETS.join(','), histogram: state.histogram ?? DEFAULT_INTERVAL,
				page: state.page > 1 ? state.page : null, size: state.size !== PAGE_SIZE ? state.size : null,
			});
	}
	catch (error) {
		failed(error);
		return;
	}
	const zone = zoneOf(await site);
	render(answer, zone);
}

function failed(error) {
	view.pager.replaceChildren();
	view.chartSection.hidden = true;
	view.facetsSection.hidden = true;
	if (error instanceof ApiError && error.status === 400 && state.cursor) {
		fill(view.results, note(t('search.cursor.expired'), 'warning'),
			el('p', {}, el('a', { href: link({}) }, t('search.cursor.restart'))));
	}
	else if (error instanceof ApiError && error.status === 400) {
		fill(view.results, note(t('search.error', { detail: error.problem?.detail ?? error.message }), 'warning'));
	}
	else if (error instanceof ApiError && error.status === 0) {
		fill(view.results, note(t('error.offline'), 'warning'));
	}
	else {
		fill(view.results, note(t('search.unavailable'), 'warning'));
	}
	view.status.textContent = '';
}

function render(answer, zone) {
	const results = answer.results ?? [];
	const first = state.cursor ? state.start : (state.page - 1) * answer.pageSize + 1;
	fill(view.status, t('search.count', { n: answer.total }),
		answer.suggestion ? [' ', el('span', { class: 'suggestion' }, suggestion(answer.suggestion))] : null);
	renderActive();
	renderFacets(answer.facets);
	renderChart(answer.histogram);
	if (results.length === 0) {
		fill(view.results, note(t('search.none')));
	}
	else {
		fill(view.results,
			el('p', { class: 'result-range' }, t('search.showing', { first, last: first + results.length - 1, total: answer.total })),
			el('ol', { class: 'results', start: first },
				results.map((result) => resultItem(result, { zone, showLanguage: true }))));
	}
	renderPaging(answer, first, results.length);
	renderExport();
}

function suggestion(text) {
	const [before, after] = t('search.suggestion', { suggestion: '\u0000' }).split('\u0000');
	return [before, el('a', { href: link({ q: text }) }, text), after];
}

function renderActive() {
	const chips = [];
	for (const name of Object.keys(FILTERS)) {
		for (const value of state.filters[name]) {
			const label = `${filterName(name)}: ${valueName(name, value)}`;
			chips.push(chip(label, link({ filters: { [name]: state.filters[name].filter((other) => other !== value) } })));
		}
	}
	if (state.from) {
		chips.push(chip(`${t('search.from')}: ${dayName(state.from)}`, link({ from: null })));
	}
	if (state.to) {
		chips.push(chip(`${t('search.to')}: ${dayName(state.to)}`, link({ to: null })));
	}
	if (chips.length === 0) {
		view.active.replaceChildren();
		return;
	}
	fill(view.active, el('h2', { class: 'visually-hidden' }, t('search.active')), el('ul', { class: 'chips' }, chips));
}

function chip(label, address) {
	return el('li', {}, el('a', { class: 'chip', href: address, 'aria-label': t('search.remove', { filter: label }) },
		label, el('span', { class: 'chip-remove', 'aria-hidden': 'true' }, '\u00d7')));
}

function renderFacets(facets) {
	if (!facets || Object.values(facets).every((values) => values.length === 0)) {
		view.facetsSection.hidden = true;
		return;
	}
	view.facetsSection.hidden = false;
	const groups = [];
	for (const facet of FACETS) {
		const values = facets[facet] ?? [];
		if (values.length === 0) {
			continue;
		}
		const name = Object.keys(FILTERS).find((parameter) => FILTERS[parameter] === facet);
		const chosen = state.filters[name];
		const headingId = `facet-${facet}`;
		groups.push(el('section', { class: 'facet', 'aria-labelledby': headingId },
			el('h3', { id: headingId, class: 'facet-heading' }, filterName(name)),
			el('ul', { class: 'facet-values' }, values.map(({ value, count }) => {
				const active = chosen.includes(value);
				const next = active ? chosen.filter((other) => other !== value) : [...chosen, value];
				const label = valueName(name, value);
				return el('li', {}, el('a', {
					class: ['facet-value', active && 'is-active'],
					href: link({ filters: { [name]: next } }),
					'aria-current': active ? 'true' : undefined,
					'aria-label': `${t(active ? 'search.facet.remove' : 'search.facet.add', { value: label })} (${t('search.count', { n: count })})`,
				}, el('span', { class: 'facet-label' }, label), el('span', { class: 'facet-count' }, String(count))));
			}))));
	}
	fill(view.facets, groups);
	for (const [facet, list] of [['person', 'person-values'], ['tag', 'tag-values']]) {
		fill(document.getElementById(list), (facets[facet] ?? []).map(({ value }) => el('option', { value })));
	}
}

function renderChart(histogram) {
	if (!histogram) {
		view.chartSection.hidden = true;
		return;
	}
	view.chartSection.hidden = false;
	fill(view.chart, histogramChart(histogram,
		(range) => link({ from: range.from, to: range.to, histogram: range.interval }), view.chart.clientWidth));
}

function renderPaging(answer, first, count) {
	view.more.replaceChildren();
	if (state.cursor) {
		view.pager.replaceChildren();
		if (answer.nextCursor) {
			fill(view.pager, el('ul', { class: 'pager-list' }, el('li', { class: 'pager-next' },
				el('a', { href: link({ cursor: answer.nextCursor, start: first + count }), rel: 'next' }, t('search.more.continue')))));
		}
		return;
	}
	const lastNumbered = Math.floor(WINDOW / answer.pageSize);
	const pages = Math.min(answer.pages, lastNumbered);
	fill(view.pager, pager({ page: state.page, pages, link: (number) => link({ page: number }) }));
	if (answer.pages > lastNumbered && state.page === lastNumbered) {
		const progress = el('p', { class: 'more-progress', role: 'status' });
		const button = el('button', { type: 'button', class: 'button' }, t('search.more', { n: WINDOW }));
		button.addEventListener('click', () => beyondWindow(button, progress));
		fill(view.more, el('p', { class: 'field-hint' }, t('search.more.hint', { n: WINDOW })), button, progress);
	}
	else if (answer.pages > lastNumbered) {
		fill(view.more, el('p', { class: 'field-hint' }, t('search.more.hint', { n: WINDOW }), ' ',
			el('a', { href: link({ page: lastNumbered }) }, t('search.page', { n: lastNumbered }))));
	}
}

/**
 * Page numbers stop at the search service's window; past it, the cursor goes on. It is
 * walked to the window's end in large pages, then the reader continues page by page.
 */
async function beyondWindow(button, progress) {
	button.disabled = true;
	try {
		let answer = await getJson('/api/v1/search', { ...query(), paging: 'cursor', size: CURSOR_SIZE });
		let seen = answer.results.length;
		while (seen < WINDOW && answer.nextCursor) {
			progress.textContent = t('search.more.progress', { n: seen + 1 });
			answer = await getJson('/api/v1/search', { cursor: answer.nextCursor });
			seen += answer.results.length;
		}
		if (answer.nextCursor) {
			window.location.assign(link({ cursor: answer.nextCursor, start: seen + 1, size: CURSOR_SIZE }));
			return;
		}
		progress.textContent = t('search.none');
	}
	catch (error) {
		progress.textContent = t('search.unavailable');
	}
	button.disabled = false;
}

function renderExport() {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(query())) {
		if (value) {
			params.set(name, value);
		}
	}
	for (const [anchor, format] of [[view.exportCsv, 'csv'], [view.exportNdjson, 'ndjson']]) {
		params.set('format', format);
		anchor.setAttribute('href', `/api/v1/search/export?${params}`);
	}
}

function filterName(name) {
	return t({ 'type': 'search.type', 'kind': 'search.kind', 'content-locale': 'search.locale', 'person': 'search.person', 'tag': 'search.tag' }[name]);
}

function valueName(name, value) {
	if (name === 'type' && has(`type.${value}`)) {
		return t(`type.${value}`);
	}
	if (name === 'kind' && has(`kind.${value}`)) {
		return t(`kind.${value}`);
	}
	if (name === 'content-locale') {
		return languageName(value);
	}
	return value;
}

function dayName(value) {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
}
