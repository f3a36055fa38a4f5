// The live stream (server-sent events) of a locale: events published and withdrawn,
// counters rolled over at midnight or redefined, clocks whose offset changed.
// EventSource reconnects by itself after a dropped connection; when the gateway
// refuses the stream outright it gives up, so then a new one is opened after a pause.

const EVENTS = ['counter-changed', 'counter-rolled-over', 'clock-offset-changed', 'event-published', 'event-withdrawn'];

const LONGEST_PAUSE_MILLIS = 60_000;

/**
 * Opens the stream. {@code handlers} has a function per event name taking the parsed
 * data, and {@code subscribed(again)}, told whether this is a reconnection (after which
 * a page should catch up on what it missed). {@code onState} hears 'open' or 'reconnecting'.
 */
export function follow(locale, handlers, onState = () => {}) {
	let pause = 1000;
	let connected = false;
	let source = null;

	const open = () => {
		source = new EventSource(`/api/v1/stream?locale=${encodeURIComponent(locale)}`);
		source.addEventListener('subscribed', () => {
			pause = 1000;
			onState('open');
			handlers.subscribed?.(connected);
			connected = true;
		});
		for (const name of EVENTS) {
			source.addEventListener(name, (message) => {
				let data;
				try {
					data = JSON.parse(message.data);
				}
				catch {
					return;
				}
				handlers[name]?.(data);
			});
		}
		source.addEventListener('error', () => {
			onState('reconnecting');
			if (source.readyState === EventSource.CLOSED) {
				window.setTimeout(open, pause);
				pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
			}
		});
	};
	open();
	window.addEventListener('pagehide', () => source?.close());
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) {
			open();
		}
	});
}
