// The interface's words in English and Russian, and the formatting of dates and numbers.
// The content itself (titles, counters' sentences, contacts) comes from the API in the
// chosen locale; the site's own words are in words.json, which the gateway's
// server-rendered pages read as well.

import WORDS from './words.json' with { type: 'json' };

/** The site's languages: those words.json has, the default first. */
export const LOCALES = Object.keys(WORDS);

export const DEFAULT_LOCALE = LOCALES[0];

/** The locale the reader chose (?locale=ru), or English. */
export const locale = (() => {
	const asked = new URLSearchParams(window.location.search).get('locale');
	return LOCALES.includes(asked) ? asked : DEFAULT_LOCALE;
})();

/** How dates and numbers are written: British English for English, as the institution writes. */
const FORMAT = (locale === 'en') ? 'en-GB' : locale;

const plurals = new Intl.PluralRules(locale);

const numbers = new Intl.NumberFormat(FORMAT);

/** The word for {@code key} in the reader's locale, with {name} placeholders filled. */
export function t(key, values = {}) {
	let entry = WORDS[locale][key] ?? WORDS[DEFAULT_LOCALE][key] ?? key;
	if (typeof entry === 'object') {
		entry = entry[plurals.select(values.n ?? 0)] ?? entry.other;
	}
	return entry.replace(/\{(\w+)\}/g, (whole, name) => {
		const value = values[name];
		if (value === undefined) {
			return whole;
		}
		return (typeof value === 'number') ? numbers.format(value) : String(value);
	});
}

/** Whether the dictionary has a word for {@code key}. */
export function has(key) {
	return key in WORDS[locale] || key in WORDS[DEFAULT_LOCALE];
}

/** The locale dates and numbers are written in. */
export const formatLocale = FORMAT;

export function formatNumber(value) {
	return numbers.format(value);
}

/** A calendar day ("2024-06-12") as the reader's locale writes it, without a zone shift. */
export function formatDay(isoDay, style = 'long') {
	const date = day(isoDay);
	if (date === null) {
		return '';
	}
	const options = (style === 'full')
		? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
		: { day: 'numeric', month: style, year: 'numeric' };
	return new Intl.DateTimeFormat(FORMAT, { ...options, timeZone: 'UTC' }).format(date);
}

/** The same text with its first letter a capital ("понедельник" becomes "Понедельник"). */
export function capitalised(text) {
	return text ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
}

/** A month ("2024-06-01", or year and month) as "June 2024". */
export function formatMonth(year, month) {
	return new Intl.DateTimeFormat(FORMAT, { month: 'long', year: 'numeric', timeZone: 'UTC' })
		.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** An instant as a date (and optionally time) in {@code timeZone}. */
export function formatInstant(iso, { timeZone = 'UTC', time = false } = {}) {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return '';
	}
	const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: safeZone(timeZone) };
	if (time) {
		options.hour = '2-digit';
		options.minute = '2-digit';
		options.hourCycle = 'h23';
	}
	return new Intl.DateTimeFormat(FORMAT, options).format(date);
}

/** The calendar day of an instant in {@code timeZone}, as "2024-06-12". */
export function dayOf(iso, timeZone = 'UTC') {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return null;
	}
	return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: safeZone(timeZone) })
		.format(date);
}

/** A zone the browser knows, or UTC, so a bad zone from data never breaks a page. */
export function safeZone(zone) {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone;
	}
	catch {
		return 'UTC';
	}
}

function day(isoDay) {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay ?? '');
	return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}
