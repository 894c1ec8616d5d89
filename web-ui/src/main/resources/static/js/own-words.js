// The person's own words — goals, psychiatric advance directive (PAD) and WRAP — shown as they wrote them,
// each with a form to record them. Shared by the care team's case page and the person's own page.
import { blankToNull, dateTimeWords, field, h, lines, request, wireForm } from './dyad.js';

// Labels in two voices: the care team's ("team") and the person's own ("person").
const WORDS = {
    team: {
        goals: 'Goals and what matters most', whatMattersMost: 'What matters most', goalList: 'Goals',
        personalMedicine: 'Personal medicine', personalMedicineHint: 'What the person does themselves that helps. One per line.',
        ownWords: 'In the person’s own words.',
        pad: 'Psychiatric advance directive (PAD)', preferred: 'Preferred treatments', refused: 'Refused treatments',
        crisis: 'What helps in a crisis', whoToCall: 'Who to call', restraint: 'Views on restraint and seclusion',
        proxy: 'Proxy', proxyHint: 'Who decides on the person’s behalf when they cannot.', signedOn: 'Signed on',
        wrap: 'WRAP (Wellness Recovery Action Plan)', tools: 'Wellness tools', triggers: 'Triggers',
        signs: 'Early warning signs', supporters: 'Supporters',
    },
    person: {
        goals: 'Your goals and what matters most', whatMattersMost: 'What matters most to you', goalList: 'Your goals',
        personalMedicine: 'Your personal medicine', personalMedicineHint: 'What you do yourself that helps. One per line.',
        ownWords: 'In your own words.',
        pad: 'Your psychiatric advance directive (PAD)', preferred: 'Treatments you prefer', refused: 'Treatments you refuse',
        crisis: 'What helps you in a crisis', whoToCall: 'Who to call', restraint: 'Your views on restraint and seclusion',
        proxy: 'Your proxy', proxyHint: 'Who decides on your behalf when you cannot.', signedOn: 'Signed on',
        wrap: 'Your WRAP (Wellness Recovery Action Plan)', tools: 'Your wellness tools', triggers: 'Your triggers',
        signs: 'Your early warning signs', supporters: 'Your supporters',
    },
};

const ONE_PER_LINE = 'One per line.';

/**
 * The three sections for one case. options: voice ('team' | 'person'), prefix (unique per case on the page),
 * heading (the sections' heading element), saved(sectionKey, message) called after a successful save so the page can reload and announce it.
 */
export function ownWordsSections(details, { voice = 'team', prefix = 'ow', heading = 'h2', saved }) {
    const w = { ...WORDS[voice], heading };
    const base = `/api/cases/${encodeURIComponent(details.id)}`;
    return [
        goalsSection(details.goals, w, `${prefix}-goals`, base, saved),
        padSection(details.advanceDirective, w, `${prefix}-pad`, base, saved),
        wrapSection(details.wrapSummary, w, `${prefix}-wrap`, base, saved),
    ];
}

function section(w, id, title, view, recorded, form, summaryWhenEmpty, summaryWhenRecorded) {
    return h('section', { class: 'panel own-words', id, 'aria-labelledby': `${id}-title` },
        h(w.heading, { id: `${id}-title`, tabindex: '-1' }, title),
        h('div', { class: 'record', dataset: { view: id } }, view ?? h('p', { class: 'muted' }, 'Not recorded yet.')),
        recorded ? h('p', { class: 'muted small' }, recorded) : null,
        h('details', { class: 'editor' },
            h('summary', {}, view ? summaryWhenRecorded : summaryWhenEmpty),
            form));
}

// ---- goals ----

function goalsSection(goals, w, id, base, saved) {
    const view = goals ? h('dl', { class: 'words' },
        item(w.whatMattersMost, goals.whatMattersMost ? h('blockquote', {}, goals.whatMattersMost) : null),
        item(w.goalList, list(goals.goals)),
        item(w.personalMedicine, list(goals.personalMedicine))) : null;
    const form = wireForm(h('form', { class: 'stack' },
        h('p', { class: 'hint' }, w.ownWords),
        field({ id: `${id}-wmm`, name: 'whatMattersMost', label: w.whatMattersMost, type: 'textarea', value: goals?.whatMattersMost }),
        field({ id: `${id}-goals`, name: 'goals', label: w.goalList, hint: ONE_PER_LINE, type: 'textarea', value: joinLines(goals?.goals) }),
        field({ id: `${id}-pm`, name: 'personalMedicine', label: w.personalMedicine, hint: w.personalMedicineHint,
            type: 'textarea', value: joinLines(goals?.personalMedicine) }),
        actions('Save goals')), async form => {
        const f = form.elements;
        await request(`${base}/goals`, {
            method: 'POST', body: {
                whatMattersMost: blankToNull(f.whatMattersMost.value),
                goals: lines(f.goals.value),
                personalMedicine: lines(f.personalMedicine.value),
            },
        });
        await saved(id, 'Goals saved.');
    });
    return section(w, id, w.goals, view, goals?.recordedAt ? `Recorded ${dateTimeWords(goals.recordedAt)}` : null,
        form, 'Record goals', 'Update goals');
}

// ---- PAD ----

function padSection(pad, w, id, base, saved) {
    const view = pad ? h('dl', { class: 'words' },
        item(w.preferred, list(pad.preferredTreatments)),
        item(w.refused, list(pad.refusedTreatments)),
        item(w.crisis, pad.whatHelpsInCrisis ? h('blockquote', {}, pad.whatHelpsInCrisis) : null),
        item(w.whoToCall, contactList(pad.whoToCall)),
        item(w.restraint, pad.viewsOnRestraintAndSeclusion ? h('blockquote', {}, pad.viewsOnRestraintAndSeclusion) : null),
        item(w.proxy, pad.proxy ? contactList([pad.proxy]) : null),
        item(w.signedOn, pad.signedOn)) : null;
    const form = wireForm(h('form', { class: 'stack' },
        h('p', { class: 'hint' }, w.ownWords),
        field({ id: `${id}-preferred`, name: 'preferredTreatments', label: w.preferred, hint: ONE_PER_LINE, type: 'textarea',
            value: joinLines(pad?.preferredTreatments) }),
        field({ id: `${id}-refused`, name: 'refusedTreatments', label: w.refused, hint: ONE_PER_LINE, type: 'textarea',
            value: joinLines(pad?.refusedTreatments) }),
        field({ id: `${id}-crisis`, name: 'whatHelpsInCrisis', label: w.crisis, type: 'textarea', value: pad?.whatHelpsInCrisis }),
        contactsFieldset(`${id}-call`, 'whoToCall', w.whoToCall, pad?.whoToCall),
        field({ id: `${id}-restraint`, name: 'viewsOnRestraintAndSeclusion', label: w.restraint, type: 'textarea',
            value: pad?.viewsOnRestraintAndSeclusion }),
        proxyFieldset(`${id}-proxy`, w, pad?.proxy),
        field({ id: `${id}-signed`, name: 'signedOn', label: w.signedOn, type: 'date', value: pad?.signedOn }),
        actions('Save PAD')), async form => {
        const f = form.elements;
        await request(`${base}/advance-directive`, {
            method: 'POST', body: {
                preferredTreatments: lines(f.preferredTreatments.value),
                refusedTreatments: lines(f.refusedTreatments.value),
                whatHelpsInCrisis: blankToNull(f.whatHelpsInCrisis.value),
                whoToCall: contacts(form, 'whoToCall'),
                viewsOnRestraintAndSeclusion: blankToNull(f.viewsOnRestraintAndSeclusion.value),
                proxy: contact(form, 'proxy'),
                signedOn: blankToNull(f.signedOn.value),
            },
        });
        await saved(id, 'Advance directive saved.');
    });
    return section(w, id, w.pad, view, null, form, 'Record a PAD', 'Update the PAD');
}

// ---- WRAP ----

function wrapSection(wrap, w, id, base, saved) {
    const view = wrap ? h('dl', { class: 'words' },
        item(w.tools, list(wrap.wellnessTools)),
        item(w.triggers, list(wrap.triggers)),
        item(w.signs, list(wrap.earlyWarningSigns)),
        item(w.crisis, wrap.whatHelpsInCrisis ? h('blockquote', {}, wrap.whatHelpsInCrisis) : null),
        item(w.supporters, contactList(wrap.supporters))) : null;
    const form = wireForm(h('form', { class: 'stack' },
        h('p', { class: 'hint' }, w.ownWords),
        field({ id: `${id}-tools`, name: 'wellnessTools', label: w.tools, hint: ONE_PER_LINE, type: 'textarea',
            value: joinLines(wrap?.wellnessTools) }),
        field({ id: `${id}-triggers`, name: 'triggers', label: w.triggers, hint: ONE_PER_LINE, type: 'textarea',
            value: joinLines(wrap?.triggers) }),
        field({ id: `${id}-signs`, name: 'earlyWarningSigns', label: w.signs, hint: ONE_PER_LINE, type: 'textarea',
            value: joinLines(wrap?.earlyWarningSigns) }),
        field({ id: `${id}-crisis`, name: 'whatHelpsInCrisis', label: w.crisis, type: 'textarea', value: wrap?.whatHelpsInCrisis }),
        contactsFieldset(`${id}-supporters`, 'supporters', w.supporters, wrap?.supporters),
        actions('Save WRAP')), async form => {
        const f = form.elements;
        await request(`${base}/wrap`, {
            method: 'POST', body: {
                wellnessTools: lines(f.wellnessTools.value),
                triggers: lines(f.triggers.value),
                earlyWarningSigns: lines(f.earlyWarningSigns.value),
                whatHelpsInCrisis: blankToNull(f.whatHelpsInCrisis.value),
                supporters: contacts(form, 'supporters'),
            },
        });
        await saved(id, 'WRAP saved.');
    });
    return section(w, id, w.wrap, view, null, form, 'Record a WRAP', 'Update the WRAP');
}

// ---- contacts: rows named like the API's fields (whoToCall[0].name), so its errors land on the right input ----

function contactsFieldset(id, name, legend, existing) {
    const rows = h('div', { class: 'contact-rows' });
    const add = h('button', { type: 'button', class: 'secondary', onclick: () => addRow(true) }, 'Add another person');
    const fieldset = h('fieldset', { id, name, class: 'contacts' },
        h('legend', {}, legend),
        rows,
        add,
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));

    function addRow(focus) {
        const n = rows.children.length;
        const row = contactRow(`${id}-${n}`, `${name}[${n}]`, `person ${n + 1}`, {});
        row.append(h('button', {
            type: 'button', class: 'link', 'aria-label': `Remove person ${n + 1}`,
            onclick: () => {
                row.remove();
                renumber();
                add.focus();
            },
        }, 'Remove'));
        rows.append(row);
        if (focus) {
            row.querySelector('input').focus();
        }
        return row;
    }

    function renumber() {
        [...rows.children].forEach((row, i) => renameRow(row, `${id}-${i}`, `${name}[${i}]`, `person ${i + 1}`));
    }

    for (const c of existing?.length ? existing : [{}]) {
        const row = addRow(false);
        row.querySelector('[data-part="name"]').value = c.name ?? '';
        row.querySelector('[data-part="relationship"]').value = c.relationship ?? '';
        row.querySelector('[data-part="phone"]').value = c.phone ?? '';
    }
    return fieldset;
}

function proxyFieldset(id, w, proxy) {
    const row = contactRow(id, 'proxy', 'proxy', proxy ?? {});
    return h('fieldset', { id: `${id}-set`, name: 'proxy', class: 'contacts' },
        h('legend', {}, w.proxy),
        h('p', { class: 'hint' }, w.proxyHint),
        row,
        h('p', { class: 'field-error', id: `${id}-set-error`, hidden: true }));
}

const PARTS = [['name', 'Name', 'name'], ['relationship', 'Relationship', 'off'], ['phone', 'Phone', 'tel']];

function contactRow(id, name, who, value) {
    return h('div', { class: 'contact-row', dataset: { who } },
        PARTS.map(([part, label, autocomplete]) => {
            const f = field({ id: `${id}-${part}`, name: `${name}.${part}`, label, value: value[part],
                type: part === 'phone' ? 'tel' : 'text', autocomplete });
            f.querySelector('label').append(h('span', { class: 'visually-hidden' }, ` (${who})`));
            f.querySelector('input').dataset.part = part;
            return f;
        }));
}

function renameRow(row, id, name, who) {
    row.dataset.who = who;
    for (const [part, label] of PARTS) {
        const input = row.querySelector(`[data-part="${part}"]`);
        const oldId = input.id;
        input.id = `${id}-${part}`;
        input.name = `${name}.${part}`;
        const labelEl = row.querySelector(`label[for="${oldId}"]`);
        labelEl.replaceChildren(label, h('span', { class: 'visually-hidden' }, ` (${who})`));
        labelEl.htmlFor = input.id;
        const error = document.getElementById(`${oldId}-error`);
        if (error) {
            error.id = `${input.id}-error`;
        }
    }
    const remove = row.querySelector('button');
    remove?.setAttribute('aria-label', `Remove ${who}`);
}

/** The filled-in contact rows; blank rows are dropped from the form first, so indices match the API's errors. */
function contacts(form, name) {
    const fieldset = form.querySelector(`fieldset[name="${name}"]`);
    const rows = [...fieldset.querySelectorAll('.contact-row')];
    const filled = rows.filter(row => readContact(row));
    rows.filter(row => !readContact(row)).slice(filled.length ? 0 : 1).forEach(row => row.remove());
    const kept = [...fieldset.querySelectorAll('.contact-row')];
    kept.forEach((row, i) => renameRow(row, `${fieldset.id}-${i}`, `${name}[${i}]`, `person ${i + 1}`));
    return filled.map(readContact);
}

function contact(form, name) {
    return readContact(form.querySelector(`fieldset[name="${name}"] .contact-row`));
}

function readContact(row) {
    const part = p => blankToNull(row.querySelector(`[data-part="${p}"]`).value);
    const c = { name: part('name'), relationship: part('relationship'), phone: part('phone') };
    return c.name || c.relationship || c.phone ? c : null;
}

// ---- display helpers ----

function item(term, value) {
    return [h('dt', {}, term), h('dd', {}, value ?? h('span', { class: 'muted' }, '—'))];
}

function list(values) {
    return values?.length ? h('ul', {}, values.map(v => h('li', {}, v))) : null;
}

function contactList(contacts) {
    return contacts?.length ? h('ul', {}, contacts.map(c => h('li', {},
        c.name, c.relationship ? ` (${c.relationship})` : '', c.phone ? [' · ', h('a', { href: `tel:${c.phone}` }, c.phone)] : ''))) : null;
}

function joinLines(values) {
    return (values ?? []).join('\n');
}

function actions(label) {
    return h('div', { class: 'actions' }, h('button', { type: 'submit' }, label));
}
