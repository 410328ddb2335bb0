package org.metrofabric.p4sim.interp;

import org.metrofabric.p4sim.ir.ControlPlaneNames;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.runtime.BitWriter;
import org.metrofabric.p4sim.runtime.CounterArray;
import org.metrofabric.p4sim.runtime.Hashes;
import org.metrofabric.p4sim.runtime.MeterArray;
import org.metrofabric.p4sim.runtime.RegisterArray;

/** Compiles calls of v1model externs and packet_in/packet_out methods. */
final class ExternCompiler {
    private final BlockCompiler c;
    private final ParserErrorSignal packetTooShort;
    private final ParserErrorSignal headerTooShort;

    ExternCompiler(BlockCompiler compiler) {
        this.c = compiler;
        this.packetTooShort = new ParserErrorSignal(c.program.errorNumber("PacketTooShort"), "PacketTooShort");
        this.headerTooShort = new ParserErrorSignal(c.program.errorNumber("HeaderTooShort"), "HeaderTooShort");
        c.exprs.setCallCompiler(this::value);
    }

    private Ev ev(Expr e) {
        return c.exprs.ev(e);
    }

    private static String enumMember(Expr e) {
        if (e instanceof Expr.EnumConstant en) {
            return en.member();
        }
        throw new IllegalArgumentException("expected an enum constant at " + e.location());
    }

    // ------------------------------------------------------------------ calls used as values

    private Ev value(Expr e) {
        if (e instanceof Expr.TableHit hit) {
            TableExec table = c.table(hit.apply().table());
            boolean miss = hit.miss();
            return new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    if (table.run(f) == Exec.EXIT) {
                        throw ExitSignal.INSTANCE;
                    }
                    return f.lastHit != miss ? 1 : 0;
                }
            };
        }
        if (e instanceof Expr.PacketCall p && p.method().equals("lookahead")) {
            P4Type t = p.typeArgument();
            int width = t instanceof P4Type.Bits b ? b.width() : ((P4Type.Struct) t).fixedBitWidth();
            ParserErrorSignal tooShort = packetTooShort;
            return new Ev(width, false, width > 64) {
                @Override
                public long l(Frame f) {
                    check(f, width);
                    return BitReader.read(f.packet, f.cursorBits, Math.min(width, 64));
                }

                @Override
                public BigInteger b(Frame f) {
                    check(f, width);
                    return BitReader.readBig(f.packet, f.cursorBits, width);
                }

                private void check(Frame f, int bits) {
                    if (f.cursorBits + bits > f.packet.length * 8L) {
                        throw tooShort;
                    }
                }
            };
        }
        if (e instanceof Expr.PacketCall p && p.method().equals("length")) {
            return new Ev(32, false, false) {
                @Override
                public long l(Frame f) {
                    return f.packet.length;
                }
            };
        }
        if (e instanceof Expr.ExternCall call && call.instance() != null && call.function().equals("read")
                && call.arguments().size() == 1) {
            RegisterArray reg = c.state.register(ControlPlaneNames.of(call.instance()));
            Ev index = ev(call.arguments().get(0));
            int width = call.type() instanceof P4Type.Bits b ? b.width() : 32;
            return new Ev(width, false, width > 64) {
                @Override
                public BigInteger b(Frame f) {
                    BigInteger v = reg.read(index.l(f));
                    return v == null ? BigInteger.ZERO : v;
                }

                @Override
                public long l(Frame f) {
                    return b(f).longValue();
                }
            };
        }
        throw new IllegalArgumentException("call cannot be used as a value: " + e + " at " + e.location());
    }

    // ------------------------------------------------------------------ extern statements

    Exec compile(Expr.ExternCall call) {
        if (call.instance() != null) {
            return method(call.instance(), call.function(), call.arguments());
        }
        List<Expr> a = call.arguments();
        V1Metadata sm = c.sm;
        Environment env = c.env;
        switch (call.function()) {
            case "mark_to_drop" -> {
                return f -> {
                    f.words[sm.egressSpec] = env.dropPort & 0x1FF;
                    f.words[sm.mcastGrp] = 0;
                    return Exec.NORMAL;
                };
            }
            case "hash" -> {
                return hash(a);
            }
            case "verify_checksum", "verify_checksum_with_payload" -> {
                return verifyChecksum(a, call.function().endsWith("payload"));
            }
            case "update_checksum", "update_checksum_with_payload" -> {
                return updateChecksum(a, call.function().endsWith("payload"));
            }
            case "random" -> {
                return random(a);
            }
            case "digest" -> {
                return digest(call);
            }
            case "clone", "clone3", "clone_preserving_field_list" -> {
                boolean e2e = enumMember(a.get(0)).equals("E2E");
                Ev session = ev(a.get(1));
                int list = call.function().equals("clone_preserving_field_list")
                        ? ((Expr.Constant) a.get(2)).value().intValueExact() : -1;
                return f -> {
                    f.cloneSession = (int) session.l(f);
                    f.cloneE2E = e2e;
                    f.cloneFieldList = list;
                    return Exec.NORMAL;
                };
            }
            case "resubmit", "resubmit_preserving_field_list", "recirculate", "recirculate_preserving_field_list" -> {
                int list = call.function().endsWith("field_list") ? ((Expr.Constant) a.get(0)).value().intValueExact() : 0;
                boolean resubmit = call.function().startsWith("resubmit");
                return f -> {
                    if (resubmit) {
                        f.resubmitFieldList = list;
                    } else {
                        f.recirculateFieldList = list;
                    }
                    return Exec.NORMAL;
                };
            }
            case "truncate" -> {
                Ev len = ev(a.get(0));
                return f -> {
                    f.truncateLength = (int) len.l(f);
                    return Exec.NORMAL;
                };
            }
            case "verify" -> {
                Ev cond = ev(a.get(0));
                Expr.ErrorConstant err = (Expr.ErrorConstant) a.get(1);
                ParserErrorSignal signal = new ParserErrorSignal(err.number(), err.name());
                return f -> {
                    if (cond.l(f) == 0) {
                        throw signal;
                    }
                    return Exec.NORMAL;
                };
            }
            case "assert", "assume", "log_msg" -> {
                return f -> Exec.NORMAL;
            }
            default -> throw new IllegalArgumentException("extern " + call.function() + " is not supported (at "
                    + call.location() + ")");
        }
    }

    private Exec method(ExternInstance inst, String method, List<Expr> a) {
        String name = ControlPlaneNames.of(inst);
        switch (inst.externName() + "." + method) {
            case "counter.count" -> {
                CounterArray counter = c.state.counter(name);
                Ev index = ev(a.get(0));
                return f -> {
                    counter.count(index.l(f), f.arrivalLength);
                    return Exec.NORMAL;
                };
            }
            case "direct_counter.count" -> {
                // The runtime counts direct counters when the entry hits.
                return f -> Exec.NORMAL;
            }
            case "meter.execute_meter" -> {
                MeterArray meter = c.state.meter(name);
                Ev index = ev(a.get(0));
                Place out = c.exprs.place(a.get(1));
                return f -> {
                    long i = index.l(f);
                    if (meter.inRange(i)) {
                        long color = meter.execute(i, f.arrivalLength, f.nowNanos / 1000);
                        Frames.storeBig((Layout.Scalar) out.layout(f), BigInteger.valueOf(color), f);
                    }
                    return Exec.NORMAL;
                };
            }
            case "direct_meter.read" -> {
                Place out = c.exprs.place(a.get(0));
                return f -> {
                    Frames.storeBig((Layout.Scalar) out.layout(f), BigInteger.valueOf(f.directMeterColor), f);
                    return Exec.NORMAL;
                };
            }
            case "register.read" -> {
                RegisterArray reg = c.state.register(name);
                Place out = c.exprs.place(a.get(0));
                Ev index = ev(a.get(1));
                return f -> {
                    BigInteger v = reg.read(index.l(f));
                    if (v != null) {
                        Frames.storeBig((Layout.Scalar) out.layout(f), v, f);
                    }
                    return Exec.NORMAL;
                };
            }
            case "register.write" -> {
                RegisterArray reg = c.state.register(name);
                Ev index = ev(a.get(0));
                Ev value = ev(a.get(1));
                return f -> {
                    reg.write(index.l(f), value.b(f));
                    return Exec.NORMAL;
                };
            }
            default -> throw new IllegalArgumentException("method " + method + " of extern " + inst.externName()
                    + " is not supported (at " + inst.location() + ")");
        }
    }

    // ------------------------------------------------------------------ packing for hash and checksums

    /** One element of a packed field list: a value of static width, or a varbit, maybe inside a header. */
    private record PackItem(Ev value, int width, Layout.Scalar varbit, Place header) { }

    private List<PackItem> packItems(Expr data) {
        List<PackItem> items = new ArrayList<>();
        List<Expr> elements = data instanceof Expr.ListExpr l ? l.items() : List.of(data);
        for (Expr e : elements) {
            addItems(e, items);
        }
        return items;
    }

    private void addItems(Expr e, List<PackItem> items) {
        P4Type t = e.type();
        if (t instanceof P4Type.Struct s) {
            for (int i = 0; i < s.fields().size(); i++) {
                P4Type.Field fd = s.fields().get(i);
                addItems(new Expr.Member(e, fd.name(), i, fd.type(), e.location()), items);
            }
            return;
        }
        Place header = null;
        if (e instanceof Expr.Member m && m.base().type() instanceof P4Type.Struct s && s.isHeader()) {
            header = c.exprs.place(m.base());
        }
        if (t instanceof P4Type.Varbit) {
            Place p = c.exprs.place(e);
            items.add(new PackItem(null, 0, (Layout.Scalar) ((Place.Fixed) p).layout, header));
            return;
        }
        Ev v = ev(e);
        int width = t instanceof P4Type.Bits b ? b.width() : t instanceof P4Type.Bool ? 1 : v.width;
        items.add(new PackItem(v, width, null, header));
    }

    /**
     * Packs the items of valid headers MSB-first without gaps, zero-padded to a byte ({@link BitWriter});
     * sets {@code bitsOut[0]} to the bit count.
     */
    private static byte[] pack(PackItem[] items, Frame f, int[] bitsOut) {
        BitWriter w = f.scratch;
        w.clear();
        for (PackItem item : items) {
            if (item.header() != null && !ExprCompiler.isValid(item.header().layout(f), f)) {
                continue;
            }
            if (item.varbit() != null) {
                w.write(f.wide[item.varbit().slot()], (int) f.words[item.varbit().lengthSlot()]);
            } else if (item.value().wide) {
                w.write(item.value().b(f), item.width());
            } else {
                w.write(item.value().l(f), item.width());
            }
        }
        bitsOut[0] = (int) w.bitLength();
        return w.toBytes();
    }

    private static byte[] withPayload(byte[] packed, Frame f) {
        int payload = Math.max(0, f.packet.length - f.payloadOffset);
        byte[] all = Arrays.copyOf(packed, packed.length + payload);
        System.arraycopy(f.packet, f.payloadOffset, all, packed.length, payload);
        return all;
    }

    private Exec hash(List<Expr> a) {
        Place out = c.exprs.place(a.get(0));
        String algorithm = enumMember(a.get(1));
        Ev base = ev(a.get(2));
        PackItem[] items = packItems(a.get(3)).toArray(new PackItem[0]);
        Ev max = ev(a.get(4));
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        return f -> {
            int[] bits = new int[1];
            byte[] packed = pack(items, f, bits);
            BigInteger h = Hashes.compute(algorithm, packed, bits[0]);
            BigInteger m = max.b(f);
            if (m.signum() == 0) {
                m = BigInteger.ONE;
            }
            BigInteger result = base.b(f).add(h.mod(m)).mod(two64);
            Frames.storeBig((Layout.Scalar) out.layout(f), result, f);
            return Exec.NORMAL;
        };
    }

    private Exec verifyChecksum(List<Expr> a, boolean payload) {
        Ev cond = ev(a.get(0));
        PackItem[] items = packItems(a.get(1)).toArray(new PackItem[0]);
        Ev field = ev(a.get(2));
        Place fieldHeader = a.get(2) instanceof Expr.Member m ? c.exprs.place(m.base()) : null;
        String algorithm = enumMember(a.get(3));
        int slot = c.sm.checksumError;
        return f -> {
            if (cond.l(f) == 0 || (fieldHeader != null && !ExprCompiler.isValid(fieldHeader.layout(f), f))) {
                return Exec.NORMAL;
            }
            int[] bits = new int[1];
            byte[] packed = pack(items, f, bits);
            if (payload) {
                packed = withPayload(packed, f);
                bits[0] = packed.length * 8;
            }
            long h = Hashes.computeLong(algorithm, packed) & Ev.mask(field.width);
            if (h != field.l(f)) {
                f.words[slot] = 1;
            }
            return Exec.NORMAL;
        };
    }

    private Exec updateChecksum(List<Expr> a, boolean payload) {
        Ev cond = ev(a.get(0));
        PackItem[] items = packItems(a.get(1)).toArray(new PackItem[0]);
        Place field = c.exprs.place(a.get(2));
        String algorithm = enumMember(a.get(3));
        return f -> {
            if (cond.l(f) == 0) {
                return Exec.NORMAL;
            }
            int[] bits = new int[1];
            byte[] packed = pack(items, f, bits);
            if (payload) {
                packed = withPayload(packed, f);
                bits[0] = packed.length * 8;
            }
            Frames.storeBig((Layout.Scalar) field.layout(f), Ev.unsigned(Hashes.computeLong(algorithm, packed)), f);
            return Exec.NORMAL;
        };
    }

    private Exec random(List<Expr> a) {
        Place out = c.exprs.place(a.get(0));
        Ev lo = ev(a.get(1));
        Ev hi = ev(a.get(2));
        Environment env = c.env;
        return f -> {
            long l = lo.l(f);
            long h = hi.l(f);
            if (Long.compareUnsigned(l, h) > 0) {
                return Exec.NORMAL;
            }
            long span = h - l + 1;
            long r = span <= 0 ? env.random.nextLong() : l + env.random.nextLong(span);
            Frames.storeBig((Layout.Scalar) out.layout(f), Ev.unsigned(r), f);
            return Exec.NORMAL;
        };
    }

    private Exec digest(Expr.ExternCall call) {
        String name = c.digestNames.nameOf(call);
        PackItem[] items = packItems(call.arguments().get(1)).toArray(new PackItem[0]);
        return f -> {
            List<BigInteger> values = new ArrayList<>(items.length);
            for (PackItem item : items) {
                values.add(item.varbit() != null ? f.wide[item.varbit().slot()] : item.value().b(f));
            }
            f.digests.add(new Object[] {name, List.copyOf(values)});
            return Exec.NORMAL;
        };
    }

    // ------------------------------------------------------------------ packet_in / packet_out

    Exec packet(Expr.PacketCall p) {
        switch (p.method()) {
            case "extract" -> {
                return extract(p);
            }
            case "advance" -> {
                Ev bits = ev(p.arguments().get(0));
                ParserErrorSignal tooShort = packetTooShort;
                return f -> {
                    long n = bits.l(f);
                    if (f.cursorBits + n > f.packet.length * 8L) {
                        throw tooShort;
                    }
                    f.cursorBits += n;
                    return Exec.NORMAL;
                };
            }
            case "emit" -> {
                Place what = c.exprs.place(p.arguments().get(0));
                return f -> {
                    emit(what.layout(f), f);
                    return Exec.NORMAL;
                };
            }
            case "lookahead", "length" -> {
                Ev v = value(p);
                return f -> {
                    v.l(f);
                    return Exec.NORMAL;
                };
            }
            default -> throw new IllegalArgumentException("packet method " + p.method() + " not supported");
        }
    }

    private Exec extract(Expr.PacketCall p) {
        Expr target = p.arguments().get(0);
        Place place = c.exprs.place(target);
        Place union = c.exprs.enclosingUnion(target);
        Place stack = target instanceof Expr.StackCursor sc && !sc.last() ? c.exprs.place(sc.stack()) : null;
        Ev varbitSize = p.arguments().size() > 1 ? ev(p.arguments().get(1)) : null;
        ParserErrorSignal tooShort = packetTooShort;
        ParserErrorSignal invalidSize = headerTooShort;
        return f -> {
            Layout.Header h = (Layout.Header) place.layout(f);
            long varbitBits = 0;
            if (varbitSize != null) {
                varbitBits = varbitSize.l(f);
            }
            long total = h.fixedBits() + varbitBits;
            if (f.cursorBits + total > f.packet.length * 8L) {
                throw tooShort;
            }
            long bit = f.cursorBits;
            for (Layout.Scalar s : h.fields()) {
                if (s.isVarbit()) {
                    if (varbitBits > s.width()) {
                        throw invalidSize;
                    }
                    f.wide[s.slot()] = BitReader.readBig(f.packet, bit, (int) varbitBits);
                    f.words[s.lengthSlot()] = varbitBits;
                    bit += varbitBits;
                } else if (s.wide()) {
                    f.wide[s.slot()] = BitReader.readBig(f.packet, bit, s.width());
                    bit += s.width();
                } else {
                    f.words[s.slot()] = BitReader.read(f.packet, bit, s.width());
                    bit += s.width();
                }
            }
            f.cursorBits = bit;
            f.valid[h.validSlot()] = true;
            ExprCompiler.invalidateSiblings(union, h, f);
            if (stack != null) {
                f.words[((Layout.Stack) stack.layout(f)).nextSlot()]++;
            }
            return Exec.NORMAL;
        };
    }

    static void emit(Layout l, Frame f) {
        if (l instanceof Layout.Header h) {
            if (!f.valid[h.validSlot()]) {
                return;
            }
            for (Layout.Scalar s : h.fields()) {
                if (s.isVarbit()) {
                    f.out.write(f.wide[s.slot()], (int) f.words[s.lengthSlot()]);
                } else if (s.wide()) {
                    f.out.write(f.wide[s.slot()], s.width());
                } else {
                    f.out.write(f.words[s.slot()], s.width());
                }
            }
        } else if (l instanceof Layout.Stack st) {
            for (Layout.Header h : st.elements()) {
                emit(h, f);
            }
        } else if (l instanceof Layout.Struct s) {
            for (Layout m : s.members()) {
                emit(m, f);
            }
        }
    }
}
