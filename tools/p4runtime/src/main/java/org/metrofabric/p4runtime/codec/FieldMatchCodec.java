package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMatchType;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.v1.P4RuntimeOuterClass.FieldMatch;

import java.util.Arrays;
import java.util.Optional;

/**
 * One match field between PI and P4Runtime, with the match-format rules of the specification
 * ("Match Format"): LPM 0 &lt; prefix &le; W with no bits past the prefix, ternary mask &ne; 0
 * and value &amp; mask == value, range low &le; high and not the full range.
 *
 * <p>A don't-care match (LPM prefix 0, ternary mask 0, full range) must be omitted on the wire;
 * the encoder drops it, the decoder rejects it with INVALID_ARGUMENT as the PI server does.
 */
final class FieldMatchCodec {

    private FieldMatchCodec() {
    }

    /** The wire form of {@code match}, or empty if it is a don't-care that must be omitted. */
    static Optional<FieldMatch> encode(TableInfo table, PiFieldMatch match) {
        MatchField field = table.matchField(match.fieldId().id());
        String what = describe(table, field);
        checkKind(what, field, match.type());
        int width = field.getBitwidth();
        FieldMatch.Builder out = FieldMatch.newBuilder().setFieldId(field.getId());
        switch (match.type()) {
            case EXACT -> out.setExact(FieldMatch.Exact.newBuilder()
                    .setValue(ByteStrings.canonical(((PiExactFieldMatch) match).value().asArray(), width, what)));
            case LPM -> {
                PiLpmFieldMatch lpm = (PiLpmFieldMatch) match;
                if (lpm.prefixLength() == 0) {
                    return Optional.empty();
                }
                out.setLpm(FieldMatch.LPM.newBuilder()
                        .setValue(ByteStrings.canonical(lpm.value().asArray(), width, what))
                        .setPrefixLen(lpm.prefixLength()));
            }
            case TERNARY -> {
                PiTernaryFieldMatch ternary = (PiTernaryFieldMatch) match;
                ByteString mask = ByteStrings.canonical(ternary.mask().asArray(), width, what + " mask");
                if (isZero(mask)) {
                    return Optional.empty();
                }
                out.setTernary(FieldMatch.Ternary.newBuilder()
                        .setValue(ByteStrings.canonical(ternary.value().asArray(), width, what))
                        .setMask(mask));
            }
            case RANGE -> {
                PiRangeFieldMatch range = (PiRangeFieldMatch) match;
                byte[] low = ByteStrings.padded(ByteString.copyFrom(range.lowValue().asArray()), width, what + " low");
                byte[] high = ByteStrings.padded(ByteString.copyFrom(range.highValue().asArray()), width,
                        what + " high");
                if (isFullRange(low, high, width)) {
                    return Optional.empty();
                }
                out.setRange(FieldMatch.Range.newBuilder()
                        .setLow(ByteStrings.canonical(low, width, what + " low"))
                        .setHigh(ByteStrings.canonical(high, width, what + " high")));
            }
            case OPTIONAL -> out.setOptional(FieldMatch.Optional.newBuilder()
                    .setValue(ByteStrings.canonical(((PiOptionalFieldMatch) match).value().asArray(), width, what)));
            default -> throw P4RuntimeException.invalidArgument("%s: match kind %s is not supported", what,
                    match.type());
        }
        FieldMatch encoded = out.build();
        checkedValues(field, encoded, what);
        return Optional.of(encoded);
    }

    /** The PI form of {@code match}, values padded to the field width; INVALID_ARGUMENT on a rule breach. */
    static PiFieldMatch decode(TableInfo table, FieldMatch match) {
        MatchField field = table.matchField(match.getFieldId());
        byte[][] values = checkedValues(field, match, describe(table, field));
        PiMatchFieldId id = PiMatchFieldId.of(field.getName());
        return switch (match.getFieldMatchTypeCase()) {
            case EXACT -> new PiExactFieldMatch(id, bytes(values[0]));
            case LPM -> new PiLpmFieldMatch(id, bytes(values[0]), match.getLpm().getPrefixLen());
            case TERNARY -> new PiTernaryFieldMatch(id, bytes(values[0]), bytes(values[1]));
            case RANGE -> new PiRangeFieldMatch(id, bytes(values[0]), bytes(values[1]));
            case OPTIONAL -> new PiOptionalFieldMatch(id, bytes(values[0]));
            default -> throw new IllegalStateException("checkedValues accepted " + match.getFieldMatchTypeCase());
        };
    }

    /**
     * Checks the kind and the match-format rules of {@code match}; returns its values padded to the
     * field width (value; value and mask; or low and high).
     */
    private static byte[][] checkedValues(MatchField field, FieldMatch match, String what) {
        int width = field.getBitwidth();
        switch (match.getFieldMatchTypeCase()) {
            case EXACT -> {
                checkKind(what, field, PiMatchType.EXACT);
                return new byte[][] {ByteStrings.padded(match.getExact().getValue(), width, what)};
            }
            case LPM -> {
                checkKind(what, field, PiMatchType.LPM);
                int prefix = match.getLpm().getPrefixLen();
                if (prefix <= 0 || prefix > width) {
                    throw P4RuntimeException.invalidArgument("%s: LPM prefix length %d is outside 1..%d "
                            + "(a zero-length prefix is a don't-care: omit the field)", what, prefix, width);
                }
                byte[] value = ByteStrings.padded(match.getLpm().getValue(), width, what);
                if (!Arrays.equals(and(value, prefixMask(prefix, width)), value)) {
                    throw P4RuntimeException.invalidArgument("%s: LPM value 0x%s has bits set past the "
                            + "prefix length %d", what, hex(value), prefix);
                }
                return new byte[][] {value};
            }
            case TERNARY -> {
                checkKind(what, field, PiMatchType.TERNARY);
                byte[] value = ByteStrings.padded(match.getTernary().getValue(), width, what);
                byte[] mask = ByteStrings.padded(match.getTernary().getMask(), width, what + " mask");
                if (isZero(mask)) {
                    throw P4RuntimeException.invalidArgument("%s: ternary mask is zero (a don't-care: omit "
                            + "the field)", what);
                }
                if (!Arrays.equals(and(value, mask), value)) {
                    throw P4RuntimeException.invalidArgument("%s: ternary value 0x%s has bits outside the "
                            + "mask 0x%s", what, hex(value), hex(mask));
                }
                return new byte[][] {value, mask};
            }
            case RANGE -> {
                checkKind(what, field, PiMatchType.RANGE);
                byte[] low = ByteStrings.padded(match.getRange().getLow(), width, what + " low");
                byte[] high = ByteStrings.padded(match.getRange().getHigh(), width, what + " high");
                if (Arrays.compareUnsigned(low, high) > 0) {
                    throw P4RuntimeException.invalidArgument("%s: range low 0x%s is above high 0x%s", what,
                            hex(low), hex(high));
                }
                if (isFullRange(low, high, width)) {
                    throw P4RuntimeException.invalidArgument("%s: range covers every value (a don't-care: "
                            + "omit the field)", what);
                }
                return new byte[][] {low, high};
            }
            case OPTIONAL -> {
                checkKind(what, field, PiMatchType.OPTIONAL);
                return new byte[][] {ByteStrings.padded(match.getOptional().getValue(), width, what)};
            }
            default -> throw P4RuntimeException.invalidArgument("%s: match kind %s is not supported", what,
                    match.getFieldMatchTypeCase());
        }
    }

    static String describe(TableInfo table, MatchField field) {
        return "table '" + table.name() + "' match field '" + field.getName() + "'";
    }

    private static void checkKind(String what, MatchField field, PiMatchType given) {
        if (!field.getMatchType().name().equals(given.name())) {
            throw P4RuntimeException.invalidArgument("%s is %s in the P4Info, got a %s match", what,
                    field.getMatchType(), given);
        }
    }

    private static ImmutableByteSequence bytes(byte[] value) {
        return ImmutableByteSequence.copyFrom(value);
    }

    private static boolean isZero(ByteString value) {
        for (int i = 0; i < value.size(); i++) {
            if (value.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFullRange(byte[] low, byte[] high, int width) {
        return isZero(low) && Arrays.equals(high, prefixMask(width, width));
    }

    /** ceil(width/8) bytes whose top {@code prefix} bits of the width-bit value are ones. */
    private static byte[] prefixMask(int prefix, int width) {
        byte[] mask = new byte[ByteStrings.byteWidth(width)];
        int pad = mask.length * 8 - width;
        for (int bit = pad; bit < pad + prefix; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }

    private static byte[] and(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] & b[i]);
        }
        return out;
    }

    private static String hex(byte[] value) {
        return java.util.HexFormat.of().formatHex(value);
    }
}
