// Slider, steps and jumps by family over the loaded timeline; onSelect(index) runs once a move settles.
import { dateTimeWords, fill, h, lockIcon, roleWords } from './dyad.js';

// Restraint and seclusion match by name, so their episodes join the list once they are recorded, without a change here.
const RESTRAINT = /^(Intervention|Restraint)/;
const JUMPS = [
    { id: 'disclosure', label: 'Disclosure requests and answers', matches: e => e.family === 'Disclosure' },
    { id: 'restraint', label: 'Restraint and seclusion', matches: e => RESTRAINT.test(e.family) || RESTRAINT.test(e.eventType) },
    { id: 'consent', label: 'Consents', matches: e => e.family === 'Consent' },
    { id: 'session', label: 'Co-treatment sessions', matches: e => e.family === 'Session' },
    { id: 'decision', label: 'Shared decisions', matches: e => e.family === 'Decision' },
    { id: 'case', label: 'The case itself', matches: e => e.family === 'Case' },
];
const WINDOW = 3;
const SETTLE_MS = 200;

/** "GoalsRecorded" → "Goals recorded". */
export function eventWords(type) {
    const words = String(type ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

export function replayControls(timeline, onSelect) {
    const last = timeline.length - 1;
    const jumps = [...JUMPS, ...extraFamilies(timeline)].map(j => ({ ...j, count: timeline.filter(j.matches).length }));
    const slider = h('input', {
        id: 'replay-slider', type: 'range', min: '0', max: String(last), step: '1', value: String(last),
        'aria-describedby': 'current-event-title',
    });
    const position = h('output', { id: 'replay-position', for: 'replay-slider' });
    const current = h('div', { id: 'current-event', class: 'current-event' });
    const nearby = h('ol', { id: 'timeline-window', class: 'timeline-window', 'aria-label': 'Events around this one' });
    const jumpSelect = h('select', { id: 'jump-family' }, jumps.map(j => h('option', { value: j.id }, `${j.label} (${j.count})`)));
    const jumpStatus = h('p', { id: 'jump-status', class: 'muted small', role: 'status' });
    let index = last;
    let settle;

    const select = (next, { wait = false } = {}) => {
        index = Math.max(0, Math.min(last, next));
        slider.value = String(index);
        const entry = timeline[index];
        slider.setAttribute('aria-valuetext', `Event ${index + 1} of ${timeline.length}: ${eventWords(entry.eventType)}, ${dateTimeWords(entry.at)}`);
        position.textContent = `Event ${index + 1} of ${timeline.length}`;
        fill(current, eventDetails(entry, index, timeline.length));
        fill(nearby, around(timeline, index).map(i => h('li', { 'aria-current': i === index ? 'true' : null },
            h('button', { type: 'button', class: 'link', onclick: () => select(i) },
                `${i + 1}. ${eventWords(timeline[i].eventType)}`), ' ', h('span', { class: 'muted small' }, dateTimeWords(timeline[i].at)))));
        clearTimeout(settle);
        settle = setTimeout(() => onSelect(index), wait ? SETTLE_MS : 0);
    };
    const jump = direction => {
        const family = jumps.find(j => j.id === jumpSelect.value);
        const found = direction < 0
            ? timeline.slice(0, index).map((e, i) => [e, i]).reverse().find(([e]) => family.matches(e))
            : timeline.slice(index + 1).map((e, i) => [e, index + 1 + i]).find(([e]) => family.matches(e));
        if (!found) {
            jumpStatus.textContent = family.count ? `No ${direction < 0 ? 'earlier' : 'later'} event of this kind.` : 'This record has no events of this kind.';
            return;
        }
        jumpStatus.textContent = '';
        select(found[1]);
    };
    slider.addEventListener('input', () => select(Number(slider.value), { wait: true }));
    const controls = h('div', { class: 'replay-controls' },
        h('div', { class: 'slider-row' }, h('label', { for: 'replay-slider' }, 'Event on the timeline'), slider, position),
        h('div', { class: 'actions' },
            h('button', { type: 'button', id: 'step-first', class: 'secondary', onclick: () => select(0) }, 'First'),
            h('button', { type: 'button', id: 'step-back', class: 'secondary', onclick: () => select(index - 1) }, '← Step back'),
            h('button', { type: 'button', id: 'step-forward', class: 'secondary', onclick: () => select(index + 1) }, 'Step forward →'),
            h('button', { type: 'button', id: 'step-last', class: 'secondary', onclick: () => select(last) }, 'Last')),
        h('div', { class: 'jump-row' },
            h('label', { for: 'jump-family' }, 'Jump to'), jumpSelect,
            h('button', { type: 'button', id: 'jump-prev', class: 'secondary', onclick: () => jump(-1) }, 'Previous'),
            h('button', { type: 'button', id: 'jump-next', class: 'secondary', onclick: () => jump(1) }, 'Next')),
        jumpStatus, current, nearby);
    select(last);
    return controls;
}

/** Families in this record that no jump above covers, so every kind can be jumped to. */
function extraFamilies(timeline) {
    const families = [...new Set(timeline.map(e => e.family))];
    return families.filter(f => !JUMPS.some(j => timeline.some(e => e.family === f && j.matches(e))))
        .map(f => ({ id: `family-${f}`, label: f, matches: e => e.family === f }));
}

function around(timeline, index) {
    const from = Math.max(0, Math.min(index - WINDOW, timeline.length - 1 - 2 * WINDOW));
    return Array.from({ length: Math.min(timeline.length, 2 * WINDOW + 1) }, (_, i) => from + i);
}

function eventDetails(e, index, total) {
    return [
        h('h3', { id: 'current-event-title' }, `Event ${index + 1} of ${total}: ${eventWords(e.eventType)}`),
        h('dl', { class: 'words' },
            h('dt', {}, 'Recorded'), h('dd', {}, dateTimeWords(e.at)),
            h('dt', {}, 'By'), h('dd', {}, e.actorId ? `${e.actorId}${e.actorRole ? ` (${roleWords(e.actorRole)})` : ''}` : 'the system'),
            e.reason ? [h('dt', {}, 'Reason given'), h('dd', {}, e.reason)] : null,
            h('dt', {}, 'Record'), h('dd', {}, `${e.family} ${e.aggregateId}, event ${e.sequenceNumber}`),
            h('dt', {}, 'Hash'), h('dd', { class: 'hash' }, h('code', { title: e.hash ?? '' }, (e.hash ?? '').slice(0, 16)), '…')),
        e.redacted
            ? h('p', { class: 'note-text withheld' }, lockIcon(), e.placeholder, ' — the person has not agreed to share it; it exists and its hash is kept.')
            : h('details', { class: 'editor' }, h('summary', {}, 'What the event records'),
                h('pre', { class: 'payload' }, JSON.stringify(e.payload, null, 2))),
    ];
}
