package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4DataOuterClass.P4StructLike;
import p4.v1.P4RuntimeOuterClass.DigestEntry;
import p4.v1.P4RuntimeOuterClass.DigestList;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * Digests of list data ({@code digest(r, {a, b})}) reach a P4Runtime client under the ids the P4Info
 * gives them, two list digests in one program each under its own (serve/list_digests.p4).
 */
class ServeListDigestTest {
    private static final long DEVICE = 1;
    private static final Path PROGRAM = Path.of("src/test/resources/serve/list_digests.p4");

    private ServeHarness harness;
    private P4SimTarget target;
    private P4RuntimeTestClient client;
    private P4RuntimeTestClient.Stream stream;
    private final Map<String, Integer> digestIds = new HashMap<>();

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        target = harness.addDevice(DEVICE, PROGRAM);
        harness.start();
        P4Info p4Info = ServeHarness.pipeline(PROGRAM).p4info();
        for (Digest digest : p4Info.getDigestsList()) {
            digestIds.put(digest.getPreamble().getName(), digest.getPreamble().getId());
        }
        client = harness.primaryWithPipeline(DEVICE, p4Info);
        stream = client.firstStream();
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private Update sendEachSample(int digestId) {
        return Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder().setDigestEntry(
                DigestEntry.newBuilder().setDigestId(digestId).setConfig(DigestEntry.Config.newBuilder()
                        .setMaxListSize(1)))).build();
    }

    private static P4Data tuple(int... members) {
        P4StructLike.Builder tuple = P4StructLike.newBuilder();
        for (int member : members) {
            tuple.addMembers(P4Data.newBuilder().setBitstring(bytes(member)));
        }
        return P4Data.newBuilder().setTuple(tuple).build();
    }

    private DigestList nextDigest() {
        StreamMessageResponse message = stream.next();
        assertTrue(message.hasDigest(), message.toString());
        return message.getDigest();
    }

    @Test
    void theP4InfoHasOneTupleDigestPerListDigestCall() {
        assertEquals(Set.of("digest_0", "digest_1"), digestIds.keySet());
        P4Info p4Info = ServeHarness.pipeline(PROGRAM).p4info();
        p4Info.getDigestsList().forEach(d -> assertTrue(d.getTypeSpec().hasTuple(), d.toString()));
    }

    @Test
    void eachListDigestArrivesUnderItsOwnP4InfoId() {
        int learned = digestIds.get("digest_0");
        int destinations = digestIds.get("digest_1");
        assertEquals(List.of(Code.OK, Code.OK),
                client.writeCodes(DEVICE, 10, sendEachSample(learned), sendEachSample(destinations)));
        byte[] frame = new byte[14];
        frame[5] = 9;
        frame[11] = 5;
        target.receive(3, frame);
        Map<Integer, List<P4Data>> received = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            DigestList list = nextDigest();
            received.put(list.getDigestId(), list.getDataList());
        }
        assertEquals(Map.of(learned, List.of(tuple(5, 3)), destinations, List.of(tuple(9))), received);
    }
}
