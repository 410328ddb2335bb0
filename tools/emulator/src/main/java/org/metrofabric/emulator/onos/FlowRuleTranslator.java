package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.PiInstruction;
import org.onosproject.net.pi.model.PiActionModel;
import org.onosproject.net.pi.model.PiActionParamModel;
import org.onosproject.net.pi.model.PiMatchFieldModel;
import org.onosproject.net.pi.model.PiMatchType;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.model.PiTableModel;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * Turns a flow rule into the table entry ONOS 2.7 would write: the rule names a {@link PiTableId},
 * matches with one {@link PiCriterion} and acts with one {@link PiInstruction} (an action, or an
 * action-profile member or group reference). The entry has a priority only if the table has a
 * ternary, range or optional field, and then it is the rule's priority plus one (P4Runtime
 * reserves 0). A rule without match criteria is the table's default entry. Fields, actions and
 * parameters are checked against the pipeline model, so a bad rule fails here, before any write.
 */
public final class FlowRuleTranslator {
    private static final Set<PiMatchType> PRIORITY_MATCH_TYPES =
            Set.of(PiMatchType.TERNARY, PiMatchType.RANGE, PiMatchType.OPTIONAL);

    private final PiPipelineModel model;

    public FlowRuleTranslator(PiPipelineModel model) {
        this.model = model;
    }

    public PiTableEntry translate(FlowRule rule) {
        String ruleName = "flow rule " + rule.id() + " on " + rule.deviceId();
        if (!(rule.table() instanceof PiTableId)) {
            throw new PiTranslationException(ruleName + ": table " + rule.table()
                    + " is a numbered table; rules must name a PiTableId");
        }
        PiTableId tableId = (PiTableId) rule.table();
        PiTableModel table = model.table(tableId).orElseThrow(() ->
                new PiTranslationException(ruleName + ": the pipeline has no table " + tableId));
        String context = ruleName + " table " + tableId;
        if (table.isConstantTable()) {
            throw new PiTranslationException(context + ": the table has const entries");
        }
        PiMatchKey matchKey = matchKey(rule, table, context);
        PiTableEntry.Builder entry = PiTableEntry.builder()
                .forTable(tableId)
                .withMatchKey(matchKey)
                .withAction(action(rule, table, context))
                .withCookie(rule.id().value());
        if (!matchKey.fieldMatches().isEmpty() && needsPriority(table)) {
            // FlowRule priorities stop at 65535, so this stays below ONOS's 2^24 cap.
            entry.withPriority(rule.priority() + 1);
        }
        return entry.build();
    }

    /** Whether entries of {@code table} carry a priority (a ternary, range or optional field). */
    public static boolean needsPriority(PiTableModel table) {
        return table.matchFields().stream().anyMatch(f -> PRIORITY_MATCH_TYPES.contains(f.matchType()));
    }

    private static PiMatchKey matchKey(FlowRule rule, PiTableModel table, String context) {
        List<PiFieldMatch> matches = new ArrayList<>();
        for (Criterion criterion : rule.selector().criteria()) {
            if (!(criterion instanceof PiCriterion)) {
                throw new PiTranslationException(context + ": criterion " + criterion
                        + " is not a PiCriterion; metro.p4 rules match with PI fields");
            }
            matches.addAll(((PiCriterion) criterion).fieldMatches());
        }
        if (matches.isEmpty()) {
            return PiMatchKey.EMPTY;
        }
        for (PiFieldMatch match : matches) {
            PiMatchFieldModel field = table.matchField(match.fieldId()).orElseThrow(() ->
                    new PiTranslationException(context + ": the table has no match field " + match.fieldId()));
            if (field.matchType() != match.type()) {
                throw new PiTranslationException(context + ": field " + match.fieldId() + " is matched "
                        + field.matchType() + ", the rule gives " + match.type());
            }
        }
        Set<Object> given = matches.stream().map(PiFieldMatch::fieldId).collect(Collectors.toSet());
        if (given.size() != matches.size()) {
            throw new PiTranslationException(context + ": a match field is given twice in " + matches);
        }
        for (PiMatchFieldModel field : table.matchFields()) {
            if (field.matchType() == PiMatchType.EXACT && !given.contains(field.id())) {
                throw new PiTranslationException(context + ": exact match field " + field.id() + " is missing");
            }
        }
        return PiMatchKey.builder().addFieldMatches(matches).build();
    }

    private static PiTableAction action(FlowRule rule, PiTableModel table, String context) {
        PiTableAction action = null;
        for (Instruction instruction : rule.treatment().allInstructions()) {
            if (instruction.type() == Instruction.Type.NOACTION) {
                continue;
            }
            if (!(instruction instanceof PiInstruction) || action != null) {
                throw new PiTranslationException(context + ": the treatment must be exactly one PI action, got "
                        + rule.treatment().allInstructions());
            }
            action = ((PiInstruction) instruction).action();
        }
        if (action == null) {
            throw new PiTranslationException(context + ": the treatment has no PI action");
        }
        switch (action.type()) {
            case ACTION:
                checkAction((PiAction) action, table, context);
                return action;
            case ACTION_PROFILE_MEMBER_ID:
            case ACTION_PROFILE_GROUP_ID:
                if (table.actionProfile() == null) {
                    throw new PiTranslationException(context + ": the table has no action profile, so "
                            + action.type() + " cannot be used");
                }
                return action;
            default:
                throw new PiTranslationException(context + ": " + action.type() + " actions are not supported");
        }
    }

    /** Checks an action and its parameters against what {@code table} allows. */
    static void checkAction(PiAction action, PiTableModel table, String context) {
        PiActionModel actionModel = table.action(action.id()).orElseThrow(() ->
                new PiTranslationException(context + ": action " + action.id() + " is not an action of the table"));
        for (PiActionParam param : action.parameters()) {
            PiActionParamModel paramModel = actionModel.param(param.id()).orElseThrow(() ->
                    new PiTranslationException(context + ": action " + action.id() + " has no parameter "
                            + param.id()));
            if (!fitsIn(param, paramModel.bitWidth())) {
                throw new PiTranslationException(context + ": parameter " + param.id() + " value " + param.value()
                        + " does not fit in " + paramModel.bitWidth() + " bits");
            }
        }
        for (PiActionParamModel paramModel : actionModel.params()) {
            if (action.parameters().stream().noneMatch(p -> p.id().equals(paramModel.id()))) {
                throw new PiTranslationException(context + ": action " + action.id() + " misses parameter "
                        + paramModel.id());
            }
        }
    }

    private static boolean fitsIn(PiActionParam param, int bits) {
        try {
            param.value().fit(bits);
            return true;
        } catch (ImmutableByteSequence.ByteSequenceTrimException e) {
            return false;
        }
    }
}
