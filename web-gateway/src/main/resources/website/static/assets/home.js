// The home page: today's date, the capitals' clocks, the counters, the featured
// publication in full, the latest events and the consular contacts, all from one call
// to /api/v1/home, then kept current by the live stream.

import { Clocks } from './clocks.js';
import { capitalised, dayOf, formatDay, formatInstant, has, locale, t } from './i18n.js';
import { follow } from './live.js';
import { el, fill, getJson, href, itemHref, note, sanitisedBody, showSiteName, startPage } from './page.js';

const MAX_EVENTS = 10;

const MAX_UPCOMING = 5;

const PARTS = ['site', 'clocks', 'counters', 'featured', 'latestEvents', 'upcomingEvents'];

const view = {
	today: document.getElementById('today-date'),
	clocks: document.getElementById('clocks'),
	counters: document.getElementById('counters'),
	featured: document.getElementById('featured'),
	events: document.getElementById('events'),
	upcomingSection: document.getElementById('upcoming-section'),
	upcoming: document.getElementById('upcoming'),
	contacts: document.getElementById('contacts'),
	unavailable: document.getElementById('unavailable'),
	live: document.getElementById('live-status'),
};

const clocks = new Clocks(view.clocks);

/** What each part shows now, so a refresh redraws only what changed. */
const shown = new Map();

let zone = 'UTC';

/** The institution's date, as the last home answer gave it. */
let today = null;

let counters = [];

let events = [];

let upcoming = [];

/** The read of /api/v1/home under way, and whether another was asked for meanwhile. */
let running = null;

let again = false;

startPage('home.title');
clocks.on('dayChanged', () => refresh());
clocks.on('offsetDue', () => refresh());
refresh().then(() => clocks.start());
follow(locale, {
	'subscribed': (again) => {
		if (again) {
			refresh();
		}
	},
	'event-published': (change) => {
		if (change.locale === locale) {
			eventPublished(change);
		}
	},
	'event-withdrawn': (change) => {
		if (change.locale === locale) {
			eventWithdrawn(change.id);
		}
	},
	'counter-rolled-over': (counter) => {
		if (counter.locale === locale) {
			counterChanged(counter);
		}
	},
	'counter-changed': () => refresh(),
	'clock-offset-changed': (reading) => {
		clocks.update(reading);
		refresh();
	},
}, (state) => {
	view.live.textContent = (state === 'reconnecting') ? t('live.reconnecting') : '';
});

/** Reads /api/v1/home afresh; asked while a read is running, it reads once more after. */
function refresh() {
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			again = false;
			const asked = Date.now();
			try {
				const home = await getJson('/api/v1/home', { locale }, { fresh: true });
				clocks.sync(home.at, asked);
				render(home);
			}
			catch (error) {
				failed();
			}
		} while (again);
		running = null;
	})();
	return running;
}

function render(home) {
	zone = home.zone ?? 'UTC';
	today = home.today;
	const unavailable = new Set(home.unavailable ?? []);
	showSiteName(home.site?.name);
	view.today.textContent = capitalised(formatDay(home.today, 'full'));
	view.today.setAttribute('datetime', home.today);
	renderUnavailable(unavailable);
	renderClocks(home, unavailable);
	if (changed('counters', home.counters, unavailable)) {
		counters = home.counters ?? [];
		renderCounters(unavailable.has('counters'));
	}
	if (changed('featured', home.featured, unavailable)) {
		renderFeatured(home.featured, unavailable.has('featured'));
	}
	if (changed('latestEvents', home.latestEvents, unavailable)) {
		events = newestFirst(home.latestEvents ?? []).slice(0, MAX_EVENTS);
		renderEvents(unavailable.has('latestEvents'));
	}
	if (changed('upcomingEvents', home.upcomingEvents, unavailable)) {
		upcoming = home.upcomingEvents ?? [];
		renderUpcoming();
	}
	if (changed('site', home.site?.contacts, unavailable)) {
		renderContacts(home.site?.contacts, unavailable.has('site'));
	}
}

function changed(part, value, unavailable) {
	const key = unavailable.has(part) ? 'unavailable' : JSON.stringify(value ?? null);
	if (shown.get(part) === key) {
		return false;
	}
	shown.set(part, key);
	return true;
}

function failed() {
	fill(view.unavailable, note(t('error.generic'), 'warning'));
	view.unavailable.hidden = false;
	for (const part of [view.featured, view.events, view.contacts]) {
		if (part.querySelector('.loading')) {
			fill(part, note(t('error.generic')));
		}
	}
}

function renderUnavailable(unavailable) {
	const missing = PARTS.filter((part) => unavailable.has(part));
	if (missing.length === 0) {
		view.unavailable.hidden = true;
		view.unavailable.replaceChildren();
		return;
	}
	const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing.map((part) => t(`part.${part}`)));
	fill(view.unavailable, note(t('unavailable.summary', { parts: names }), 'warning'));
	view.unavailable.hidden = false;
}

function renderClocks(home, unavailable) {
	let readings = home.clocks;
	if (!readings) {
		// Without the clock service the site's cities can still be shown: the browser
		// knows their zones' rules; only the labels from the service are missing.
		readings = (home.site?.clocks ?? []).map((city) => ({ name: city.name, timeZone: city.timeZone }));
	}
	const key = JSON.stringify(readings.map(({ name, timeZone, utcOffset, abbreviation, daylightSaving, nextChange }) =>
		[name, timeZone, utcOffset, abbreviation, daylightSaving, nextChange]));
	if (shown.get('clocks') === key && clocks.siteDay === home.today) {
		return;
	}
	shown.set('clocks', key);
	if (readings.length === 0) {
		fill(view.clocks, el('li', { class: 'clock-note' },
			unavailable.has('clocks') || unavailable.has('site') ? t('unavailable') : ''));
		return;
	}
	clocks.show(readings, home.today, zone);
}

function renderCounters(unavailable) {
	view.counters.removeAttribute('aria-live');
	// No counters, no section: an empty frame would say nothing.
	view.counters.parentElement.hidden = !unavailable && counters.length === 0;
	if (unavailable) {
		fill(view.counters, el('li', { class: 'counter-note' }, t('unavailable')));
		return;
	}
	if (counters.length === 0) {
		fill(view.counters);
		return;
	}
	fill(view.counters, counters.map(counterItem));
	// A live region only from now on: the first drawing is not news, a rollover is.
	view.counters.setAttribute('aria-live', 'polite');
}

function counterItem(counter) {
	const text = counter.text ?? `${counter.value} ${counter.unit ?? ''} ${counter.caption ?? ''}`;
	const number = String(counter.value);
	const sentence = text.startsWith(`${number} `)
		? [el('strong', { class: 'counter-value' }, number), text.slice(number.length)]
		: [text];
	return el('li', { class: ['counter', `counter-${counter.state}`], 'data-id': counter.id },
		el('p', { class: 'counter-sentence' }, sentence),
		el('p', { class: 'counter-about' },
			el('a', { href: href(`/events/${encodeURIComponent(counter.id)}`) }, counter.eventTitle || t('home.counter.event'))));
}

function counterChanged(counter) {
	const index = counters.findIndex((known) => known.id === counter.id);
	if (index < 0) {
		refresh();
		return;
	}
	counters[index] = counter;
	shown.set('counters', JSON.stringify(counters));
	const item = view.counters.querySelector(`li[data-id="${CSS.escape(counter.id)}"]`);
	const fresh = counterItem(counter);
	fresh.classList.add('is-updated');
	if (item) {
		item.replaceWith(fresh);
	}
	else {
		view.counters.append(fresh);
	}
}

function renderFeatured(item, unavailable) {
	if (unavailable) {
		fill(view.featured, note(t('unavailable')));
		return;
	}
	if (!item) {
		fill(view.featured, note(t('home.featured.none')));
		return;
	}
	const when = item.deliveredAt ?? item.publishedAt ?? item.date;
	const body = el('div', { class: 'prose' });
	sanitisedBody(body, item.body);
	const byline = [(item.people ?? []).join(', '), item.place].filter(Boolean).join(' \u00b7 ');
	fill(view.featured, el('article', { class: 'featured-item', 'aria-labelledby': 'featured-title' },
		el('p', { class: 'kicker' },
			item.kind ? el('span', { class: 'kind' }, kindName(item.kind)) : null,
			when ? el('time', { datetime: when }, formatInstant(when, { timeZone: item.timeZone ?? zone })) : null),
		el('h3', { class: 'featured-title', id: 'featured-title' }, el('a', { href: itemHref(item) }, item.title ?? '')),
		byline ? el('p', { class: 'byline' }, byline) : null,
		withdrawal(item),
		item.lead ? el('p', { class: 'lead' }, item.lead) : null,
		body));
}

function withdrawal(item) {
	if (item.status !== 'withdrawn' && !item.withdrawal) {
		return null;
	}
	const at = item.withdrawal?.withdrawnAt;
	return el('div', { class: 'note note-warning', role: 'note' },
		el('p', {}, t('article.withdrawn', { date: at ? formatInstant(at, { timeZone: zone }) : '' })),
		item.withdrawal?.note ? el('p', {}, t('article.withdrawn.note', { note: item.withdrawal.note })) : null);
}

function renderEvents(unavailable) {
	if (unavailable) {
		fill(view.events, note(t('unavailable')));
		return;
	}
	const list = el('ol', { class: 'event-list', id: 'event-list' }, events.map((event) => eventItem(event, false)));
	fill(view.events, list, events.length === 0 ? note(t('home.events.none')) : null);
	// A live region once drawn, so what the stream adds is read out, and the first drawing is not.
	list.setAttribute('aria-live', 'polite');
	list.setAttribute('aria-relevant', 'additions');
}

function eventItem(event, fresh) {
	const day = event.eventDate ?? (event.date ? dayOf(event.date, zone) : null);
	return el('li', { class: ['event', fresh && 'is-new'], 'data-id': event.id },
		el('p', { class: 'event-meta' },
			fresh ? el('span', { class: 'badge' }, t('home.events.new')) : null,
			day ? el('time', { class: 'event-date', datetime: day }, formatDay(day)) : null),
		el('h3', { class: 'event-title' }, el('a', { href: itemHref({ ...event, type: 'event' }) }, event.title ?? '')),
		event.lead ? el('p', { class: 'event-lead' }, event.lead) : null);
}

/** An event from the stream: shown in its place among the latest, without a reload. */
function eventPublished(change) {
	const event = {
		type: 'event', id: change.id, locale: change.locale, title: change.title, lead: change.lead,
		eventDate: change.date, relatedArticleId: change.relatedArticleId,
	};
	if (today && event.eventDate && event.eventDate > today) {
		// Not among the latest: it is coming up, in its place among the soonest.
		upcoming = [event, ...upcoming.filter((existing) => existing.id !== event.id)]
			.sort((a, b) => a.eventDate.localeCompare(b.eventDate)).slice(0, MAX_UPCOMING);
		shown.delete('upcomingEvents');
		renderUpcoming();
		return;
	}
	const known = events.some((existing) => existing.id === event.id);
	events = newestFirst([event, ...events.filter((existing) => existing.id !== event.id)]).slice(0, MAX_EVENTS);
	shown.delete('latestEvents');
	let list = view.events.querySelector('#event-list');
	if (!list) {
		renderEvents(false);
		list = view.events.querySelector('#event-list');
	}
	view.events.querySelector('.note')?.remove();
	list.querySelector(`li[data-id="${CSS.escape(event.id)}"]`)?.remove();
	const index = events.findIndex((existing) => existing.id === event.id);
	if (index < 0) {
		return;
	}
	const item = eventItem(event, !known);
	list.insertBefore(item, list.children[index] ?? null);
	while (list.children.length > MAX_EVENTS) {
		list.lastElementChild.remove();
	}
}

function eventWithdrawn(id) {
	events = events.filter((event) => event.id !== id);
	shown.delete('latestEvents');
	view.events.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
	upcoming = upcoming.filter((event) => event.id !== id);
	shown.delete('upcomingEvents');
	renderUpcoming();
}

/** The events after today, soonest first; the section is hidden when there are none. */
function renderUpcoming() {
	view.upcomingSection.hidden = upcoming.length === 0;
	fill(view.upcoming, el('ol', { class: 'event-list', id: 'upcoming-list' },
		upcoming.map((event) => eventItem(event, false))));
}

function newestFirst(list) {
	const key = (event) => event.eventDate ?? (event.date ? dayOf(event.date, zone) : '') ?? '';
	// Stable: among events of one day, the order they came in (the newest first) holds.
	return [...list].sort((a, b) => key(b).localeCompare(key(a)));
}

function renderContacts(contacts, unavailable) {
	if (unavailable) {
		fill(view.contacts, note(t('unavailable')));
		return;
	}
	if (!contacts || contacts.length === 0) {
		fill(view.contacts, note(t('home.contacts.none')));
		return;
	}
	fill(view.contacts, contacts.map((contact) => el('div', { class: 'contact' },
		el('h3', { class: 'contact-title' }, contact.title ?? ''),
		el('dl', { class: 'contact-details' },
			detail('home.contacts.phone', (contact.phones ?? []).map((phone) =>
				el('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}` }, phone))),
			detail('home.contacts.email', (contact.emails ?? []).map((email) =>
				/^[^\s@<>"]+@[^\s@<>"]+$/.test(email) ? el('a', { href: `mailto:${email}` }, email) : email)),
			detail('home.contacts.address', contact.address ? [el('span', { class: 'address' }, contact.address)] : []),
			detail('home.contacts.hours', contact.hours ? [contact.hours] : [])))));
}

function detail(key, values) {
	if (values.length === 0) {
		return null;
	}
	return [el('dt', {}, t(key)), values.map((value) => el('dd', {}, value))];
}

function kindName(kind) {
	return has(`kind.${kind}`) ? t(`kind.${kind}`) : kind;
}
