// The person's own consents (42 CFR Part 2 §2.31, in plain words): they decide what is shared, with whom, why and
// until when, and can take a consent back at any time. "Who saw what" is the accounting of every disclosure.
import {
    ApiError, blankToNull, CATEGORIES, categoryWords, checkbox, checkedValues, checkGroup, dateTimeWords, field, h,
    PURPOSES, purposeWords, request, roleWords, wireForm,
} from './dyad.js';

const ROLES = ['PSYCHIATRIST', 'PEER_SPECIALIST', 'NURSE', 'THERAPIST', 'SOCIAL_WORKER', 'CASE_MANAGER'];

function localDate(offsetDays = 0) {
    const d = new Date();
    d.setDate(d.getDate() + offsetDays);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dateWords(isoDate) {
    if (!isoDate) {
        return '';
    }
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'long' });
}

function panel(id, title, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
        h('h2', { id: `${id}-title`, tabindex: '-1' }, title), ...content);
}

function recipientWords(r, team) {
    if (r.kind === 'STAFF') {
        const member = team.find(m => m.userId === r.id);
        return member ? `${member.displayName} (${roleWords(member.role).toLowerCase()})` : r.id;
    }
    if (r.kind === 'ROLE') {
        return `every ${roleWords(r.id).toLowerCase()} on my care team`;
    }
    return r.id;
}

const list = items => items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0] ?? '';

export function consentsSection({ cases, consents, reload }) {
    const team = cases.flatMap(c => c.careTeam ?? []);
    const order = { ACTIVE: 0, EXPIRED: 1, REVOKED: 2 };
    const sorted = [...consents].sort((a, b) => order[a.status] - order[b.status]);
    return panel('consents', 'My consents',
        h('p', { class: 'hint' }, 'You decide what your care team may share, with whom, why and until when. '
            + 'You can take a consent back at any time.'),
        sorted.length
            ? h('ul', { class: 'consent-list', id: 'consent-list' }, sorted.map(c => consentItem(c, team, reload)))
            : h('p', { class: 'muted', id: 'consent-list' }, 'You have not given any consent to share. Nothing covered by one is shared.'),
        h('details', { class: 'editor', id: 'grant-details', open: !sorted.some(c => c.status === 'ACTIVE') },
            h('summary', {}, 'Give a new consent'),
            grantForm(cases, team, reload)));
}

function statusWords(c) {
    if (c.status === 'ACTIVE') {
        return 'In force';
    }
    const when = c.endedAt ? ` ${dateTimeWords(c.endedAt)}` : '';
    return c.status === 'REVOKED' ? `You revoked it${when}` : `Ended${when}${c.endedBecause ? `: ${c.endedBecause}` : ''}`;
}

function consentItem(c, team, reload) {
    const who = list(c.recipients.map(r => recipientWords(r, team)));
    const what = list(c.categories.map(x => categoryWords(x, 'person').replace(/^My /, 'my ')));
    const id = `consent-${c.consentId}`;
    const li = h('li', { class: `consent ${c.status.toLowerCase()}`, id, dataset: { consentId: c.consentId, status: c.status } },
        h('p', { class: 'consent-status' }, h('span', { class: `badge consent-${c.status.toLowerCase()}` }, statusWords(c))),
        h('dl', { class: 'words consent-terms' },
            h('dt', {}, 'Who may share'), h('dd', {}, c.discloser),
            h('dt', {}, 'With whom'), h('dd', { class: 'recipients' }, who),
            h('dt', {}, 'What'), h('dd', {}, list(c.categories.map(x => categoryWords(x, 'person')))),
            h('dt', {}, 'Why'), h('dd', {}, list(c.purposes.map(p => purposeWords(p, 'person').replace(/ \(say it.*\)$/, ''))),
                c.purposeInTheirWords ? [h('br'), `In my words: “${c.purposeInTheirWords}”`] : null),
            h('dt', {}, c.expiresOn ? 'Ends on' : 'Until'), h('dd', {}, c.expiresOn ? dateWords(c.expiresOn) : c.expiresUpon),
            h('dt', {}, 'Signed'), h('dd', {}, `${c.signedBy}, ${dateWords(c.signedOn)}`)));
    if (c.status !== 'ACTIVE') {
        return li;
    }
    const revoke = h('button', { type: 'button', class: 'secondary revoke', dataset: { action: 'revoke' },
        'aria-expanded': 'false', 'aria-controls': `${id}-confirm`,
        'aria-label': `Revoke the consent for ${who}` }, 'Revoke');
    const confirm = h('div', { class: 'confirm', id: `${id}-confirm`, hidden: true, role: 'group', 'aria-labelledby': `${id}-confirm-text` },
        h('p', { id: `${id}-confirm-text`, tabindex: '-1' }, `Take this consent back? From now on, ${who} can no longer see ${what} through it. `
            + 'What was already shared stays listed under “Who saw what”.'),
        h('p', { class: 'field-error', id: `${id}-confirm-error`, hidden: true }),
        h('div', { class: 'actions' },
            h('button', { type: 'button', dataset: { action: 'confirm-revoke' }, onclick: async event => {
                const button = event.currentTarget;
                button.disabled = true;
                try {
                    await request(`/api/cases/${encodeURIComponent(c.caseId)}/consents/${encodeURIComponent(c.consentId)}/revoke`,
                        { method: 'POST' });
                    await reload('consents', `You revoked your consent for ${who}. Sharing under it has stopped.`);
                } catch (error) {
                    button.disabled = false;
                    const p = document.getElementById(`${id}-confirm-error`);
                    p.textContent = error instanceof ApiError ? error.message : 'Could not reach Dyad. Check the connection and try again.';
                    p.hidden = false;
                }
            } }, 'Yes, revoke it'),
            h('button', { type: 'button', class: 'secondary', dataset: { action: 'keep' }, onclick: () => {
                confirm.hidden = true;
                revoke.hidden = false;
                revoke.setAttribute('aria-expanded', 'false');
                revoke.focus();
            } }, 'No, keep it')));
    revoke.addEventListener('click', () => {
        confirm.hidden = false;
        revoke.hidden = true;
        revoke.setAttribute('aria-expanded', 'true');
        confirm.querySelector('button').focus();
    });
    li.append(h('div', { class: 'actions' }, revoke), confirm);
    return li;
}

// Plain words for the person when something is missing; the server names the field.
const MISSING = {
    discloser: 'Say who may share your information.',
    recipients: 'Choose at least one: a person, everyone in a role, or an organisation.',
    categories: 'Tick at least one kind of information.',
    purposes: 'Tick at least one reason.',
    signedBy: 'Sign with your name.',
    rightToRevokeAcknowledged: 'Tick this to show you know you can take your consent back at any time.',
};
const UNTIL = 'Say until when: a date, or an event such as “my discharge”.';

function grantForm(cases, team, reload) {
    const blank = { value: '', label: '— nobody —' };
    const staff = team.filter(m => m.role !== 'PERSON_SERVED');
    return wireForm(h('form', { class: 'stack consent-form', id: 'consent-form' },
        cases.length > 1 ? field({ id: 'consent-case', name: 'caseId', label: 'Which record', type: 'select',
            options: cases.map(c => ({ value: c.id, label: `Your record with the ${c.unit} unit` })) }) : null,
        h('div', { class: 'consent-cols' }, h('div', {},
        field({ id: 'consent-discloser', name: 'discloser', label: 'Who may share my information', required: true,
            autocomplete: 'off', hint: 'For example: my peer specialist, or my whole care team.' }),
        h('fieldset', { id: 'consent-recipients', name: 'recipients', class: 'field group', 'aria-describedby': 'consent-recipients-hint' },
            h('legend', {}, 'With whom', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
            h('p', { class: 'hint', id: 'consent-recipients-hint' }, 'Choose at least one: a person on your care team, everyone in a role, or an organisation.'),
            field({ id: 'consent-to-staff', name: 'toStaff', label: 'A person on my care team', type: 'select',
                options: [blank, ...staff.map(m => ({ value: m.userId, label: `${m.displayName} — ${roleWords(m.role)}` }))] }),
            field({ id: 'consent-to-role', name: 'toRole', label: 'Everyone in a role on my care team', type: 'select',
                options: [blank, ...ROLES.map(r => ({ value: r, label: `${roleWords(r)}s` }))] }),
            field({ id: 'consent-to-org', name: 'toOrganisation', label: 'An organisation', autocomplete: 'off',
                hint: 'Its full name, for example Riverside Housing Services.' }),
            h('p', { class: 'field-error', id: 'consent-recipients-error', hidden: true }))),
        h('div', {}, checkGroup({ id: 'consent-categories', name: 'categories', legend: 'What kinds of information', required: true,
            options: CATEGORIES.map(c => ({ value: c.value, label: c.person })) }),
        checkGroup({ id: 'consent-purposes', name: 'purposes', legend: 'Why it may be shared', required: true,
            options: PURPOSES.map(p => ({ value: p.value, label: p.person })) }),
        field({ id: 'consent-why', name: 'purposeInTheirWords', label: 'Why, in my own words (optional)', type: 'textarea', rows: 2 }))),
        h('div', { class: 'consent-cols' }, h('fieldset', { id: 'consent-until', class: 'field group', 'aria-describedby': 'consent-until-hint' },
            h('legend', {}, 'Until when', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
            h('p', { class: 'hint', id: 'consent-until-hint' }, 'A date, or an event. After it, sharing under this consent stops by itself.'),
            field({ id: 'consent-until-date', name: 'expiresOn', label: 'Ends on this date', type: 'date',
                hint: 'Sharing stops as this day begins; the day before is the last day it counts.' }),
            field({ id: 'consent-until-event', name: 'expiresUpon', label: 'Or until this happens', autocomplete: 'off',
                hint: 'For example: my discharge.' })),
        h('div', {},
            field({ id: 'consent-signed-by', name: 'signedBy', label: 'Signed by', required: true, autocomplete: 'name',
                hint: 'Your name, as your signature.' }),
            field({ id: 'consent-signed-on', name: 'signedOn', label: 'Date signed', type: 'date', required: true, value: localDate() }))),
        checkbox({ id: 'consent-revocable', name: 'rightToRevokeAcknowledged', label: 'I understand I can take this back at any time',
            hint: 'Taking it back stops sharing from then on. What was already shared stays listed under “Who saw what”.' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Give my consent'))),
    async form => {
        const f = form.elements;
        const recipients = [
            f.toStaff.value ? { kind: 'STAFF', id: f.toStaff.value } : null,
            f.toRole.value ? { kind: 'ROLE', id: f.toRole.value } : null,
            blankToNull(f.toOrganisation.value) ? { kind: 'ORGANISATION', id: blankToNull(f.toOrganisation.value) } : null,
        ].filter(Boolean);
        const caseId = f.caseId?.value ?? cases[0].id;
        const body = {
            discloser: blankToNull(f.discloser.value), recipients,
            categories: checkedValues(form, 'categories'), purposes: checkedValues(form, 'purposes'),
            purposeInTheirWords: blankToNull(f.purposeInTheirWords.value),
            expiresOn: f.expiresOn.value || null, expiresUpon: blankToNull(f.expiresUpon.value),
            signedBy: blankToNull(f.signedBy.value), signedOn: f.signedOn.value || null,
            rightToRevokeAcknowledged: f.rightToRevokeAcknowledged.checked,
        };
        try {
            await request(`/api/cases/${encodeURIComponent(caseId)}/consents`, { method: 'POST', body });
        } catch (error) {
            throw plainer(error, body);
        }
        form.reset();
        await reload('consents', 'Your consent is recorded. You can take it back at any time.');
    });
}

/** Says each missing element in the person's words, and names "until when" too when neither was given. */
function plainer(error, body) {
    if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.problem.errors)) {
        return error;
    }
    const noEnd = !body.expiresOn && !body.expiresUpon;
    const seen = new Set();
    const errors = [];
    for (const e of error.problem.errors) {
        const top = String(e.field).split(/[.[]/)[0];
        let message = e.message;
        if (top === 'expiresOn' && noEnd) {
            message = UNTIL;
        } else if (top === 'signedOn' && !body.signedOn) {
            message = 'Say the date you sign.';
        } else if (MISSING[top] && (top !== 'rightToRevokeAcknowledged' || !body.rightToRevokeAcknowledged)
            && /empty|blank|null|required|acknowledged/.test(message)) {
            message = MISSING[top];
        }
        const key = `${top}|${message}`;
        if (!seen.has(key)) {
            seen.add(key);
            errors.push({ field: MISSING[top] && message === MISSING[top] ? top : e.field, message });
        }
    }
    if (noEnd && !errors.some(e => e.field === 'expiresOn')) {
        errors.push({ field: 'expiresOn', message: UNTIL });
    }
    return new ApiError(400, { ...error.problem, errors, detail: 'Some parts of the consent are missing. See the notes beside them.' });
}

export function accountingSection(entries) {
    const sorted = [...entries].sort((a, b) => String(b.date).localeCompare(String(a.date)));
    return panel('accounting', 'Who saw what',
        h('p', { class: 'hint' }, 'Every time something about you was shared under your consent: when, with whom, what and why.'),
        sorted.length
            ? h('ul', { class: 'accounting-list', id: 'accounting-list' }, sorted.map(e => h('li', { dataset: { disclosureId: e.disclosureId } },
                h('dl', { class: 'words' },
                    h('dt', {}, 'When'), h('dd', {}, h('time', { datetime: e.date }, dateTimeWords(e.date))),
                    h('dt', {}, 'Who received it'), h('dd', {}, e.recipientName,
                        e.recipientRole ? ` (${roleWords(e.recipientRole).toLowerCase()})` : ''),
                    h('dt', {}, 'What'), h('dd', {}, categoryWords(e.category, 'person'),
                        e.whatWasShared ? [h('br'), h('q', { class: 'shared-text' }, e.whatWasShared)] : null),
                    h('dt', {}, 'Why'), h('dd', {}, purposeWords(e.purpose, 'person').replace(/ \(say it.*\)$/, '')),
                    e.sharedBy ? [h('dt', {}, 'Shared by'), h('dd', {}, e.sharedBy)] : null),
                e.redisclosureNotice ? h('p', { class: 'notice-part2 small' }, h('strong', {}, 'Protected by federal law: '),
                    e.redisclosureNotice) : null)))
            : h('p', { class: 'muted', id: 'accounting-list' }, 'Nothing about you has been shared through Dyad.'));
}
