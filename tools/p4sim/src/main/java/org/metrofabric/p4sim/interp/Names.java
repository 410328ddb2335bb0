package org.metrofabric.p4sim.interp;

import java.util.List;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.TableDecl;

/** The P4Info names the runtime objects are registered under (p4c's rule: control prefix, @name). */
public final class Names {
    private Names() {
    }

    public static String of(TableDecl t) {
        return qualified(t.controlName(), t.name(), t.annotations());
    }

    public static String of(ActionDecl a) {
        return qualified(a.controlName(), a.name(), a.annotations());
    }

    public static String of(ExternInstance i) {
        return qualified(i.controlName(), i.name(), i.annotations());
    }

    static String qualified(String enclosing, String declared, List<Annotation> annotations) {
        String name = Annotation.find(annotations, "name").map(Annotation::stringValue).orElse(declared);
        if (name.startsWith(".")) {
            return name.substring(1);
        }
        return enclosing == null ? name : enclosing + "." + name;
    }
}
