package org.metrofabric.p4sim.interp;

import java.util.List;

/**
 * Where a value of some P4 type lives in a {@link Frame}: scalars in a slot of {@code words}
 * (width <= 64, bool, error, enum) or {@code wide} (wider bit fields and varbits), headers also
 * own a validity flag, stacks a {@code next} counter.
 */
public sealed interface Layout {
    /** A scalar: {@code wide} selects the array; varbit current length lives in words[lengthSlot]. */
    record Scalar(int slot, boolean wide, int width, boolean signed, int lengthSlot) implements Layout {
        public long mask() {
            return width >= 64 ? -1L : (1L << width) - 1;
        }

        public boolean isVarbit() {
            return lengthSlot >= 0;
        }
    }

    record Header(int validSlot, Scalar[] fields, int fixedBits, String name) implements Layout {
        /** Bits currently in the header (fixed fields plus the current varbit length). */
        public int bitLength(Frame f) {
            int bits = fixedBits;
            for (Scalar s : fields) {
                if (s.isVarbit()) {
                    bits += (int) f.words[s.lengthSlot()];
                }
            }
            return bits;
        }
    }

    record Struct(Layout[] members, boolean union) implements Layout { }

    record Stack(Header[] elements, int nextSlot) implements Layout { }

    /** Every scalar slot below this layout, in field order (for zeroing and packing). */
    static void scalars(Layout l, List<Scalar> out) {
        if (l instanceof Scalar s) {
            out.add(s);
        } else if (l instanceof Header h) {
            out.addAll(List.of(h.fields()));
        } else if (l instanceof Struct s) {
            for (Layout m : s.members()) {
                scalars(m, out);
            }
        } else if (l instanceof Stack st) {
            for (Header h : st.elements()) {
                scalars(h, out);
            }
        }
    }
}
