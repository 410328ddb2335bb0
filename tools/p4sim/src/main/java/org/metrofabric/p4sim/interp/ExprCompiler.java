package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import java.util.Map;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.Variable;

/** Compiles IR expressions into {@link Ev} trees and {@link Place}s over a fixed storage layout. */
final class ExprCompiler {
    private final Map<Variable, Layout> variables;
    private final ParserErrorSignal stackOutOfBounds;

    ExprCompiler(Program program, Map<Variable, Layout> variables) {
        this.variables = variables;
        this.stackOutOfBounds = new ParserErrorSignal(program.errorNumber("StackOutOfBounds"), "StackOutOfBounds");
    }

    private java.util.function.Function<Expr, Ev> callCompiler;

    /** Calls that produce values (lookahead, register read) are compiled by the extern compiler. */
    void setCallCompiler(java.util.function.Function<Expr, Ev> callCompiler) {
        this.callCompiler = callCompiler;
    }

    // ------------------------------------------------------------------ places

    Place place(Expr e) {
        if (e instanceof Expr.VarRef v) {
            Layout l = variables.get(v.variable());
            if (l == null) {
                throw new IllegalStateException("no storage for variable " + v.variable() + " at " + v.location());
            }
            return new Place.Fixed(l);
        }
        if (e instanceof Expr.Member m) {
            Place base = place(m.base());
            int index = m.fieldIndex();
            if (base instanceof Place.Fixed fixed) {
                return new Place.Fixed(child(fixed.layout, index));
            }
            return new Place() {
                @Override
                public Layout layout(Frame f) {
                    return child(base.layout(f), index);
                }
            };
        }
        if (e instanceof Expr.StackElement s) {
            Place stack = place(s.stack());
            if (s.index() instanceof Expr.Constant c && stack instanceof Place.Fixed fixed) {
                return new Place.Fixed(((Layout.Stack) fixed.layout).elements()[c.value().intValueExact()]);
            }
            Ev index = ev(s.index());
            return new Place() {
                @Override
                public Layout layout(Frame f) {
                    Layout.Stack st = (Layout.Stack) stack.layout(f);
                    long i = index.l(f);
                    if (i < 0 || i >= st.elements().length) {
                        throw new P4RuntimeError("header stack index " + i + " out of range (size "
                                + st.elements().length + ") at " + s.location());
                    }
                    return st.elements()[(int) i];
                }
            };
        }
        if (e instanceof Expr.StackCursor c) {
            Place stack = place(c.stack());
            boolean last = c.last();
            return new Place() {
                @Override
                public Layout layout(Frame f) {
                    Layout.Stack st = (Layout.Stack) stack.layout(f);
                    long next = f.words[st.nextSlot()];
                    long i = last ? next - 1 : next;
                    if (i < 0 || i >= st.elements().length) {
                        throw stackOutOfBounds;
                    }
                    return st.elements()[(int) i];
                }
            };
        }
        throw new IllegalArgumentException("not an l-value: " + e + " at " + e.location());
    }

    /** The header_union a header expression is a member of, or null. */
    Place enclosingUnion(Expr header) {
        if (header instanceof Expr.Member m && m.base().type() instanceof P4Type.Struct s
                && s.kind() == P4Type.Struct.Kind.HEADER_UNION) {
            return place(m.base());
        }
        return null;
    }

    /** Makes {@code header} the only valid member of {@code union} (P4 header union semantics). */
    static void invalidateSiblings(Place union, Layout.Header header, Frame f) {
        if (union == null) {
            return;
        }
        for (Layout member : ((Layout.Struct) union.layout(f)).members()) {
            Layout.Header h = (Layout.Header) member;
            if (h != header) {
                f.valid[h.validSlot()] = false;
            }
        }
    }

    private static Layout child(Layout parent, int index) {
        if (parent instanceof Layout.Struct s) {
            return s.members()[index];
        }
        return ((Layout.Header) parent).fields()[index];
    }

    // ------------------------------------------------------------------ values

    Ev ev(Expr e) {
        if (e instanceof Expr.Constant c) {
            return constant(c.value(), c.type());
        }
        if (e instanceof Expr.BoolConstant b) {
            return new Const(b.value() ? 1 : 0, 1, false);
        }
        if (e instanceof Expr.ErrorConstant er) {
            return new Const(er.number(), 32, false);
        }
        if (e instanceof Expr.EnumConstant en) {
            return new Const(en.type().members().indexOf(en.member()), 32, false);
        }
        if (e instanceof Expr.VarRef || e instanceof Expr.Member || e instanceof Expr.StackElement
                || e instanceof Expr.StackCursor) {
            return read(place(e), e.type());
        }
        if (e instanceof Expr.IsValid v) {
            Place p = place(v.header());
            if (p instanceof Place.Fixed fixed && fixed.layout instanceof Layout.Header h) {
                int slot = h.validSlot();
                return new Ev(1, false, false) {
                    @Override
                    public long l(Frame f) {
                        return f.valid[slot] ? 1 : 0;
                    }
                };
            }
            return new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return isValid(p.layout(f), f) ? 1 : 0;
                }
            };
        }
        if (e instanceof Expr.Slice s) {
            Ev base = ev(s.base());
            int lo = s.low();
            int w = s.high() - s.low() + 1;
            long m = Ev.mask(w);
            if (!base.wide) {
                return new Ev(w, false, false) {
                    @Override
                    public long l(Frame f) {
                        return (base.l(f) >>> lo) & m;
                    }
                };
            }
            return new Ev(w, false, w > 64) {
                @Override
                public BigInteger b(Frame f) {
                    return base.b(f).shiftRight(lo).and(Ev.bigMask(w));
                }

                @Override
                public long l(Frame f) {
                    return base.b(f).shiftRight(lo).longValue() & m;
                }
            };
        }
        if (e instanceof Expr.Cast c) {
            return cast(ev(c.operand()), c.type());
        }
        if (e instanceof Expr.Ternary t) {
            Ev cond = ev(t.condition());
            Ev a = ev(t.ifTrue());
            Ev b = ev(t.ifFalse());
            return new Ev(a.width, a.signed, a.wide) {
                @Override
                public long l(Frame f) {
                    return cond.l(f) != 0 ? a.l(f) : b.l(f);
                }

                @Override
                public BigInteger b(Frame f) {
                    return cond.l(f) != 0 ? a.b(f) : b.b(f);
                }
            };
        }
        if ((e instanceof Expr.PacketCall || e instanceof Expr.ExternCall || e instanceof Expr.TableHit) && callCompiler != null) {
            return callCompiler.apply(e);
        }
        if (e instanceof Expr.Unary u) {
            return Operators.unary(u.op(), ev(u.operand()));
        }
        if (e instanceof Expr.Binary b) {
            return Operators.binary(b.op(), ev(b.left()), ev(b.right()), b.type());
        }
        throw new IllegalArgumentException("expression not supported by the interpreter here: " + e.getClass().getSimpleName()
                + " at " + e.location());
    }

    static Ev constant(BigInteger value, P4Type type) {
        if (type instanceof P4Type.Bits b && b.width() > 64) {
            return new Ev(b.width(), b.signed(), true) {
                @Override
                public BigInteger b(Frame f) {
                    return value;
                }
            };
        }
        int width = type instanceof P4Type.Bits b ? b.width() : 64;
        boolean signed = type instanceof P4Type.Bits b && b.signed();
        return new Const(value.longValue(), width, signed);
    }

    static final class Const extends Ev {
        final long value;

        Const(long value, int width, boolean signed) {
            super(width, signed, false);
            this.value = value;
        }

        @Override
        public long l(Frame f) {
            return value;
        }
    }

    static boolean isValid(Layout l, Frame f) {
        if (l instanceof Layout.Header h) {
            return f.valid[h.validSlot()];
        }
        if (l instanceof Layout.Struct s && s.union()) {
            for (Layout m : s.members()) {
                if (isValid(m, f)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Ev read(Place p, P4Type type) {
        int width = type instanceof P4Type.Bits b ? b.width() : type instanceof P4Type.Varbit v ? v.maxWidth() : 32;
        boolean signed = type instanceof P4Type.Bits b && b.signed();
        if (type instanceof P4Type.Bool) {
            width = 1;
        }
        if (p instanceof Place.Fixed fixed && fixed.layout instanceof Layout.Scalar s) {
            int slot = s.slot();
            if (!s.wide()) {
                return new Ev(width, signed, false) {
                    @Override
                    public long l(Frame f) {
                        return f.words[slot];
                    }
                };
            }
            return new Ev(width, signed, true) {
                @Override
                public BigInteger b(Frame f) {
                    return f.wide[slot];
                }
            };
        }
        boolean isWide = width > 64 || type instanceof P4Type.Varbit;
        return new Ev(width, signed, isWide) {
            @Override
            public long l(Frame f) {
                Layout.Scalar s = (Layout.Scalar) p.layout(f);
                return s.wide() ? f.wide[s.slot()].longValue() : f.words[s.slot()];
            }

            @Override
            public BigInteger b(Frame f) {
                Layout.Scalar s = (Layout.Scalar) p.layout(f);
                return s.wide() ? f.wide[s.slot()] : Ev.unsigned(f.words[s.slot()]);
            }
        };
    }

    private static Ev cast(Ev v, P4Type to) {
        int w = to instanceof P4Type.Bits b ? b.width() : 1;
        boolean signed = to instanceof P4Type.Bits b && b.signed();
        int fromWidth = v.width;
        boolean fromSigned = v.signed;
        if (w <= 64 && !v.wide) {
            long m = Ev.mask(w);
            if (fromSigned && w > fromWidth) {
                return new Ev(w, signed, false) {
                    @Override
                    public long l(Frame f) {
                        return Ev.signExtend(v.l(f), fromWidth) & m;
                    }
                };
            }
            return new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return v.l(f) & m;
                }
            };
        }
        BigInteger m = Ev.bigMask(w);
        return new Ev(w, signed, w > 64) {
            @Override
            public BigInteger b(Frame f) {
                BigInteger x = v.b(f);
                if (fromSigned && x.testBit(fromWidth - 1)) {
                    x = x.subtract(BigInteger.ONE.shiftLeft(fromWidth));
                }
                return x.and(m);
            }

            @Override
            public long l(Frame f) {
                return b(f).longValue();
            }
        };
    }
}
