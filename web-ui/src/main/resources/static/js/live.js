// A case page kept current: STOMP /user/queue/cases/{caseId} says only that the case changed (its revision);
// the page then reads it again through REST, where the access policy decides what this viewer sees. The message
// itself is never trusted for content.
import { Client, ReconnectionTimeMode } from '@stomp/stompjs';

/**
 * Calls refresh() whenever the case changes, at most one read at a time (a change during a read asks for one more).
 * The page's <body data-live> says "connecting", "live" (the subscription is confirmed) or "reconnecting".
 */
export function followCase(caseId, refresh) {
    let running = false;
    let again = false;
    const pull = async () => {
        if (running) {
            again = true;
            return;
        }
        running = true;
        try {
            do {
                again = false;
                await refresh();
            } while (again);
        } finally {
            running = false;
        }
    };
    let receipts = 0;
    let connectedBefore = false;
    document.body.dataset.live = 'connecting';
    const client = new Client({
        brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
        reconnectDelay: 1000,
        maxReconnectDelay: 15000,
        reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
        onConnect: () => {
            const receipt = `case-${caseId}-${++receipts}`;
            client.watchForReceipt(receipt, () => {
                document.body.dataset.live = 'live';
                // Anything may have changed while we were away.
                if (connectedBefore) {
                    pull();
                }
                connectedBefore = true;
            });
            client.subscribe(`/user/queue/cases/${caseId}`, () => pull(), { receipt });
        },
        onStompError: frame => console.warn('Case updates refused:', frame.headers.message),
        onWebSocketClose: () => {
            if (client.active) {
                document.body.dataset.live = 'reconnecting';
            }
        },
    });
    client.activate();
    return client;
}
