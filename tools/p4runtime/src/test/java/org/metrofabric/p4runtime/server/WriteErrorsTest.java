package org.metrofabric.p4runtime.server;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass;
import p4.v1.P4RuntimeOuterClass.WriteRequest;
import p4.v1.P4RuntimeOuterClass.WriteResponse;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteErrorsTest {

    private static final List<Status> GOOD_BAD_GOOD = List.of(Status.OK,
            Status.INVALID_ARGUMENT.withDescription("table 't': unknown match field id 9"), Status.OK);

    @Test
    void allSuccessfulMeansNoError() {
        assertTrue(WriteErrors.pack(List.of(Status.OK, Status.OK)).isEmpty());
        assertTrue(WriteErrors.pack(List.of()).isEmpty());
    }

    @Test
    void oneErrorPerUpdateInOrderUnderUnknown() {
        StatusRuntimeException failure = WriteErrors.pack(GOOD_BAD_GOOD).orElseThrow();
        assertEquals(Status.Code.UNKNOWN, failure.getStatus().getCode());
        List<P4RuntimeOuterClass.Error> errors = WriteErrors.unpack(failure, 3).orElseThrow();
        assertEquals(List.of(0, 3, 0), errors.stream().map(P4RuntimeOuterClass.Error::getCanonicalCode).toList());
        assertEquals(P4RuntimeOuterClass.Error.newBuilder().setCanonicalCode(0).build(), errors.get(0),
                "a success carries canonical_code 0 only");
        assertEquals("table 't': unknown match field id 9", errors.get(1).getMessage());
    }

    @Test
    void unpackIgnoresRpcWideErrorsAndCountMismatches() {
        StatusRuntimeException failure = WriteErrors.pack(GOOD_BAD_GOOD).orElseThrow();
        assertEquals(Optional.empty(), WriteErrors.unpack(failure, 2));
        assertEquals(Optional.empty(), WriteErrors.unpack(
                Status.PERMISSION_DENIED.withDescription("not primary").asRuntimeException(), 3));
        assertEquals(Optional.empty(), WriteErrors.unpack(new IllegalStateException("x"), 1));
    }

    /** The details survive the wire: a P4Runtime Write over grpc-java's in-process transport. */
    @Test
    void detailsTravelInTheTrailers() throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new P4RuntimeGrpc.P4RuntimeImplBase() {
                    @Override
                    public void write(WriteRequest request, StreamObserver<WriteResponse> response) {
                        Optional<StatusRuntimeException> failure = WriteErrors.pack(GOOD_BAD_GOOD);
                        if (failure.isPresent()) {
                            response.onError(failure.get());
                        } else {
                            response.onNext(WriteResponse.getDefaultInstance());
                            response.onCompleted();
                        }
                    }
                }).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> P4RuntimeGrpc.newBlockingStub(channel).write(WriteRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNKNOWN, e.getStatus().getCode());
            List<P4RuntimeOuterClass.Error> errors = WriteErrors.unpack(e, 3).orElseThrow();
            assertEquals(3, errors.get(1).getCanonicalCode());
            assertFalse(errors.get(1).getMessage().isEmpty());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }
}
