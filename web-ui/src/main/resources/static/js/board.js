// The unit's rounding board: loaded once over REST, then kept current over STOMP. The subscription asks for
// changes: each message is either a whole board for this viewer or the rows changed and removed since the version
// shown. A message no newer than the board shown is ignored; changes since another version ask for the board again.
import { Client, ReconnectionTimeMode } from '@stomp/stompjs';
import {
    ApiError, dayTime, fill, h, initChrome, refreshRelativeTimes, request, settingWords, timeAgo, unitWords,
} from './dyad.js';
import { clocks, keepCountdownsTicking, measuresWords, overdueList, personsVoice, tickCountdowns } from './restrictions.js';

const unit = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const boardEl = document.getElementById('board');
const statusEl = document.getElementById('live-status');
const messageEl = document.getElementById('board-message');
const cards = new Map(); // caseId -> { li, key }
let shownVersion = -1;
let shownRows = new Map(); // caseId -> row, as shown

function setStatus(state, text) {
    statusEl.dataset.state = state;
    statusEl.textContent = text;
}

function showMessage(text, link) {
    fill(messageEl, text, link ? [' ', link] : null);
    messageEl.hidden = !text;
}

/** Shows a board snapshot unless an equal or newer one is already shown. Keeps unchanged cards in place. */
function render(board) {
    if (board.version <= shownVersion) {
        return;
    }
    const firstRender = shownVersion < 0;
    shownVersion = board.version;
    shownRows = new Map(board.rows.map(row => [row.caseId, row]));
    boardEl.dataset.boardVersion = String(board.version);
    boardEl.removeAttribute('aria-busy');
    const focusedCase = document.activeElement?.closest?.('[data-case-id]')?.dataset.caseId;
    const seen = new Set();
    board.rows.forEach((row, index) => {
        seen.add(row.caseId);
        const key = JSON.stringify(row);
        let card = cards.get(row.caseId);
        if (!card) {
            card = { li: h('li', { class: 'card', dataset: { caseId: row.caseId } }) };
            cards.set(row.caseId, card);
        }
        if (card.key !== key) {
            card.key = key;
            card.li.classList.toggle('restricted', row.restricted);
            card.li.dataset.decisionsWaiting = String(row.decisionsWaiting ?? 0);
            card.li.dataset.openRequests = String(row.openDisclosureRequests ?? 0);
            // Red when a legal clock ran out unmet; the words say so too, not the colour alone.
            card.li.classList.toggle('overdue', (row.restrictions ?? []).some(r => r.overdue.length));
            fill(card.li, cardContent(row));
            if (!firstRender) {
                flash(card.li);
            }
        }
        if (boardEl.children[index] !== card.li) {
            boardEl.insertBefore(card.li, boardEl.children[index] ?? null);
        }
    });
    for (const [caseId, card] of cards) {
        if (!seen.has(caseId)) {
            card.li.remove();
            cards.delete(caseId);
        }
    }
    if (focusedCase && document.activeElement === document.body) {
        cards.get(focusedCase)?.li.querySelector('a')?.focus();
    }
    showMessage(board.rows.length ? '' : 'No open cases on this unit yet.');
}

// The board's order, as the server sorts it: by name regardless of case, then by case id.
function byName(a, b) {
    const nameA = a.preferredName.toLowerCase();
    const nameB = b.preferredName.toLowerCase();
    if (nameA !== nameB) {
        return nameA < nameB ? -1 : 1;
    }
    return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** A whole board is shown as it is; changes are applied to the board shown when they start from its version. */
function receive(message, askAgain) {
    if (message.since === undefined) {
        render(message);
    } else if (message.version > shownVersion) {
        if (message.since !== shownVersion) {
            askAgain();
            return;
        }
        const rows = new Map(shownRows);
        message.removed.forEach(caseId => rows.delete(caseId));
        message.rows.forEach(row => rows.set(row.caseId, row));
        render({ unit: message.unit, version: message.version, rows: [...rows.values()].sort(byName) });
    }
}

// A changed card glows briefly, so people at the board see what just moved.
function flash(li) {
    li.classList.remove('changed');
    void li.offsetWidth; // restart the animation
    li.classList.add('changed');
}

function cardContent(row) {
    const dyad = row.dyad;
    return [
        h('h2', { class: 'card-name' },
            h('a', { href: `/cases/${encodeURIComponent(row.caseId)}` }, row.preferredName),
            row.pronouns ? h('span', { class: 'pronouns' }, ` (${row.pronouns})`) : null),
        row.restricted ? h('span', { class: 'restricted-mark', title: 'Restricted record: only its own care team sees it' },
            lockIcon(), h('span', { class: 'visually-hidden' }, 'Restricted record')) : null,
        dyad
            ? h('p', { class: 'dyad' },
                h('span', { class: 'who' }, h('span', { class: 'role' }, 'Peer'), ' ', dyad.peerName),
                h('span', { class: 'who' }, h('span', { class: 'role' }, 'Psychiatrist'), ' ', dyad.psychiatristName))
            : h('p', { class: 'dyad none' }, 'No dyad yet'),
        nextSession(row.nextSession),
        decisionsWaiting(row.decisionsWaiting),
        openRequests(row.openDisclosureRequests),
        restrictions(row),
        h('p', { class: 'badges' },
            row.padPresent ? h('span', { class: 'badge pad', title: 'Psychiatric advance directive on record' }, 'PAD') : null,
            row.wrapPresent ? h('span', { class: 'badge wrap', title: 'Wellness Recovery Action Plan on record' }, 'WRAP') : null,
            row.admitted
                ? h('span', { class: 'badge admitted' }, 'Admitted')
                : h('span', { class: 'badge setting' }, settingWords(row.setting))),
        h('p', { class: 'activity' }, 'Last activity ', timeAgo(row.lastActivity)),
    ];
}

// Each restraint or seclusion episode in progress or with a duty open: its clocks, what ran out, and while it
// goes on the person's own wishes for a crisis.
function restrictions(row) {
    if (!row.restrictions?.length) {
        return null;
    }
    return h('div', { class: 'restrictions' },
        row.restrictions.map(r => h('section', { class: r.overdue.length ? 'restriction overdue' : 'restriction',
            dataset: { interventionId: r.interventionId }, 'aria-label': 'Restraint or seclusion' },
            h('p', { class: 'restriction-head' },
                h('a', { href: `/cases/${encodeURIComponent(row.caseId)}/restrictions/${encodeURIComponent(r.interventionId)}` },
                    r.endedAt ? 'Episode' : measuresWords(r.measures)),
                r.endedAt ? [', ended ', dayTime(r.endedAt)] : [' since ', dayTime(r.startedAt)]),
            overdueList(r.overdue),
            h('ul', { class: 'clocks' }, clocks(r)))),
        personsVoice(row.personsVoice));
}

// "Co-treatment: tomorrow 10:00 AM, Room 3" or "Co-treatment: in progress, Room 1".
function nextSession(next) {
    if (!next) {
        return null;
    }
    return h('p', { class: 'next-session', dataset: { sessionId: next.sessionId } },
        h('span', { class: 'role' }, 'Co-treatment'), ' ',
        next.inProgress ? h('strong', { class: 'in-progress' }, 'in progress') : dayTime(next.scheduledFor),
        next.place ? `, ${next.place}` : null);
}

function decisionsWaiting(count) {
    if (!count) {
        return null;
    }
    return h('p', { class: 'decisions-waiting' },
        `${count} ${count === 1 ? 'decision' : 'decisions'} waiting for the person`);
}

// Requests for information addressed to the viewer: a colleague asked them; only they see the count.
function openRequests(count) {
    if (!count) {
        return null;
    }
    return h('p', { class: 'open-requests' },
        `${count} ${count === 1 ? 'request' : 'requests'} for information to you`);
}

function lockIcon() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z');
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
}

function connect() {
    let receipts = 0;
    const client = new Client({
        brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
        reconnectDelay: 1000,
        maxReconnectDelay: 15000,
        reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
        onConnect: () => {
            let subscription = null;
            const subscribe = () => {
                const receipt = `board-${unit}-${++receipts}`;
                client.watchForReceipt(receipt, () => setStatus('live', 'live'));
                // The version tells the server what we hold: it sends what changed since, or nothing if current.
                const headers = { receipt, changes: 'true' };
                if (shownVersion >= 0) {
                    headers.version = String(shownVersion);
                }
                subscription?.unsubscribe();
                subscription = client.subscribe(`/user/queue/boards/${unit}`,
                    message => receive(JSON.parse(message.body), subscribe), headers);
            };
            subscribe();
        },
        onStompError: frame => console.warn('Board connection refused:', frame.headers.message),
        onWebSocketClose: () => {
            if (!client.active) {
                return;
            }
            setStatus('reconnecting', 'reconnecting…');
            stillSignedIn(client);
        },
    });
    client.activate();
}

// A closed socket may mean the session ended; then stop retrying and say so.
async function stillSignedIn(client) {
    try {
        await request('/api/me');
    } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
            await client.deactivate();
            setStatus('offline', 'signed out');
            showMessage('Your session has ended.', h('a', { href: '/login' }, 'Sign in again'));
        }
    }
}

async function start() {
    document.getElementById('board-title').textContent = `${unitWords(unit)} · rounding board`;
    document.title = `${unitWords(unit)} board · Dyad`;
    try {
        await initChrome();
        render(await request(`/api/boards/${encodeURIComponent(unit)}`));
    } catch (error) {
        setStatus('offline', 'not connected');
        boardEl.removeAttribute('aria-busy');
        showMessage(error instanceof ApiError ? error.message : 'Could not reach Dyad. Check the connection and reload.',
            error?.status === 401 ? h('a', { href: '/login' }, 'Sign in') : null);
        return;
    }
    connect();
    setInterval(() => refreshRelativeTimes(boardEl), 30_000);
    tickCountdowns(boardEl);
    keepCountdownsTicking();
}

start();
