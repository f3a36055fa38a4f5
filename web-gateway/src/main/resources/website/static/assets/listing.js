// What the archive and the search share: a line per result and numbered pages.

import { dayOf, formatDay, has, languageName, locale, t } from './i18n.js';
import { el, highlighted, itemHref } from './page.js';

/** One result: kind, date, title, who and where, then its lead or the matching fragments. */
export function resultItem(result, { zone = 'UTC', showLanguage = false } = {}) {
	const kind = (result.type === 'event') ? 'event' : result.kind;
	const day = result.eventDate ?? (result.date ? dayOf(result.date, zone) : null);
	const marks = result.highlights ?? {};
	const title = marks.title?.length ? highlighted(marks.title[0]) : [result.title ?? ''];
	const lead = marks.lead?.length ? highlighted(marks.lead[0]) : (result.lead ? [result.lead] : []);
	const fragments = marks.body ?? [];
	const byline = [(result.people ?? []).join(', '), result.place].filter(Boolean).join(' \u00b7 ');
	return el('li', { class: ['result', `result-${result.type}`], lang: result.locale ?? locale },
		el('p', { class: 'result-meta' },
			kind ? el('span', { class: 'kind' }, has(`kind.${kind}`) ? t(`kind.${kind}`) : kind) : null,
			day ? el('time', { datetime: day }, formatDay(day)) : null,
			showLanguage && result.locale ? el('span', { class: 'result-language', lang: locale }, languageName(result.locale)) : null),
		el('h3', { class: 'result-title' }, el('a', { href: itemHref(result) }, title)),
		byline ? el('p', { class: 'result-byline' }, byline) : null,
		lead.length ? el('p', { class: 'result-lead' }, lead) : null,
		fragments.length
			? el('p', { class: 'result-snippet' }, fragments.map((fragment, index) => [index > 0 ? ' \u2026 ' : '\u2026 ', highlighted(fragment)]), ' \u2026')
			: null);
}

/**
 * Numbered pages around the current one, with the first and the last, as links made
 * by {@code link(number)}; nothing when there is one page.
 */
export function pager({ page, pages, link }) {
	if (pages <= 1) {
		return [];
	}
	const numbers = new Set([1, pages]);
	for (let number = Math.max(1, page - 2); number <= Math.min(pages, page + 2); number++) {
		numbers.add(number);
	}
	const sorted = [...numbers].sort((a, b) => a - b);
	const items = [];
	if (page > 1) {
		items.push(el('li', { class: 'pager-previous' }, el('a', { href: link(page - 1), rel: 'prev' }, t('search.previous'))));
	}
	let last = 0;
	for (const number of sorted) {
		if (number - last > 1) {
			items.push(el('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '\u2026'));
		}
		items.push(el('li', {}, (number === page)
			? el('a', { href: link(number), 'aria-current': 'page', 'aria-label': t('search.page', { n: number }) }, String(number))
			: el('a', { href: link(number), 'aria-label': t('search.page', { n: number }) }, String(number))));
		last = number;
	}
	if (page < pages) {
		items.push(el('li', { class: 'pager-next' }, el('a', { href: link(page + 1), rel: 'next' }, t('search.next'))));
	}
	return el('ul', { class: 'pager-list' }, items);
}
