// What every page shares: the language, the header and footer, links that keep the
// language, reading the API, and building elements. Text from the API is only ever
// set as text; the one kind of server-made markup, a sanitised article body, has its own
// function, below.

import { DEFAULT_LOCALE, locale, t } from './i18n.js';

/** An answer from the API that was not a success; {@code problem} is its problem detail. */
export class ApiError extends Error {

	constructor(status, problem) {
		super(problem?.detail ?? `HTTP ${status}`);
		this.status = status;
		this.problem = problem;
	}

}

/** GET a JSON resource of the API. */
export async function getJson(path, params = {}, { fresh = false } = {}) {
	const url = new URL(path, window.location.origin);
	for (const [name, value] of Object.entries(params)) {
		for (const one of [].concat(value)) {
			if (one !== undefined && one !== null && one !== '') {
				url.searchParams.append(name, one);
			}
		}
	}
	let response;
	try {
		response = await fetch(url, { headers: { Accept: 'application/json' }, cache: fresh ? 'no-cache' : 'default' });
	}
	catch {
		throw new ApiError(0, { detail: t('error.offline') });
	}
	if (!response.ok) {
		let problem = null;
		try {
			problem = await response.json();
		}
		catch {
			// Not a problem detail; the status says enough.
		}
		throw new ApiError(response.status, problem);
	}
	return response.json();
}

/** A same-site link that keeps the reader's language. */
export function href(path, params = {}) {
	const url = new URL(path, window.location.origin);
	for (const [name, value] of Object.entries(params)) {
		for (const one of [].concat(value)) {
			if (one !== undefined && one !== null && one !== '') {
				url.searchParams.append(name, one);
			}
		}
	}
	if (locale !== DEFAULT_LOCALE && !url.searchParams.has('locale')) {
		url.searchParams.set('locale', locale);
	}
	return url.pathname + url.search + url.hash;
}

/** Where an article or event is read. */
export function itemHref(item) {
	const path = (item.type === 'event') ? '/events/' : '/articles/';
	const params = (item.locale && item.locale !== locale) ? { locale: item.locale } : {};
	return href(path + encodeURIComponent(item.id), params);
}

/**
 * Makes an element: {@code el('a', { href: '/' , class: 'x' }, 'text', child)}.
 * Strings become text nodes, never markup.
 */
export function el(tag, attributes = {}, ...children) {
	return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
	return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function build(element, attributes, children) {
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null || value === false) {
			continue;
		}
		if (name === 'class') {
			element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
		}
		else if (name.startsWith('on') && typeof value === 'function') {
			element.addEventListener(name.slice(2), value);
		}
		else {
			element.setAttribute(name, (value === true) ? '' : String(value));
		}
	}
	append(element, children);
	return element;
}

function append(parent, children) {
	for (const child of children.flat(Infinity)) {
		if (child === undefined || child === null || child === false) {
			continue;
		}
		parent.append((child instanceof Node) ? child : document.createTextNode(String(child)));
	}
}

/** Replaces an element's children. */
export function fill(parent, ...children) {
	parent.replaceChildren();
	append(parent, children);
	return parent;
}

/**
 * An article's body. The search service sanitises it against an allow-list of
 * elements and attributes before it is stored, so it is the one body of markup the
 * pages insert as it comes.
 */
export function sanitisedBody(container, html) {
	container.innerHTML = html ?? '';
	for (const link of container.querySelectorAll('a[href]')) {
		if (/^https?:/i.test(link.getAttribute('href'))) {
			link.setAttribute('rel', 'noopener noreferrer');
		}
	}
	return container;
}

/** A polite note in place of something that could not be had. */
export function note(text, kind = 'info') {
	return el('p', { class: ['note', `note-${kind}`] }, text);
}

/**
 * Sets up what every page shares: the document's language and words, the language
 * switch, links that keep the language, the current page in the navigation, and the
 * institution's name once it is known.
 */
export function startPage(titleKey) {
	document.documentElement.lang = locale;
	for (const element of document.querySelectorAll('[data-i18n]')) {
		element.textContent = t(element.dataset.i18n);
	}
	for (const element of document.querySelectorAll('[data-i18n-label]')) {
		element.setAttribute('aria-label', t(element.dataset.i18nLabel));
	}
	for (const element of document.querySelectorAll('[data-i18n-placeholder]')) {
		element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
	}
	for (const link of document.querySelectorAll('a[data-keep-locale]')) {
		link.setAttribute('href', href(link.getAttribute('href')));
	}
	for (const link of document.querySelectorAll('.language-switch a[hreflang]')) {
		const target = link.getAttribute('hreflang');
		if (target === locale) {
			link.setAttribute('aria-current', 'true');
		}
		// The server chose it: an item's translation, or the listing when it has none.
		if (link.hasAttribute('data-fixed') && link.getAttribute('data-fixed') !== 'false') {
			continue;
		}
		const url = new URL(window.location.href);
		if (target === DEFAULT_LOCALE) {
			url.searchParams.delete('locale');
		}
		else {
			url.searchParams.set('locale', target);
		}
		// A search's cursor belongs to its language's results; start the search over.
		url.searchParams.delete('cursor');
		url.searchParams.delete('page');
		link.setAttribute('href', url.pathname + url.search);
	}
	const here = window.location.pathname;
	for (const link of document.querySelectorAll('.site-nav a')) {
		if (new URL(link.href).pathname === here) {
			link.setAttribute('aria-current', 'page');
		}
	}
	setTitle(titleKey ? t(titleKey) : null);
}

let siteName = null;

let pageTitle = null;

/** The document's title: the page's own, then the institution's name. */
export function setTitle(title) {
	pageTitle = title;
	document.title = [pageTitle, siteName ?? t('site.name')].filter(Boolean).join(' \u2014 ');
}

/** Shows the institution's name in the header and the title. */
export function showSiteName(name) {
	if (!name) {
		return;
	}
	siteName = name;
	for (const element of document.querySelectorAll('[data-site-name]')) {
		element.textContent = name;
	}
	setTitle(pageTitle);
}

/** The institution's name and zone, for pages that do not get them with their data. */
export async function loadSite() {
	try {
		const site = await getJson('/api/v1/site', { locale });
		showSiteName(site.name);
		return site;
	}
	catch {
		return null;
	}
}

/** The institution's zone: its first clock city's, as the home page's "today" uses. */
export function zoneOf(site) {
	return site?.clocks?.[0]?.timeZone ?? 'UTC';
}
