package org.metrofabric.p4runtime.codec;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiActionSet;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.v1.P4RuntimeOuterClass.ActionProfileAction;
import p4.v1.P4RuntimeOuterClass.ActionProfileActionSet;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.MeterConfig;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Table entries between PI and P4Runtime.
 *
 * <p>The default entry: ONOS 2.7 marks it by an empty match key. An empty match key with no
 * priority is encoded as the default entry ({@code is_default_action}); an empty match key with a
 * priority is an ordinary catch-all entry of a table with ternary/range/optional fields. A wire
 * entry that is not the default yet has no match and no priority (the catch-all of an LPM-only
 * table) decodes with its LPM fields spelled out as prefix length 0, so it does not look like the
 * default entry and encodes back to the same wire entry.
 *
 * <p>Rules checked here, because they need only the P4Info: table and action ids, action scope
 * (DEFAULT_ONLY / TABLE_ONLY), direct actions vs. member/group/action-set references against
 * the table's implementation, every exact field present, priority non-zero iff the table has a
 * ternary, range or optional field (negative priorities are rejected), idle timeout only on
 * tables that support it, counter data and meter config only on tables with a direct resource.
 * A missing action is allowed (a DELETE needs none; an unset default action resets it); whether an
 * update needs one, and rules about state (const default actions, duplicates), are the server's.
 * The TableEntry {@code metadata} bytes have no PI counterpart and are not decoded.
 */
final class TableEntryCodec {

    private final P4InfoIndex p4Info;
    private final ActionCodec actions;

    TableEntryCodec(P4InfoIndex p4Info, ActionCodec actions) {
        this.p4Info = p4Info;
        this.actions = actions;
    }

    TableEntry encode(PiTableEntry entry, MeterConfig directMeterConfig) {
        TableInfo table = p4Info.table(entry.table().id());
        String what = "table '" + table.name() + "'";
        boolean isDefault = entry.matchKey().fieldMatches().isEmpty() && entry.priority().isEmpty();
        TableEntry.Builder out = TableEntry.newBuilder().setTableId(table.id());
        if (isDefault) {
            out.setIsDefaultAction(true);
        } else {
            List<FieldMatch> matches = new ArrayList<>(entry.matchKey().fieldMatches().size());
            for (PiFieldMatch match : entry.matchKey().fieldMatches()) {
                FieldMatchCodec.encode(table, match).ifPresent(matches::add);
            }
            matches.sort(Comparator.comparingInt(FieldMatch::getFieldId));
            out.addAllMatch(matches);
            out.setPriority(entry.priority().orElse(0));
        }
        if (entry.action() != null) {
            out.setAction(encodeAction(table, entry.action(), isDefault));
        }
        out.setControllerMetadata(entry.cookie());
        if (entry.timeout().isPresent()) {
            double seconds = entry.timeout().get();
            if (!(seconds >= 0) || seconds * 1e9 > Long.MAX_VALUE) {
                throw P4RuntimeException.invalidArgument("%s: idle timeout %s s is not a valid duration", what,
                        seconds);
            }
            out.setIdleTimeoutNs(Math.round(seconds * 1e9));
        }
        if (entry.counter() != null) {
            out.setCounterData(CounterData.newBuilder()
                    .setPacketCount(entry.counter().packets())
                    .setByteCount(entry.counter().bytes()));
        }
        if (directMeterConfig != null) {
            out.setMeterConfig(directMeterConfig);
        }
        TableEntry encoded = out.build();
        checkEntry(table, encoded);
        return encoded;
    }

    PiTableEntry decode(TableEntry entry) {
        TableInfo table = p4Info.table(entry.getTableId());
        checkEntry(table, entry);
        PiTableEntry.Builder out = PiTableEntry.builder().forTable(PiTableId.of(table.name()));
        if (!entry.getIsDefaultAction()) {
            PiMatchKey.Builder key = PiMatchKey.builder();
            for (FieldMatch match : entry.getMatchList()) {
                key.addFieldMatch(FieldMatchCodec.decode(table, match));
            }
            if (entry.getMatchCount() == 0 && entry.getPriority() == 0) {
                // An LPM catch-all: keep it apart from the default entry, which ONOS 2.7 recognises
                // by an empty key, by spelling out the omitted LPM fields as prefix length 0.
                for (MatchField field : table.matchFields()) {
                    key.addFieldMatch(new PiLpmFieldMatch(PiMatchFieldId.of(field.getName()),
                            ImmutableByteSequence.ofZeros(ByteStrings.byteWidth(field.getBitwidth())), 0));
                }
            }
            out.withMatchKey(key.build());
        }
        if (entry.getPriority() != 0) {
            out.withPriority(entry.getPriority());
        }
        if (entry.hasAction()) {
            out.withAction(decodeAction(table, entry.getAction(), entry.getIsDefaultAction()));
        }
        out.withCookie(entry.getControllerMetadata());
        if (entry.getIdleTimeoutNs() != 0) {
            out.withTimeout(entry.getIdleTimeoutNs() / 1e9);
        }
        if (entry.hasCounterData()) {
            out.withCounterCellData(new PiCounterCellData(entry.getCounterData().getPacketCount(),
                    entry.getCounterData().getByteCount()));
        }
        return out.build();
    }

    /** The table-level rules that hold in both directions (see the class comment). */
    private static void checkEntry(TableInfo table, TableEntry entry) {
        String what = "table '" + table.name() + "'";
        if (entry.getIsDefaultAction()) {
            if (entry.getMatchCount() != 0 || entry.getPriority() != 0) {
                throw P4RuntimeException.invalidArgument("%s: the default entry must have no match and "
                        + "priority 0", what);
            }
        } else {
            if (table.matchFields().isEmpty()) {
                throw P4RuntimeException.invalidArgument("%s has no match fields: only its default entry "
                        + "exists", what);
            }
            Set<Integer> present = new HashSet<>();
            for (FieldMatch match : entry.getMatchList()) {
                MatchField field = table.matchField(match.getFieldId());
                if (!present.add(match.getFieldId())) {
                    throw P4RuntimeException.invalidArgument("%s: match field '%s' is given twice", what,
                            field.getName());
                }
            }
            for (MatchField field : table.matchFields()) {
                if (field.getMatchType() == MatchField.MatchType.EXACT && !present.contains(field.getId())) {
                    throw P4RuntimeException.invalidArgument("%s: exact match field '%s' is missing", what,
                            field.getName());
                }
            }
            if (entry.getPriority() < 0) {
                throw P4RuntimeException.invalidArgument("%s: priority %d is negative", what, entry.getPriority());
            }
            if (table.needsPriority() && entry.getPriority() == 0) {
                throw P4RuntimeException.invalidArgument("%s has ternary, range or optional fields: entries "
                        + "need a priority above 0", what);
            }
            if (!table.needsPriority() && entry.getPriority() != 0) {
                throw P4RuntimeException.invalidArgument("%s has only exact and LPM fields: priority must be "
                        + "0, got %d", what, entry.getPriority());
            }
        }
        if (entry.getIdleTimeoutNs() != 0 && !table.supportsIdleTimeout()) {
            throw P4RuntimeException.invalidArgument("%s does not support idle timeouts, got idle_timeout_ns %d",
                    what, entry.getIdleTimeoutNs());
        }
        if (entry.getIdleTimeoutNs() < 0) {
            throw P4RuntimeException.invalidArgument("%s: idle_timeout_ns %d is negative", what,
                    entry.getIdleTimeoutNs());
        }
        if (entry.hasCounterData() && table.directCounterId().isEmpty()) {
            throw P4RuntimeException.invalidArgument("%s has no direct counter, the entry carries counter data",
                    what);
        }
        if (entry.hasMeterConfig() && table.directMeterId().isEmpty()) {
            throw P4RuntimeException.invalidArgument("%s has no direct meter, the entry carries a meter config",
                    what);
        }
    }

    private TableAction encodeAction(TableInfo table, PiTableAction action, boolean isDefault) {
        String what = "table '" + table.name() + "'";
        TableAction.Builder out = TableAction.newBuilder();
        switch (action.type()) {
            case ACTION -> out.setAction(actions.encode((PiAction) action, what));
            case ACTION_PROFILE_MEMBER_ID -> out.setActionProfileMemberId(((PiActionProfileMemberId) action).id());
            case ACTION_PROFILE_GROUP_ID -> out.setActionProfileGroupId(((PiActionProfileGroupId) action).id());
            case ACTION_SET -> {
                ActionProfileActionSet.Builder set = ActionProfileActionSet.newBuilder();
                for (PiActionSet.WeightedAction weighted : ((PiActionSet) action).actions()) {
                    set.addActionProfileActions(ActionProfileAction.newBuilder()
                            .setAction(actions.encode(weighted.action(), what))
                            .setWeight(weighted.weight()));
                }
                out.setActionProfileActionSet(set);
            }
            default -> throw P4RuntimeException.invalidArgument("%s: table action type %s is not supported", what,
                    action.type());
        }
        TableAction encoded = out.build();
        checkAction(table, encoded, isDefault);
        return encoded;
    }

    private PiTableAction decodeAction(TableInfo table, TableAction action, boolean isDefault) {
        checkAction(table, action, isDefault);
        String what = "table '" + table.name() + "'";
        return switch (action.getTypeCase()) {
            case ACTION -> actions.decode(action.getAction(), what);
            case ACTION_PROFILE_MEMBER_ID -> PiActionProfileMemberId.of(action.getActionProfileMemberId());
            case ACTION_PROFILE_GROUP_ID -> PiActionProfileGroupId.of(action.getActionProfileGroupId());
            case ACTION_PROFILE_ACTION_SET -> {
                PiActionSet.Builder set = PiActionSet.builder();
                for (ActionProfileAction member : action.getActionProfileActionSet().getActionProfileActionsList()) {
                    set.addWeightedAction(actions.decode(member.getAction(), what), member.getWeight());
                }
                yield set.build();
            }
            default -> throw new IllegalStateException("checkAction accepted " + action.getTypeCase());
        };
    }

    /** Which kind of action the table takes, and the action scope; parameters are checked by ActionCodec. */
    private void checkAction(TableInfo table, TableAction action, boolean isDefault) {
        String what = "table '" + table.name() + "'";
        switch (action.getTypeCase()) {
            case ACTION -> {
                if (table.implementationId() != 0 && !isDefault) {
                    throw P4RuntimeException.invalidArgument("%s is implemented by action profile '%s': entries "
                            + "take a member, a group or an action set, not an action", what,
                            p4Info.actionProfile(table.implementationId()).getPreamble().getName());
                }
                checkScope(table, action.getAction().getActionId(), isDefault);
            }
            case ACTION_PROFILE_MEMBER_ID -> requireProfile(table, false, "a member reference");
            case ACTION_PROFILE_GROUP_ID -> requireProfile(table, true, "a group reference");
            case ACTION_PROFILE_ACTION_SET -> {
                requireProfile(table, true, "an action set");
                var members = action.getActionProfileActionSet().getActionProfileActionsList();
                if (members.isEmpty()) {
                    throw P4RuntimeException.invalidArgument("%s: the action set is empty", what);
                }
                for (ActionProfileAction member : members) {
                    if (member.getWeight() < 1) {
                        throw P4RuntimeException.invalidArgument("%s: action set weight %d is below 1", what,
                                member.getWeight());
                    }
                    checkScope(table, member.getAction().getActionId(), false);
                }
            }
            default -> throw P4RuntimeException.invalidArgument("%s: the table action is empty", what);
        }
    }

    private void checkScope(TableInfo table, int actionId, boolean isDefault) {
        table.actionRef(actionId);
        String action = p4Info.action(actionId).name();
        if (isDefault && !table.allowsAsDefault(actionId)) {
            throw P4RuntimeException.invalidArgument("table '%s': action '%s' is @tableonly, it cannot be the "
                    + "default action", table.name(), action);
        }
        if (!isDefault && !table.allowsInEntries(actionId)) {
            throw P4RuntimeException.invalidArgument("table '%s': action '%s' is @defaultonly, entries cannot "
                    + "use it", table.name(), action);
        }
    }

    private void requireProfile(TableInfo table, boolean needsSelector, String given) {
        if (table.implementationId() == 0) {
            throw P4RuntimeException.invalidArgument("table '%s' has no action profile, got %s", table.name(),
                    given);
        }
        var profile = p4Info.actionProfile(table.implementationId());
        if (needsSelector && !profile.getWithSelector()) {
            throw P4RuntimeException.invalidArgument("table '%s': action profile '%s' has no selector, got %s",
                    table.name(), profile.getPreamble().getName(), given);
        }
    }

    /** The entry without counter data: the key of a direct counter or meter cell. */
    static PiTableEntry withoutCounterData(PiTableEntry entry) {
        if (entry.counter() == null) {
            return entry;
        }
        PiTableEntry.Builder out = PiTableEntry.builder().forTable(entry.table()).withMatchKey(entry.matchKey())
                .withCookie(entry.cookie());
        if (entry.action() != null) {
            out.withAction(entry.action());
        }
        entry.priority().ifPresent(out::withPriority);
        entry.timeout().ifPresent(out::withTimeout);
        return out.build();
    }
}
