package org.metrofabric.p4runtime.server;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import p4.v1.P4RuntimeOuterClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-update errors of a Write RPC (P4Runtime 1.3, "Error Reporting Messages"): when any update
 * fails, the RPC fails with UNKNOWN and its google.rpc.Status (trailer
 * {@code grpc-status-details-bin}) holds one Any-packed p4.v1.Error per update, in request order;
 * successful updates get an Error with canonical_code 0 and nothing else. ONOS 2.7 reads the
 * details only in exactly that shape (code UNKNOWN, one detail per update).
 */
public final class WriteErrors {

    private WriteErrors() {
    }

    /**
     * The exception to fail the Write with, or empty if every update succeeded.
     *
     * @param perUpdate the outcome of each update, in request order ({@link Status#OK} for success)
     */
    public static Optional<StatusRuntimeException> pack(List<Status> perUpdate) {
        long failed = perUpdate.stream().filter(s -> !s.isOk()).count();
        if (failed == 0) {
            return Optional.empty();
        }
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.UNKNOWN.value())
                .setMessage(failed + " of " + perUpdate.size() + " updates failed");
        for (Status update : perUpdate) {
            P4RuntimeOuterClass.Error.Builder error = P4RuntimeOuterClass.Error.newBuilder()
                    .setCanonicalCode(update.getCode().value());
            if (!update.isOk() && update.getDescription() != null) {
                error.setMessage(update.getDescription());
            }
            status.addDetails(Any.pack(error.build()));
        }
        return Optional.of(StatusProto.toStatusRuntimeException(status.build()));
    }

    /**
     * The per-update errors carried by a failed Write, or empty if the failure is RPC-wide (not
     * UNKNOWN, no details, or not one detail per update), as ONOS 2.7 interprets it.
     */
    public static Optional<List<P4RuntimeOuterClass.Error>> unpack(Throwable failure, int updateCount) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null || status.getCode() != Status.Code.UNKNOWN.value()
                || status.getDetailsCount() != updateCount) {
            return Optional.empty();
        }
        List<P4RuntimeOuterClass.Error> errors = new ArrayList<>();
        for (Any detail : status.getDetailsList()) {
            if (!detail.is(P4RuntimeOuterClass.Error.class)) {
                return Optional.empty();
            }
            try {
                errors.add(detail.unpack(P4RuntimeOuterClass.Error.class));
            } catch (InvalidProtocolBufferException e) {
                return Optional.empty();
            }
        }
        return Optional.of(errors);
    }
}
