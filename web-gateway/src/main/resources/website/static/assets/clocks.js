// Ticking clocks for the site's cities. Each city's time is worked out by the browser's
// own time-zone rules (Intl with the city's zone), so a clock stays right across a change
// to or from summer time; the server's reading gives the labels (abbreviation, offset),
// and the server's instant corrects a browser whose own clock is wrong.

import { dayOf, safeZone, t } from './i18n.js';
import { el, fill, svg } from './page.js';

/** Browsers' clocks are usually right; only a clear difference is corrected. */
const TOLERATED_SKEW_MILLIS = 1000;

export class Clocks {

	constructor(list) {
		this.list = list;
		this.readings = [];
		this.skew = 0;
		this.siteDay = null;
		this.siteZone = 'UTC';
		this.timer = null;
		this.listeners = { dayChanged: [], offsetDue: [] };
	}

	/** Learns how far the browser's clock is from the server's: {@code at} was read at {@code localMillis}. */
	sync(serverInstant, localMillis) {
		const difference = Date.parse(serverInstant) - localMillis;
		this.skew = Number.isFinite(difference) && Math.abs(difference) > TOLERATED_SKEW_MILLIS ? difference : 0;
	}

	/** The server's idea of now. */
	now() {
		return Date.now() + this.skew;
	}

	on(name, listener) {
		this.listeners[name].push(listener);
	}

	/** Shows these readings, with the site's day and zone to tell which cities are a day apart. */
	show(readings, siteDay, siteZone) {
		this.readings = readings.map((reading) => ({
			...reading,
			format: new Intl.DateTimeFormat('en-GB', {
				timeZone: safeZone(reading.timeZone), hour: '2-digit', minute: '2-digit', second: '2-digit',
				hourCycle: 'h23',
			}),
		}));
		this.siteDay = siteDay;
		this.siteZone = siteZone;
		fill(this.list, this.readings.map((reading) => this.face(reading)));
		this.tick();
	}

	/** A reading from the stream: the zone's offset has just changed. */
	update(reading) {
		const index = this.readings.findIndex((known) => known.timeZone === reading.timeZone);
		if (index < 0) {
			return;
		}
		const merged = { ...this.readings[index], ...reading, name: this.readings[index].name };
		this.readings[index] = merged;
		this.list.children[index]?.replaceWith(this.face(merged));
		this.tick();
	}

	face(reading) {
		const hands = svg('g', { class: 'clock-hands' },
			svg('line', { class: 'clock-hand-hour', x1: 0, y1: 4, x2: 0, y2: -20 }),
			svg('line', { class: 'clock-hand-minute', x1: 0, y1: 6, x2: 0, y2: -30 }),
			svg('line', { class: 'clock-hand-second', x1: 0, y1: 8, x2: 0, y2: -33 }),
			svg('circle', { class: 'clock-pin', r: 2.5 }));
		const ticks = [];
		for (let hour = 0; hour < 12; hour++) {
			ticks.push(svg('line', {
				class: (hour % 3 === 0) ? 'clock-tick clock-tick-major' : 'clock-tick',
				x1: 0, y1: -38, x2: 0, y2: (hour % 3 === 0) ? -32 : -35, transform: `rotate(${hour * 30})`,
			}));
		}
		const dial = svg('svg', { class: 'clock-dial', viewBox: '-42 -42 84 84', width: 84, height: 84, 'aria-hidden': 'true', focusable: 'false' },
			svg('circle', { class: 'clock-rim', r: 40 }), ticks, hands);
		const offset = reading.utcOffset ? t('clock.utc', { offset: reading.utcOffset }) : null;
		const zone = [reading.abbreviation && !/^[+-]?\d/.test(reading.abbreviation) ? reading.abbreviation : null, offset]
			.filter(Boolean).join(' \u00b7 ');
		return el('li', { class: 'clock', 'data-zone': reading.timeZone },
			dial,
			el('div', { class: 'clock-text' },
				el('span', { class: 'clock-city' }, reading.name),
				el('time', { class: 'clock-time' }, '--:--:--'),
				el('span', { class: 'clock-zone' }, zone,
					reading.daylightSaving ? el('span', { class: 'clock-summer' }, ` (${t('clock.summer')})`) : null),
				el('span', { class: 'clock-day' })));
	}

	/** Starts ticking on each second. */
	start() {
		const next = () => {
			this.tick();
			this.timer = window.setTimeout(next, 1000 - (this.now() % 1000) + 5);
		};
		window.clearTimeout(this.timer);
		next();
	}

	tick() {
		const now = this.now();
		const instant = new Date(now);
		this.readings.forEach((reading, index) => {
			const item = this.list.children[index];
			if (!item) {
				return;
			}
			const parts = Object.fromEntries(reading.format.formatToParts(instant).map((part) => [part.type, part.value]));
			const hours = Number(parts.hour) % 24;
			const minutes = Number(parts.minute);
			const seconds = Number(parts.second);
			const text = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
			const time = item.querySelector('.clock-time');
			if (time.textContent !== text) {
				time.textContent = text;
				time.setAttribute('datetime', text);
			}
			item.querySelector('.clock-hand-hour').setAttribute('transform', `rotate(${(hours % 12) * 30 + minutes / 2})`);
			item.querySelector('.clock-hand-minute').setAttribute('transform', `rotate(${minutes * 6 + seconds / 10})`);
			item.querySelector('.clock-hand-second').setAttribute('transform', `rotate(${seconds * 6})`);
			const cityDay = dayOf(instant.toISOString(), reading.timeZone);
			const siteDay = dayOf(instant.toISOString(), this.siteZone);
			const label = (cityDay > siteDay) ? t('clock.next-day') : (cityDay < siteDay) ? t('clock.previous-day') : '';
			const day = item.querySelector('.clock-day');
			if (day.textContent !== label) {
				day.textContent = label;
			}
			if (reading.nextChange && now >= Date.parse(reading.nextChange.at) && !reading.due) {
				// The stream normally says so first; this covers a page whose stream is down.
				reading.due = true;
				this.listeners.offsetDue.forEach((listener) => listener(reading));
			}
		});
		if (this.siteDay) {
			const today = dayOf(instant.toISOString(), this.siteZone);
			if (today && today !== this.siteDay) {
				this.siteDay = today;
				this.listeners.dayChanged.forEach((listener) => listener(today));
			}
		}
	}

}

function pad(number) {
	return String(number).padStart(2, '0');
}
