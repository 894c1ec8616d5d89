// Shared by every page: API calls with CSRF, the page header (who is signed in, sign out), DOM building,
// form fields whose errors sit next to them, and the words for roles and times.

/** A problem+json answer from the API. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem ?? {};
    }
}

let mePromise;

/** Who is signed in, with the CSRF header and token the API expects on changes. */
export function me() {
    mePromise ??= request('/api/me');
    return mePromise;
}

/** Calls the API; resolves to the parsed JSON (or null) and rejects with an ApiError on any error status. */
export async function request(path, options) {
    return (await requestWithHeaders(path, options)).data;
}

/** As request(), resolving to { data, headers } for answers whose headers carry meaning (X-Total-Count). */
export async function requestWithHeaders(path, { method = 'GET', body } = {}) {
    // X-Requested-With keeps an expired session from popping the browser's Basic-auth prompt.
    const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json, application/problem+json' };
    if (method !== 'GET') {
        const who = await me();
        if (who.csrfHeader) {
            headers[who.csrfHeader] = who.csrfToken;
        }
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
        method, headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    try {
        data = text ? JSON.parse(text) : null;
    } catch {
        data = { detail: text.slice(0, 200) };
    }
    if (!response.ok) {
        if (response.status === 401) {
            data = { title: 'Signed out', detail: 'Your session has ended. Sign in again to go on.' };
        }
        throw new ApiError(response.status, data);
    }
    return { data, headers: response.headers };
}

/**
 * Builds an element. Props: class, text, dataset, on<event> handlers, anything else as an attribute
 * (false/null/undefined leave it out, true sets it empty). Children: nodes, strings, arrays; null is skipped.
 */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (key === 'class') {
            el.className = value;
        } else if (key === 'text') {
            el.textContent = value;
        } else if (key === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2).toLowerCase(), value);
        } else if (key === 'value' && 'value' in el) {
            el.value = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

/** Replaces an element's children, skipping null and flattening arrays as h() does. */
export function fill(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(el, child);
        } else {
            el.append(child instanceof Node ? child : String(child));
        }
    }
}

const ROLE_WORDS = {
    PSYCHIATRIST: 'Psychiatrist', PEER_SPECIALIST: 'Peer specialist', NURSE: 'Nurse', THERAPIST: 'Therapist',
    SOCIAL_WORKER: 'Social worker', CASE_MANAGER: 'Case manager', AUDITOR: 'Quality auditor', ADMIN: 'Admin',
    PERSON_SERVED: 'Person served', SUPPORTER: 'Supporter', OTHER_STAFF: 'Other staff',
};

export function roleWords(role) {
    return ROLE_WORDS[role] ?? role;
}

export function unitWords(unit) {
    return unit ? `${unit.charAt(0).toUpperCase()}${unit.slice(1)} unit` : '';
}

export function settingWords(setting) {
    return setting === 'INPATIENT' ? 'Inpatient' : setting === 'OUTPATIENT' ? 'Outpatient' : setting ?? '';
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function relativeTime(iso, now = Date.now()) {
    if (!iso) {
        return '—';
    }
    const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
    if (seconds < 60) {
        return 'just now';
    }
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) {
        return `${minutes} min ago`;
    }
    const hours = Math.round(minutes / 60);
    if (hours < 24) {
        return `${hours} h ago`;
    }
    const days = Math.round(hours / 24);
    return days === 1 ? 'yesterday' : `${days} days ago`;
}

export function dateTimeWords(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** The time of day: "9:30 AM" (in the reader's locale). */
export function timeWords(iso) {
    return iso ? new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : '';
}

/** "today 10:00 AM", "tomorrow 9:30 AM", "yesterday 4:00 PM", else "Thu, Nov 27, 10:00 AM". */
export function dayTimeWords(iso, now = new Date()) {
    if (!iso) {
        return '';
    }
    const at = new Date(iso);
    const days = Math.round((startOfDay(at) - startOfDay(now)) / 86_400_000);
    const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days === -1 ? 'yesterday'
        : at.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric',
            year: at.getFullYear() === now.getFullYear() ? undefined : 'numeric' }) + ',';
    return `${day} ${timeWords(iso)}`;
}

function startOfDay(date) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A <time> saying the day in words ("tomorrow 10:00 AM"); refreshRelativeTimes keeps it current. */
export function dayTime(iso) {
    return h('time', { datetime: iso, title: dateTimeWords(iso), dataset: { dayTime: '' } }, dayTimeWords(iso));
}

/** A datetime-local input's value as an ISO instant (with its offset), or null when empty. */
export function isoFromLocal(value) {
    return value ? new Date(value).toISOString() : null;
}

/** An instant as a datetime-local input's value, in the reader's time zone. */
export function localInputValue(iso) {
    if (!iso) {
        return '';
    }
    const d = new Date(iso);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A <time> that keeps saying how long ago it was; see refreshRelativeTimes. */
export function timeAgo(iso) {
    return h('time', { datetime: iso, title: dateTimeWords(iso), dataset: { relative: '' } }, relativeTime(iso));
}

export function refreshRelativeTimes(root = document) {
    const now = Date.now();
    root.querySelectorAll('time[data-relative]').forEach(t => {
        t.textContent = relativeTime(t.getAttribute('datetime'), now);
    });
    root.querySelectorAll('time[data-day-time]').forEach(t => {
        t.textContent = dayTimeWords(t.getAttribute('datetime'), new Date(now));
    });
}

// ---- shared decisions and sessions: words ----

export const OPTION_KINDS = [
    { value: 'MEDICATION', label: 'Medication' },
    { value: 'PSYCHOSOCIAL', label: 'Psychosocial' },
    { value: 'PEER_SUPPORT', label: 'Peer support' },
    { value: 'HARM_REDUCTION', label: 'Harm reduction' },
    { value: 'NO_CHANGE_WATCHFUL_WAITING', label: 'No change for now, watchful waiting' },
    { value: 'OTHER', label: 'Something else' },
];

export function optionKindWords(kind) {
    return OPTION_KINDS.find(k => k.value === kind)?.label ?? kind ?? '';
}

/** A decision's status, said to the care team ("team") or to the person ("person"). */
export function decisionStatusWords(status, voice = 'team') {
    const words = {
        team: { GATHERING_OPTIONS: 'Gathering options', WITH_THE_PERSON: 'With the person',
            NOT_NOW: 'Not now, more time', CHOSEN: 'Chosen' },
        person: { GATHERING_OPTIONS: 'Your care team is gathering options', WITH_THE_PERSON: 'Waiting for you',
            NOT_NOW: 'You asked for more time', CHOSEN: 'You chose' },
    };
    return words[voice][status] ?? status;
}

const SESSION_STATUS = { SCHEDULED: 'Scheduled', IN_PROGRESS: 'In progress', ENDED: 'Ended', CANCELLED: 'Cancelled' };

export function sessionStatusWords(status) {
    return SESSION_STATUS[status] ?? status;
}

/** The letter of the i-th option: A, B, C ... (letters, so no option reads as ranked first). */
export function optionLetter(index) {
    return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

// ---- page header ----------------------------------------------------------------------------------------

/** Fills in the header every page carries: who is signed in, and the sign-out form's CSRF token. */
export async function initChrome() {
    const who = await me();
    const name = document.getElementById('who');
    if (name) {
        name.textContent = who.displayName ?? who.userId;
        name.title = roleWords(who.role);
    }
    document.querySelectorAll('form.signout').forEach(form => wireSignOut(form, who));
    const home = document.getElementById('board-link');
    if (home && who.role === 'PERSON_SERVED') {
        home.href = '/me';
        home.textContent = 'Your space';
    } else if (home && who.unit) {
        home.href = `/board/${encodeURIComponent(who.unit)}`;
        home.textContent = `${unitWords(who.unit)} board`;
    }
    return who;
}

function wireSignOut(form, who) {
    form.elements.namedItem('_csrf').value = who.csrfToken ?? '';
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button');
        button.disabled = true;
        try {
            if (await postLogout(who.csrfToken)) {
                location.assign('/login?logout');
                return;
            }
            formError(form, 'Sign-out did not go through. Reload the page and try again.');
        } catch {
            formError(form, 'Could not reach Dyad to sign out. Check the connection and try again.');
        }
        button.disabled = false;
    });
}

async function postLogout(token) {
    if (!token) {
        return false;
    }
    const response = await fetch('/logout', {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        body: new URLSearchParams({ _csrf: token }),
    });
    return response.type === 'opaqueredirect' || response.ok;
}

// ---- forms ----------------------------------------------------------------------------------------------

let fieldCounter = 0;

/**
 * A labelled control with an optional hint and a place for its error. Options: id, name, label, hint, type
 * ('text', 'date', 'textarea', 'select', 'datetime-local', ...), value, required, options ([{value, label}]),
 * rows, autocomplete.
 */
export function field({ id, name, label, hint, type = 'text', value, required, options, rows, autocomplete, placeholder }) {
    id ??= `f${++fieldCounter}`;
    const hintId = hint ? `${id}-hint` : null;
    const common = {
        id, name, required: !!required,
        'aria-describedby': hintId, autocomplete, placeholder,
    };
    let control;
    if (type === 'textarea') {
        control = h('textarea', { ...common, rows: rows ?? 3 });
        control.value = value ?? '';
    } else if (type === 'select') {
        control = h('select', common, (options ?? []).map(o => h('option', { value: o.value }, o.label)));
        if (value !== undefined && value !== null) {
            control.value = value;
        }
    } else {
        control = h('input', { ...common, type, value: value ?? '' });
    }
    return h('div', { class: 'field' },
        h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
        hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
        control,
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** A group of radio buttons in a fieldset named like the field, so errors for it land on the group. */
export function radioGroup({ id, name, legend, options, value, required }) {
    id ??= `f${++fieldCounter}`;
    return h('fieldset', { id, name, class: 'field radios', role: 'radiogroup', 'aria-required': required ? 'true' : null },
        h('legend', {}, legend, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
        options.map(o => h('label', { class: 'radio' },
            h('input', { type: 'radio', name, value: o.value, checked: o.value === value }), ' ', o.label)),
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** A labelled checkbox with a place for its error; the label follows the box. */
export function checkbox({ id, name, label, hint, checked }) {
    id ??= `f${++fieldCounter}`;
    const hintId = hint ? `${id}-hint` : null;
    return h('div', { class: 'field check' },
        h('input', { type: 'checkbox', id, name, checked: !!checked, 'aria-describedby': hintId }),
        h('label', { for: id }, label),
        hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** The non-blank lines of a textarea, trimmed. */
export function lines(value) {
    return String(value ?? '').split('\n').map(s => s.trim()).filter(Boolean);
}

export function blankToNull(value) {
    const s = String(value ?? '').trim();
    return s === '' ? null : s;
}

/** A form whose submit runs action(form); an error lands next to the field it names, or above the buttons. */
export function wireForm(form, action) {
    form.noValidate = true;
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(form);
        const buttons = [...form.querySelectorAll('button')];
        buttons.forEach(b => { b.disabled = true; });
        form.setAttribute('aria-busy', 'true');
        try {
            await action(form, event.submitter);
        } catch (error) {
            showProblem(form, error);
        } finally {
            buttons.forEach(b => { b.disabled = false; });
            form.removeAttribute('aria-busy');
        }
    });
    return form;
}

export function clearErrors(root) {
    root.querySelectorAll('.field-error').forEach(p => {
        p.hidden = true;
        p.textContent = '';
    });
    root.querySelectorAll('[aria-invalid]').forEach(el => {
        el.removeAttribute('aria-invalid');
        setDescribedBy(el, `${el.id}-error`, false);
    });
    root.querySelectorAll('.form-error').forEach(p => p.remove());
}

/** Shows an API error in a form: each {field, message} next to its control, anything else above the buttons. */
export function showProblem(form, error) {
    if (!(error instanceof ApiError)) {
        console.error(error);
        formError(form, errorText(error)).focus();
        return;
    }
    const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
    const unplaced = [];
    for (const { field: name, message } of errors) {
        const control = controlFor(form, name);
        if (!control) {
            unplaced.push(`${name}: ${message}`);
            continue;
        }
        fieldError(control, plainMessage(control, message, itemNumber(name, control)));
    }
    let first = form.querySelector('[aria-invalid="true"]');
    if (unplaced.length || !errors.length) {
        const p = formError(form, errors.length ? unplaced.join(' ') : error.message, error.status === 401);
        first ??= p;
    }
    (first?.matches('fieldset') ? first.querySelector('input, select, textarea') : first)?.focus();
}

// The server's field messages are plain predicates ("is required", "cannot be in the future"); they get the
// field's own label as their subject. Whole sentences ("Say who: ...") are shown as they are.
function plainMessage(control, message, item) {
    const text = String(message ?? '');
    if (!/^[a-z]/.test(text)) {
        return item ? `Item ${item}: ${text}` : text;
    }
    const label = labelText(control);
    return `${item ? `${label}, item ${item}` : label} ${text}`.trim();
}

function labelText(control) {
    const label = control.matches('fieldset') ? control.querySelector('legend')
        : control.id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
    if (!label) {
        return 'This';
    }
    const copy = label.cloneNode(true);
    copy.querySelectorAll('.req').forEach(el => el.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
}

/** Marks one control invalid with a message next to it. */
export function fieldError(control, message) {
    const errorId = `${control.id}-error`;
    let p = document.getElementById(errorId);
    if (!p) {
        p = h('p', { class: 'field-error', id: errorId });
        control.after(p);
    }
    p.textContent = p.hidden || !p.textContent ? message : `${p.textContent} ${message}`;
    p.hidden = false;
    p.setAttribute('role', 'alert');
    control.setAttribute('aria-invalid', 'true');
    setDescribedBy(control, errorId, true);
}

/** A message for the whole form, just above its buttons (or at its end). */
export function formError(form, message, signInLink = false) {
    form.querySelectorAll('.form-error').forEach(p => p.remove());
    const p = h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }, message,
        signInLink ? [' ', h('a', { href: '/login' }, 'Sign in')] : null);
    const actions = form.querySelector('.actions');
    if (actions) {
        actions.before(p);
    } else {
        form.append(p);
    }
    return p;
}

// An error's field ("goals[1]", "whoToCall[0].name", "proxy.name") names a control, or failing that its
// nearest named parent: the list's textarea, the contact's fieldset.
function controlFor(form, name) {
    let key = String(name ?? '');
    while (key) {
        const control = form.querySelector(`[name="${CSS.escape(key)}"]`);
        if (control) {
            return control;
        }
        const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        if (cut <= 0) {
            return null;
        }
        key = key.slice(0, cut);
    }
    return null;
}

function itemNumber(name, control) {
    const match = control.tagName === 'TEXTAREA' && name.slice(control.name.length).match(/^\[(\d+)]/);
    return match ? Number(match[1]) + 1 : null;
}

function setDescribedBy(el, id, on) {
    const ids = new Set((el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    if (on) {
        ids.add(id);
    } else {
        ids.delete(id);
    }
    if (ids.size) {
        el.setAttribute('aria-describedby', [...ids].join(' '));
    } else {
        el.removeAttribute('aria-describedby');
    }
}

/** What to tell the user about a failed call. */
export function errorText(error) {
    return error instanceof ApiError ? error.message : 'Could not reach Dyad. Check the connection and try again.';
}

/** Shows a page-level failure in place of the page's content, with a sign-in link when the session ended. */
export function pageError(container, error) {
    fill(container, h('p', { class: 'notice error', role: 'alert' }, errorText(error),
        error?.status === 401 ? [' ', h('a', { href: '/login' }, 'Sign in')] : null));
}

// ---- consent and disclosure: words ----

/** Kinds of information, said by the person ("person") or by the care team ("team"). */
export const CATEGORIES = [
    { value: 'PEER_CONFIDENTIAL', person: 'What I tell my peer specialist in confidence', team: 'Peer note (confidential)' },
    { value: 'PSYCHIATRIC', person: 'My psychiatric records', team: 'Psychiatric record' },
    { value: 'SUD_PART2', person: 'My substance-use treatment records (protected by federal law, 42 CFR Part 2)',
        team: 'Substance-use treatment record (42 CFR Part 2)' },
    { value: 'GENERAL', person: 'General information about my care', team: 'General' },
];

export const PURPOSES = [
    { value: 'TREATMENT', person: 'My treatment', team: 'Treatment' },
    { value: 'CARE_COORDINATION', person: 'Coordinating my care', team: 'Care coordination' },
    { value: 'CRISIS_PLANNING', person: 'Planning for a crisis', team: 'Crisis planning' },
    { value: 'PAYMENT', person: 'Payment and insurance', team: 'Payment' },
    { value: 'LEGAL', person: 'Legal matters', team: 'Legal' },
    { value: 'OTHER', person: 'Something else (say it in your words below)', team: 'Other' },
];

export function categoryWords(category, voice = 'team') {
    return CATEGORIES.find(c => c.value === category)?.[voice] ?? category ?? '';
}

export function purposeWords(purpose, voice = 'team') {
    return PURPOSES.find(p => p.value === purpose)?.[voice] ?? purpose ?? '';
}

/** A group of checkboxes in a fieldset named like the field, so errors for it land on the group. */
export function checkGroup({ id, name, legend, hint, options, values = [], required }) {
    id ??= `f${++fieldCounter}`;
    const hintId = hint ? `${id}-hint` : null;
    return h('fieldset', { id, name, class: 'field checks', 'aria-describedby': hintId },
        h('legend', {}, legend, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
        hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
        options.map(o => h('label', { class: 'check-option' },
            h('input', { type: 'checkbox', name, value: o.value, checked: values.includes(o.value) }), ' ', o.label)),
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/** The values of a group's ticked boxes. */
export function checkedValues(form, name) {
    return [...form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(name)}"]:checked`)].map(i => i.value);
}

/**
 * Re-renders a region while keeping what the reader was doing: typed values, ticked boxes, open details, the
 * focus and any status just announced (matched by id), so a live update never throws away a half-written note.
 */
export function keepingState(root, render) {
    const said = new Map([...root.querySelectorAll('[role=status][id]')].map(el => [el.id, el.textContent]));
    const values = new Map();
    root.querySelectorAll('input[id], textarea[id], select[id]').forEach(el => {
        values.set(el.id, el.type === 'checkbox' || el.type === 'radio' ? { checked: el.checked } : { value: el.value });
    });
    root.querySelectorAll('input[type=radio]:not([id]), input[type=checkbox]:not([id])').forEach(el => {
        if (el.form?.id) {
            values.set(`${el.form.id}|${el.name}|${el.value}`, { checked: el.checked });
        }
    });
    const open = new Set([...root.querySelectorAll('details[open]')].map(d => d.id || d.closest('[id]')?.id).filter(Boolean));
    const closed = new Set([...root.querySelectorAll('details:not([open])')].map(d => d.id || d.closest('[id]')?.id).filter(Boolean));
    const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.id || (focused?.dataset?.focusKey ?? null);
    const selection = focused && 'selectionStart' in focused ? [focused.selectionStart, focused.selectionEnd] : null;
    render();
    said.forEach((text, id) => {
        const status = document.getElementById(id);
        if (status && text && !status.textContent) {
            status.textContent = text;
        }
    });
    root.querySelectorAll('input[id], textarea[id], select[id]').forEach(el => {
        const saved = values.get(el.id);
        if (!saved) {
            return;
        }
        if ('checked' in saved) {
            el.checked = saved.checked;
        } else if (el.type !== 'hidden') {
            el.value = saved.value;
        }
    });
    root.querySelectorAll('input[type=radio]:not([id]), input[type=checkbox]:not([id])').forEach(el => {
        const saved = el.form?.id ? values.get(`${el.form.id}|${el.name}|${el.value}`) : null;
        if (saved) {
            el.checked = saved.checked;
        }
    });
    root.querySelectorAll('details').forEach(d => {
        const key = d.id || d.closest('[id]')?.id;
        if (open.has(key)) {
            d.open = true;
        } else if (closed.has(key)) {
            d.open = false;
        }
    });
    if (focusKey) {
        const again = document.getElementById(focusKey) ?? root.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
        if (again) {
            again.focus({ preventScroll: true });
            if (selection && 'setSelectionRange' in again) {
                try {
                    again.setSelectionRange(...selection);
                } catch {
                    // not a text control
                }
            }
        }
    }
}

/** A small lock, for withheld content and restricted records. */
export function lockIcon() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'lock');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z');
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
}
