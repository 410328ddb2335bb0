package org.metrofabric.p4sim.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.runtime.EntryKey;
import org.metrofabric.p4sim.runtime.FieldMatch;
import org.metrofabric.p4sim.runtime.KeyField;
import org.metrofabric.p4sim.runtime.MatchKind;
import org.metrofabric.p4sim.runtime.MatchTable;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;

/** Validates PI match keys and priorities against a table's P4Info match fields, as P4Runtime does. */
final class MatchKeyTranslator {
    private MatchKeyTranslator() {
    }

    static EntryKey toEntryKey(MatchTable table, PiMatchKey matchKey, java.util.OptionalInt priority) {
        String tableName = table.name();
        Map<String, PiFieldMatch> given = new HashMap<>();
        for (PiFieldMatch match : matchKey.fieldMatches()) {
            if (given.put(match.fieldId().id(), match) != null) {
                throw ControlException.invalid("table " + tableName + ": match field '" + match.fieldId().id()
                        + "' given twice");
            }
        }
        List<FieldMatch> matches = new ArrayList<>();
        for (KeyField field : table.fields()) {
            PiFieldMatch match = given.remove(field.name());
            matches.add(toFieldMatch(tableName, field, match));
        }
        if (!given.isEmpty()) {
            throw ControlException.invalid("table " + tableName + " has no match field " + given.keySet());
        }
        return new EntryKey(matches, checkedPriority(table, priority));
    }

    private static int checkedPriority(MatchTable table, java.util.OptionalInt priority) {
        int value = priority.orElse(0);
        if (table.needsPriority()) {
            if (value <= 0) {
                throw ControlException.invalid("table " + table.name()
                        + " has ternary, range or optional fields: entries need a priority > 0, got " + value);
            }
            return value;
        }
        if (value != 0) {
            throw ControlException.invalid("table " + table.name()
                    + " has no ternary, range or optional field: priority must be 0, got " + value);
        }
        return 0;
    }

    private static FieldMatch toFieldMatch(String table, KeyField field, PiFieldMatch match) {
        String what = "table " + table + " field " + field.name();
        int width = field.bitwidth();
        if (match == null) {
            switch (field.kind()) {
                case EXACT:
                    throw ControlException.invalid(what + ": exact match fields are mandatory");
                case LPM:
                    return FieldMatch.lpm(BigInteger.ZERO, 0);
                default:
                    return FieldMatch.dontCare();
            }
        }
        MatchKind given = kindOf(match);
        if (given != field.kind()) {
            throw ControlException.invalid(what + ": is " + field.kind() + ", got a " + given + " match");
        }
        switch (given) {
            case EXACT:
                return FieldMatch.exact(PiValues.toValue(((PiExactFieldMatch) match).value(), width, what));
            case LPM: {
                PiLpmFieldMatch lpm = (PiLpmFieldMatch) match;
                BigInteger value = PiValues.toValue(lpm.value(), width, what);
                int length = lpm.prefixLength();
                if (length <= 0 || length > width) {
                    throw ControlException.invalid(what + ": prefix length " + length + " outside 1.." + width
                            + " (omit the field to match anything)");
                }
                if (!value.and(FieldMatch.prefixMask(width, length)).equals(value)) {
                    throw ControlException.invalid(what + ": value " + PiValues.hex(value)
                            + " has bits set beyond the /" + length + " prefix");
                }
                return FieldMatch.lpm(value, length);
            }
            case TERNARY: {
                PiTernaryFieldMatch ternary = (PiTernaryFieldMatch) match;
                BigInteger value = PiValues.toValue(ternary.value(), width, what);
                BigInteger mask = PiValues.toValue(ternary.mask(), width, what + " mask");
                if (mask.signum() == 0) {
                    throw ControlException.invalid(what + ": mask is 0 (omit the field to match anything)");
                }
                if (!value.and(mask).equals(value)) {
                    throw ControlException.invalid(what + ": value " + PiValues.hex(value)
                            + " has bits outside mask " + PiValues.hex(mask));
                }
                return FieldMatch.ternary(value, mask);
            }
            case RANGE: {
                PiRangeFieldMatch range = (PiRangeFieldMatch) match;
                BigInteger low = PiValues.toValue(range.lowValue(), width, what + " low");
                BigInteger high = PiValues.toValue(range.highValue(), width, what + " high");
                if (low.compareTo(high) > 0) {
                    throw ControlException.invalid(what + ": low " + low + " > high " + high);
                }
                if (low.signum() == 0 && high.equals(PiValues.allOnes(width))) {
                    throw ControlException.invalid(what + ": the full range is not allowed (omit the field)");
                }
                return FieldMatch.range(low, high);
            }
            default:
                return FieldMatch.optional(PiValues.toValue(((PiOptionalFieldMatch) match).value(), width, what));
        }
    }

    private static MatchKind kindOf(PiFieldMatch match) {
        switch (match.type()) {
            case EXACT:
                return MatchKind.EXACT;
            case LPM:
                return MatchKind.LPM;
            case TERNARY:
                return MatchKind.TERNARY;
            case RANGE:
                return MatchKind.RANGE;
            default:
                return MatchKind.OPTIONAL;
        }
    }

    static PiMatchKey toPi(MatchTable table, EntryKey key) {
        PiMatchKey.Builder builder = PiMatchKey.builder();
        for (int i = 0; i < table.fields().size(); i++) {
            KeyField field = table.fields().get(i);
            PiMatchFieldId id = PiMatchFieldId.of(field.name());
            int width = field.bitwidth();
            FieldMatch match = key.matches().get(i);
            if (match instanceof FieldMatch.Exact exact) {
                builder.addFieldMatch(new PiExactFieldMatch(id, PiValues.toBytes(exact.value(), width)));
            } else if (match instanceof FieldMatch.Lpm lpm && lpm.prefixLength() > 0) {
                builder.addFieldMatch(new PiLpmFieldMatch(id, PiValues.toBytes(lpm.value(), width),
                        lpm.prefixLength()));
            } else if (match instanceof FieldMatch.Ternary ternary) {
                builder.addFieldMatch(new PiTernaryFieldMatch(id, PiValues.toBytes(ternary.value(), width),
                        PiValues.toBytes(ternary.mask(), width)));
            } else if (match instanceof FieldMatch.Range range) {
                builder.addFieldMatch(new PiRangeFieldMatch(id, PiValues.toBytes(range.low(), width),
                        PiValues.toBytes(range.high(), width)));
            } else if (match instanceof FieldMatch.Optional optional) {
                builder.addFieldMatch(new PiOptionalFieldMatch(id, PiValues.toBytes(optional.value(), width)));
            }
        }
        return builder.build();
    }
}
