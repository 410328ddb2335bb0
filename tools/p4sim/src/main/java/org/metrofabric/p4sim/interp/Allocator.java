package org.metrofabric.p4sim.interp;

import java.util.ArrayList;
import java.util.List;
import org.metrofabric.p4sim.ir.P4Type;

/** Hands out frame slots for values of P4 types; the counts size every {@link Frame}. */
final class Allocator {
    int words;
    int wide;
    int valid;

    Layout allocate(P4Type type) {
        if (type instanceof P4Type.Bits b) {
            return b.width() > 64 ? new Layout.Scalar(wide++, true, b.width(), b.signed(), -1)
                    : new Layout.Scalar(words++, false, b.width(), b.signed(), -1);
        }
        if (type instanceof P4Type.Varbit v) {
            int slot = wide++;
            return new Layout.Scalar(slot, true, v.maxWidth(), false, words++);
        }
        if (type instanceof P4Type.Bool) {
            return new Layout.Scalar(words++, false, 1, false, -1);
        }
        if (type instanceof P4Type.Error || type instanceof P4Type.Enum || type instanceof P4Type.InfInt) {
            return new Layout.Scalar(words++, false, 32, false, -1);
        }
        if (type instanceof P4Type.Struct s) {
            if (s.isHeader()) {
                return header(s);
            }
            Layout[] members = new Layout[s.fields().size()];
            for (int i = 0; i < members.length; i++) {
                members[i] = allocate(s.fields().get(i).type());
            }
            return new Layout.Struct(members, s.kind() == P4Type.Struct.Kind.HEADER_UNION);
        }
        if (type instanceof P4Type.Stack st) {
            Layout.Header[] elements = new Layout.Header[st.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = header(st.element());
            }
            return new Layout.Stack(elements, words++);
        }
        throw new IllegalArgumentException("no storage for values of type " + type.describe());
    }

    private Layout.Header header(P4Type.Struct s) {
        int validSlot = valid++;
        List<Layout.Scalar> fields = new ArrayList<>();
        for (P4Type.Field f : s.fields()) {
            fields.add((Layout.Scalar) allocate(f.type()));
        }
        return new Layout.Header(validSlot, fields.toArray(new Layout.Scalar[0]), s.fixedBitWidth(), s.name());
    }

    Frame newFrame() {
        return new Frame(words, wide, valid);
    }
}
