package org.metrofabric.p4runtime.server;

import com.google.protobuf.ByteString;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.TableAction;

/**
 * BMv2's PI server reads an action parameter given as an empty byte string as zero, where the
 * specification asks for a rejection (recorded in conformance/p4runtime/README.md). The server
 * answers as BMv2 does, so a client that works against BMv2 works here; the codec itself stays
 * strict, so nothing this project sends is ever empty.
 */
final class EmptyParameters {

    private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

    private EmptyParameters() {
    }

    /** {@code entity} with every empty action parameter (direct, member, action set) replaced by zero. */
    static Entity asZero(Entity entity) {
        if (!hasEmpty(entity)) {
            return entity;
        }
        return switch (entity.getEntityCase()) {
            case TABLE_ENTRY -> entity.getTableEntry().hasAction()
                    ? entity.toBuilder().setTableEntry(entity.getTableEntry().toBuilder()
                            .setAction(asZero(entity.getTableEntry().getAction()))).build()
                    : entity;
            case ACTION_PROFILE_MEMBER -> entity.getActionProfileMember().hasAction()
                    ? entity.toBuilder().setActionProfileMember(entity.getActionProfileMember().toBuilder()
                            .setAction(asZero(entity.getActionProfileMember().getAction()))).build()
                    : entity;
            default -> entity;
        };
    }

    private static boolean hasEmpty(Entity entity) {
        return switch (entity.getEntityCase()) {
            case TABLE_ENTRY -> hasEmpty(entity.getTableEntry().getAction());
            case ACTION_PROFILE_MEMBER -> hasEmpty(entity.getActionProfileMember().getAction());
            default -> false;
        };
    }

    private static boolean hasEmpty(TableAction action) {
        return hasEmpty(action.getAction()) || action.getActionProfileActionSet().getActionProfileActionsList()
                .stream().anyMatch(a -> hasEmpty(a.getAction()));
    }

    private static boolean hasEmpty(Action action) {
        for (Action.Param param : action.getParamsList()) {
            if (param.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static TableAction asZero(TableAction action) {
        TableAction.Builder out = action.toBuilder();
        if (action.hasAction()) {
            out.setAction(asZero(action.getAction()));
        }
        if (action.hasActionProfileActionSet()) {
            var set = out.getActionProfileActionSetBuilder();
            for (int i = 0; i < set.getActionProfileActionsCount(); i++) {
                var member = set.getActionProfileActionsBuilder(i);
                member.setAction(asZero(member.getAction()));
            }
        }
        return out.build();
    }

    private static Action asZero(Action action) {
        if (!hasEmpty(action)) {
            return action;
        }
        Action.Builder out = action.toBuilder();
        for (Action.Param.Builder param : out.getParamsBuilderList()) {
            if (param.getValue().isEmpty()) {
                param.setValue(ZERO);
            }
        }
        return out.build();
    }
}
