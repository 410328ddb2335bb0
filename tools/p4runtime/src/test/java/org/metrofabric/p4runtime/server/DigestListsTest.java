package org.metrofabric.p4runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Preamble;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4RuntimeOuterClass.DigestEntry;
import p4.v1.P4RuntimeOuterClass.DigestList;
import p4.v1.P4RuntimeOuterClass.Update;

class DigestListsTest {
    private static final int DIGEST = 0x17000001;
    private static final P4Info P4INFO = P4Info.newBuilder().addDigests(Digest.newBuilder()
            .setPreamble(Preamble.newBuilder().setId(DIGEST).setName("learn_t"))).build();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<DigestList> sent = new LinkedBlockingQueue<>();
    private final DigestLists digests = new DigestLists(P4INFO, timer, sent::add);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static DigestEntry config(long maxTimeoutNs, int maxListSize, long ackTimeoutNs) {
        return DigestEntry.newBuilder().setDigestId(DIGEST).setConfig(DigestEntry.Config.newBuilder()
                .setMaxTimeoutNs(maxTimeoutNs).setMaxListSize(maxListSize).setAckTimeoutNs(ackTimeoutNs)).build();
    }

    private static P4Data sample(int value) {
        return P4Data.newBuilder().setBitstring(ByteString.copyFrom(new byte[] {(byte) value})).build();
    }

    @Test
    void anUnacknowledgedSampleIsSentAgainAfterTheAckTimeout() throws InterruptedException {
        digests.write(Update.Type.INSERT, config(0, 1, TimeUnit.MILLISECONDS.toNanos(100)));
        digests.learn(DIGEST, sample(1));
        assertEquals(1, sent.take().getListId());
        digests.learn(DIGEST, sample(1));
        assertNull(sent.poll(30, TimeUnit.MILLISECONDS), "suppressed while its list is unacknowledged");
        Thread.sleep(200);
        digests.learn(DIGEST, sample(1));
        DigestList again = sent.poll(5, TimeUnit.SECONDS);
        assertEquals(2, again.getListId());
    }

    @Test
    void withoutAnAckTimeoutEverySampleIsSent() throws InterruptedException {
        digests.write(Update.Type.INSERT, config(0, 1, 0));
        digests.learn(DIGEST, sample(1));
        digests.learn(DIGEST, sample(1));
        assertEquals(sample(1), sent.take().getData(0));
        assertEquals(sample(1), sent.take().getData(0));
    }

    @Test
    void deleteStopsDeliveryAndUndoRestoresTheConfig() throws InterruptedException {
        digests.write(Update.Type.INSERT, config(0, 1, 0));
        P4RuntimeTarget.Undo undo = digests.write(Update.Type.DELETE, config(0, 0, 0));
        digests.learn(DIGEST, sample(1));
        assertNull(sent.poll(30, TimeUnit.MILLISECONDS));
        undo.run();
        digests.learn(DIGEST, sample(2));
        assertEquals(sample(2), sent.take().getData(0));
    }

    @Test
    void negativeSettingsAndAMissingConfigAreInvalid() {
        P4RuntimeException negative = assertThrows(P4RuntimeException.class,
                () -> digests.write(Update.Type.INSERT, config(-1, 1, 0)));
        assertEquals(Status.Code.INVALID_ARGUMENT, negative.code());
        P4RuntimeException missing = assertThrows(P4RuntimeException.class,
                () -> digests.write(Update.Type.INSERT, DigestEntry.newBuilder().setDigestId(DIGEST).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, missing.code());
        assertEquals(Status.Code.NOT_FOUND, assertThrows(P4RuntimeException.class,
                () -> digests.read(DIGEST)).code());
    }
}
