package org.dyad.web.stomp;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class PushTicketTest {

    private final PushTicket.Counter counter = new PushTicket.Counter();

    private static Message<byte[]> carrying(Object ticket) {
        return MessageBuilder.withPayload(new byte[0]).setHeader(PushTicket.HEADER, ticket).build();
    }

    @Test
    void aPushIsHandedOnceEveryOneOfItsMessagesWasTakenByItsSession() throws Exception {
        PushTicket ticket = new PushTicket();
        ticket.sending();
        ticket.sending();
        counter.afterMessageHandled(carrying(ticket), null, null, null);
        assertThat(ticket.awaitHanded(20)).isFalse();

        counter.afterMessageHandled(carrying(ticket), null, null, null);
        assertThat(ticket.awaitHanded(20)).isTrue();
    }

    @Test
    void messagesOfOtherPushesAndWithoutATicketDoNotCount() throws Exception {
        PushTicket ticket = new PushTicket();
        ticket.sending();
        counter.afterMessageHandled(carrying(new PushTicket()), null, null, null);
        counter.afterMessageHandled(MessageBuilder.withPayload(new byte[0]).build(), null, null, null);
        assertThat(ticket.awaitHanded(20)).isFalse();
    }

    @Test
    void theCountIsWaitedForAcrossThreads() throws Exception {
        PushTicket ticket = new PushTicket();
        ticket.sending();
        Thread outbound = new Thread(() -> counter.afterMessageHandled(carrying(ticket), null, null, null));
        outbound.start();
        assertThat(ticket.awaitHanded(5_000)).isTrue();
        outbound.join();
    }
}
