package org.metrofabric.p4sim.runtime;

/**
 * What a table entry does when it is hit: a direct action, or a reference into the table's action profile
 * (a member, or a selector group).
 */
public sealed interface EntryAction permits ActionCall, EntryAction.MemberRef, EntryAction.GroupRef {

    /** An action profile member, by its P4Runtime member id. */
    record MemberRef(int memberId) implements EntryAction { }

    /** An action selector group, by its P4Runtime group id. */
    record GroupRef(int groupId) implements EntryAction { }
}
