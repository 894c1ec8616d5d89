// /cases/{id}/restrictions/{rid}: one restraint or seclusion episode for nurses and prescribers. The person's own
// crisis wishes first; then the clocks, the measures over time, the orders, the face-to-face evaluation, monitoring,
// injuries, a death and its report, the debrief and the person's own accounts, with a form for each step.
// Every entry takes the clinical time it happened; entries charted more than an hour later are marked late.
import {
    blankToNull, checkbox, checkGroup, checkedValues, dateTimeWords, field, fill, h, initChrome, keepingState, pageError,
    request, wireForm,
} from './dyad.js';
import { followCase } from './live.js';
import {
    accountForm, at, clocks, KINDS, keepCountdownsTicking, kindWords, measuresWords, overdueList,
    personsVoice, tickCountdowns, voiceOfCase,
} from './restrictions.js';

const main = document.getElementById('main');
const [, , rawCaseId, , rawId] = location.pathname.split('/');
const caseId = decodeURIComponent(rawCaseId ?? '');
const id = decodeURIComponent(rawId ?? '');
const caseApi = `/api/cases/${encodeURIComponent(caseId)}`;
const api = `${caseApi}/restrictions/${encodeURIComponent(id)}`;
let who;
let shown = '';

async function start() {
    try {
        who = await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    await load();
    followCase(caseId, () => load(null, true));
    keepCountdownsTicking();
}

async function load(announcement, live = false) {
    let episode;
    let details;
    try {
        [episode, details] = await Promise.all([request(api), request(caseApi)]);
    } catch (error) {
        if (!live) {
            pageError(main, error);
            main.removeAttribute('aria-busy');
        }
        return;
    }
    const key = JSON.stringify([episode, details.advanceDirective, details.wrapSummary]);
    if (live && key === shown) {
        return;
    }
    shown = key;
    if (live) {
        keepingState(main, () => render(episode, details));
    } else {
        render(episode, details);
    }
    if (announcement && announcement !== true) {
        document.getElementById('announce').textContent = announcement;
    }
    tickCountdowns(main);
}

const person = () => who.role === 'PERSON_SERVED';
const late = (occurred, recorded, isLate) => isLate
    ? h('span', { class: 'late' }, ` (charted ${dateTimeWords(recorded)})`) : null;

function render(e, c) {
    document.title = `${kindWords(e.kind)} · ${c.preferredName} · Dyad`;
    const team = !person() && !c.closed;
    fill(main,
        h('p', { class: 'crumbs' }, person() ? h('a', { href: '/me' }, 'Back to your space')
            : h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, `${c.preferredName}’s case`)),
        h('header', { class: 'case-head' },
            h('h1', { id: 'episode-title', tabindex: '-1' }, `${kindWords(e.kind)} for ${c.preferredName}`),
            h('p', { class: 'facts' }, `Started ${dateTimeWords(e.startedAt)}`, late(e.startedAt, e.startRecordedAt, e.startLate),
                e.startedByName ? ` by ${e.startedByName}` : '',
                e.endedAt ? [' · ended ', dateTimeWords(e.endedAt), late(e.endedAt, e.endRecordedAt, e.endLate)]
                    : h('strong', { id: 'in-progress' }, ` · in progress: ${measuresWords(e.measures)}`))),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        person() ? null : personsVoice(voiceOfCase(c)),
        h('section', { class: 'panel', id: 'clocks', 'aria-label': 'Clocks' },
            h('h2', {}, 'Clocks'),
            overdueList(e.overdue),
            h('ul', { class: 'clocks' }, clocks({
                orderExpiresAt: e.endedAt ? null : e.orderExpiresAt,
                faceToFaceDueBy: e.faceToFace ? null : e.faceToFaceDueBy,
                debriefDueBy: e.endedAt && !e.debrief ? e.debriefDueBy : null,
                deathReportDueBy: e.death && !e.death.reportedAt ? e.death.reportDueBy : null,
            })),
            e.orderLapses.length ? h('p', { class: 'overdue-words' }, 'The order ran out while the measure went on: ',
                e.orderLapses.map(dateTimeWords).join(', ')) : null),
        h('div', { class: 'case-grid' },
            panel('why', 'Why',
                h('p', {}, h('strong', {}, 'Imminent risk: '), e.imminentRisk),
                h('p', {}, h('strong', {}, 'Tried first: ')), h('ul', {}, e.alternativesTried.map(a => h('li', {}, a))),
                e.softTwoPointWristRestraint ? h('p', { class: 'muted' }, 'Soft two-point wrist restraint.') : null),
            panel('measures', 'Measures over time',
                h('ul', { id: 'periods' }, e.periods.map(p => h('li', {}, kindWords(p.kind), ': ', dateTimeWords(p.from), ' – ',
                    p.to ? dateTimeWords(p.to) : 'now'))),
                team && !e.endedAt ? measuresForm(e) : null,
                team && !e.endedAt ? endForm() : null),
            panel('orders', 'Orders',
                h('ul', { id: 'orders' }, e.orders.map(o => h('li', {}, `${o.prescriberName ?? o.prescriberId}, `,
                    dateTimeWords(o.orderedAt), `, until ${dateTimeWords(o.expiresAt)}`,
                    o.inPersonEvaluation ? ' (after seeing the person)' : '', late(o.orderedAt, o.recordedAt, o.late)))),
                team && !e.endedAt ? renewForm() : null),
            panel('face-to-face', 'Face-to-face evaluation',
                e.faceToFace ? h('div', { id: 'face-to-face-view' },
                    h('p', {}, `${e.faceToFace.evaluatorName}, ${dateTimeWords(e.faceToFace.evaluatedAt)} — `,
                        e.faceToFace.withinTheHour ? 'within the hour' : h('strong', { class: 'overdue-words' }, 'after the hour'),
                        late(e.faceToFace.evaluatedAt, e.faceToFace.recordedAt, e.faceToFace.late)),
                    h('p', {}, e.faceToFace.findings))
                    : h('p', { class: 'muted', id: 'face-to-face-view' }, `Due by ${dateTimeWords(e.faceToFaceDueBy)}.`),
                team && !e.faceToFace ? evaluationForm() : null),
            panel('monitoring', 'Monitoring',
                e.monitoring.length ? h('ul', { id: 'monitoring-list' }, [...e.monitoring].reverse().map(m => h('li', {},
                    h('strong', {}, dateTimeWords(m.observedAt)), ` ${m.observerName}: ${m.text}`, late(m.observedAt, m.recordedAt, m.late))))
                    : h('p', { class: 'muted', id: 'monitoring-list' }, 'No entries yet.'),
                team ? monitoringForm() : null),
            panel('injuries', 'Injuries and death',
                e.injuries.length ? h('ul', {}, e.injuries.map(i => h('li', {}, dateTimeWords(i.occurredAt),
                    i.injured === 'STAFF' ? ' (staff): ' : ' (the person): ', i.description))) : h('p', { class: 'muted' }, 'No injuries recorded.'),
                e.death ? deathView(e.death) : null,
                team ? injuryForm() : null,
                team && !e.death ? deathForm() : null,
                team && e.death && e.death.reporting !== 'NONE' && !e.death.reportedAt ? reportForm() : null),
            panel('debrief', 'Debrief',
                e.debrief ? h('div', { id: 'debrief-view' },
                    h('p', { class: 'muted' }, `With ${e.debrief.peerName ?? e.debrief.peerId}, ${dateTimeWords(e.debrief.heldAt)}`,
                        e.debrief.withinTheDay ? '' : ' — after the day it was due'),
                    e.debrief.personsAccount ? h('blockquote', {}, h('strong', {}, 'The person: '), e.debrief.personsAccount) : null,
                    e.debrief.whatWouldHaveHelped ? h('p', {}, h('strong', {}, 'What would have helped: '), e.debrief.whatWouldHaveHelped) : null,
                    h('p', {}, h('strong', {}, 'The team: '), e.debrief.teamAccount),
                    h('p', {}, h('strong', {}, 'What will change: '), e.debrief.whatToChange))
                    : h('p', { class: 'muted', id: 'debrief-view' }, e.endedAt ? `Due by ${dateTimeWords(e.debriefDueBy)}, with the peer present.`
                        : 'After the episode ends, with the peer present.'),
                team && e.endedAt && !e.debrief ? debriefForm(c) : null),
            panel('accounts', person() ? 'Your account' : 'The person’s own account',
                e.personsAccounts.length ? h('ul', { id: 'accounts-list' }, e.personsAccounts.map(a => h('li', {},
                    a.account ? h('blockquote', {}, a.account) : null,
                    a.whatWouldHaveHelped ? h('p', {}, h('strong', {}, 'What would have helped: '), a.whatWouldHaveHelped) : null,
                    h('p', { class: 'muted small' }, dateTimeWords(a.recordedAt)))))
                    : h('p', { class: 'muted', id: 'accounts-list' }, 'Nothing added yet.'),
                person() ? accountForm('episode', 'Add your account', async text => {
                    await request(`${api}/persons-account`, { method: 'POST', body: { account: text } });
                    await load('Your account is added.');
                }) : null)));
    main.removeAttribute('aria-busy');
}

function panel(id, title, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
        h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...content);
}

function deathView(d) {
    const where = { CMS: 'to CMS', INTERNAL_LOG: 'in the internal log', NONE: 'no report required' }[d.reporting];
    return h('p', { id: 'death-view' }, h('strong', {}, `Died ${dateTimeWords(d.diedAt)}. `),
        d.reporting === 'NONE' ? where : d.reportedAt ? `Reported ${where} ${dateTimeWords(d.reportedAt)}${d.reportedInTime ? '' : ' (late)'}.`
            : `Report ${where} by ${dateTimeWords(d.reportDueBy)}.`);
}

function post(path, body, message) {
    return async () => {
        await request(`${api}/${path}`, { method: 'POST', body });
        await load(message);
    };
}

const when = (idPrefix, label = 'When') =>
    field({ id: `${idPrefix}-at`, name: 'at', label, type: 'datetime-local', hint: 'When it happened. Leave empty for now.' });

function evaluationForm() {
    return wireForm(h('form', { class: 'stack', id: 'face-to-face-form' },
        field({ id: 'f2f-findings', name: 'findings', label: 'Findings', type: 'textarea', required: true,
            hint: 'The person’s condition and reaction, and whether to go on.' }),
        when('f2f', 'Evaluated at'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record the evaluation'))),
    f => post('face-to-face', { findings: blankToNull(f.elements.findings.value), at: at(f.elements.at.value) }, 'Evaluation recorded.')());
}

function monitoringForm() {
    return h('details', { class: 'add' }, h('summary', {}, 'Add a monitoring entry'),
        wireForm(h('form', { class: 'stack', id: 'monitoring-form' },
            field({ id: 'mon-text', name: 'observation', label: 'Observation', type: 'textarea', required: true }),
            when('mon', 'Observed at'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add'))),
        f => post('monitoring', { observation: blankToNull(f.elements.observation.value), at: at(f.elements.at.value) }, 'Entry added.')()));
}

function renewForm() {
    return h('details', { class: 'add' }, h('summary', {}, 'Renew the order'),
        wireForm(h('form', { class: 'stack', id: 'renew-form' },
            field({ id: 'renew-prescriber', name: 'prescriberId', label: 'Prescriber login', required: true }),
            field({ id: 'renew-minutes', name: 'validForMinutes', label: 'For how many minutes', type: 'number',
                hint: 'At most 240 for adults, 120 for ages 9–17, 60 under 9. Leave empty for the most allowed.' }),
            checkbox({ id: 'renew-seen', name: 'inPersonEvaluation', label: 'The prescriber saw the person in person',
                hint: 'Needed once renewals pass 24 hours.' }),
            when('renew', 'Ordered at'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Renew'))),
        f => post('renewals', {
            prescriberId: blankToNull(f.elements.prescriberId.value),
            validForMinutes: f.elements.validForMinutes.value ? Number(f.elements.validForMinutes.value) : null,
            inPersonEvaluation: f.elements.inPersonEvaluation.checked, orderedAt: at(f.elements.at.value),
        }, 'Order renewed.')()));
}

function measuresForm(e) {
    return h('details', { class: 'add' }, h('summary', {}, 'Change the measures'),
        wireForm(h('form', { class: 'stack', id: 'measures-form' },
            checkGroup({ id: 'measures', name: 'measures', legend: 'Measures in place from now', options: KINDS, values: e.measures }),
            when('measures', 'Changed at'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change'))),
        f => post('measures', { measures: checkedValues(f, 'measures'), at: at(f.elements.at.value) }, 'Measures changed.')()));
}

function endForm() {
    return wireForm(h('form', { class: 'inline-form', id: 'end-form' }, when('end', 'Ended at'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'End the episode'))),
    f => post('end', { at: at(f.elements.at.value) }, 'Episode ended. The debrief with the peer is due within 24 hours.')());
}

function injuryForm() {
    return h('details', { class: 'add' }, h('summary', {}, 'Record an injury'),
        wireForm(h('form', { class: 'stack', id: 'injury-form' },
            field({ id: 'inj-who', name: 'injured', label: 'Who was injured', type: 'select', required: true,
                options: [{ value: 'PERSON_SERVED', label: 'The person served' }, { value: 'STAFF', label: 'Staff' }] }),
            field({ id: 'inj-what', name: 'description', label: 'The injury', type: 'textarea', required: true }),
            when('inj'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record'))),
        f => post('injuries', { injured: f.elements.injured.value, description: blankToNull(f.elements.description.value),
            at: at(f.elements.at.value) }, 'Injury recorded.')()));
}

function deathForm() {
    return h('details', { class: 'add' }, h('summary', {}, 'Record a death'),
        wireForm(h('form', { class: 'stack', id: 'death-form' },
            when('death', 'Died at'),
            checkbox({ id: 'death-contributed', name: 'measureMayHaveContributed', label: 'Restraint or seclusion may have contributed' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record'))),
        f => post('death', { at: at(f.elements.at.value), measureMayHaveContributed: f.elements.measureMayHaveContributed.checked },
            'Death recorded; its reporting duty and due time are shown.')()));
}

function reportForm() {
    return wireForm(h('form', { class: 'inline-form', id: 'report-form' }, when('report', 'Reported at'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record that it was reported'))),
    f => post('death-report', { at: at(f.elements.at.value) }, 'Report recorded.')());
}

function debriefForm(c) {
    const peer = c.dyad?.peerId ?? c.careTeam.find(m => m.role === 'PEER_SPECIALIST')?.userId ?? '';
    return wireForm(h('form', { class: 'stack', id: 'debrief-form' },
        field({ id: 'db-peer', name: 'peerId', label: 'Peer present (login)', required: true, value: peer }),
        field({ id: 'db-person', name: 'personsAccount', label: 'The person’s account, in their words', type: 'textarea',
            hint: 'If they chose not to speak, leave it empty; they can add it themselves later.' }),
        field({ id: 'db-helped', name: 'whatWouldHaveHelped', label: 'What would have helped, in their words', type: 'textarea' }),
        field({ id: 'db-team', name: 'teamAccount', label: 'The team’s account', type: 'textarea', required: true }),
        field({ id: 'db-change', name: 'whatToChange', label: 'What the team will change', type: 'textarea', required: true }),
        when('db', 'Held at'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record the debrief'))),
    f => post('debrief', {
        peerId: blankToNull(f.elements.peerId.value), personsAccount: blankToNull(f.elements.personsAccount.value),
        whatWouldHaveHelped: blankToNull(f.elements.whatWouldHaveHelped.value), teamAccount: blankToNull(f.elements.teamAccount.value),
        whatToChange: blankToNull(f.elements.whatToChange.value), at: at(f.elements.at.value),
    }, 'Debrief recorded.')());
}

start();
