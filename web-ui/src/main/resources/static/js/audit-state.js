// The case as it was at the chosen event; withheld words show as what they are, never as a gap.
import {
    categoryWords, dateTimeWords, decisionStatusWords, fill, h, lockIcon, purposeWords, roleWords, sessionStatusWords,
    settingWords, unitWords,
} from './dyad.js';

export function renderState(el, asOf, index, total) {
    const s = asOf.state;
    el.dataset.event = asOf.lastEvent ?? '';
    el.dataset.eventsFolded = String(asOf.eventsFolded);
    fill(el,
        h('h2', { id: 'state-title' }, `State as of event ${index + 1} of ${total}`),
        h('p', { class: 'muted small' }, asOf.lastEventAt ? `As recorded by ${dateTimeWords(asOf.lastEventAt)}` : 'Before anything was recorded'),
        s.case ? caseState(s.case) : h('p', { class: 'muted' }, 'The case was not yet opened.'),
        list('Co-treatment sessions', 'state-sessions', s.sessions, session),
        list('Shared decisions', 'state-decisions', s.decisions, decision),
        list('Consents', 'state-consents', s.consents, consent),
        list('Requests for information', 'state-disclosures', s.disclosures, disclosure),
        list('Restraint and seclusion', 'state-restrictions', s.restrictions, restriction),
        list('Soft coercion', 'state-coercion', s.coercion, coercion),
        Object.entries(s).filter(([key]) => !KNOWN.includes(key))
            .map(([key, items]) => list(key, `state-${key}`, items, item => h('pre', { class: 'payload' }, JSON.stringify(item, null, 2)))));
}

const KNOWN = ['case', 'sessions', 'decisions', 'consents', 'disclosures', 'restrictions', 'coercion'];

const KIND_WORDS = {
    PHYSICAL_HOLD: 'physical hold', MECHANICAL_RESTRAINT: 'mechanical restraint',
    DRUG_USED_AS_RESTRAINT: 'drug used as restraint', SECLUSION: 'seclusion',
};
const CLOCK_WORDS = {
    ORDER: 'order ran out', FACE_TO_FACE_EVALUATION: 'face-to-face evaluation overdue',
    DEBRIEF: 'debrief overdue', DEATH_REPORT: 'death report overdue',
};
const words_ = value => String(value ?? '').toLowerCase().replaceAll('_', ' ');

function restriction(r) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, KIND_WORDS[r.kind] ?? words_(r.kind)),
            ` from ${dateTimeWords(r.startedAt)}`, r.endedAt ? ` to ${dateTimeWords(r.endedAt)}` : ', in progress',
            r.startLate ? h('span', { class: 'badge quiet' }, ' charted late') : null),
        h('p', { class: 'small' }, 'Risk: ', r.imminentRisk, '. Tried first: ', r.alternativesTried.join(', '), '.'),
        h('p', { class: 'small' }, r.faceToFace
            ? `Face-to-face evaluation ${r.faceToFace.withinTheHour ? 'within the hour' : 'after the hour'} by ${r.faceToFace.evaluatorName}`
            : 'No face-to-face evaluation yet'),
        r.overdue.length ? h('p', { class: 'small overdue-words' }, r.overdue.map(c => CLOCK_WORDS[c] ?? words_(c)).join('; ')) : null,
        r.debrief ? h('p', { class: 'small' }, `Debriefed with ${r.debrief.peerName}`,
            r.debrief.personsAccount ? [': “', r.debrief.personsAccount, '”'] : '') : null,
        r.personsAccounts.map(a => h('blockquote', {}, a.account ?? a.whatWouldHaveHelped)),
    ];
}

function coercion(c) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, words_(c.kind)), ` ${dateTimeWords(c.occurredAt)}, recorded by `,
            c.recordedByPersonServed ? 'the person' : c.recordedByName),
        h('p', { class: 'small' }, c.whatHappened),
        c.personsAccounts.map(a => h('blockquote', {}, a.text)),
    ];
}

function caseState(c) {
    return h('div', { id: 'state-case' },
        h('h3', {}, c.preferredName, c.pronouns ? h('span', { class: 'pronouns' }, ` (${c.pronouns})`) : null),
        h('p', { class: 'facts' },
            h('span', {}, unitWords(c.unit)), ' · ', h('span', {}, settingWords(c.setting)), ' ',
            c.admitted ? h('span', { class: 'badge admitted' }, 'Admitted') : h('span', { class: 'badge quiet' }, 'Not admitted'), ' ',
            c.restricted ? h('span', { class: 'badge quiet', id: 'state-restricted' }, 'Restricted record') : null, ' ',
            c.closed ? h('span', { class: 'badge quiet' }, 'Closed') : null),
        h('dl', { class: 'words' },
            h('dt', {}, 'Care team'), h('dd', { id: 'state-care-team' }, c.careTeam.length
                ? h('ul', {}, c.careTeam.map(m => h('li', {}, `${m.displayName} — ${roleWords(m.role)}`))) : 'nobody'),
            h('dt', {}, 'Dyad'), h('dd', { id: 'state-dyad' }, c.dyad ? `${c.dyad.peerName} (peer) and ${c.dyad.psychiatristName} (psychiatrist)` : 'none'),
            h('dt', {}, 'Goals'), h('dd', {}, c.goals ? goals(c.goals) : 'none recorded'),
            h('dt', {}, 'Advance directive'), h('dd', {}, c.advanceDirective ? directive(c.advanceDirective) : 'none recorded'),
            h('dt', {}, 'WRAP'), h('dd', {}, c.wrapSummary ? wrap(c.wrapSummary) : 'none recorded'),
            h('dt', {}, 'Stays'), h('dd', {}, c.stays.length ? h('ul', {}, c.stays.map(st =>
                h('li', {}, `admitted ${dateTimeWords(st.admittedAt)}`, st.dischargedAt ? `, discharged ${dateTimeWords(st.dischargedAt)}` : ', still admitted')))
                : 'none')));
}

function goals(g) {
    return [
        g.whatMattersMost ? h('blockquote', {}, g.whatMattersMost) : null,
        g.goals.length ? h('ul', {}, g.goals.map(x => h('li', {}, x))) : null,
        g.personalMedicine.length ? h('p', { class: 'small' }, 'Personal medicine: ', g.personalMedicine.join(', ')) : null,
    ];
}

function directive(d) {
    return h('ul', {},
        d.preferredTreatments.length ? h('li', {}, 'Prefers: ', d.preferredTreatments.join(', ')) : null,
        d.refusedTreatments.length ? h('li', {}, 'Refuses: ', d.refusedTreatments.join(', ')) : null,
        d.viewsOnRestraintAndSeclusion ? h('li', {}, 'On restraint and seclusion: ', d.viewsOnRestraintAndSeclusion) : null,
        d.proxy ? h('li', {}, 'Proxy: ', d.proxy.name) : null);
}

function wrap(w) {
    return h('ul', {},
        w.wellnessTools.length ? h('li', {}, 'Wellness tools: ', w.wellnessTools.join(', ')) : null,
        w.whatHelpsInCrisis ? h('li', {}, 'In a crisis: ', w.whatHelpsInCrisis) : null);
}

function list(title, id, items, render) {
    return h('section', { class: 'state-part', id, 'aria-label': title },
        h('h3', {}, `${title} (${(items ?? []).length})`),
        items?.length ? h('ul', { class: 'consent-list' }, items.map(item => h('li', {}, render(item)))) : h('p', { class: 'muted small' }, 'none'));
}

function words(text, withheld) {
    return withheld ? h('p', { class: 'note-text withheld' }, lockIcon(), text) : h('p', { class: 'note-text' }, text);
}

function session(s) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, dateTimeWords(s.scheduledFor)), ' ',
            h('span', { class: `badge status ${s.status.toLowerCase()}` }, sessionStatusWords(s.status)),
            s.kindInWords ? h('span', { class: 'muted' }, ` ${s.kindInWords}`) : null),
        s.notes.map(n => [h('p', { class: 'small muted' }, `Note by ${n.authorName}${n.signedAt ? ', signed' : ''}`), words(n.text, n.withheld)]),
        s.differingViews.map(v => [h('p', { class: 'small muted' }, `Differing view by ${v.peerName}`), words(v.text, v.withheld)]),
    ];
}

function decision(d) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, d.question), ' ',
            h('span', { class: `badge status ${d.status.toLowerCase()}` }, decisionStatusWords(d.status))),
        h('p', { class: 'small' }, `${d.options.length} ${d.options.length === 1 ? 'option' : 'options'}`),
        [d.psychiatristView, d.peerView].filter(Boolean).map(v => [h('p', { class: 'small muted' }, `View of ${v.byName}`), words(v.text, v.withheld)]),
    ];
}

function consent(c) {
    return [
        h('p', { class: 'consent-status' }, h('span', { class: `badge consent-${c.status.toLowerCase()}` }, c.status.toLowerCase()),
            ` granted ${dateTimeWords(c.grantedAt)}`, c.expiresOn ? `, until ${c.expiresOn}` : ''),
        h('p', { class: 'small' }, 'To ', c.recipients.map(r => r.id).join(', '), ': ', c.categories.map(x => categoryWords(x)).join(', '),
            ' for ', c.purposes.map(x => purposeWords(x)).join(', ')),
    ];
}

function disclosure(d) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, categoryWords(d.category)), ` for ${purposeWords(d.purpose)}: `,
            `${d.requesterName} asked ${d.holderName} — ${d.outcomeInWords}`),
        words(d.whatIsAsked, d.withheld),
        d.whatIsShared ? words(d.whatIsShared, d.withheld) : null,
    ];
}
