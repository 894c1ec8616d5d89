// Restraint, seclusion and soft coercion, shared by the board, the case page, the episode page and the person's
// page: the words for measures and clocks, live countdowns to legal deadlines, the person's own crisis wishes,
// and the forms that start an episode or record coercion.
import { blankToNull, checkbox, dateTimeWords, field, h, lines, request, wireForm } from './dyad.js';

export const KINDS = [
    { value: 'SECLUSION', label: 'Seclusion' },
    { value: 'PHYSICAL_HOLD', label: 'Physical hold' },
    { value: 'MECHANICAL_RESTRAINT', label: 'Mechanical restraint' },
    { value: 'DRUG_USED_AS_RESTRAINT', label: 'Drug used as restraint' },
];

export const COERCION_KINDS = [
    { value: 'LEVERAGE_HOUSING', label: 'Leverage: housing' },
    { value: 'LEVERAGE_BENEFITS', label: 'Leverage: benefits or money' },
    { value: 'LEVERAGE_COURT', label: 'Leverage: court' },
    { value: 'THREAT_OF_INVOLUNTARY_MEASURES', label: 'Threat of involuntary measures' },
    { value: 'INVOLUNTARY_HOLD', label: 'Involuntary hold' },
    { value: 'INVOLUNTARY_COMMITMENT', label: 'Involuntary commitment' },
    { value: 'FORCED_MEDICATION', label: 'Forced medication' },
    { value: 'OUTPATIENT_COMMITMENT', label: 'Outpatient commitment' },
];

const OVERDUE_WORDS = {
    ORDER: 'Order ran out',
    FACE_TO_FACE_EVALUATION: 'Face-to-face evaluation overdue',
    DEBRIEF: 'Debrief overdue',
    DEATH_REPORT: 'Death report overdue',
};

export function kindWords(kind) {
    return KINDS.find(k => k.value === kind)?.label ?? String(kind ?? '').toLowerCase().replaceAll('_', ' ');
}

export function measuresWords(measures) {
    return (measures ?? []).map(kindWords).join(' and ') || 'ended';
}

export function coercionWords(kind) {
    return COERCION_KINDS.find(k => k.value === kind)?.label ?? kind;
}

export function overdueWords(clock) {
    return OVERDUE_WORDS[clock] ?? clock;
}

/** "3:12:05" or "48 min" until {@code iso}; "overdue by …" after it. */
export function untilWords(iso, now = Date.now()) {
    const ms = new Date(iso).getTime() - now;
    const abs = Math.abs(ms);
    const h = Math.floor(abs / 3_600_000);
    const m = Math.floor((abs % 3_600_000) / 60_000);
    const s = Math.floor((abs % 60_000) / 1000);
    const text = h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
    return ms >= 0 ? `in ${text}` : `passed ${text} ago`;
}

/** A countdown to a legal deadline; {@link tickCountdowns} keeps every one on the page current. */
export function countdown(label, iso, clock) {
    return h('li', { class: 'clock', dataset: { clock } },
        `${label} `, h('time', { datetime: iso, class: 'countdown', dataset: { due: iso }, title: dateTimeWords(iso) }, untilWords(iso)));
}

export function tickCountdowns(root = document) {
    root.querySelectorAll('time.countdown[data-due]').forEach(t => {
        t.textContent = untilWords(t.dataset.due);
        t.classList.toggle('passed', new Date(t.dataset.due).getTime() <= Date.now());
    });
}

let ticking = false;
/** Starts the one-second tick of all countdowns on the page. */
export function keepCountdownsTicking() {
    if (!ticking) {
        ticking = true;
        setInterval(() => tickCountdowns(), 1000);
    }
}

/** The clocks still running for an episode on the board or the case page. */
export function clocks(r) {
    return [
        r.orderExpiresAt ? countdown('Order ends', r.orderExpiresAt, 'order') : null,
        r.faceToFaceDueBy ? countdown('Face-to-face evaluation due', r.faceToFaceDueBy, 'face-to-face') : null,
        r.debriefDueBy ? countdown('Debrief with the peer due', r.debriefDueBy, 'debrief') : null,
        r.deathReportDueBy ? countdown('Death report due', r.deathReportDueBy, 'death-report') : null,
    ].filter(Boolean);
}

export function overdueList(overdue) {
    return overdue?.length
        ? h('p', { class: 'overdue-words' }, h('strong', {}, 'Overdue: '), overdue.map(overdueWords).join('; '))
        : null;
}

/** The person's own crisis wishes from their PAD and WRAP, in their words. */
export function personsVoice(v) {
    if (!v) {
        return null;
    }
    return h('div', { class: 'persons-voice' },
        h('p', { class: 'voice-title' }, 'In their own words'),
        v.viewsOnRestraintAndSeclusion ? h('p', {}, h('span', { class: 'role' }, 'On restraint and seclusion: '), v.viewsOnRestraintAndSeclusion) : null,
        v.whatHelpsInCrisis ? h('p', {}, h('span', { class: 'role' }, 'What helps: '), v.whatHelpsInCrisis) : null,
        v.wrapWhatHelpsInCrisis && v.wrapWhatHelpsInCrisis !== v.whatHelpsInCrisis
            ? h('p', {}, h('span', { class: 'role' }, 'WRAP, in a crisis: '), v.wrapWhatHelpsInCrisis) : null,
        v.whoToCall?.length ? h('p', {}, h('span', { class: 'role' }, 'Call: '), v.whoToCall.join('; ')) : null,
        v.refusedTreatments?.length ? h('p', {}, h('span', { class: 'role' }, 'Refuses: '), v.refusedTreatments.join(', ')) : null);
}

/** The same wishes read from a case's own advance directive and WRAP summary. */
export function voiceOfCase(c) {
    const pad = c.advanceDirective;
    const wrap = c.wrapSummary;
    if (!pad && !wrap) {
        return null;
    }
    const contact = p => [p.name, p.relationship ? `(${p.relationship})` : null, p.phone].filter(Boolean).join(' ');
    return {
        viewsOnRestraintAndSeclusion: pad?.viewsOnRestraintAndSeclusion,
        whatHelpsInCrisis: pad?.whatHelpsInCrisis,
        wrapWhatHelpsInCrisis: wrap?.whatHelpsInCrisis,
        whoToCall: [...new Set([...(pad?.whoToCall ?? []), ...(wrap?.supporters ?? [])].map(contact))],
        refusedTreatments: pad?.refusedTreatments ?? [],
    };
}

export function at(value) {
    return value ? new Date(value).toISOString() : null;
}

/** The start form on the case page: the risk, what was tried, the order for this episode. */
export function startForm(caseId, onStarted) {
    return wireForm(h('form', { class: 'stack', id: 'start-restriction' },
        field({ id: 'r-kind', name: 'kind', label: 'Measure', type: 'select', required: true, value: 'SECLUSION', options: KINDS }),
        checkbox({ id: 'r-soft', name: 'softTwoPointWristRestraint', label: 'Soft two-point wrist restraint only',
            hint: 'Mechanical restraint of the wrists with soft, cloth-like material: changes how a death is reported.' }),
        field({ id: 'r-risk', name: 'imminentRisk', label: 'Imminent risk of harm', type: 'textarea', required: true }),
        field({ id: 'r-tried', name: 'alternativesTried', label: 'Less restrictive alternatives tried', type: 'textarea',
            required: true, hint: 'One per line.' }),
        field({ id: 'r-prescriber', name: 'order.prescriberId', label: 'Ordered by (prescriber login)', required: true,
            hint: 'An order for this episode. Standing and as-needed (PRN) orders are not allowed.' }),
        field({ id: 'r-at', name: 'startedAt', label: 'Started at', type: 'datetime-local', hint: 'When it began. Leave empty for now.' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Start'))),
    async form => {
        const f = form.elements;
        const created = await request(`/api/cases/${encodeURIComponent(caseId)}/restrictions`, {
            method: 'POST', body: {
                kind: f.kind.value, softTwoPointWristRestraint: f.softTwoPointWristRestraint.checked,
                imminentRisk: blankToNull(f.imminentRisk.value), alternativesTried: lines(f.alternativesTried.value),
                order: { prescriberId: blankToNull(f['order.prescriberId'].value) }, startedAt: at(f.startedAt.value),
            },
        });
        await onStarted(created.id);
    });
}

/** A list of episodes, newest first, each linking to its page. */
export function episodeList(caseId, episodes) {
    if (!episodes.length) {
        return h('p', { class: 'muted', id: 'restriction-list' }, 'None recorded.');
    }
    return h('ul', { class: 'episodes', id: 'restriction-list' }, episodes.map(e => h('li', {
        class: e.overdue.length ? 'episode overdue' : 'episode', dataset: { interventionId: e.interventionId } },
        h('a', { href: `/cases/${encodeURIComponent(caseId)}/restrictions/${encodeURIComponent(e.interventionId)}` },
            kindWords(e.kind)), ` ${dateTimeWords(e.startedAt)} — `,
        e.endedAt ? `ended ${dateTimeWords(e.endedAt)}` : h('strong', {}, `in progress: ${measuresWords(e.measures)}`),
        e.debrief ? ' · debriefed' : e.endedAt ? ' · debrief to come' : '',
        overdueList(e.overdue))));
}

/** The soft-coercion ledger with the person's accounts, and a form to record an entry. */
export function coercionLedger(caseId, entries, { voice, onRecorded, onAccount }) {
    const list = entries.length
        ? h('ul', { class: 'ledger', id: 'coercion-list' }, entries.map(e => h('li', { dataset: { coercionId: e.coercionId } },
            h('p', {}, h('strong', {}, coercionWords(e.kind)), ` ${dateTimeWords(e.occurredAt)}, recorded by `,
                e.recordedByPersonServed ? (voice === 'person' ? 'you' : 'the person') : e.recordedByName,
                e.late ? h('span', { class: 'badge quiet' }, ' charted later') : null),
            h('p', {}, e.whatHappened),
            e.personsAccounts.map(a => h('blockquote', {}, a.text)),
            onAccount ? accountForm(`coercion-${e.coercionId}`, 'Add your account', async text => {
                await request(`/api/cases/${encodeURIComponent(caseId)}/coercion-events/${encodeURIComponent(e.coercionId)}/persons-account`,
                    { method: 'POST', body: { account: text } });
                await onAccount();
            }) : null)))
        : h('p', { class: 'muted', id: 'coercion-list' }, 'None recorded.');
    const form = wireForm(h('form', { class: 'stack', id: 'record-coercion' },
        field({ id: 'c-kind', name: 'kind', label: 'What kind', type: 'select', required: true, options: COERCION_KINDS }),
        field({ id: 'c-what', name: 'whatHappened', label: voice === 'person' ? 'What happened, in your words' : 'What happened',
            type: 'textarea', required: true }),
        field({ id: 'c-at', name: 'occurredAt', label: 'When', type: 'datetime-local', hint: 'Leave empty for now.' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record'))),
    async f => {
        await request(`/api/cases/${encodeURIComponent(caseId)}/coercion-events`, {
            method: 'POST', body: { kind: f.elements.kind.value, whatHappened: blankToNull(f.elements.whatHappened.value),
                occurredAt: at(f.elements.occurredAt.value) },
        });
        await onRecorded();
    });
    return [list, h('details', { class: 'add' }, h('summary', {}, 'Record coercion'), form)];
}

/** A small form for the person's own account. */
export function accountForm(id, label, save) {
    return h('details', { class: 'add' }, h('summary', {}, label), wireForm(h('form', { class: 'stack', id: `${id}-account` },
        field({ id: `${id}-text`, name: 'account', label: 'Your account', type: 'textarea', required: true }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add'))),
    async f => save(blankToNull(f.elements.account.value))));
}

