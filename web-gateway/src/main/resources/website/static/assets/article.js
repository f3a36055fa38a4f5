// An article or event is rendered on the server, with the status that says whether it is
// shown (docs/adr/0005); the script adds the items related to it.

import { formatDay, formatInstant, has, locale, t } from './i18n.js';
import { el, fill, getJson, itemHref, loadSite, note, setTitle, startPage, zoneOf } from './page.js';

const view = {
	item: document.getElementById('item'),
	related: document.getElementById('related'),
	relatedSection: document.getElementById('related-section'),
};

startPage('article.title');
setTitle(view.item.querySelector('h1')?.textContent ?? t('article.title'));
if (view.item.dataset.rendered === 'published') {
	loadSite().then((site) => related(`/api/v1${window.location.pathname}/related`, zoneOf(site)));
}
else {
	loadSite();
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
