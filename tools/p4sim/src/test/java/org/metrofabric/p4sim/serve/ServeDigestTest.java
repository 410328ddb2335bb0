package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;

import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.P4Sim;
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4DataOuterClass.P4StructLike;
import p4.v1.P4RuntimeOuterClass.DigestEntry;
import p4.v1.P4RuntimeOuterClass.DigestList;
import p4.v1.P4RuntimeOuterClass.DigestListAck;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * Digest lists, acks and the DigestEntry config over gRPC. The conformance corpus has no program that
 * calls digest(), so this uses small test programs: serve/learning.p4 (device 1: every frame digests its
 * source MAC and ingress port) and serve/list_digests.p4 (device 2: two digests of list data).
 */
class ServeDigestTest {
    private static final long DEVICE = 1;
    private static final Path LEARNING = Path.of("src/test/resources/serve/learning.p4");
    private static final long LIST_DEVICE = 2;
    private static final Path LIST_DIGESTS = Path.of("src/test/resources/serve/list_digests.p4");

    private ServeHarness harness;
    private P4SimTarget target;
    private P4SimTarget listTarget;
    private P4RuntimeTestClient client;
    private P4RuntimeTestClient.Stream stream;
    private int digestId;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        target = harness.addDevice(DEVICE, LEARNING);
        listTarget = harness.addDevice(LIST_DEVICE, LIST_DIGESTS);
        harness.start();
        P4Info p4Info = ServeHarness.pipeline(LEARNING).p4info();
        digestId = p4Info.getDigests(0).getPreamble().getId();
        client = harness.primaryWithPipeline(DEVICE, p4Info);
        stream = client.firstStream();
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static P4Data sample(int lastMacByte, int port) {
        return P4Data.newBuilder().setStruct(P4StructLike.newBuilder()
                .addMembers(P4Data.newBuilder().setBitstring(bytes(lastMacByte)))
                .addMembers(P4Data.newBuilder().setBitstring(bytes(port)))).build();
    }

    private Update config(Update.Type type, long maxTimeoutNs, int maxListSize, long ackTimeoutNs) {
        return config(digestId, type, maxTimeoutNs, maxListSize, ackTimeoutNs);
    }

    private static Update config(int digestId, Update.Type type, long maxTimeoutNs, int maxListSize,
                                 long ackTimeoutNs) {
        return Update.newBuilder().setType(type).setEntity(Entity.newBuilder().setDigestEntry(DigestEntry.newBuilder()
                .setDigestId(digestId).setConfig(DigestEntry.Config.newBuilder().setMaxTimeoutNs(maxTimeoutNs)
                        .setMaxListSize(maxListSize).setAckTimeoutNs(ackTimeoutNs)))).build();
    }

    private DigestList nextDigest() {
        return nextDigest(stream);
    }

    private static DigestList nextDigest(P4RuntimeTestClient.Stream stream) {
        StreamMessageResponse message = stream.next();
        assertTrue(message.hasDigest(), message.toString());
        return message.getDigest();
    }

    @Test
    void nothingIsSentBeforeTheDigestIsConfigured() throws Exception {
        target.receive(1, ServeHarness.frameFrom(5));
        assertFalse(stream.poll(200).isPresent());
    }

    @Test
    void aSampleIsNotRepeatedUntilItsListIsAcknowledged() throws Exception {
        assertEquals(List.of(Code.OK),
                client.writeCodes(DEVICE, 10, config(Update.Type.INSERT, 0, 1, 60_000_000_000L)));
        target.receive(4, ServeHarness.frameFrom(5));
        DigestList first = nextDigest();
        assertEquals(digestId, first.getDigestId());
        assertEquals(List.of(sample(5, 4)), first.getDataList());
        target.receive(4, ServeHarness.frameFrom(5));
        assertFalse(stream.poll(200).isPresent(), "unacknowledged sample is not sent again");
        stream.send(StreamMessageRequest.newBuilder().setDigestAck(DigestListAck.newBuilder().setDigestId(digestId)
                .setListId(first.getListId())).build());
        Thread.sleep(100);
        target.receive(4, ServeHarness.frameFrom(5));
        DigestList second = nextDigest();
        assertEquals(List.of(sample(5, 4)), second.getDataList());
        assertTrue(second.getListId() > first.getListId());
    }

    @Test
    void samplesAreBatchedUpToTheListSize() {
        client.writeCodes(DEVICE, 10, config(Update.Type.INSERT, 60_000_000_000L, 2, 0));
        target.receive(1, ServeHarness.frameFrom(1));
        target.receive(2, ServeHarness.frameFrom(2));
        assertEquals(List.of(sample(1, 1), sample(2, 2)), nextDigest().getDataList());
    }

    @Test
    void aPartialListIsSentAfterTheMaxTimeout() {
        client.writeCodes(DEVICE, 10, config(Update.Type.INSERT, 50_000_000L, 100, 0));
        target.receive(1, ServeHarness.frameFrom(1));
        assertEquals(List.of(sample(1, 1)), nextDigest().getDataList());
    }

    @Test
    void digestEntryWritesAndReads() {
        Entity readAll = Entity.newBuilder().setDigestEntry(DigestEntry.getDefaultInstance()).build();
        Entity readOne = Entity.newBuilder().setDigestEntry(DigestEntry.newBuilder().setDigestId(digestId)).build();
        assertEquals(List.of(), client.read(DEVICE, readAll));
        assertEquals(Code.UNKNOWN, ServeHarness.codeOf(() -> client.read(DEVICE, readOne)), "not configured");
        assertEquals(List.of(Code.NOT_FOUND), client.writeCodes(DEVICE, 10, config(Update.Type.MODIFY, 0, 1, 0)));
        Update insert = config(Update.Type.INSERT, 0, 1, 0);
        assertEquals(List.of(Code.OK), client.writeCodes(DEVICE, 10, insert));
        assertEquals(List.of(Code.ALREADY_EXISTS), client.writeCodes(DEVICE, 10, insert));
        assertEquals(List.of(insert.getEntity()), client.read(DEVICE, readOne));
        Update modify = config(Update.Type.MODIFY, 5, 7, 9);
        assertEquals(List.of(Code.OK), client.writeCodes(DEVICE, 10, modify));
        assertEquals(List.of(modify.getEntity()), client.read(DEVICE, readAll));
        assertEquals(List.of(Code.OK), client.writeCodes(DEVICE, 10, config(Update.Type.DELETE, 0, 0, 0)));
        assertEquals(List.of(), client.read(DEVICE, readAll));
        Update unknown = config(Update.Type.INSERT, 0, 1, 0).toBuilder().setEntity(Entity.newBuilder()
                .setDigestEntry(DigestEntry.newBuilder().setDigestId(0x17000001).setConfig(
                        DigestEntry.Config.getDefaultInstance()))).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), client.writeCodes(DEVICE, 10, unknown));
    }

    @Test
    void theLearningProgramP4InfoHasOneStructDigest() {
        P4Sim.LoadedPipeline pipeline = ServeHarness.pipeline(LEARNING);
        assertEquals(1, pipeline.p4info().getDigestsCount());
        assertTrue(pipeline.p4info().getDigests(0).getTypeSpec().hasStruct());
    }

    private static P4Data tuple(int... members) {
        P4StructLike.Builder tuple = P4StructLike.newBuilder();
        for (int member : members) {
            tuple.addMembers(P4Data.newBuilder().setBitstring(bytes(member)));
        }
        return P4Data.newBuilder().setTuple(tuple).build();
    }

    @Test
    void eachListDigestArrivesUnderItsOwnP4InfoId() {
        P4Info p4Info = ServeHarness.pipeline(LIST_DIGESTS).p4info();
        Map<String, Integer> ids = new HashMap<>();
        for (Digest digest : p4Info.getDigestsList()) {
            assertTrue(digest.getTypeSpec().hasTuple(), digest.toString());
            ids.put(digest.getPreamble().getName(), digest.getPreamble().getId());
        }
        assertEquals(Set.of("digest_0", "digest_1"), ids.keySet());
        int sources = ids.get("digest_0");
        int destinations = ids.get("digest_1");
        P4RuntimeTestClient listClient = harness.primaryWithPipeline(LIST_DEVICE, p4Info);
        assertEquals(List.of(Code.OK, Code.OK), listClient.writeCodes(LIST_DEVICE, 10,
                config(sources, Update.Type.INSERT, 0, 1, 0), config(destinations, Update.Type.INSERT, 0, 1, 0)));
        byte[] frame = ServeHarness.frameFrom(5);
        frame[5] = 9;
        listTarget.receive(3, frame);
        Map<Integer, List<P4Data>> received = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            DigestList list = nextDigest(listClient.firstStream());
            received.put(list.getDigestId(), list.getDataList());
        }
        assertEquals(Map.of(sources, List.of(tuple(5, 3)), destinations, List.of(tuple(9))), received);
    }
}
