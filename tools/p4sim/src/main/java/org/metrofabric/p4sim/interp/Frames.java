package org.metrofabric.p4sim.interp;

import java.math.BigInteger;

/** Whole-value operations on frame storage: zeroing, copying, storing. */
final class Frames {
    private Frames() {
    }

    static void zero(Layout l, Frame f) {
        if (l instanceof Layout.Scalar s) {
            if (s.wide()) {
                f.wide[s.slot()] = BigInteger.ZERO;
            } else {
                f.words[s.slot()] = 0;
            }
            if (s.isVarbit()) {
                f.words[s.lengthSlot()] = 0;
            }
        } else if (l instanceof Layout.Header h) {
            for (Layout.Scalar s : h.fields()) {
                zero(s, f);
            }
        } else if (l instanceof Layout.Struct st) {
            for (Layout m : st.members()) {
                zero(m, f);
            }
        } else if (l instanceof Layout.Stack st) {
            for (Layout.Header h : st.elements()) {
                zero(h, f);
                f.valid[h.validSlot()] = false;
            }
            f.words[st.nextSlot()] = 0;
        }
    }

    /** Copies a value including header validity; layouts have the same shape. */
    static void copy(Layout from, Layout to, Frame f) {
        if (from == to) {
            return;
        }
        if (from instanceof Layout.Scalar a) {
            Layout.Scalar b = (Layout.Scalar) to;
            if (a.wide()) {
                f.wide[b.slot()] = f.wide[a.slot()];
            } else {
                f.words[b.slot()] = f.words[a.slot()];
            }
            if (a.isVarbit()) {
                f.words[b.lengthSlot()] = f.words[a.lengthSlot()];
            }
        } else if (from instanceof Layout.Header a) {
            Layout.Header b = (Layout.Header) to;
            f.valid[b.validSlot()] = f.valid[a.validSlot()];
            for (int i = 0; i < a.fields().length; i++) {
                copy(a.fields()[i], b.fields()[i], f);
            }
        } else if (from instanceof Layout.Struct a) {
            Layout.Struct b = (Layout.Struct) to;
            for (int i = 0; i < a.members().length; i++) {
                copy(a.members()[i], b.members()[i], f);
            }
        } else if (from instanceof Layout.Stack a) {
            Layout.Stack b = (Layout.Stack) to;
            for (int i = 0; i < a.elements().length; i++) {
                copy(a.elements()[i], b.elements()[i], f);
            }
            f.words[b.nextSlot()] = f.words[a.nextSlot()];
        }
    }

    static void store(Layout.Scalar s, Ev v, Frame f) {
        if (s.wide()) {
            f.wide[s.slot()] = v.b(f);
        } else {
            f.words[s.slot()] = v.l(f) & s.mask();
        }
    }

    static void storeBig(Layout.Scalar s, BigInteger v, Frame f) {
        if (s.wide()) {
            f.wide[s.slot()] = v.and(Ev.bigMask(s.width()));
        } else {
            f.words[s.slot()] = v.longValue() & s.mask();
        }
    }
}
