// /cases/{id}/sessions/{sid}: one co-treatment session. Its time and place, starting and ending it, who was there
// and when, what it turned out to be, and each clinician's own note side by side, with the peer's differing view
// beside the psychiatrist's note. After every change the session is read again and the change is announced.
import {
    blankToNull, CATEGORIES, categoryWords, dateTimeWords, dayTime, errorText, field, fieldError, fill, h, initChrome,
    isoFromLocal, keepingState, localInputValue, lockIcon, pageError, request, roleWords, sessionStatusWords, timeWords,
    wireForm,
} from './dyad.js';
import { disclosuresSection, loadDisclosures } from './disclosures.js';
import { followCase } from './live.js';

const main = document.getElementById('main');
const [, , rawCaseId, , rawSessionId] = location.pathname.split('/');
const caseId = decodeURIComponent(rawCaseId ?? '');
const sessionId = decodeURIComponent(rawSessionId ?? '');
const api = `/api/cases/${encodeURIComponent(caseId)}/sessions/${encodeURIComponent(sessionId)}`;
let who;

async function start() {
    try {
        who = await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    await load();
    // Anything about the case changes (a note, an answer, the person revoking a consent): read it again.
    followCase(caseId, () => load(null, null, true));
}

let shown = '';

async function load(focusId, announcement, live = false) {
    let session;
    let details = null;
    let requests = [];
    try {
        [session, details, requests] = await Promise.all([
            request(api),
            canWork() ? request(`/api/cases/${encodeURIComponent(caseId)}`) : null,
            canWork() ? loadDisclosures(caseId) : [],
        ]);
    } catch (error) {
        if (live) {
            return;
        }
        pageError(main, error);
        main.removeAttribute('aria-busy');
        return;
    }
    const key = JSON.stringify([session, details?.careTeam, requests]);
    if (live) {
        // A live update keeps what the reader was typing, and where they were.
        if (key !== shown) {
            shown = key;
            keepingState(main, () => render(session, details, requests));
        }
        return;
    }
    shown = key;
    render(session, details, requests);
    if (announcement) {
        document.getElementById('announce').textContent = announcement;
    }
    if (focusId) {
        document.getElementById(focusId)?.focus();
    }
}

const canWork = () => who.role !== 'PERSON_SERVED';
const notesOpen = s => s.status === 'IN_PROGRESS' || s.status === 'ENDED';

function render(s, details, requests) {
    document.title = `Session with ${s.personName} · Dyad`;
    const person = who.role === 'PERSON_SERVED';
    fill(main,
        h('p', { class: 'crumbs' }, person
            ? h('a', { href: '/me' }, 'Back to your space')
            : h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, `${s.personName}’s case`)),
        h('header', { class: 'case-head' },
            h('p', { class: 'eyebrow' }, person ? 'Your session' : `A session with ${s.personName}`),
            // Once it has ended, the session is called what it turned out to be.
            h('h1', { id: 'session-title', tabindex: '-1' }, s.kindInWords
                ? s.kindInWords.charAt(0).toUpperCase() + s.kindInWords.slice(1) : 'Co-treatment session'),
            h('p', { class: 'facts' },
                h('span', { class: `badge status ${s.status.toLowerCase()}`, id: 'session-status' }, sessionStatusWords(s.status)),
                h('span', {}, 'Scheduled for ', dayTime(s.scheduledFor)),
                s.place ? h('span', {}, s.place) : null),
            h('p', { class: 'muted' }, `${s.personName} with `, h('strong', {}, s.peer.name), ' (peer specialist) and ',
                h('strong', {}, s.psychiatrist.name), ' (psychiatrist).')),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        h('div', { class: 'case-grid' },
            progressSection(s),
            attendanceSection(s)),
        notesSection(s),
        details ? disclosuresSection({ caseId, careTeam: details.careTeam ?? [], who, requests,
            reload: (section, message) => load(`${section}-title`, message) }) : null);
    main.removeAttribute('aria-busy');
}

function panel(id, title, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
        h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...content);
}

function post(path, body) {
    return request(`${api}${path}`, { method: 'POST', body });
}

// ---- schedule, start, end: what happened ----

function progressSection(s) {
    switch (s.status) {
        case 'SCHEDULED':
            return panel('progress', 'Before the session',
                h('p', {}, 'Not started yet.'),
                canWork() ? [startForm(), rescheduleForm(s), cancelForm()] : null);
        case 'IN_PROGRESS':
            return panel('progress', 'In progress',
                h('p', {}, `Started ${dateTimeWords(s.startedAt)}.`),
                canWork() ? endForm() : null);
        case 'CANCELLED':
            return panel('progress', 'Cancelled',
                h('p', {}, 'This session was cancelled.', s.cancelReason ? ` Reason: ${s.cancelReason}` : ''));
        default:
            return panel('progress', 'What the session was', outcome(s));
    }
}

function timeField(id, label) {
    return field({ id, name: 'at', label, type: 'datetime-local', hint: 'Leave empty for now.' });
}

function startForm() {
    return wireForm(h('form', { class: 'stack', id: 'start-form' },
        timeField('start-at', 'Started at'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Start the session'))),
    async form => {
        await post('/start', { at: isoFromLocal(form.elements.at.value) });
        await load('attendance-title', 'The session has started. Record who joins.');
    });
}

function endForm() {
    return wireForm(h('form', { class: 'stack', id: 'end-form' },
        timeField('end-at', 'Ended at'),
        h('p', { class: 'hint' }, 'Anyone still here is recorded as leaving then.'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'End the session'))),
    async form => {
        await post('/end', { at: isoFromLocal(form.elements.at.value) });
        await load('progress-title', 'The session has ended.');
    });
}

function rescheduleForm(s) {
    return h('details', { class: 'editor' }, h('summary', {}, 'Change the time or place'),
        wireForm(h('form', { class: 'stack', id: 'reschedule-form' },
            field({ id: 'reschedule-when', name: 'scheduledFor', label: 'When', type: 'datetime-local', required: true,
                value: localInputValue(s.scheduledFor) }),
            field({ id: 'reschedule-place', name: 'place', label: 'Place', value: s.place, autocomplete: 'off' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the new time'))),
        async form => {
            await post('/reschedule', {
                scheduledFor: isoFromLocal(form.elements.scheduledFor.value), place: blankToNull(form.elements.place.value),
            });
            await load('session-title', 'The session is moved.');
        }));
}

function cancelForm() {
    return h('details', { class: 'editor' }, h('summary', {}, 'Cancel the session'),
        wireForm(h('form', { class: 'stack', id: 'cancel-form' },
            field({ id: 'cancel-reason', name: 'reason', label: 'Reason (optional)' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Cancel the session'))),
        async form => {
            await post('/cancel', { reason: blankToNull(form.elements.reason.value) });
            await load('session-title', 'The session is cancelled.');
        }));
}

function outcome(s) {
    return h('dl', { class: 'words', id: 'session-outcome' },
        h('dt', {}, 'It was'), h('dd', {}, h('strong', { id: 'session-kind', dataset: { kind: s.kind } }, s.kindInWords)),
        h('dt', {}, 'Time'), h('dd', {}, `${dateTimeWords(s.startedAt)} to ${timeWords(s.endedAt)}`),
        h('dt', {}, 'Peer specialist with the person'), h('dd', {}, s.peerServed ? 'Yes' : 'No'),
        h('dt', {}, 'Psychiatrist with the person'), h('dd', {}, s.psychiatristServed ? 'Yes' : 'No'),
        h('dt', {}, 'Same-day services by both'),
        h('dd', { id: 'billing-flag', dataset: { sameDay: String(s.sameDayServicesByBoth) } }, s.sameDayServicesByBoth
            ? 'Yes: the peer specialist and the psychiatrist both served the person this day; both services can be billed.'
            : 'No: not both the peer specialist and the psychiatrist served the person this day.'));
}

// ---- attendance ----

function participants(s) {
    const here = id => s.attendance.find(a => a.participantId === id && !a.leftAt);
    const fixed = [
        { key: 'person', id: s.personServedId, name: s.personName, role: 'PERSON_SERVED', body: { participant: 'person' } },
        { key: 'peer', id: s.peer.userId, name: s.peer.name, role: 'PEER_SPECIALIST', body: { participant: s.peer.userId } },
        { key: 'psychiatrist', id: s.psychiatrist.userId, name: s.psychiatrist.name, role: 'PSYCHIATRIST',
            body: { participant: s.psychiatrist.userId } },
    ];
    // Others still here: supporters by name, other staff by login.
    const others = s.attendance.filter(a => !a.leftAt && !fixed.some(f => f.id === a.participantId)).map(a => ({
        key: a.participantId, id: a.participantId, name: a.name, role: a.role,
        body: a.role === 'SUPPORTER' ? { supporterName: a.name } : { participant: a.participantId },
    }));
    return [...fixed, ...others].map(p => ({ ...p, since: here(p.id)?.joinedAt }));
}

function attendanceSection(s) {
    const table = s.attendance.length
        ? h('table', { class: 'attendance', id: 'attendance-table' },
            h('caption', { class: 'visually-hidden' }, 'Who was there, and when'),
            h('thead', {}, h('tr', {},
                h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Role'),
                h('th', { scope: 'col' }, 'Joined'), h('th', { scope: 'col' }, 'Left'))),
            h('tbody', {}, s.attendance.map(a => h('tr', { dataset: { participant: a.participantId } },
                h('th', { scope: 'row' }, a.name),
                h('td', {}, roleWords(a.role)),
                h('td', {}, h('time', { datetime: a.joinedAt }, timeWords(a.joinedAt))),
                h('td', {}, a.leftAt ? h('time', { datetime: a.leftAt }, timeWords(a.leftAt)) : 'still here')))))
        : h('p', { class: 'muted', id: 'attendance-table' },
            s.status === 'SCHEDULED' ? 'Attendance is recorded once the session starts.' : 'Nobody was recorded as joining.');
    return panel('attendance', 'Who was there', table,
        s.status === 'IN_PROGRESS' && canWork() ? attendanceForm(s) : null);
}

// One form; each person's button says whether they joined or left, and the optional time applies to it.
function attendanceForm(s) {
    const people = participants(s);
    const byKey = new Map(people.map(p => [p.key, p]));
    return wireForm(h('form', { class: 'stack attendance-form', id: 'attendance-form' },
        field({ id: 'attendance-at', name: 'at', label: 'When', type: 'datetime-local',
            hint: 'For the next person you mark. Leave empty for now.' }),
        h('ul', { class: 'attendees' }, people.map(p => h('li', { dataset: { participant: p.key, here: String(!!p.since) } },
            h('span', { class: 'member' }, h('strong', {}, p.name), ' ', h('span', { class: 'muted' }, roleWords(p.role))),
            h('span', { class: 'state' }, p.since ? ['here since ', timeWords(p.since)] : 'not here'),
            h('button', {
                type: 'submit', class: p.since ? 'secondary' : null, value: p.key,
                dataset: { participant: p.key, action: p.since ? 'leave' : 'join' },
                'aria-label': `${p.since ? 'Mark left' : 'Mark joined'}: ${p.name}`,
            }, p.since ? 'Mark left' : 'Mark joined')))),
        h('div', { class: 'supporter-row' },
            field({ id: 'supporter-name', name: 'supporterName', label: 'Someone the person brought',
                hint: 'Family, a friend, an advocate: their name.', autocomplete: 'off' }),
            h('button', { type: 'submit', value: '', dataset: { participant: 'supporter', action: 'join' },
                'aria-label': 'Mark joined: someone the person brought' }, 'Mark joined')),
        h('div', { class: 'actions' })),
    async (form, submitter) => {
        const p = byKey.get(submitter?.value);
        const action = submitter?.dataset.action ?? 'join';
        let body;
        let name;
        if (p) {
            body = p.body;
            name = p.name;
        } else {
            name = blankToNull(form.elements.supporterName.value);
            if (!name) {
                fieldError(form.elements.supporterName, 'Say the name of the person they brought.');
                form.elements.supporterName.focus();
                return;
            }
            body = { supporterName: name };
        }
        await post(`/${action}`, { ...body, at: isoFromLocal(form.elements.at.value) });
        await load(null, `${name} ${action === 'join' ? 'joined' : 'left'}.`);
        const again = document.querySelector(`#attendance-form button[data-participant="${CSS.escape(submitter.dataset.participant)}"]`)
            ?? document.querySelector(`#attendance-form li[data-participant="${CSS.escape(body.supporterName ? `supporter:${name}` : '')}"] button`);
        (again ?? document.getElementById('attendance-title'))?.focus();
    });
}

// ---- notes: each clinician's own, side by side; the peer's differing view beside the psychiatrist's note ----

function notesSection(s) {
    return h('section', { class: 'panel notes', id: 'notes', 'aria-labelledby': 'notes-title' },
        h('h2', { id: 'notes-title', tabindex: '-1' }, 'Notes, each clinician’s own'),
        h('p', { class: 'hint' }, 'The peer specialist and the psychiatrist each write and sign their own note. '
            + 'Where the peer specialist sees it differently, their view stands beside the psychiatrist’s note.'),
        h('div', { class: 'notes-grid' },
            noteColumn(s, 'peer', s.peer, 'Peer specialist’s note'),
            noteColumn(s, 'psychiatrist', s.psychiatrist, 'Psychiatrist’s note'),
            differingViewColumn(s)));
}

function noteColumn(s, key, author, title) {
    const id = `note-${key}`;
    const note = s.notes.find(n => n.authorId === author.userId);
    const mine = who.userId === author.userId;
    return h('article', { class: 'note-col', id, 'aria-labelledby': `${id}-title` },
        h('h3', { id: `${id}-title`, tabindex: '-1' }, title),
        h('p', { class: 'muted small' }, author.name, mine ? ' (you)' : ''),
        note ? noteText(note.text, note.withheld, author.userId, note.category) : h('p', { class: 'muted' }, 'No note yet.'),
        note && !note.withheld && note.category ? h('p', { class: 'small muted note-category' }, categoryWords(note.category)) : null,
        note ? h('p', { class: 'small note-state' }, note.signedAt
            ? [h('span', { class: 'badge signed' }, 'Signed'), ` ${dateTimeWords(note.signedAt)}`]
            : [h('span', { class: 'badge quiet' }, 'Draft'), ' not signed yet']) : null,
        note?.amendments?.length && !note.withheld ? h('div', { class: 'amendments' },
            h('h4', {}, 'Amendments'),
            h('ol', {}, note.amendments.map(a => h('li', {}, `${dateTimeWords(a.at)}: `, h('span', {}, a.reason),
                a.previousText ? h('p', { class: 'muted small' }, 'It said before: ', h('q', {}, a.previousText)) : null)))) : null,
        mine && canWork() ? ownNoteForms(s, id, note) : null,
        !mine && note && !note.withheld && canWork() ? coSignQuestion(author) : null);
}

/** A note's text, or, when it is not shared with the viewer, its placeholder in a calm style with a lock. */
function noteText(text, withheld, authorId, category) {
    if (withheld) {
        return h('p', { class: 'note-text withheld', dataset: { author: authorId, withheld: 'true', category } },
            lockIcon(), h('span', {}, text));
    }
    return h('div', { class: 'note-text', dataset: { author: authorId, category } }, text);
}

/** The category a note is kept under; the author's role decides the default (a peer's note is confidential). */
function categoryField(id, current, fallback) {
    return field({ id, name: 'category', label: 'Who may read it', type: 'select', value: current ?? fallback,
        hint: 'Confidential and Part 2 notes reach others only with the person’s consent.',
        options: CATEGORIES.map(c => ({ value: c.value, label: c.team })) });
}

function defaultCategory() {
    return who.role === 'PEER_SPECIALIST' ? 'PEER_CONFIDENTIAL' : who.role === 'PSYCHIATRIST' ? 'PSYCHIATRIC' : 'GENERAL';
}

function ownNoteForms(s, id, note) {
    if (!notesOpen(s)) {
        return h('p', { class: 'muted small' }, 'You write your note once the session has started.');
    }
    if (note?.signedAt) {
        return h('details', { class: 'editor' }, h('summary', {}, 'Amend your note'),
            wireForm(h('form', { class: 'stack', id: 'amend-form' },
                field({ id: 'amend-text', name: 'text', label: 'Your corrected note', type: 'textarea', rows: 6, value: note.text, required: true }),
                field({ id: 'amend-reason', name: 'reason', label: 'Reason for the amendment', required: true, autocomplete: 'off' }),
                h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the amendment'))),
            async form => {
                await post('/notes/amend', { text: blankToNull(form.elements.text.value), reason: blankToNull(form.elements.reason.value) });
                await load(`${id}-title`, 'Your note is amended.');
            }));
    }
    return [
        wireForm(h('form', { class: 'stack', id: 'note-form' },
            field({ id: 'note-text', name: 'text', label: note ? 'Your note (draft)' : 'Your note', type: 'textarea', rows: 6,
                value: note?.text, required: true }),
            categoryField('note-category', note?.category, defaultCategory()),
            h('div', { class: 'actions' }, h('button', { type: 'submit', class: note ? 'secondary' : null }, 'Save the note'))),
        async form => {
            await post('/notes', { text: blankToNull(form.elements.text.value), category: form.elements.category.value || null });
            await load(`${id}-title`, 'Your note is saved. Sign it when it is ready.');
        }),
        note ? wireForm(h('form', { class: 'inline-form', id: 'sign-form' },
            h('p', { class: 'hint' }, 'Once signed, your note changes only by an amendment with a reason.'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign your note'))),
        async () => {
            await post('/notes/sign');
            await load(`${id}-title`, 'Your note is signed.');
        }) : null,
    ];
}

// Nobody co-signs another clinician's note; if someone asks, the server's explanation is shown as it is.
function coSignQuestion(author) {
    const answer = h('p', { class: 'cosign-answer small', role: 'status' });
    return h('div', { class: 'cosign' },
        h('button', {
            type: 'button', class: 'link small',
            onclick: async event => {
                event.currentTarget.disabled = true;
                try {
                    await post(`/notes/${encodeURIComponent(author.userId)}/co-sign`);
                    answer.textContent = 'Recorded.';
                } catch (error) {
                    answer.textContent = errorText(error);
                }
            },
        }, 'Co-sign this note?'),
        answer);
}

function differingViewColumn(s) {
    const mine = who.userId === s.peer.userId;
    const form = mine && canWork() && notesOpen(s) ? h('details', { class: 'editor', open: !s.differingViews.length },
        h('summary', {}, s.differingViews.length ? 'Add to your differing view' : 'Record a differing view'),
        wireForm(h('form', { class: 'stack', id: 'differing-form' },
            field({ id: 'differing-text', name: 'text', label: 'Your view, where it differs', type: 'textarea', rows: 5, required: true,
                hint: 'In your own words, from what you saw and heard with the person.' }),
            categoryField('differing-category', null, 'GENERAL'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record your view'))),
        async form => {
            await post('/differing-view', { text: blankToNull(form.elements.text.value), category: form.elements.category.value || null });
            await load('differing-views-title', 'Your differing view is recorded beside the psychiatrist’s note.');
        })) : null;
    return h('article', { class: 'note-col differing', id: 'differing-views', 'aria-labelledby': 'differing-views-title' },
        h('h3', { id: 'differing-views-title', tabindex: '-1' }, 'Peer specialist’s differing view'),
        h('p', { class: 'muted small' }, s.peer.name, mine ? ' (you)' : '', ', beside the psychiatrist’s note'),
        s.differingViews.length
            ? h('ul', { class: 'views' }, s.differingViews.map(v => h('li', {},
                noteText(v.text, v.withheld, v.peerId, v.category),
                h('p', { class: 'muted small' }, dateTimeWords(v.at)))))
            : h('p', { class: 'muted' }, 'None recorded.'),
        form);
}

start();
