// /cases/new opens a case; /cases/{id} shows one to the care team: its care team, dyad, stay, and the person's
// own words. After every change the case is read again and the changed section is announced and focused.
import {
    blankToNull, dateTimeWords, dayTime, decisionStatusWords, errorText, field, fill, formError, h, initChrome,
    isoFromLocal, keepingState, pageError, radioGroup, request, roleWords, sessionStatusWords, settingWords, timeAgo, unitWords, wireForm,
} from './dyad.js';
import { ownWordsSections } from './own-words.js';
import { disclosuresSection, loadDisclosures } from './disclosures.js';
import { followCase } from './live.js';
import { coercionLedger, episodeList, startForm } from './restrictions.js';

const main = document.getElementById('main');
const caseId = decodeURIComponent(location.pathname.split('/')[2] ?? 'new');
let who;

async function start() {
    try {
        who = await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    if (who.role === 'PERSON_SERVED') {
        location.replace('/me');
        return;
    }
    if (caseId === 'new') {
        renderNewCase();
    } else {
        await load();
        if (!document.getElementById('requests')) {
            return; // a summary view: not this viewer's care team
        }
        // Anything about the case changes (a request answered, a consent revoked): read it again.
        followCase(caseId, () => load(null, null, true));
    }
}

// ---- open a case ----

function renderNewCase() {
    document.title = 'Open a case · Dyad';
    const form = wireForm(h('form', { class: 'stack panel', id: 'new-case' },
        field({ id: 'preferredName', name: 'preferredName', label: 'Preferred name', required: true, autocomplete: 'off',
            hint: 'The name the person wants to be called.' }),
        field({ id: 'pronouns', name: 'pronouns', label: 'Pronouns', autocomplete: 'off', hint: 'For example they/them. Leave empty if not shared.' }),
        field({ id: 'dateOfBirth', name: 'dateOfBirth', label: 'Date of birth', type: 'date', required: true }),
        radioGroup({ id: 'setting', name: 'setting', legend: 'Setting', required: true, value: 'INPATIENT', options: [
            { value: 'INPATIENT', label: 'Inpatient unit' }, { value: 'OUTPATIENT', label: 'Outpatient clinic' }] }),
        field({ id: 'unit', name: 'unit', label: 'Unit', required: true, value: who.unit ?? '' }),
        h('div', { class: 'actions' },
            h('button', { type: 'submit' }, 'Open the case'),
            who.unit ? h('a', { href: `/board/${encodeURIComponent(who.unit)}` }, 'Cancel') : null)),
    async form => {
        const f = form.elements;
        const created = await request('/api/cases', {
            method: 'POST', body: {
                preferredName: blankToNull(f.preferredName.value),
                pronouns: blankToNull(f.pronouns.value),
                dateOfBirth: blankToNull(f.dateOfBirth.value),
                setting: f.setting.value || null,
                unit: blankToNull(f.unit.value),
            },
        });
        location.assign(`/cases/${encodeURIComponent(created.id)}`);
    });
    fill(main, h('h1', {}, 'Open a case'),
        h('p', { class: 'muted' }, 'You join the care team of the case you open.'), form);
    main.removeAttribute('aria-busy');
    form.querySelector('input').focus();
}

// ---- one case ----

let shown = '';

async function load(focusSection, announcement, live = false) {
    let details;
    let staff = [];
    let work = { sessions: [], decisions: [], requests: [], episodes: [], coercion: [] };
    try {
        const base = `/api/cases/${encodeURIComponent(caseId)}`;
        details = await request(base);
        const full = details.access === 'FULL';
        const [team, sessions, decisions, requests, episodes, coercion] = await Promise.all([
            request(`/api/staff?unit=${encodeURIComponent(details.unit)}`),
            full ? request(`${base}/sessions`) : [],
            full ? request(`${base}/decisions`) : [],
            full ? loadDisclosures(caseId) : [],
            full ? request(`${base}/restrictions`) : [],
            full ? request(`${base}/coercion-events`) : [],
        ]);
        staff = team;
        work = { sessions, decisions, requests, episodes, coercion };
    } catch (error) {
        if (live) {
            return;
        }
        pageError(main, error);
        main.removeAttribute('aria-busy');
        return;
    }
    const key = JSON.stringify([details, staff, work]);
    if (live) {
        // A live update keeps what the reader was typing, and where they were.
        if (key !== shown) {
            shown = key;
            keepingState(main, () => render(details, staff, work));
        }
        return;
    }
    shown = key;
    render(details, staff, work);
    if (announcement) {
        document.getElementById('announce').textContent = announcement;
    }
    if (focusSection) {
        document.getElementById(`${focusSection}-title`)?.focus();
    }
}

const reload = (section, message) => load(section, message);

function render(c, staff, work) {
    document.title = `${c.preferredName} · Dyad`;
    const full = c.access === 'FULL';
    fill(main,
        h('header', { class: 'case-head' },
            h('h1', { id: 'case-title', tabindex: '-1' }, c.preferredName,
                c.pronouns ? h('span', { class: 'pronouns' }, ` (${c.pronouns})`) : null),
            h('p', { class: 'facts' },
                h('span', {}, unitWords(c.unit)),
                h('span', {}, settingWords(c.setting)),
                c.admitted ? h('span', { class: 'badge admitted' }, 'Admitted') : null,
                c.dateOfBirth ? h('span', {}, `Born ${c.dateOfBirth}`) : null,
                c.restricted ? h('span', { class: 'badge quiet' }, 'Restricted record') : null,
                c.closed ? h('span', { class: 'badge quiet' }, 'Closed') : null),
            c.nextSession || c.decisionsWaiting ? h('p', { class: 'facts', id: 'case-work' },
                c.nextSession ? h('span', { class: 'next-session-line' }, 'Next co-treatment session: ',
                    linkIf(full, `/cases/${encodeURIComponent(c.id)}/sessions/${encodeURIComponent(c.nextSession.sessionId)}`,
                        c.nextSession.inProgress ? 'in progress now' : dayTime(c.nextSession.scheduledFor)),
                    c.nextSession.place ? `, ${c.nextSession.place}` : '') : null,
                c.decisionsWaiting ? h('span', { class: 'badge status with_the_person' },
                    `${c.decisionsWaiting} ${c.decisionsWaiting === 1 ? 'decision' : 'decisions'} waiting for the person`) : null) : null,
            h('p', { class: 'muted small' }, `Opened ${dateTimeWords(c.openedAt)} · last activity `, timeAgo(c.lastActivity))),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        full ? null : summaryNotice(c),
        h('div', { class: 'case-grid' },
            careTeamSection(c, staff),
            dyadSection(c),
            full ? sessionsSection(c, work.sessions) : null,
            full ? decisionsSection(c, work.decisions) : null,
            full ? disclosuresSection({ caseId: c.id, careTeam: c.careTeam, who, requests: work.requests, reload }) : null,
            full ? staySection(c) : null,
            full ? restrictionsSection(c, work.episodes) : null,
            full ? coercionSection(c, work.coercion) : null,
            full ? ownWordsSections(c, { voice: 'team', prefix: 'case', saved: reload }) : null));
    main.removeAttribute('aria-busy');
}

function linkIf(condition, href, ...content) {
    return condition ? h('a', { href }, ...content) : h('span', {}, ...content);
}

function summaryNotice(c) {
    const form = wireForm(h('form', { class: 'notice inline-form' },
        h('p', {}, 'You see a summary. The person’s own words — goals, PAD and WRAP — are for their care team.'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Join the care team'))),
    async () => {
        await request(`/api/cases/${encodeURIComponent(c.id)}/care-team`, { method: 'POST', body: { userId: who.userId } });
        await reload('team', 'You joined the care team.');
    });
    return form;
}

function panel(id, title, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
        h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...content);
}

function careTeamSection(c, staff) {
    const base = `/api/cases/${encodeURIComponent(c.id)}/care-team`;
    const errors = h('div', { class: 'section-errors' });
    const members = h('ul', { class: 'team', id: 'care-team-list' }, c.careTeam.map(m => h('li', { dataset: { userId: m.userId } },
        h('span', { class: 'member' }, h('strong', {}, m.displayName), ' ', h('span', { class: 'muted' }, roleWords(m.role))),
        m.userId === who.userId ? h('span', { class: 'muted small' }, 'you') : null,
        h('button', {
            type: 'button', class: 'link', 'aria-label': `Take ${m.displayName} off the care team`,
            onclick: async event => {
                const button = event.currentTarget;
                button.disabled = true;
                try {
                    await request(`${base}/${encodeURIComponent(m.userId)}`, { method: 'DELETE' });
                    await reload('team', `${m.displayName} is off the care team.`);
                } catch (error) {
                    button.disabled = false;
                    formError(errors, errorText(error), error?.status === 401).focus();
                }
            },
        }, 'Remove'))));
    const candidates = staff.filter(s => !c.careTeam.some(m => m.userId === s.userId));
    const add = candidates.length
        ? wireForm(h('form', { class: 'inline-form', id: 'add-member' },
            field({ id: 'add-member-user', name: 'userId', label: 'Add a staff member', type: 'select',
                options: candidates.map(s => ({ value: s.userId, label: `${s.displayName} — ${roleWords(s.role)}` })) }),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add to care team'))),
        async form => {
            const option = form.elements.userId.selectedOptions[0];
            await request(base, { method: 'POST', body: { userId: form.elements.userId.value } });
            await reload('team', `${option.textContent.split(' — ')[0]} joined the care team.`);
        })
        : h('p', { class: 'muted' }, `Everyone on the ${unitWords(c.unit)} staff is on this team.`);
    return panel('team', 'Care team', members, errors, add);
}

function dyadSection(c) {
    const full = c.access === 'FULL';
    const base = `/api/cases/${encodeURIComponent(c.id)}/dyad`;
    if (c.dyad) {
        return panel('dyad', 'Dyad',
            h('dl', { class: 'dyad-view', id: 'dyad-view' },
                h('dt', {}, 'Peer specialist'), h('dd', {}, c.dyad.peerName),
                h('dt', {}, 'Psychiatrist'), h('dd', {}, c.dyad.psychiatristName),
                h('dt', {}, 'Formed'), h('dd', {}, dateTimeWords(c.dyad.formedAt))),
            full ? h('details', { class: 'editor' }, h('summary', {}, 'Dissolve the dyad'), dissolveForm(base)) : null);
    }
    if (!full) {
        return panel('dyad', 'Dyad', h('p', { class: 'muted', id: 'dyad-view' }, 'No dyad yet.'));
    }
    const peers = c.careTeam.filter(m => m.role === 'PEER_SPECIALIST');
    const psychiatrists = c.careTeam.filter(m => m.role === 'PSYCHIATRIST');
    const missing = [peers.length ? null : 'a peer specialist', psychiatrists.length ? null : 'a psychiatrist'].filter(Boolean);
    if (missing.length) {
        return panel('dyad', 'Dyad', h('p', { class: 'muted', id: 'dyad-view' },
            `No dyad yet. Add ${missing.join(' and ')} to the care team to form one.`));
    }
    const options = members => members.map(m => ({ value: m.userId, label: m.displayName }));
    const form = wireForm(h('form', { class: 'stack', id: 'form-dyad' },
        field({ id: 'dyad-peer', name: 'peerId', label: 'Peer specialist', type: 'select', options: options(peers) }),
        field({ id: 'dyad-psychiatrist', name: 'psychiatristId', label: 'Psychiatrist', type: 'select', options: options(psychiatrists) }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Form the dyad'))),
    async form => {
        await request(base, { method: 'POST', body: { peerId: form.elements.peerId.value, psychiatristId: form.elements.psychiatristId.value } });
        await reload('dyad', 'The dyad is formed.');
    });
    return panel('dyad', 'Dyad', h('p', { class: 'muted', id: 'dyad-view' }, 'No dyad yet. Pair a peer specialist and a psychiatrist from the care team.'), form);
}

function dissolveForm(base) {
    return wireForm(h('form', { class: 'inline-form', id: 'dissolve-dyad' },
        field({ id: 'dissolve-reason', name: 'reason', label: 'Reason for dissolving (optional)' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Dissolve the dyad'))),
    async form => {
        const reason = blankToNull(form.elements.reason.value);
        await request(reason ? `${base}?reason=${encodeURIComponent(reason)}` : base, { method: 'DELETE' });
        await reload('dyad', 'The dyad is dissolved.');
    });
}

// ---- co-treatment sessions and shared decisions: lists linking to their pages, and a form to start one ----

function sessionsSection(c, sessions) {
    const base = `/cases/${encodeURIComponent(c.id)}/sessions`;
    const list = sessions.length
        ? h('ul', { class: 'item-list', id: 'session-list' }, sessions.map(s => h('li', { dataset: { sessionId: s.sessionId } },
            h('a', { href: `${base}/${encodeURIComponent(s.sessionId)}` }, dayTime(s.scheduledFor), s.place ? `, ${s.place}` : ''),
            h('span', { class: `badge status ${s.status.toLowerCase()}` }, sessionStatusWords(s.status)),
            s.kindInWords ? h('span', { class: 'muted' }, s.kindInWords) : null)))
        : h('p', { class: 'muted', id: 'session-list' }, 'No co-treatment sessions yet.');
    if (!c.dyad) {
        return panel('sessions', 'Co-treatment sessions', list,
            h('p', { class: 'muted' }, 'A co-treatment session brings the peer specialist and the psychiatrist together with the person. Form the dyad first.'));
    }
    const form = wireForm(h('form', { class: 'stack', id: 'schedule-session' },
        h('h3', { class: 'form-title' }, 'Schedule a session'),
        field({ id: 'session-when', name: 'scheduledFor', label: 'When', type: 'datetime-local', required: true }),
        field({ id: 'session-place', name: 'place', label: 'Place', hint: 'For example Room 3, or video call.', autocomplete: 'off' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Schedule the session'))),
    async form => {
        const created = await request(`/api/cases/${encodeURIComponent(c.id)}/sessions`, {
            method: 'POST', body: { scheduledFor: isoFromLocal(form.elements.scheduledFor.value), place: blankToNull(form.elements.place.value) },
        });
        location.assign(`${base}/${encodeURIComponent(created.id)}`);
    });
    return panel('sessions', 'Co-treatment sessions', list, form);
}

function decisionsSection(c, decisions) {
    const base = `/cases/${encodeURIComponent(c.id)}/decisions`;
    const list = decisions.length
        ? h('ul', { class: 'item-list', id: 'decision-list' }, decisions.map(d => h('li', { dataset: { decisionId: d.decisionId, status: d.status } },
            h('a', { href: `${base}/${encodeURIComponent(d.decisionId)}` }, d.question),
            h('span', { class: `badge status ${d.status.toLowerCase()}` }, decisionStatusWords(d.status)),
            h('span', { class: 'muted' }, `${d.options.length} ${d.options.length === 1 ? 'option' : 'options'}`))))
        : h('p', { class: 'muted', id: 'decision-list' }, 'No decisions yet.');
    const form = wireForm(h('form', { class: 'stack', id: 'open-decision' },
        h('h3', { class: 'form-title' }, 'Open a decision'),
        field({ id: 'decision-question', name: 'question', label: 'The question, in the person’s words', required: true,
            hint: 'For example: What to do about sleep.', autocomplete: 'off' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Open the decision'))),
    async form => {
        const created = await request(`/api/cases/${encodeURIComponent(c.id)}/decisions`, {
            method: 'POST', body: { question: blankToNull(form.elements.question.value) },
        });
        location.assign(`${base}/${encodeURIComponent(created.id)}`);
    });
    return panel('decisions', 'Shared decisions',
        h('p', { class: 'hint' }, 'Options, not directives: the care team puts options on the table, and the person chooses.'),
        list, form);
}

function restrictionsSection(c, episodes) {
    return panel('restrictions', 'Restraint and seclusion',
        h('p', { class: 'hint' }, 'Only for an imminent risk of harm, after less restrictive alternatives, under an order for this episode.'),
        episodeList(c.id, episodes),
        c.closed ? null : h('details', { class: 'add' }, h('summary', {}, 'Start restraint or seclusion'),
            startForm(c.id, id => location.assign(`/cases/${encodeURIComponent(c.id)}/restrictions/${encodeURIComponent(id)}`))));
}

function coercionSection(c, entries) {
    return panel('coercion', 'Soft coercion',
        h('p', { class: 'hint' }, 'Leverage, threats and involuntary measures, so the team can see them and reduce them.'),
        coercionLedger(c.id, entries, { voice: 'team', onRecorded: () => reload('coercion', 'Coercion recorded.') }));
}

function staySection(c) {
    const base = `/api/cases/${encodeURIComponent(c.id)}`;
    const verb = c.admitted ? 'discharge' : 'admit';
    const current = c.stays?.at(-1);
    const form = wireForm(h('form', { class: 'inline-form', id: 'stay-form' },
        field({ id: 'stay-at', name: 'occurredAt', label: c.admitted ? 'Discharged at' : 'Admitted at', type: 'datetime-local',
            hint: 'When it happened. Leave empty for now.' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, c.admitted ? 'Discharge' : 'Admit'))),
    async form => {
        const at = form.elements.occurredAt.value;
        await request(`${base}/${verb}`, { method: 'POST', body: { occurredAt: at ? new Date(at).toISOString() : null } });
        await reload('stay', c.admitted ? 'Discharged.' : 'Admitted.');
    });
    const onLeave = current?.leaves?.at(-1) && !current.leaves.at(-1).returnedAt && c.admitted;
    const leave = c.admitted ? wireForm(h('form', { class: 'inline-form', id: 'leave-form' },
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, onLeave ? 'Back from leave' : 'Goes on leave'))),
    async () => {
        await request(`${base}/${onLeave ? 'return' : 'leave'}`, { method: 'POST', body: {} });
        await reload('stay', onLeave ? 'Back from leave.' : 'On leave.');
    }) : null;
    return panel('stay', 'Inpatient stay',
        h('p', { id: 'stay-view' }, c.admitted
            ? `Admitted since ${dateTimeWords(current?.admittedAt)}${onLeave ? `; on leave since ${dateTimeWords(current.leaves.at(-1).leftAt)}` : ''}.`
            : current ? `Discharged ${dateTimeWords(current.dischargedAt)}.` : 'Not admitted.'),
        form, leave);
}

start();
