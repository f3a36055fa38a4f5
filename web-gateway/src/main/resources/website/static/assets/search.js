// Search for analysts, rendered on the server: the form is a GET form and every facet,
// chip and page is a plain link, so a search can be shared, the back button works and
// the page works without this script. The script draws the chart from the histogram
// the page carries, folds the filters on a phone, and walks past the numbered pages.

import { histogramChart } from './chart.js';
import { t } from './i18n.js';
import { getJson, loadSite, setTitle, startPage } from './page.js';

/** Numbered pages reach this many results (the search service's limit); a cursor the rest. */
const WINDOW = 10_000;

/** Results a page when walking with the cursor to the end of the numbered window. */
const CURSOR_SIZE = 100;

startPage('search.title');
const words = new URLSearchParams(window.location.search).get('q')?.trim();
if (words) {
	setTitle(`\u201c${words}\u201d \u2014 ${t('search.title')}`);
}
loadSite();
foldFilters();
drawChart();
offerTheWalk();

/** On a phone the filters start folded, unless some are in use, so the results come first. */
function foldFilters() {
	const panel = document.getElementById('filters-panel');
	panel.open = panel.dataset.filtering === 'true' || window.matchMedia('(min-width: 48rem)').matches;
}

function drawChart() {
	const data = document.getElementById('histogram-data');
	const chart = document.getElementById('chart');
	if (!data) {
		return;
	}
	const template = chart.dataset.rangeHref;
	const link = (range) => template.replace('__from__', encodeURIComponent(range.from))
		.replace('__to__', encodeURIComponent(range.to)).replace('__interval__', encodeURIComponent(range.interval));
	chart.replaceChildren(histogramChart(JSON.parse(data.textContent), link, chart.clientWidth));
}

/**
 * Page numbers stop at the search service's window; past it, the cursor goes on. It is
 * walked to the window's end in large pages, then the reader continues page by page.
 */
function offerTheWalk() {
	const button = document.getElementById('beyond');
	if (!button) {
		return;
	}
	const progress = button.nextElementSibling;
	button.hidden = false;
	button.addEventListener('click', async () => {
		button.disabled = true;
		const api = Object.fromEntries(new URLSearchParams(button.dataset.api));
		try {
			let answer = await getJson('/api/v1/search', { ...api, paging: 'cursor', size: CURSOR_SIZE });
			let seen = answer.results.length;
			while (seen < WINDOW && answer.nextCursor) {
				progress.textContent = t('search.more.progress', { n: seen + 1 });
				answer = await getJson('/api/v1/search', { cursor: answer.nextCursor });
				seen += answer.results.length;
			}
			if (answer.nextCursor) {
				window.location.assign(button.dataset.continue.replace('__cursor__', encodeURIComponent(answer.nextCursor))
					.replace('__start__', String(seen + 1)));
				return;
			}
			progress.textContent = t('search.none');
		}
		catch {
			progress.textContent = t('search.unavailable');
		}
		button.disabled = false;
	});
}
