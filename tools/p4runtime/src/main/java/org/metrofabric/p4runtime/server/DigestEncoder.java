package org.metrofabric.p4runtime.server;

import org.metrofabric.p4runtime.codec.ByteStrings;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4Types.P4BitstringLikeTypeSpec;
import p4.config.v1.P4Types.P4DataTypeSpec;
import p4.config.v1.P4Types.P4StructTypeSpec;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4DataOuterClass.P4StructLike;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the field values of a data-plane digest into the P4Data of its P4Info type: a struct or
 * tuple of bitstrings (members in declaration order) or a single bitstring, each a canonical byte
 * string, as the PI server does. Other member types (varbits, nested structs) are UNIMPLEMENTED,
 * as in PI.
 */
public final class DigestEncoder {

    private record Shape(int id, String name, P4DataTypeSpec.TypeSpecCase kind, List<Integer> widths) {
    }

    private final Map<String, Shape> byName = new HashMap<>();

    public DigestEncoder(P4Info p4Info) {
        for (Digest digest : p4Info.getDigestsList()) {
            String name = digest.getPreamble().getName();
            byName.put(name, shape(p4Info, digest.getPreamble().getId(), name, digest.getTypeSpec()));
        }
    }

    private static Shape shape(P4Info p4Info, int id, String name, P4DataTypeSpec spec) {
        List<Integer> widths = new ArrayList<>();
        switch (spec.getTypeSpecCase()) {
            case BITSTRING -> widths.add(width(spec.getBitstring(), name));
            case TUPLE -> spec.getTuple().getMembersList().forEach(m -> widths.add(memberWidth(m, name)));
            case STRUCT -> {
                P4StructTypeSpec struct = p4Info.getTypeInfo().getStructsMap().get(spec.getStruct().getName());
                if (struct == null) {
                    throw P4RuntimeException.invalidArgument("digest '%s': struct '%s' is not in the P4Info type_info",
                            name, spec.getStruct().getName());
                }
                struct.getMembersList().forEach(m -> widths.add(memberWidth(m.getTypeSpec(), name)));
            }
            default -> throw new P4RuntimeException(io.grpc.Status.Code.UNIMPLEMENTED,
                    "digest '" + name + "': type " + spec.getTypeSpecCase() + " is not supported");
        }
        return new Shape(id, name, spec.getTypeSpecCase(), widths);
    }

    private static int memberWidth(P4DataTypeSpec member, String digest) {
        if (!member.hasBitstring()) {
            throw new P4RuntimeException(io.grpc.Status.Code.UNIMPLEMENTED,
                    "digest '" + digest + "': only bitstring members are supported");
        }
        return width(member.getBitstring(), digest);
    }

    private static int width(P4BitstringLikeTypeSpec bits, String digest) {
        return switch (bits.getTypeSpecCase()) {
            case BIT -> bits.getBit().getBitwidth();
            case INT -> bits.getInt().getBitwidth();
            default -> throw new P4RuntimeException(io.grpc.Status.Code.UNIMPLEMENTED,
                    "digest '" + digest + "': varbit members are not supported");
        };
    }

    /** The P4Info id of the digest named {@code name}. */
    public int id(String name) {
        return shape(name).id();
    }

    /** The digest's data; {@code fields} are the member values in order (unsigned, two's complement for int). */
    public P4Data encode(String name, List<BigInteger> fields) {
        Shape shape = shape(name);
        if (fields.size() != shape.widths().size()) {
            throw P4RuntimeException.invalidArgument("digest '%s' has %d members, got %d values", name,
                    shape.widths().size(), fields.size());
        }
        List<P4Data> members = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            int width = shape.widths().get(i);
            BigInteger value = fields.get(i).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
            members.add(P4Data.newBuilder().setBitstring(ByteStrings.canonical(value.toByteArray(), width,
                    "digest '" + name + "' member " + i)).build());
        }
        return switch (shape.kind()) {
            case BITSTRING -> members.get(0);
            case TUPLE -> P4Data.newBuilder().setTuple(P4StructLike.newBuilder().addAllMembers(members)).build();
            default -> P4Data.newBuilder().setStruct(P4StructLike.newBuilder().addAllMembers(members)).build();
        };
    }

    private Shape shape(String name) {
        Shape shape = byName.get(name);
        if (shape == null) {
            throw P4RuntimeException.invalidArgument("the P4Info has no digest '%s'", name);
        }
        return shape;
    }
}
