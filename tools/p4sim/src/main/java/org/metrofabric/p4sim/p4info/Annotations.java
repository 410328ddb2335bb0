package org.metrofabric.p4sim.p4info;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.SourceLocation;
import p4.config.v1.P4InfoOuterClass.Documentation;

/** How p4c carries P4 annotations into a P4Info: as text, without the ones P4Info represents otherwise. */
final class Annotations {
    /** Represented by names, ids and documentation fields instead of annotation strings. */
    private static final Set<String> NOT_COPIED = Set.of("name", "id", "brief", "description");

    private Annotations() {
    }

    /** The annotation strings p4c writes for {@code annotations}, e.g. {@code @noWarn("unused")}. */
    static List<String> forP4Info(List<Annotation> annotations) {
        return annotations.stream()
                .filter(a -> !NOT_COPIED.contains(a.name()))
                .map(Annotations::text)
                .toList();
    }

    private static String text(Annotation a) {
        String body = a.body().trim();
        return body.isEmpty() ? "@" + a.name() : "@" + a.name() + "(" + body + ")";
    }

    static boolean has(List<Annotation> annotations, String name) {
        return Annotation.find(annotations, name).isPresent();
    }

    /** The {@code @brief}/{@code @description} documentation, or null when there is none. */
    static Documentation documentation(List<Annotation> annotations) {
        Documentation.Builder doc = Documentation.newBuilder();
        Annotation.find(annotations, "brief").ifPresent(a -> doc.setBrief(a.stringValue()));
        Annotation.find(annotations, "description").ifPresent(a -> doc.setDescription(a.stringValue()));
        return doc.getBrief().isEmpty() && doc.getDescription().isEmpty() ? null : doc.build();
    }

    /** The value of an {@code @id(N)} annotation, or null when there is none. */
    static Long idValue(List<Annotation> annotations, SourceLocation location) {
        Annotation id = Annotation.find(annotations, "id").orElse(null);
        if (id == null) {
            return null;
        }
        String body = id.body().trim().replace("_", "");
        try {
            BigInteger value = body.startsWith("0x") || body.startsWith("0X")
                    ? new BigInteger(body.substring(2), 16) : new BigInteger(body);
            if (value.signum() < 0 || value.bitLength() > 32) {
                throw new P4CompileException(location, "@id(" + id.body() + ") is not an unsigned 32-bit value");
            }
            return value.longValue();
        } catch (NumberFormatException e) {
            throw new P4CompileException(location, "@id(" + id.body() + ") is not an integer");
        }
    }
}
