package dev.connectorruntime.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a body, failing as soon as it grows past the cap: HttpClient itself has no limit. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** Thrown (inside the future) when the body passes the cap. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final long cap;
    /** The client's buffers, kept as they come (it hands over new ones): copied once, at the end. */
    private final List<ByteBuffer> received = new ArrayList<>();
    private long size;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long cap) {
        this.cap = Math.min(cap, Integer.MAX_VALUE - 8); // one array holds the body
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (size + b.remaining() > cap) {
                subscription.cancel();
                received.clear();
                result.completeExceptionally(new TooLarge());
                return;
            }
            size += b.remaining();
            received.add(b);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        byte[] body = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : received) {
            int n = b.remaining();
            b.get(body, at, n);
            at += n;
        }
        received.clear();
        result.complete(body);
    }
}
