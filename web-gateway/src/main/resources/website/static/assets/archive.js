// "All messages" (/archive?year=2024&month=6&page=2) is rendered on the server: its
// months, messages and pages are plain links. The script adds what every page has.

import { loadSite, setTitle, startPage } from './page.js';

startPage('archive.title');
if (new URLSearchParams(window.location.search).has('year')) {
	setTitle(document.getElementById('period-heading').textContent);
}
loadSite();
