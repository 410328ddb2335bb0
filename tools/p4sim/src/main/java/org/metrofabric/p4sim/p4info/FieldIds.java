package org.metrofabric.p4sim.p4info;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.SourceLocation;

/**
 * Ids of the members of one P4Info object (match fields, action parameters, packet metadata), as p4c
 * gives them: {@code @id} values first, then 1, 2, ... by position, skipping ids already used.
 */
final class FieldIds {
    private FieldIds() {
    }

    /**
     * @param annotations the annotations of each member, in declaration order
     * @param locations where each member is declared, for errors
     * @return the id of each member, in the same order
     */
    static List<Integer> allocate(List<List<Annotation>> annotations, List<SourceLocation> locations) {
        int n = annotations.size();
        Integer[] ids = new Integer[n];
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Long user = Annotations.idValue(annotations.get(i), locations.get(i));
            if (user == null) {
                continue;
            }
            if (user == 0 || user > 0xffffffffL) {
                throw new P4CompileException(locations.get(i), "@id must be an unsigned 32-bit value > 0");
            }
            if (!used.add(user.intValue())) {
                throw new P4CompileException(locations.get(i), "@id " + user + " is used more than once");
            }
            ids[i] = user.intValue();
        }
        int next = 1;
        for (int i = 0; i < n; i++) {
            if (ids[i] != null) {
                next++;
                continue;
            }
            while (used.contains(next)) {
                next++;
            }
            ids[i] = next;
            used.add(next);
        }
        return new ArrayList<>(List.of(ids));
    }
}
