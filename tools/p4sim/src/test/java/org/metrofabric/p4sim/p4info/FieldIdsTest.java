package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.SourceLocation;

class FieldIdsTest {
    private static final SourceLocation AT = new SourceLocation("t.p4", 1, 1);

    @Test
    void positionsNumberFromOneAroundUserIds() {
        List<List<Annotation>> annotations = List.of(List.of(), List.of(id("1")), List.of(), List.of());
        assertEquals(List.of(2, 1, 3, 4), FieldIds.allocate(annotations, List.of(AT, AT, AT, AT)));
    }

    @Test
    void aUserIdAheadIsSkipped() {
        List<List<Annotation>> annotations = List.of(List.of(), List.of(), List.of(id("3")), List.of());
        assertEquals(List.of(1, 2, 3, 4), FieldIds.allocate(annotations, List.of(AT, AT, AT, AT)));
        List<List<Annotation>> early = List.of(List.of(id("2")), List.of(), List.of());
        // as p4c: the position counter also advances past members that carry an @id
        assertEquals(List.of(2, 3, 4), FieldIds.allocate(early, List.of(AT, AT, AT)));
    }

    @Test
    void duplicateOrZeroIdIsRejected() {
        assertThrows(P4CompileException.class,
                () -> FieldIds.allocate(List.of(List.of(id("5")), List.of(id("5"))), List.of(AT, AT)));
        assertThrows(P4CompileException.class, () -> FieldIds.allocate(List.of(List.of(id("0"))), List.of(AT)));
    }

    private static Annotation id(String value) {
        return new Annotation("id", value, AT);
    }
}
