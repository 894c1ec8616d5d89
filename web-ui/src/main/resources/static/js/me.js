// The person served's own page: the decisions waiting for them, their case(s), who is on their team, and their
// goals, PAD and WRAP, which they record in their own words.
import { dateTimeWords, dayTime, decisionStatusWords, fill, h, initChrome, keepingState, pageError, request, roleWords, unitWords } from './dyad.js';
import { followCase } from './live.js';
import { ownWordsSections } from './own-words.js';
import { accountingSection, consentsSection } from './consents.js';
import { coercionLedger, kindWords } from './restrictions.js';

const main = document.getElementById('main');
let who;

async function start() {
    try {
        who = await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    if (who.role !== 'PERSON_SERVED') {
        fill(main, h('h1', {}, 'This page is for the person served'),
            h('p', {}, 'Each person served sees their own record here. ',
                who.unit ? h('a', { href: `/board/${encodeURIComponent(who.unit)}` }, `Go to the ${unitWords(who.unit)} board`) : null));
        main.removeAttribute('aria-busy');
        return;
    }
    await load();
    // The team answers, a consent reaches its end, a decision waits for me: show it without a reload.
    const mine = await request('/api/cases').catch(() => []);
    mine.forEach(c => followCase(c.id, () => load(null, null, true)));
}

async function load(focusSection, announcement, live = false) {
    let cases;
    let decisions;
    let consents;
    let accounting;
    const restraint = new Map();
    try {
        [cases, decisions, consents, accounting] = await Promise.all([request('/api/cases'), request('/api/me/decisions'),
            request('/api/me/consents'), request('/api/me/accounting')]);
        await Promise.all(cases.map(async c => restraint.set(c.id, await Promise.all([
            request(`/api/cases/${encodeURIComponent(c.id)}/restrictions`),
            request(`/api/cases/${encodeURIComponent(c.id)}/coercion-events`)]))));
    } catch (error) {
        if (!live) {
            pageError(main, error);
            main.removeAttribute('aria-busy');
        }
        return;
    }
    const draw = () => fill(main, 
        h('h1', {}, `Welcome, ${who.displayName ?? who.userId}`),
        h('p', { class: 'lead' }, 'This is your space in Dyad. What you write here stays in your own words; your care team reads it as you wrote it.'),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        decisionsSection(decisions),
        cases.length ? consentsSection({ cases, consents, reload: (section, message) => load(section, message) }) : null,
        cases.length ? accountingSection(accounting) : null,
        cases.length ? cases.map((c, i) => caseView(c, i, restraint.get(c.id))) : h('p', {}, 'You have no open record in Dyad right now.'));
    if (live) {
        keepingState(main, draw);
        return;
    }
    draw();
    main.removeAttribute('aria-busy');
    if (announcement) {
        document.getElementById('announce').textContent = announcement;
    }
    if (focusSection) {
        document.getElementById(`${focusSection}-title`)?.focus();
    }
}

const isWaiting = d => d.status === 'WITH_THE_PERSON' || d.status === 'NOT_NOW';

function decisionLink(d) {
    return h('a', { href: `/cases/${encodeURIComponent(d.caseId)}/decisions/${encodeURIComponent(d.decisionId)}` }, d.question);
}

/** The person's open decisions first, each opening the options side by side; then the rest. */
function decisionsSection(decisions) {
    const waiting = decisions.filter(isWaiting);
    const others = decisions.filter(d => !isWaiting(d));
    return h('section', { class: 'panel my-decisions', id: 'my-decisions', 'aria-labelledby': 'my-decisions-title' },
        h('h2', { id: 'my-decisions-title', tabindex: '-1' }, 'Decisions waiting for you'),
        waiting.length
            ? h('ul', { class: 'item-list decisions-waiting', id: 'decisions-waiting' }, waiting.map(d => h('li', { dataset: { decisionId: d.decisionId } },
                decisionLink(d),
                h('span', { class: 'muted' }, d.status === 'NOT_NOW'
                    ? 'You asked for more time. Open it when you are ready.'
                    : `${d.options.length} options to look at side by side. Only you choose.`))))
            : h('p', { class: 'muted', id: 'decisions-waiting' }, 'Nothing is waiting for you right now.'),
        others.length ? [
            h('h3', {}, 'Your other decisions'),
            h('ul', { class: 'item-list', id: 'other-decisions' }, others.map(d => h('li', { dataset: { decisionId: d.decisionId } },
                decisionLink(d),
                h('span', { class: 'muted' }, d.status === 'CHOSEN' && d.latestAnswer
                    ? `You chose: ${d.options.find(o => o.optionId === d.latestAnswer.optionId)?.whatItIs ?? 'an option'}`
                    : decisionStatusWords(d.status, 'person'))))),
        ] : null);
}

/** What was done to the person, in their sight: episodes with the debrief, and coercion they or others recorded. */
function restraintSection(c, index, [episodes, coercion]) {
    const reload = message => load(`mine-${index}-restraint`, message);
    return h('section', { class: 'panel', id: `mine-${index}-restraint`, 'aria-labelledby': `mine-${index}-restraint-title` },
        h('h3', { id: `mine-${index}-restraint-title`, tabindex: '-1' }, 'Restraint, seclusion and pressure'),
        h('p', { class: 'hint' }, 'Your account matters here: what happened, and what would have helped.'),
        episodes.length ? h('ul', { class: 'episodes', id: 'my-episodes' }, episodes.map(e => h('li', {},
            h('a', { href: `/cases/${encodeURIComponent(c.id)}/restrictions/${encodeURIComponent(e.interventionId)}` },
                `${kindWords(e.kind)}, ${dateTimeWords(e.startedAt)}`),
            e.debrief ? ' · debriefed' : '', e.personsAccounts.length ? ' · your account added' : ' · add your account')))
            : h('p', { class: 'muted' }, 'No restraint or seclusion recorded.'),
        h('h4', {}, 'Pressure or coercion'),
        coercionLedger(c.id, coercion, { voice: 'person', onRecorded: () => reload('Recorded.'),
            onAccount: () => reload('Your account is added.') }));
}

function caseView(c, index, restraint) {
    const team = c.careTeam ?? [];
    return h('article', { class: 'my-case', dataset: { caseId: c.id }, 'aria-labelledby': `mine-${index}-title` },
        h('h2', { id: `mine-${index}-title`, class: 'case-unit' }, `Your record with the ${unitWords(c.unit)}`),
        h('section', { class: 'panel', 'aria-labelledby': `mine-${index}-team` },
            h('h3', { id: `mine-${index}-team` }, 'Your care team'),
            c.dyad ? h('p', {}, 'Your peer specialist ', h('strong', {}, c.dyad.peerName), ' and your psychiatrist ',
                h('strong', {}, c.dyad.psychiatristName), ' work with you together.') : null,
            c.nextSession ? h('p', { class: 'next-session-line' }, 'Your next session with them: ',
                h('a', { href: `/cases/${encodeURIComponent(c.id)}/sessions/${encodeURIComponent(c.nextSession.sessionId)}` },
                    c.nextSession.inProgress ? 'in progress now' : dayTime(c.nextSession.scheduledFor)),
                c.nextSession.place ? `, ${c.nextSession.place}` : '', '.') : null,
            team.length ? h('ul', { class: 'team' }, team.map(m => h('li', {},
                h('strong', {}, m.displayName), ' ', h('span', { class: 'muted' }, roleWords(m.role))))) : null),
        h('div', { class: 'case-grid' },
            ownWordsSections(c, { voice: 'person', prefix: `mine-${index}`, heading: 'h3', saved: (section, message) => load(section, message) }),
            restraint ? restraintSection(c, index, restraint) : null));
}

start();
