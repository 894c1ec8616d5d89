// /audit finds a case; /audit/cases/{id} replays it, paging the timeline in so a long record shows progress.
import { ApiError, errorText, fill, h, initChrome, pageError, request, requestWithHeaders, settingWords, unitWords } from './dyad.js';
import { replayControls } from './replay.js';
import { renderState } from './audit-state.js';
import { hbipsSection } from './hbips.js';

const PAGE = 500;
const main = document.getElementById('main');
const replayEl = document.getElementById('replay');
const caseId = location.pathname.startsWith('/audit/cases/') ? decodeURIComponent(location.pathname.split('/')[3] ?? '') : null;
const api = `/api/audit/cases/${encodeURIComponent(caseId ?? '')}`;

async function start() {
    try {
        await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    const form = document.getElementById('search-form');
    form.addEventListener('submit', event => {
        event.preventDefault();
        search(form.elements.q.value);
    });
    showQuality();
    if (caseId) {
        document.getElementById('case-search-title').textContent = 'Find another case';
        document.getElementById('page-title').textContent = 'Replay';
        await replay();
    } else {
        await search('');
        document.getElementById('search-q').focus();
    }
}

// The unit's HBIPS charts sit below the search on the auditor's home page.
async function showQuality() {
    const section = document.getElementById('hbips');
    if (!section || caseId) {
        return;
    }
    try {
        hbipsSection(section, await request('/api/quality/units'));
    } catch (error) {
        fill(section, h('p', { class: 'error' }, errorText(error)));
    }
}

async function search(q) {
    const status = document.getElementById('search-status');
    const results = document.getElementById('search-results');
    status.textContent = 'Searching…';
    try {
        const cases = await request(`/api/audit/cases?q=${encodeURIComponent(q.trim())}`);
        fill(results, cases.map(c => h('li', { dataset: { caseId: c.id } },
            h('a', { href: `/audit/cases/${encodeURIComponent(c.id)}` }, c.preferredName),
            h('span', { class: 'muted' }, `${unitWords(c.unit)} · ${settingWords(c.setting)}`),
            c.restricted ? h('span', { class: 'badge quiet' }, 'Restricted record') : null,
            c.closed ? h('span', { class: 'badge quiet' }, 'Closed') : null)));
        status.textContent = cases.length ? `${cases.length} ${cases.length === 1 ? 'case' : 'cases'} found.`
            : 'No case matches. A restricted record is found by its exact case id only.';
    } catch (error) {
        status.textContent = errorText(error);
    }
}

// ---- one case's replay ----

let timeline = [];
let shownRequest = 0;

async function replay() {
    replayEl.hidden = false;
    const progress = h('progress', { id: 'replay-progress', max: '1', value: '0' });
    const progressWords = h('span', { id: 'progress-words' }, 'starting…');
    const stateEl = h('section', { id: 'state', class: 'panel', 'aria-labelledby': 'state-title', 'aria-busy': 'true' },
        h('h2', { id: 'state-title' }, 'State'), h('p', { class: 'muted' }, 'The state shows once the timeline is in.'));
    const loading = h('div', { id: 'loading', class: 'progress-line' },
        h('label', { for: 'replay-progress' }, 'Timeline loaded'), progress, progressWords);
    const controlsEl = h('section', { id: 'timeline', class: 'panel', 'aria-labelledby': 'timeline-title', 'aria-busy': 'true' },
        h('h2', { id: 'timeline-title' }, 'Timeline'), loading);
    fill(replayEl,
        h('header', { class: 'case-head replay-head' },
            h('p', { id: 'verification', class: 'verification', role: 'status', dataset: { state: 'checking' } }, 'Checking the hash chains…'),
            h('a', { id: 'export', class: 'button secondary', href: `${api}/export`, download: '' }, 'Export the replay (JSON)')),
        h('div', { class: 'replay-grid' }, controlsEl, stateEl));
    verify();
    try {
        timeline = await loadTimeline((loaded, total) => {
            progress.max = Math.max(total, 1);
            progress.value = loaded;
            progressWords.textContent = `${loaded.toLocaleString()} of ${total.toLocaleString()} events`;
        });
    } catch (error) {
        controlsEl.removeAttribute('aria-busy');
        fill(controlsEl, h('h2', { id: 'timeline-title' }, 'Timeline'), loading, h('p', { class: 'notice error', role: 'alert' }, errorText(error)));
        stateEl.removeAttribute('aria-busy');
        return;
    }
    if (!timeline.length) {
        controlsEl.removeAttribute('aria-busy');
        fill(controlsEl, h('h2', { id: 'timeline-title' }, 'Timeline'), h('p', { class: 'muted' }, 'This record has no events.'));
        return;
    }
    controlsEl.removeAttribute('aria-busy');
    fill(controlsEl, h('h2', { id: 'timeline-title' }, 'Timeline'), loading,
        replayControls(timeline, index => showState(index, stateEl)));
    document.getElementById('replay-slider').focus();
}

/** Every page of the timeline in turn; onPage(loaded, total) after each. */
async function loadTimeline(onPage) {
    const entries = [];
    let total = Infinity;
    while (entries.length < total) {
        const { data, headers } = await requestWithHeaders(`${api}/events?offset=${entries.length}&limit=${PAGE}`);
        total = Number(headers.get('X-Total-Count') ?? data.length);
        entries.push(...data);
        onPage(entries.length, total);
        if (!data.length) {
            break;
        }
    }
    return entries;
}

async function verify() {
    const el = document.getElementById('verification');
    try {
        const result = await request(`${api}/verify`);
        el.dataset.state = result.verified ? 'verified' : 'broken';
        if (result.verified) {
            fill(el, h('strong', {}, 'Verified'), `: all ${result.eventsChecked} events in ${result.aggregatesChecked.length}`
                + ' aggregates follow their hash chains; nothing was altered, removed or reordered.');
        } else {
            const b = result.firstBroken;
            fill(el, h('strong', {}, 'Not verified'), `: the first broken event is ${b.eventType} ${b.aggregateId}#${b.sequenceNumber} — ${b.problem}.`);
        }
    } catch (error) {
        el.dataset.state = 'unknown';
        el.textContent = `Could not verify: ${errorText(error)}`;
    }
}

/** Reads the state at the chosen event; only the latest request is shown. */
async function showState(index, stateEl) {
    const entry = timeline[index];
    const mine = ++shownRequest;
    stateEl.setAttribute('aria-busy', 'true');
    try {
        const state = await request(`${api}/state?atEvent=${encodeURIComponent(`${entry.aggregateId}:${entry.sequenceNumber}`)}`);
        if (mine !== shownRequest) {
            return;
        }
        if (state.state.case) {
            document.getElementById('page-title').textContent = `Replay: ${state.state.case.preferredName}`;
            document.title = `Audit: ${state.state.case.preferredName} · Dyad`;
        }
        renderState(stateEl, state, index, timeline.length);
    } catch (error) {
        if (mine === shownRequest) {
            fill(stateEl, h('h2', { id: 'state-title' }, 'State'), h('p', { class: 'notice error', role: 'alert' },
                errorText(error), error instanceof ApiError && error.status === 401 ? [' ', h('a', { href: '/login' }, 'Sign in')] : null));
        }
    } finally {
        if (mine === shownRequest) {
            stateEl.removeAttribute('aria-busy');
        }
    }
}

start();
