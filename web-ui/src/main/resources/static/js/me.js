// The person served's own page: their case(s), who is on their team, and their goals, PAD and WRAP,
// which they record in their own words.
import { fill, h, initChrome, pageError, request, roleWords, unitWords } from './dyad.js';
import { ownWordsSections } from './own-words.js';

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
}

async function load(focusSection, announcement) {
    let cases;
    try {
        cases = await request('/api/cases');
    } catch (error) {
        pageError(main, error);
        main.removeAttribute('aria-busy');
        return;
    }
    fill(main, 
        h('h1', {}, `Welcome, ${who.displayName ?? who.userId}`),
        h('p', { class: 'lead' }, 'This is your space in Dyad. What you write here stays in your own words; your care team reads it as you wrote it.'),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        cases.length ? cases.map((c, i) => caseView(c, i)) : h('p', {}, 'You have no open record in Dyad right now.'));
    main.removeAttribute('aria-busy');
    if (announcement) {
        document.getElementById('announce').textContent = announcement;
    }
    if (focusSection) {
        document.getElementById(`${focusSection}-title`)?.focus();
    }
}

function caseView(c, index) {
    const team = c.careTeam ?? [];
    return h('article', { class: 'my-case', dataset: { caseId: c.id }, 'aria-labelledby': `mine-${index}-title` },
        h('h2', { id: `mine-${index}-title`, class: 'case-unit' }, `Your record with the ${unitWords(c.unit)}`),
        h('section', { class: 'panel', 'aria-labelledby': `mine-${index}-team` },
            h('h3', { id: `mine-${index}-team` }, 'Your care team'),
            c.dyad ? h('p', {}, 'Your peer specialist ', h('strong', {}, c.dyad.peerName), ' and your psychiatrist ',
                h('strong', {}, c.dyad.psychiatristName), ' work with you together.') : null,
            team.length ? h('ul', { class: 'team' }, team.map(m => h('li', {},
                h('strong', {}, m.displayName), ' ', h('span', { class: 'muted' }, roleWords(m.role))))) : null),
        h('div', { class: 'case-grid' },
            ownWordsSections(c, { voice: 'person', prefix: `mine-${index}`, heading: 'h3', saved: (section, message) => load(section, message) })));
}

start();
