// "Requests for information" on the case and session pages. A care team member asks a colleague for what they
// hold; the holder answers with Share (saying what they share, under the person's consent) or Decline (no reason
// asked, ever). A decline is a respected outcome: "held in confidence", never shown as something missing.
import {
    blankToNull, CATEGORIES, categoryWords, errorText, field, formError, h, lockIcon, PURPOSES, purposeWords, request,
    roleWords, timeAgo, wireForm,
} from './dyad.js';

/** The requests the viewer made or holds on this case. */
export function loadDisclosures(caseId) {
    return request(`/api/cases/${encodeURIComponent(caseId)}/disclosures`);
}

/**
 * The section. careTeam: the case's members ({userId, displayName, role}); reload(focusId, announcement) reads the
 * page again after a change.
 */
export function disclosuresSection({ caseId, careTeam, who, requests, reload }) {
    const base = `/api/cases/${encodeURIComponent(caseId)}/disclosures`;
    const toMe = requests.filter(r => r.holderId === who.userId);
    const byMe = requests.filter(r => r.requesterId === who.userId && r.holderId !== who.userId);
    const open = toMe.filter(r => r.status === 'OPEN');
    return h('section', { class: 'panel requests', id: 'requests', 'aria-labelledby': 'requests-title',
        dataset: { openRequests: String(open.length) } },
        h('h2', { id: 'requests-title', tabindex: '-1' }, 'Requests for information'),
        h('p', { class: 'hint' }, 'Colleagues ask each other for what they hold. What is shared follows the person’s consent; '
            + 'the one asked may also decline, and needs no reason.'),
        h('h3', { id: 'requests-to-me-title' }, 'Asked of you',
            open.length ? h('span', { class: 'count' }, ` · ${open.length} open`) : null),
        toMe.length
            ? h('ul', { class: 'request-list', id: 'requests-to-me', 'aria-labelledby': 'requests-to-me-title' },
                toMe.map(r => incoming(base, r, reload)))
            : h('p', { class: 'muted', id: 'requests-to-me' }, 'Nobody has asked you for anything on this case.'),
        h('h3', { id: 'requests-by-me-title' }, 'Asked by you'),
        byMe.length
            ? h('ul', { class: 'request-list', id: 'requests-by-me', 'aria-labelledby': 'requests-by-me-title' },
                byMe.map(r => h('li', { dataset: { disclosureId: r.disclosureId, status: r.status } },
                    requestLine(r, `To ${r.holderName}`), outcome(r))))
            : h('p', { class: 'muted', id: 'requests-by-me' }, 'You have not asked for anything on this case.'),
        askForm(base, careTeam, who, reload));
}

function requestLine(r, who) {
    return [
        h('p', { class: 'request-head' }, h('strong', {}, who), ' · ', categoryWords(r.category), ' · for ',
            purposeWords(r.purpose).toLowerCase(), ' · ', timeAgo(r.requestedAt)),
        h('p', { class: 'asked' }, h('span', { class: 'visually-hidden' }, 'Asked: '), `“${r.whatIsAsked}”`),
    ];
}

function outcome(r) {
    const kind = r.status === 'DECLINED' ? 'held' : r.status === 'SHARED' ? 'shared' : 'waiting';
    return h('div', { class: `outcome ${kind}`, dataset: { outcome: r.status } },
        h('p', { class: 'outcome-words' }, r.status === 'DECLINED' ? lockIcon() : null, ' ',
            r.outcomeInWords.charAt(0).toUpperCase() + r.outcomeInWords.slice(1)),
        r.status === 'SHARED' && r.whatIsShared ? h('p', { class: 'shared-text' }, r.whatIsShared) : null,
        r.redisclosureNotice ? h('p', { class: 'small notice-part2' }, r.redisclosureNotice) : null);
}

function incoming(base, r, reload) {
    const li = h('li', { dataset: { disclosureId: r.disclosureId, status: r.status } },
        requestLine(r, `From ${r.requesterName}${r.requesterRole ? `, ${roleWords(r.requesterRole).toLowerCase()}` : ''}`));
    if (r.status !== 'OPEN') {
        li.append(outcome(r));
        return li;
    }
    li.append(h('p', { class: 'small consent-coverage', dataset: { covered: String(r.coveredByConsent) } },
        r.coveredByConsent
            ? 'The person’s consent covers sharing this with them.'
            : 'No consent from the person covers this yet, so it cannot be shared. Declining needs no reason.'));
    const url = `${base}/${encodeURIComponent(r.disclosureId)}`;
    const shareId = `share-${r.disclosureId}`;
    const shareForm = wireForm(h('form', { class: 'stack share-form', id: `${shareId}-form`, hidden: true },
        field({ id: `${shareId}-text`, name: 'whatIsShared', label: 'What you share', type: 'textarea', rows: 4, required: true,
            hint: 'Only what the person’s consent covers. It is written into their record of who saw what.' }),
        h('div', { class: 'actions' },
            h('button', { type: 'submit' }, 'Share this'),
            h('button', { type: 'button', class: 'secondary', onclick: () => {
                shareForm.hidden = true;
                li.querySelector('button[data-answer=share]').setAttribute('aria-expanded', 'false');
                li.querySelector('button[data-answer=share]').focus();
            } }, 'Not now'))),
    async form => {
        await request(`${url}/share`, { method: 'POST', body: { whatIsShared: blankToNull(form.elements.whatIsShared.value) } });
        await reload('requests', `You shared it with ${r.requesterName}.`);
    });
    const errors = h('div', { class: 'section-errors' });
    const answers = h('div', { class: 'answer-pair', role: 'group', 'aria-label': `Answer ${r.requesterName}` },
        h('button', {
            type: 'button', class: 'answer', dataset: { answer: 'share' }, 'aria-expanded': 'false', 'aria-controls': shareForm.id,
            onclick: event => {
                shareForm.hidden = false;
                event.currentTarget.setAttribute('aria-expanded', 'true');
                shareForm.querySelector('textarea').focus();
            },
        }, 'Share'),
        h('button', {
            type: 'button', class: 'answer', dataset: { answer: 'decline' },
            onclick: async event => {
                const button = event.currentTarget;
                button.disabled = true;
                try {
                    await request(`${url}/decline`, { method: 'POST' });
                    await reload('requests', 'You declined. It is held in confidence.');
                } catch (error) {
                    button.disabled = false;
                    formError(errors, errorText(error), error?.status === 401).focus();
                }
            },
        }, 'Decline'));
    li.append(answers, errors, shareForm);
    return li;
}

function askForm(base, careTeam, who, reload) {
    const colleagues = careTeam.filter(m => m.userId !== who.userId && m.role !== 'PERSON_SERVED');
    if (!colleagues.length) {
        return h('p', { class: 'muted' }, 'Nobody else is on the care team to ask.');
    }
    const choose = { value: '', label: 'Choose…' };
    return h('details', { class: 'editor', id: 'ask-details' }, h('summary', {}, 'Ask a colleague for information'),
        wireForm(h('form', { class: 'stack', id: 'ask-form' },
            field({ id: 'ask-holder', name: 'holderId', label: 'Who holds it', type: 'select', required: true,
                options: [choose, ...colleagues.map(m => ({ value: m.userId, label: `${m.displayName} — ${roleWords(m.role)}` }))] }),
            field({ id: 'ask-category', name: 'category', label: 'What kind of information', type: 'select', required: true,
                options: [choose, ...CATEGORIES.map(c => ({ value: c.value, label: c.team }))] }),
            field({ id: 'ask-purpose', name: 'purpose', label: 'Why you ask', type: 'select', required: true,
                options: [choose, ...PURPOSES.map(p => ({ value: p.value, label: p.team }))] }),
            field({ id: 'ask-what', name: 'whatIsAsked', label: 'What you ask', type: 'textarea', rows: 3, required: true,
                hint: 'In plain words, as your colleague will read it.' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Send the request'))),
        async form => {
            const f = form.elements;
            const holder = f.holderId.selectedOptions[0]?.textContent.split(' — ')[0];
            await request(base, { method: 'POST', body: {
                holderId: f.holderId.value || null, category: f.category.value || null, purpose: f.purpose.value || null,
                whatIsAsked: blankToNull(f.whatIsAsked.value),
            } });
            form.reset();
            await reload('requests', `Your request is with ${holder}.`);
        }));
}
