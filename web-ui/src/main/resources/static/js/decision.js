// /cases/{id}/decisions/{did}: one shared decision, for the care team and for the person alike. The options side
// by side in a grid, the person's preferences, the psychiatrist's and the peer's views each in its own box, and
// the person's answer: an option, or "not now", in their own words. Only the person chooses; a clinician who
// types the choice attests the person is there and made it. After every change the decision is read again.
import {
    blankToNull, checkbox, dateTimeWords, decisionStatusWords, errorText, field, fill, formError, h, initChrome,
    keepingState, OPTION_KINDS, optionKindWords, optionLetter, pageError, radioGroup, request, wireForm,
} from './dyad.js';
import { followCase } from './live.js';

const main = document.getElementById('main');
const [, , rawCaseId, , rawDecisionId] = location.pathname.split('/');
const caseId = decodeURIComponent(rawCaseId ?? '');
const decisionId = decodeURIComponent(rawDecisionId ?? '');
const caseApi = `/api/cases/${encodeURIComponent(caseId)}`;
const api = `${caseApi}/decisions/${encodeURIComponent(decisionId)}`;
const NOT_NOW = 'not-now';
let who;

async function start() {
    try {
        who = await initChrome();
    } catch (error) {
        pageError(main, error);
        return;
    }
    await load();
    // Someone else answers, adds an option or records a view: read it again, keeping what the reader typed.
    followCase(caseId, () => load(null, null, true));
}

let shown = '';

async function load(focusId, announcement, live = false) {
    let d;
    let c;
    try {
        [d, c] = await Promise.all([request(api), request(caseApi)]);
    } catch (error) {
        if (live) {
            return;
        }
        pageError(main, error);
        main.removeAttribute('aria-busy');
        return;
    }
    const key = JSON.stringify(d);
    if (live) {
        if (key !== shown) {
            shown = key;
            keepingState(main, () => render(d, c));
        }
        return;
    }
    shown = key;
    render(d, c);
    if (announcement) {
        document.getElementById('announce').textContent = announcement;
    }
    if (focusId) {
        document.getElementById(focusId)?.focus();
    }
}

function post(path, body) {
    return request(`${api}${path}`, { method: 'POST', body });
}

/** Words that depend on who reads: the person ("you") or their care team ("Alex"). */
function voice(c) {
    // A person served reads only their own case, so here they are always the one deciding.
    const isPerson = who.role === 'PERSON_SERVED';
    const name = c.preferredName;
    return {
        isPerson, name,
        subject: isPerson ? 'You' : name,
        possessive: isPerson ? 'your' : `${name}’s`,
        statusVoice: isPerson ? 'person' : 'team',
    };
}

const waiting = d => d.status === 'WITH_THE_PERSON' || d.status === 'NOT_NOW';

function render(d, c) {
    const v = voice(c);
    document.title = `${d.question} · Dyad`;
    fill(main,
        h('p', { class: 'crumbs' }, v.isPerson
            ? h('a', { href: '/me' }, 'Back to your space')
            : h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, `${v.name}’s case`)),
        h('header', { class: 'case-head decision-head' },
            h('p', { class: 'eyebrow' }, v.isPerson ? 'Your decision, in your words' : `A decision for ${v.name}, in their words`),
            h('h1', { id: 'decision-question', tabindex: '-1' }, d.question),
            h('p', { class: 'facts' },
                h('span', { class: `badge status ${d.status.toLowerCase()}`, id: 'decision-status', dataset: { status: d.status } },
                    decisionStatusWords(d.status, v.statusVoice)),
                h('span', { class: 'muted' }, `Opened ${dateTimeWords(d.openedAt)}`)),
            h('p', { class: 'lead' }, lead(d, v))),
        h('p', { id: 'announce', class: 'announce', role: 'status' }),
        currentAnswer(d, v),
        optionsSection(d, v),
        waiting(d) ? chooseSection(d, c, v) : null,
        v.isPerson && d.answers.length ? collaborateSection(d) : null,
        h('div', { class: 'case-grid' },
            preferencesSection(d, v),
            historySection(d, v)),
        viewsSection(d, v),
        d.status === 'CHOSEN' ? revisitSection(v) : null);
    main.removeAttribute('aria-busy');
}

function lead(d, v) {
    if (d.status === 'GATHERING_OPTIONS') {
        return v.isPerson
            ? 'Your care team is still putting options together. You can add one of your own.'
            : 'Put the options on the table, then give them to the person: at least two, and never medication alone.';
    }
    if (waiting(d)) {
        return v.isPerson
            ? 'Here are your options side by side. Take your time. Choose one, or say “not now” if you want more time. Only you choose.'
            : `The options are with ${v.name}. Only ${v.name} chooses, or says “not now”.`;
    }
    return v.isPerson ? 'You have made this choice. You can open it again any time.' : `${v.name} has chosen.`;
}

function panel(id, title, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
        h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...content);
}

function optionName(d, optionId) {
    const index = d.options.findIndex(o => o.optionId === optionId);
    return index < 0 ? 'an option no longer on the table' : `Option ${optionLetter(index)}: ${d.options[index].whatItIs}`;
}

// ---- the answer as it stands ----

function currentAnswer(d, v) {
    const a = d.latestAnswer;
    if (!a || (d.status !== 'CHOSEN' && d.status !== 'NOT_NOW')) {
        return null;
    }
    return h('section', { class: `answer-now ${d.status === 'CHOSEN' ? 'chosen' : 'not-now'}`, id: 'current-answer',
        'aria-labelledby': 'current-answer-title' },
        h('h2', { id: 'current-answer-title', tabindex: '-1' }, d.status === 'CHOSEN'
            ? `${v.subject} chose ${optionName(d, a.optionId)}`
            : `${v.subject} said: not now, ${v.isPerson ? 'you want' : 'they want'} more time`),
        a.inTheirWords ? h('blockquote', { id: 'current-answer-words' }, a.inTheirWords) : null,
        h('p', { class: 'muted small' }, dateTimeWords(a.at)));
}

// ---- the option grid: one column per option, one row per question ----

const ROWS = [
    ['whatItIs', 'What it is'],
    ['benefits', 'Benefits'],
    ['harms', 'Harms'],
    ['whatItAsksOfMe', 'What it asks of me'],
];

function optionsSection(d, v) {
    const chosenId = d.status === 'CHOSEN' ? d.latestAnswer?.optionId : null;
    const errors = h('div', { class: 'section-errors', id: 'options-errors' });
    const team = !v.isPerson;
    const open = d.status !== 'CHOSEN';
    const grid = d.options.length ? h('div', {
        class: 'grid-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'options-title',
    }, h('table', { class: 'option-grid', id: 'option-grid', dataset: { options: String(d.options.length) } },
        h('caption', { class: 'visually-hidden' }, `The options side by side, one column each: ${d.question}`),
        h('thead', {}, h('tr', {},
            h('td', { class: 'corner' }),
            d.options.map((o, i) => h('th', {
                scope: 'col', class: o.optionId === chosenId ? 'chosen' : null, dataset: { optionId: o.optionId, kind: o.kind },
            },
            h('span', { class: 'option-letter' }, `Option ${optionLetter(i)}`),
            h('span', { class: `kind kind-${o.kind.toLowerCase()}` }, optionKindWords(o.kind)),
            o.optionId === chosenId ? h('span', { class: 'chosen-mark' }, v.isPerson ? 'Your choice' : 'Chosen') : null)))),
        h('tbody', {},
            ROWS.map(([key, label]) => h('tr', { dataset: { row: key } },
                h('th', { scope: 'row' }, label),
                d.options.map(o => h('td', { class: o.optionId === chosenId ? 'chosen' : null },
                    o[key] ? o[key] : h('span', { class: 'muted' }, 'Not said yet'))))),
            h('tr', { dataset: { row: 'proposedBy' }, class: 'meta' },
                h('th', { scope: 'row' }, 'Put forward by'),
                d.options.map(o => h('td', { class: o.optionId === chosenId ? 'chosen' : null },
                    o.proposedByName ?? o.proposedBy)))),
        open && (team || d.options.some(o => o.proposedBy === who.userId)) ? h('tfoot', {}, h('tr', {},
            h('th', { scope: 'row' }, h('span', { class: 'visually-hidden' }, 'Take off the table')),
            // The person may take off the table what they put on it; the rest they simply need not choose.
            d.options.map((o, i) => h('td', {}, team || o.proposedBy === who.userId ? h('button', {
                type: 'button', class: 'link small', dataset: { withdraw: o.optionId },
                'aria-label': `Take option ${optionLetter(i)} off the table: ${o.whatItIs}`,
                onclick: event => withdraw(event.currentTarget, o, errors),
            }, 'Take off the table') : null)))) : null))
        : h('p', { class: 'muted', id: 'option-grid' }, 'No options on the table yet.');
    return panel('options', 'The options side by side',
        d.options.length > 1 ? h('p', { class: 'hint scroll-hint' }, `Scroll sideways to compare all ${d.options.length} options.`) : null,
        grid,
        errors,
        open ? addOptionForm(v, !d.options.length) : null,
        team && d.status === 'GATHERING_OPTIONS' ? presentForm(d) : null);
}

async function withdraw(button, option, errors) {
    button.disabled = true;
    errors.replaceChildren();
    try {
        await request(`${api}/options/${encodeURIComponent(option.optionId)}`, { method: 'DELETE' });
        await load('options-title', `“${option.whatItIs}” is off the table.`);
    } catch (error) {
        button.disabled = false;
        formError(errors, errorText(error), error?.status === 401).focus();
    }
}

function addOptionForm(v, startOpen) {
    const asks = v.isPerson ? 'What it asks of me' : 'What it asks of the person';
    return h('details', { class: 'editor', open: startOpen && !v.isPerson },
        h('summary', {}, v.isPerson ? 'Add an option of your own' : 'Add an option'),
        wireForm(h('form', { class: 'stack option-form', id: 'option-form' },
            field({ id: 'option-kind', name: 'kind', label: 'Kind of option', type: 'select', required: true,
                options: [{ value: '', label: 'Choose a kind…' }, ...OPTION_KINDS], value: '' }),
            field({ id: 'option-what', name: 'whatItIs', label: 'What it is', required: true, autocomplete: 'off' }),
            h('div', { class: 'option-form-grid' },
                field({ id: 'option-benefits', name: 'benefits', label: 'Benefits', type: 'textarea' }),
                field({ id: 'option-harms', name: 'harms', label: 'Harms', type: 'textarea',
                    hint: v.isPerson ? null : 'Side effects, risks, what could go wrong.' }),
                field({ id: 'option-asks', name: 'whatItAsksOfMe', label: asks, type: 'textarea',
                    hint: v.isPerson ? null : 'From the person’s side: time, effort, cost, changes.' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Put it on the table'))),
        async form => {
            const f = form.elements;
            await request(`${api}/options`, {
                method: 'POST', body: {
                    kind: f.kind.value || null,
                    whatItIs: blankToNull(f.whatItIs.value),
                    benefits: blankToNull(f.benefits.value),
                    harms: blankToNull(f.harms.value),
                    whatItAsksOfMe: blankToNull(f.whatItAsksOfMe.value),
                },
            });
            await load('options-title', `“${f.whatItIs.value.trim()}” is on the table.`);
        }));
}

function presentForm(d) {
    return wireForm(h('form', { class: 'inline-form', id: 'present-form' },
        h('p', { class: 'hint' }, 'When the options are ready, give them to the person. They need at least two, and never medication alone.'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Give the options to the person'))),
    async () => {
        await post('/present');
        await load('choose-title', `The ${d.options.length} options are with the person.`);
    });
}

// ---- the choice: an option or "not now", of equal weight, in the person's own words ----

function chooseSection(d, c, v) {
    const proxy = c.advanceDirective?.proxy;
    const attestLabel = chooser => chooser === 'PAD_PROXY'
        ? `${proxy?.name ?? 'The proxy'} is here and made this choice themselves`
        : 'The person is here and made this choice themselves';
    const choices = h('fieldset', { class: 'field choices', id: 'choose-option', name: 'optionId', role: 'radiogroup' },
        h('legend', {}, v.isPerson ? 'What do you choose?' : `What did ${v.name} choose?`),
        h('div', { class: 'choice-list' },
            d.options.map((o, i) => choiceCard(o.optionId, `Option ${optionLetter(i)}`, o.whatItIs, optionKindWords(o.kind))),
            choiceCard(NOT_NOW, 'Not now', v.isPerson ? 'I want more time' : 'They want more time',
                'The options stay open.')),
        h('p', { class: 'field-error', id: 'choose-option-error', hidden: true }));
    const form = wireForm(h('form', { class: 'stack', id: 'choose-form' },
        choices,
        field({ id: 'choose-words', name: 'inTheirWords', type: 'textarea', rows: 3,
            label: v.isPerson ? 'In your own words' : `In ${v.name}’s own words`,
            hint: v.isPerson ? 'What you decided and why, the way you would say it. You can leave it empty.'
                : 'What they said, as they said it.' }),
        v.isPerson ? null : [
            proxy ? radioGroup({ id: 'choose-by', name: 'chosenBy', legend: 'Who chose', value: 'PERSON', options: [
                { value: 'PERSON', label: `${v.name}` },
                { value: 'PAD_PROXY', label: `${proxy.name}, the proxy in ${v.name}’s advance directive` }] }) : null,
            checkbox({ id: 'choose-attest', name: 'attestChooserPresent', label: attestLabel('PERSON'),
                hint: 'Clinicians do not choose for the person; you record the choice they made in front of you.' }),
        ],
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, v.isPerson ? 'Record my choice' : 'Record their choice'))),
    async form => {
        const f = form.elements;
        const picked = f.choice.value;
        const notNow = picked === NOT_NOW;
        const body = {
            optionId: picked && !notNow ? picked : null,
            notNow: notNow || null,
            inTheirWords: blankToNull(f.inTheirWords.value),
        };
        if (!v.isPerson) {
            body.attestChooserPresent = f.attestChooserPresent.checked;
            if (proxy) {
                body.chosenBy = f.chosenBy.value || 'PERSON';
                body.chooserName = body.chosenBy === 'PAD_PROXY' ? proxy.name : null;
            }
        }
        await post('/choose', body);
        const message = notNow
            ? (v.isPerson ? 'Recorded: not now. The options stay open for you.' : 'Recorded: not now. The options stay open.')
            : (v.isPerson ? 'Your choice is recorded.' : 'The choice is recorded.');
        await load(v.isPerson ? 'collaborate-title' : 'current-answer-title', message);
    });
    form.querySelectorAll('input[name=chosenBy]').forEach(radio => radio.addEventListener('change', () => {
        form.querySelector('label[for=choose-attest]').textContent = attestLabel(form.elements.chosenBy.value);
    }));
    return panel('choose', v.isPerson ? 'Your choice' : `Record ${v.name}’s choice`,
        v.isPerson ? null : h('p', { class: 'hint' }, `Only ${v.name} chooses. Record it here only when they are with you and have chosen.`),
        form);
}

// Every answer, "not now" included, is a card of the same size and weight.
function choiceCard(value, tag, title, detail) {
    const id = `choice-${value}`;
    return h('label', { class: 'choice-card', for: id },
        h('input', { type: 'radio', name: 'choice', id, value }),
        h('span', { class: 'choice-text' },
            h('span', { class: 'choice-tag' }, tag),
            h('strong', {}, title),
            detail ? h('span', { class: 'muted small' }, detail) : null));
}

// ---- CollaboRATE: three optional questions for the person, after they have answered ----

const COLLABORATE = [
    ['explainedIssues', 'How much effort was made to help you understand your health issues?'],
    ['listenedToWhatMatters', 'How much effort was made to listen to the things that matter most to you about your health issues?'],
    ['includedWhatMatters', 'How much effort was made to include what matters most to you in choosing what to do next?'],
];

function collaborateSection(d) {
    if (d.collaborate) {
        return panel('collaborate', 'Thank you',
            h('p', { id: 'collaborate-done' }, `You answered the three questions about this conversation on ${dateTimeWords(d.collaborate.at)}.`));
    }
    const form = wireForm(h('form', { class: 'stack', id: 'collaborate-form' },
        COLLABORATE.map(([name, question]) => scale(name, question)),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Send my answers'))),
    async form => {
        const value = name => {
            const v = form.elements[name].value;
            return v === '' ? null : Number(v);
        };
        await post('/collaborate', Object.fromEntries(COLLABORATE.map(([name]) => [name, value(name)])));
        await load('collaborate-title', 'Thank you. Your answers are recorded.');
    });
    return panel('collaborate', 'Three questions about this conversation (optional)',
        h('p', {}, '0 means no effort was made, 9 means every effort was made. You can skip this.'),
        form);
}

function scale(name, question) {
    const id = `collaborate-${name}`;
    return h('fieldset', { class: 'field scale', id, name, role: 'radiogroup' },
        h('legend', {}, question),
        h('div', { class: 'scale-row' },
            h('span', { class: 'scale-end', 'aria-hidden': 'true' }, 'No effort'),
            Array.from({ length: 10 }, (_, n) => h('label', { class: 'scale-point' },
                h('input', { type: 'radio', name, value: String(n) }),
                h('span', {}, String(n)),
                n === 0 ? h('span', { class: 'visually-hidden' }, ' (no effort was made)') : null,
                n === 9 ? h('span', { class: 'visually-hidden' }, ' (every effort was made)') : null)),
            h('span', { class: 'scale-end', 'aria-hidden': 'true' }, 'Every effort')),
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

// ---- the person's preferences ----

function preferencesSection(d, v) {
    const p = d.preferences;
    const view = p ? h('dl', { class: 'words', id: 'preferences-view' },
        h('dt', {}, 'What matters most'), h('dd', {}, p.whatMattersMost ? h('blockquote', {}, p.whatMattersMost) : h('span', { class: 'muted' }, '—')),
        h('dt', {}, 'Preferences'), h('dd', {}, p.preferences ? h('blockquote', {}, p.preferences) : h('span', { class: 'muted' }, '—')))
        : h('p', { class: 'muted', id: 'preferences-view' }, 'Not recorded yet.');
    const form = d.status === 'CHOSEN' ? null : h('details', { class: 'editor' },
        h('summary', {}, p ? 'Update' : (v.isPerson ? 'Say what matters to you' : 'Record what matters to them')),
        wireForm(h('form', { class: 'stack', id: 'preferences-form' },
            h('p', { class: 'hint' }, v.isPerson ? 'In your own words.' : 'In the person’s own words.'),
            field({ id: 'pref-matters', name: 'whatMattersMost', type: 'textarea', value: p?.whatMattersMost,
                label: v.isPerson ? 'What matters most to you here' : 'What matters most to them here' }),
            field({ id: 'pref-preferences', name: 'preferences', type: 'textarea', value: p?.preferences,
                label: v.isPerson ? 'What you would prefer, or rather avoid' : 'What they would prefer, or rather avoid' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'))),
        async form => {
            await post('/preferences', {
                whatMattersMost: blankToNull(form.elements.whatMattersMost.value),
                preferences: blankToNull(form.elements.preferences.value),
            });
            await load('preferences-title', 'Saved.');
        }));
    return panel('preferences', v.isPerson ? 'What matters to you' : `What matters to ${v.name}`,
        view,
        p ? h('p', { class: 'muted small' }, `Recorded by ${p.recordedByName ?? p.recordedBy}, ${dateTimeWords(p.at)}`) : null,
        form);
}

// ---- the psychiatrist's and the peer specialist's views: two boxes, each its author's own ----

function viewsSection(d, v) {
    return h('section', { class: 'views-section', 'aria-labelledby': 'views-title' },
        h('h2', { id: 'views-title', tabindex: '-1' }, 'What the dyad thinks'),
        h('p', { class: 'hint' }, `Views, not decisions: each is its author’s own. ${v.isPerson ? 'You choose.' : `${v.name} chooses.`}`),
        h('div', { class: 'views-pair' },
            viewBox('psychiatrist', v.isPerson ? 'Your psychiatrist’s view' : 'The psychiatrist’s view', d.psychiatristView,
                who.role === 'PSYCHIATRIST', 'Your clinical view of the options.'),
            viewBox('peer', v.isPerson ? 'Your peer specialist’s view' : 'The peer specialist’s view', d.peerView,
                who.role === 'PEER_SPECIALIST', 'Your own view, from your lived experience and your time with the person.')));
}

function viewBox(key, title, words, mine, hint) {
    const id = `view-${key}`;
    return h('article', { class: 'panel view-box', id, 'aria-labelledby': `${id}-title` },
        h('h3', { id: `${id}-title`, tabindex: '-1' }, title),
        words ? [h('div', { class: 'note-text' }, words.text),
            h('p', { class: 'muted small' }, `${words.byName ?? words.byId}, ${dateTimeWords(words.at)}`)]
            : h('p', { class: 'muted' }, 'Not written yet.'),
        mine ? h('details', { class: 'editor' }, h('summary', {}, words ? 'Update your view' : 'Write your view'),
            wireForm(h('form', { class: 'stack', id: `${id}-form` },
                field({ id: `${id}-text`, name: 'view', label: 'Your view', type: 'textarea', rows: 4, required: true, hint, value: words?.text }),
                h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save your view'))),
            async form => {
                await post('/views', { view: blankToNull(form.elements.view.value) });
                await load(`${id}-title`, 'Your view is saved.');
            })) : null);
}

// ---- every answer so far ----

function historySection(d, v) {
    const list = d.answers.length
        ? h('ol', { class: 'answers', id: 'answer-history' }, [...d.answers].reverse().map(a => h('li', {},
            h('p', {}, h('strong', {}, a.optionId ? `Chose ${optionName(d, a.optionId)}` : 'Not now, more time'),
                h('span', { class: 'muted small' }, ` · ${dateTimeWords(a.at)}`)),
            a.inTheirWords ? h('blockquote', {}, a.inTheirWords) : null,
            h('p', { class: 'muted small' }, recordedWords(a, v)))))
        : h('p', { class: 'muted', id: 'answer-history' }, 'No answer yet.');
    return panel('answers', 'Answers so far', list,
        !v.isPerson && d.collaborate ? h('p', { class: 'muted small' }, `${v.name} answered the CollaboRATE questions on ${dateTimeWords(d.collaborate.at)}.`) : null);
}

function recordedWords(a, v) {
    const chooser = a.chosenBy === 'PAD_PROXY' ? `${a.chooserName}, the proxy in the advance directive` : (a.chooserName ?? v.name);
    if (!a.attestedChooserPresent) {
        return a.chosenBy === 'PAD_PROXY' ? `Chosen by ${chooser}.` : `Recorded by ${v.isPerson ? 'you' : chooser} in Dyad.`;
    }
    return `Chosen by ${chooser}; recorded by ${a.recordedByName ?? a.recordedBy}, who was with them.`;
}

// ---- revisit ----

function revisitSection(v) {
    return panel('revisit', v.isPerson ? 'Changed your mind?' : 'Revisit',
        h('details', { class: 'editor' }, h('summary', {}, v.isPerson ? 'Open this decision again' : 'Open the decision again'),
            wireForm(h('form', { class: 'stack', id: 'revisit-form' },
                field({ id: 'revisit-reason', name: 'reason', label: 'What has changed? (optional)', type: 'textarea', rows: 2 }),
                h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Open it again'))),
            async form => {
                await post('/revisit', { reason: blankToNull(form.elements.reason.value) });
                await load('choose-title', v.isPerson ? 'The decision is open again. Your options are below.' : 'The decision is open again.');
            })));
}

start();
