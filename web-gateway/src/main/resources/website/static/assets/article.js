// One article or event in full: /articles/{id} and /events/{id}, in ?locale=. A
// withdrawn item shows its note; one never published or withdrawn for good says so.

import { formatDay, formatInstant, has, locale, t } from './i18n.js';
import {
	ApiError, el, externalLink, fill, getJson, href, itemHref, loadSite, note, sanitisedBody, setTitle, startPage, zoneOf,
} from './page.js';

const view = {
	item: document.getElementById('item'),
	related: document.getElementById('related'),
	relatedSection: document.getElementById('related-section'),
};

startPage('article.title');
show();

async function show() {
	// The server rendered the item (or said why it is not shown); only related items are added.
	const rendered = view.item.dataset.rendered;
	if (rendered) {
		setTitle(view.item.querySelector('h1')?.textContent ?? t('article.title'));
		const path = `/api/v1${window.location.pathname}`;
		if (rendered === 'published') {
			related(`${path}/related`, zoneOf(await loadSite()));
		}
		return;
	}
	const match = /^\/(articles|events)\/([^/]+)\/?$/.exec(window.location.pathname);
	if (!match) {
		notFound();
		return;
	}
	const [, collection, rawId] = match;
	const id = decodeURIComponent(rawId);
	const path = `/api/v1/${collection}/${encodeURIComponent(id)}`;
	const site = loadSite();
	let item;
	try {
		item = await getJson(path, { locale });
	}
	catch (error) {
		if (error instanceof ApiError && error.status === 404) {
			notFound();
		}
		else if (error instanceof ApiError && error.status === 410) {
			gone();
		}
		else {
			fill(view.item, note(t('error.generic'), 'warning'));
		}
		return;
	}
	const zone = zoneOf(await site);
	render(item, zone);
	if (item.status === 'published') {
		related(`${path}/related`, zone);
	}
}

function render(item, siteZone) {
	const zone = item.timeZone ?? siteZone;
	setTitle(item.title);
	const body = el('div', { class: 'prose' });
	if (item.body) {
		sanitisedBody(body, item.body);
	}
	const kind = (item.type === 'event') ? 'event' : item.kind;
	fill(view.item, el('article', { class: ['item', `item-${item.type}`], lang: item.locale ?? locale },
		el('header', { class: 'item-header' },
			kind ? el('p', { class: 'kicker' }, el('span', { class: 'kind' }, has(`kind.${kind}`) ? t(`kind.${kind}`) : kind)) : null,
			el('h1', { class: 'item-title' }, item.title ?? ''),
			facts(item, zone)),
		withdrawal(item, zone),
		item.lead ? el('p', { class: 'lead' }, item.lead) : null,
		body,
		item.counterCaption ? el('p', { class: 'counter-caption' }, item.counterCaption) : null,
		item.relatedArticleId
			? el('p', { class: 'related-article' },
				el('a', { href: itemHref({ type: 'article', id: item.relatedArticleId, locale: item.locale }) }, t('article.related-article')))
			: null,
		item.sourceUrl ? el('p', { class: 'source' }, `${t('article.source')}: `, externalLink(item.sourceUrl)) : null));
}

function facts(item, zone) {
	const rows = [];
	if (item.type === 'event' && item.eventDate) {
		rows.push(['article.date', el('time', { datetime: item.eventDate }, formatDay(item.eventDate))]);
	}
	if (item.deliveredAt) {
		rows.push(['article.delivered', el('time', { datetime: item.deliveredAt }, formatInstant(item.deliveredAt, { timeZone: zone, time: true }))]);
	}
	if (item.publishedAt) {
		rows.push(['article.published', el('time', { datetime: item.publishedAt }, formatInstant(item.publishedAt, { timeZone: zone, time: true }))]);
	}
	else if (item.type !== 'event' && item.date) {
		rows.push(['article.date', el('time', { datetime: item.date }, formatInstant(item.date, { timeZone: zone }))]);
	}
	if (item.revision > 1 && item.updatedAt) {
		rows.push(['article.updated', el('time', { datetime: item.updatedAt }, formatInstant(item.updatedAt, { timeZone: zone, time: true }))]);
	}
	if (item.place) {
		rows.push(['article.place', item.place]);
	}
	if (item.people?.length) {
		rows.push(['article.people', item.people.map((person, index) => [index > 0 ? ', ' : '',
			el('a', { href: href('/search', { person }) }, person)])]);
	}
	if (item.tags?.length) {
		rows.push(['article.tags', item.tags.map((tag, index) => [index > 0 ? ', ' : '',
			el('a', { href: href('/search', { tag }) }, tag)])]);
	}
	if (rows.length === 0) {
		return null;
	}
	return el('dl', { class: 'item-facts' }, rows.map(([key, value]) =>
		el('div', { class: 'item-fact' }, el('dt', {}, t(key)), el('dd', {}, value))));
}

function withdrawal(item, zone) {
	if (item.status !== 'withdrawn' && !item.withdrawal) {
		return null;
	}
	const at = item.withdrawal?.withdrawnAt;
	return el('div', { class: 'note note-warning withdrawal', role: 'note' },
		el('p', {}, t('article.withdrawn', { date: at ? formatInstant(at, { timeZone: zone }) : '' })),
		item.withdrawal?.note ? el('p', {}, t('article.withdrawn.note', { note: item.withdrawal.note })) : null);
}

function notFound() {
	setTitle(t('article.not-found.title'));
	fill(view.item, el('h1', { class: 'item-title' }, t('article.not-found.title')), el('p', {}, t('article.not-found')));
}

function gone() {
	setTitle(t('article.gone.title'));
	fill(view.item, el('h1', { class: 'item-title' }, t('article.gone.title')), el('p', {}, t('article.gone')));
}

async function related(path, zone) {
	let items;
	try {
		items = await getJson(path, { locale });
	}
	catch {
		return;
	}
	view.relatedSection.hidden = false;
	if (!Array.isArray(items) || items.length === 0) {
		fill(view.related, note(t('article.related.none')));
		return;
	}
	fill(view.related, el('ul', { class: 'related-list' }, items.map((item) => {
		const kind = (item.type === 'event') ? 'event' : item.kind;
		const day = item.eventDate ?? null;
		return el('li', { class: 'related-item', lang: item.locale ?? locale },
			el('p', { class: 'result-meta' },
				kind ? el('span', { class: 'kind' }, has(`kind.${kind}`) ? t(`kind.${kind}`) : kind) : null,
				day ? el('time', { datetime: day }, formatDay(day)) : item.date ? el('time', { datetime: item.date }, formatInstant(item.date, { timeZone: zone })) : null),
			el('a', { href: itemHref(item) }, item.title ?? ''));
	})));
}
