package org.dyad.infra.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.dyad.application.shared.AfterCommit;
import org.dyad.infra.readmodel.PendingViews;
import org.dyad.infra.readmodel.ViewWriter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token store that first writes the view changes its processor's batch holds: a token is never stored ahead of
 * the views it stands for. Those waiting to read the views are told then, not a round trip later after the token.
 * A full batch (the processor is behind) hands its views and its token to the {@link ViewWriter} and returns, so
 * the processor handles the next batch meanwhile; its announcements wait for the write. Any other call waits for
 * those writes first, and throws what a failed one threw, so the processor starts again from its stored token.
 * A processor extends its claim before every batch; that write goes out only when this node has not stored or
 * extended the claim within {@link #CLAIM_REFRESH}, a fifth of the time another node waits before it takes the
 * claim over. The rest is the Mongo token store's.
 */
final class ViewFlushingTokenStore implements TokenStore {

    static final Duration CLAIM_REFRESH = Duration.ofSeconds(2);

    private final TokenStore delegate;
    private final ViewWriter writer;
    /** A batch this long leaves more events waiting: its views are written while the next batch is handled. */
    private final int fullBatch;
    /** When this node last wrote each claim it holds ("processor#segment"), in System.nanoTime(). */
    private final Map<String, Long> claimWritten = new ConcurrentHashMap<>();

    ViewFlushingTokenStore(TokenStore delegate, ViewWriter writer, int fullBatch) {
        this.delegate = delegate;
        this.writer = writer;
        this.fullBatch = fullBatch;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                && batch.getMessages().size() >= fullBatch) {
            PendingViews.Writes writes = PendingViews.detachCurrent();
            Runnable written = AfterCommit.viewsWrittenLater();
            writer.writeBehind(writes, () -> {
                written.run();
                delegate.storeToken(token, processorName, segment);
                claimed(processorName, segment);
            });
            return;
        }
        writer.awaitWritten();
        PendingViews.flushCurrent();
        AfterCommit.viewsWritten();
        delegate.storeToken(token, processorName, segment);
        claimed(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        writer.throwIfFailed();
        Long written = claimWritten.get(key(processorName, segment));
        if (written != null && System.nanoTime() - written < CLAIM_REFRESH.toNanos()) {
            return;
        }
        delegate.extendClaim(processorName, segment);
        claimed(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        claimWritten.remove(key(processorName, segment));
        try {
            writer.awaitWritten();
        } finally {
            delegate.releaseClaim(processorName, segment);
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        writer.awaitWritten();
        claimWritten.remove(key(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    private void claimed(String processorName, int segment) {
        claimWritten.put(key(processorName, segment), System.nanoTime());
    }

    private static String key(String processorName, int segment) {
        return processorName + "#" + segment;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        writer.awaitWritten();
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }



    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        delegate.initializeSegment(token, processorName, segment);
    }


    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
