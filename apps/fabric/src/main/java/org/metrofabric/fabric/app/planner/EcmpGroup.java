package org.metrofabric.fabric.app.planner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A set of equal-cost next hops (metro.p4 ecmp table behind the ecmp_selector). Identity is the
 * member set, so routes with the same uplinks share one group and the programmer can give it one id.
 */
public final class EcmpGroup {
    private final List<NextHop> members;
    private final int hash;

    public EcmpGroup(Collection<NextHop> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ECMP group needs at least one member");
        }
        List<NextHop> sorted = new ArrayList<>(members);
        Collections.sort(sorted);
        this.members = Collections.unmodifiableList(sorted);
        this.hash = this.members.hashCode();
    }

    /** Members in port order. */
    public List<NextHop> members() {
        return members;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof EcmpGroup && hash == ((EcmpGroup) o).hash && members.equals(((EcmpGroup) o).members));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ecmp" + members;
    }
}
