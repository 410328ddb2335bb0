package org.metrofabric.p4sim.p4info;

import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.SourceLocation;
import p4.config.v1.P4Types.P4BitTypeSpec;
import p4.config.v1.P4Types.P4BitstringLikeTypeSpec;
import p4.config.v1.P4Types.P4BoolType;
import p4.config.v1.P4Types.P4DataTypeSpec;
import p4.config.v1.P4Types.P4HeaderStackTypeSpec;
import p4.config.v1.P4Types.P4HeaderTypeSpec;
import p4.config.v1.P4Types.P4IntTypeSpec;
import p4.config.v1.P4Types.P4NamedType;
import p4.config.v1.P4Types.P4StructTypeSpec;
import p4.config.v1.P4Types.P4TupleTypeSpec;
import p4.config.v1.P4Types.P4TypeInfo;
import p4.config.v1.P4Types.P4VarbitTypeSpec;

/**
 * P4 types as P4Info type specs (register cells, digest data). Named types (structs, headers) are
 * referenced by name and described once in {@code type_info}, as p4c's TypeSpecConverter does.
 */
final class TypeSpecs {
    private TypeSpecs() {
    }

    static P4DataTypeSpec of(P4Type type, P4TypeInfo.Builder typeInfo, SourceLocation location) {
        P4DataTypeSpec.Builder spec = P4DataTypeSpec.newBuilder();
        if (type instanceof P4Type.Bits || type instanceof P4Type.Varbit) {
            spec.setBitstring(bitstring(type, location));
        } else if (type instanceof P4Type.Bool) {
            spec.setBool(P4BoolType.getDefaultInstance());
        } else if (type instanceof P4Type.Tuple t) {
            P4TupleTypeSpec.Builder tuple = P4TupleTypeSpec.newBuilder();
            t.elements().forEach(e -> tuple.addMembers(of(e, typeInfo, location)));
            spec.setTuple(tuple);
        } else if (type instanceof P4Type.Struct s && s.kind() == P4Type.Struct.Kind.STRUCT) {
            describeStruct(s, typeInfo, location);
            spec.setStruct(P4NamedType.newBuilder().setName(s.name()));
        } else if (type instanceof P4Type.Struct s && s.kind() == P4Type.Struct.Kind.HEADER) {
            describeHeader(s, typeInfo, location);
            spec.setHeader(P4NamedType.newBuilder().setName(s.name()));
        } else if (type instanceof P4Type.Stack s) {
            describeHeader(s.element(), typeInfo, location);
            spec.setHeaderStack(P4HeaderStackTypeSpec.newBuilder()
                    .setHeader(P4NamedType.newBuilder().setName(s.element().name())).setSize(s.size()));
        } else {
            throw new P4CompileException(location, "p4sim cannot describe type " + type.describe()
                    + " in a P4Info type spec");
        }
        return spec.build();
    }

    private static P4BitstringLikeTypeSpec bitstring(P4Type type, SourceLocation location) {
        P4BitstringLikeTypeSpec.Builder b = P4BitstringLikeTypeSpec.newBuilder();
        if (type instanceof P4Type.Bits bits && !bits.signed()) {
            b.setBit(P4BitTypeSpec.newBuilder().setBitwidth(bits.width()));
        } else if (type instanceof P4Type.Bits bits) {
            b.setInt(P4IntTypeSpec.newBuilder().setBitwidth(bits.width()));
        } else if (type instanceof P4Type.Varbit v) {
            b.setVarbit(P4VarbitTypeSpec.newBuilder().setMaxBitwidth(v.maxWidth()));
        } else {
            throw new P4CompileException(location, "header field of type " + type.describe()
                    + " cannot be described in a P4Info type spec");
        }
        return b.build();
    }

    private static void describeStruct(P4Type.Struct s, P4TypeInfo.Builder typeInfo, SourceLocation location) {
        if (typeInfo.containsStructs(s.name())) {
            return;
        }
        P4StructTypeSpec.Builder struct = P4StructTypeSpec.newBuilder();
        for (P4Type.Field f : s.fields()) {
            struct.addMembers(P4StructTypeSpec.Member.newBuilder().setName(f.name())
                    .setTypeSpec(of(f.type(), typeInfo, location)));
        }
        typeInfo.putStructs(s.name(), struct.build());
    }

    private static void describeHeader(P4Type.Struct h, P4TypeInfo.Builder typeInfo, SourceLocation location) {
        if (typeInfo.containsHeaders(h.name())) {
            return;
        }
        P4HeaderTypeSpec.Builder header = P4HeaderTypeSpec.newBuilder();
        for (P4Type.Field f : h.fields()) {
            header.addMembers(P4HeaderTypeSpec.Member.newBuilder().setName(f.name())
                    .setTypeSpec(bitstring(f.type(), location)));
        }
        typeInfo.putHeaders(h.name(), header.build());
    }
}
