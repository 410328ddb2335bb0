package org.metrofabric.p4sim.p4info;

import java.util.List;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.SourceLocation;
import p4.config.v1.P4InfoOuterClass.Documentation;
import p4.config.v1.P4InfoOuterClass.P4Ids;
import p4.config.v1.P4InfoOuterClass.Preamble;

/** The control-plane symbols of one program: their ids and aliases, and the preambles built from them. */
final class Symbols {
    private final SymbolIds ids = new SymbolIds();
    private final Aliases aliases = new Aliases();

    void declare(P4Ids.Prefix kind, String name, List<Annotation> annotations, SourceLocation location) {
        ids.declare(kind, name, Annotations.idValue(annotations, location), location);
        aliases.add(name);
    }

    void assignIds() {
        ids.assign();
    }

    int id(P4Ids.Prefix kind, String name) {
        return ids.id(kind, name);
    }

    /** A preamble with the name's own alias. */
    Preamble preamble(P4Ids.Prefix kind, String name, List<Annotation> annotations) {
        return preamble(kind, name, name, aliases.alias(name), annotations);
    }

    /**
     * A preamble whose shown name and alias differ from the symbol name (controller headers: the symbol is
     * the header type, the name is the {@code @controller_header} value).
     */
    Preamble preamble(P4Ids.Prefix kind, String symbol, String name, String alias, List<Annotation> annotations) {
        Preamble.Builder p = Preamble.newBuilder().setId(id(kind, symbol)).setName(name).setAlias(alias)
                .addAllAnnotations(Annotations.forP4Info(annotations));
        Documentation doc = Annotations.documentation(annotations);
        if (doc != null) {
            p.setDoc(doc);
        }
        return p.build();
    }
}
