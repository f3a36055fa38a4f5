// The interface's words in English and Russian, and the formatting of dates and numbers.
// The content itself (titles, counters' sentences, contacts) comes from the API in the
// chosen locale; only the site's own words live here.

export const LOCALES = ['en', 'ru'];

export const DEFAULT_LOCALE = 'en';

/** The locale the reader chose (?locale=ru), or English. */
export const locale = (() => {
	const asked = new URLSearchParams(window.location.search).get('locale');
	return LOCALES.includes(asked) ? asked : DEFAULT_LOCALE;
})();

const WORDS = {
	en: {
		'site.name': 'Chancery',
		'skip': 'Skip to main content',
		'nav.label': 'Main',
		'nav.home': 'Home',
		'nav.archive': 'All messages',
		'nav.search': 'Search',
		'language.label': 'Language',
		'footer.feeds': 'Feeds',
		'footer.events-feed': 'Events (Atom)',
		'footer.articles-feed': 'Speeches, interviews and articles (Atom)',
		'footer.api': 'Public API',
		'footer.note': 'Official website. Times are shown in each city\u2019s local time.',
		'loading': 'Loading\u2026',
		'error.generic': 'This could not be loaded. Please try again in a moment.',
		'error.offline': 'The connection to the website was lost. Please check your network and try again.',
		'unavailable': 'This part of the page is temporarily unavailable. The rest of the page is up to date.',
		'unavailable.summary': 'Some parts of this page could not be loaded just now: {parts}.',
		'part.site': 'contacts',
		'part.clocks': 'clocks',
		'part.counters': 'counters',
		'part.featured': 'the featured publication',
		'part.latestEvents': 'latest events',

		'home.title': 'Home',
		'home.today': 'Today',
		'home.clocks': 'Time in the capitals',
		'home.counters': 'Counters',
		'home.counter.event': 'About the event',
		'home.contacts': 'Consular contacts',
		'home.contacts.none': 'No contacts have been published.',
		'home.contacts.phone': 'Phone',
		'home.contacts.email': 'E-mail',
		'home.contacts.address': 'Address',
		'home.contacts.hours': 'Opening hours',
		'home.featured': 'Speeches, interviews, articles',
		'home.featured.none': 'Nothing has been published yet.',
		'home.featured.more': 'All speeches, interviews and articles',
		'home.events': 'Latest events',
		'home.events.none': 'There are no events yet.',
		'home.events.new': 'New',
		'home.events.all': 'All messages',
		'clock.utc': 'UTC{offset}',
		'clock.summer': 'summer time',
		'clock.next-day': 'next day',
		'clock.previous-day': 'previous day',

		'article.title': 'Publication',
		'article.people': 'People',
		'article.place': 'Place',
		'article.tags': 'Topics',
		'article.delivered': 'Delivered',
		'article.published': 'Published',
		'article.updated': 'Updated',
		'article.date': 'Date',
		'article.source': 'First published at',
		'article.related-article': 'The related publication',
		'article.related': 'Related',
		'article.related.none': 'Nothing related yet.',
		'article.withdrawn': 'This publication was withdrawn on {date}.',
		'article.withdrawn.note': 'Note: {note}',
		'article.not-found.title': 'Not found',
		'article.not-found': 'There is no such publication in this language. It may not have been published yet, or the address may be mistyped.',
		'article.gone.title': 'Withdrawn',
		'article.gone': 'This publication has been withdrawn and is no longer available.',
		'article.back': 'Back to all messages',

		'archive.title': 'All messages',
		'archive.months': 'Browse by month',
		'archive.all': 'All months',
		'archive.empty': 'There are no messages for this period.',
		'archive.heading.all': 'All messages, newest first',
		'archive.heading.year': 'Messages of {year}',
		'archive.heading.month': 'Messages of {month}',
		'archive.count': { one: '{n} message', other: '{n} messages' },

		'search.title': 'Search',
		'search.heading': 'Search speeches, interviews, articles and events',
		'search.query': 'Words to search for',
		'search.query.hint': 'All words must match. Use "quotes" for a phrase, -word to leave a word out, OR between alternatives and prefix* for word beginnings.',
		'search.submit': 'Search',
		'search.filters': 'Filters',
		'search.type': 'Type',
		'search.kind': 'Kind',
		'search.person': 'Person',
		'search.tag': 'Topic',
		'search.locale': 'Language',
		'search.from': 'From',
		'search.to': 'To',
		'search.date-field': 'Date used',
		'search.order': 'Order',
		'search.histogram': 'Chart by',
		'search.any': 'Any',
		'search.clear': 'Clear all',
		'search.active': 'Active filters',
		'search.remove': 'Remove filter {filter}',
		'search.facets': 'Refine',
		'search.facet.add': 'Show only {value}',
		'search.facet.remove': 'Stop showing only {value}',
		'search.results': 'Results',
		'search.count': { one: '{n} result', other: '{n} results' },
		'search.showing': 'Results {first}\u2013{last} of {total}',
		'search.none': 'Nothing matches. Try fewer words or remove a filter.',
		'search.suggestion': 'Did you mean {suggestion}?',
		'search.chart': 'Results over time',
		'search.chart.desc': 'Results per {interval}, from {first} to {last}. The most, {max}, in {peak}.',
		'search.chart.empty': 'No dated results to chart.',
		'search.chart.table': 'Show the figures as a table',
		'search.chart.period': 'Period',
		'search.chart.count': 'Results',
		'search.chart.bar': '{period}: {count}',
		'search.chart.narrow': 'Show only {period}',
		'search.export': 'Export all results',
		'search.export.csv': 'CSV (spreadsheet)',
		'search.export.ndjson': 'NDJSON (one JSON object a line)',
		'search.pages': 'Pages',
		'search.page': 'Page {n}',
		'search.previous': 'Previous',
		'search.next': 'Next',
		'search.more': 'More results beyond the first {n}',
		'search.more.hint': 'Numbered pages reach the first {n} results; continue from there page by page.',
		'search.more.progress': 'Finding result {n}\u2026',
		'search.more.continue': 'Next results',
		'search.cursor.expired': 'This continuation link has expired. Start the search again.',
		'search.cursor.restart': 'Start the search again',
		'search.error': 'The search could not be run: {detail}',
		'search.unavailable': 'Search is temporarily unavailable. Please try again in a moment.',
		'order.relevance': 'Best match',
		'order.newest': 'Newest first',
		'order.oldest': 'Oldest first',
		'interval.day': 'day',
		'interval.week': 'week',
		'interval.month': 'month',
		'interval.year': 'year',
		'date-field.date': 'Date of the item',
		'date-field.delivered': 'Delivered or given',
		'date-field.published': 'Published',
		'date-field.updated': 'Last updated',
		'date-field.event': 'Day of the event',

		'type.article': 'Speeches, interviews, articles',
		'type.event': 'Events',
		'kind.speech': 'Speech',
		'kind.interview': 'Interview',
		'kind.article': 'Article',
		'kind.statement': 'Statement',
		'kind.press-release': 'Press release',
		'kind.comment': 'Comment',
		'kind.other': 'Other',
		'kind.event': 'Event',

		'live.reconnecting': 'Live updates paused; reconnecting\u2026',
	},
	ru: {
		'site.name': 'Канцелярия',
		'skip': 'Перейти к основному содержанию',
		'nav.label': 'Основное меню',
		'nav.home': 'Главная',
		'nav.archive': 'Все сообщения',
		'nav.search': 'Поиск',
		'language.label': 'Язык',
		'footer.feeds': 'Ленты',
		'footer.events-feed': 'События (Atom)',
		'footer.articles-feed': 'Выступления, интервью и статьи (Atom)',
		'footer.api': 'Открытый API',
		'footer.note': 'Официальный сайт. Время указано местное для каждого города.',
		'loading': 'Загрузка\u2026',
		'error.generic': 'Не удалось загрузить данные. Пожалуйста, повторите попытку через минуту.',
		'error.offline': 'Связь с сайтом прервалась. Проверьте подключение к сети и повторите попытку.',
		'unavailable': 'Этот раздел временно недоступен. Остальная часть страницы актуальна.',
		'unavailable.summary': 'Некоторые разделы страницы сейчас не удалось загрузить: {parts}.',
		'part.site': 'контакты',
		'part.clocks': 'часы',
		'part.counters': 'счётчики',
		'part.featured': 'главная публикация',
		'part.latestEvents': 'последние события',

		'home.title': 'Главная',
		'home.today': 'Сегодня',
		'home.clocks': 'Время в столицах',
		'home.counters': 'Счётчики',
		'home.counter.event': 'О событии',
		'home.contacts': 'Консульские контакты',
		'home.contacts.none': 'Контакты не опубликованы.',
		'home.contacts.phone': 'Телефон',
		'home.contacts.email': 'Электронная почта',
		'home.contacts.address': 'Адрес',
		'home.contacts.hours': 'Часы приёма',
		'home.featured': 'Выступления, интервью, статьи',
		'home.featured.none': 'Публикаций пока нет.',
		'home.featured.more': 'Все выступления, интервью и статьи',
		'home.events': 'Последние события',
		'home.events.none': 'Событий пока нет.',
		'home.events.new': 'Новое',
		'home.events.all': 'Все сообщения',
		'clock.utc': 'UTC{offset}',
		'clock.summer': 'летнее время',
		'clock.next-day': 'следующий день',
		'clock.previous-day': 'предыдущий день',

		'article.title': 'Публикация',
		'article.people': 'Участники',
		'article.place': 'Место',
		'article.tags': 'Темы',
		'article.delivered': 'Произнесено',
		'article.published': 'Опубликовано',
		'article.updated': 'Обновлено',
		'article.date': 'Дата',
		'article.source': 'Первоначально опубликовано',
		'article.related-article': 'Связанная публикация',
		'article.related': 'По теме',
		'article.related.none': 'Материалов по теме пока нет.',
		'article.withdrawn': 'Публикация отозвана {date}.',
		'article.withdrawn.note': 'Примечание: {note}',
		'article.not-found.title': 'Не найдено',
		'article.not-found': 'Такой публикации на этом языке нет. Возможно, она ещё не опубликована или адрес набран с ошибкой.',
		'article.gone.title': 'Отозвано',
		'article.gone': 'Эта публикация отозвана и больше недоступна.',
		'article.back': 'Ко всем сообщениям',

		'archive.title': 'Все сообщения',
		'archive.months': 'По месяцам',
		'archive.all': 'Все месяцы',
		'archive.empty': 'За этот период сообщений нет.',
		'archive.heading.all': 'Все сообщения, сначала новые',
		'archive.heading.year': 'Сообщения за {year} год',
		'archive.heading.month': 'Сообщения за {month}',
		'archive.count': { one: '{n} сообщение', few: '{n} сообщения', many: '{n} сообщений', other: '{n} сообщения' },

		'search.title': 'Поиск',
		'search.heading': 'Поиск по выступлениям, интервью, статьям и событиям',
		'search.query': 'Что искать',
		'search.query.hint': 'Найдутся материалы со всеми словами. «Кавычки» ищут фразу, -слово исключает слово, OR означает «или», начало* ищет по началу слова.',
		'search.submit': 'Найти',
		'search.filters': 'Фильтры',
		'search.type': 'Тип',
		'search.kind': 'Вид',
		'search.person': 'Персона',
		'search.tag': 'Тема',
		'search.locale': 'Язык',
		'search.from': 'С',
		'search.to': 'По',
		'search.date-field': 'Какая дата',
		'search.order': 'Порядок',
		'search.histogram': 'График по',
		'search.any': 'Любой',
		'search.clear': 'Сбросить всё',
		'search.active': 'Выбранные фильтры',
		'search.remove': 'Убрать фильтр {filter}',
		'search.facets': 'Уточнить',
		'search.facet.add': 'Показать только {value}',
		'search.facet.remove': 'Больше не ограничивать: {value}',
		'search.results': 'Результаты',
		'search.count': { one: '{n} результат', few: '{n} результата', many: '{n} результатов', other: '{n} результата' },
		'search.showing': 'Результаты {first}\u2013{last} из {total}',
		'search.none': 'Ничего не найдено. Попробуйте убрать слово или фильтр.',
		'search.suggestion': 'Возможно, вы имели в виду {suggestion}?',
		'search.chart': 'Результаты во времени',
		'search.chart.desc': 'Результаты по периодам («{interval}»), с {first} по {last}. Больше всего — {max} — за {peak}.',
		'search.chart.empty': 'Нет датированных результатов для графика.',
		'search.chart.table': 'Показать данные таблицей',
		'search.chart.period': 'Период',
		'search.chart.count': 'Результатов',
		'search.chart.bar': '{period}: {count}',
		'search.chart.narrow': 'Показать только {period}',
		'search.export': 'Выгрузить все результаты',
		'search.export.csv': 'CSV (таблица)',
		'search.export.ndjson': 'NDJSON (по объекту JSON в строке)',
		'search.pages': 'Страницы',
		'search.page': 'Страница {n}',
		'search.previous': 'Назад',
		'search.next': 'Далее',
		'search.more': 'Результаты после первых {n}',
		'search.more.hint': 'Нумерованные страницы охватывают первые {n} результатов; дальше — постранично.',
		'search.more.progress': 'Переходим к результату {n}\u2026',
		'search.more.continue': 'Следующие результаты',
		'search.cursor.expired': 'Срок действия этой ссылки истёк. Повторите поиск.',
		'search.cursor.restart': 'Повторить поиск',
		'search.error': 'Поиск не выполнен: {detail}',
		'search.unavailable': 'Поиск временно недоступен. Повторите попытку через минуту.',
		'order.relevance': 'Сначала точные совпадения',
		'order.newest': 'Сначала новые',
		'order.oldest': 'Сначала старые',
		'interval.day': 'день',
		'interval.week': 'неделя',
		'interval.month': 'месяц',
		'interval.year': 'год',
		'date-field.date': 'Дата материала',
		'date-field.delivered': 'Дата выступления или интервью',
		'date-field.published': 'Дата публикации',
		'date-field.updated': 'Дата обновления',
		'date-field.event': 'День события',

		'type.article': 'Выступления, интервью, статьи',
		'type.event': 'События',
		'kind.speech': 'Выступление',
		'kind.interview': 'Интервью',
		'kind.article': 'Статья',
		'kind.statement': 'Заявление',
		'kind.press-release': 'Пресс-релиз',
		'kind.comment': 'Комментарий',
		'kind.other': 'Другое',
		'kind.event': 'Событие',

		'live.reconnecting': 'Обновления приостановлены; восстанавливаем связь\u2026',
	},
};

/** How dates and numbers are written: British English for English, as the institution writes. */
const FORMAT = { en: 'en-GB', ru: 'ru' }[locale];

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

/** The name of a month alone, for a year's row of months. */
export function formatMonthName(month, style = 'short') {
	return new Intl.DateTimeFormat(FORMAT, { month: style, timeZone: 'UTC' })
		.format(new Date(Date.UTC(2000, month - 1, 1)));
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

/** A language's name in the reader's locale: "ru" is "Russian" or "русский". */
export function languageName(code) {
	try {
		return capitalised(new Intl.DisplayNames([locale], { type: 'language' }).of(code));
	}
	catch {
		return code;
	}
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
