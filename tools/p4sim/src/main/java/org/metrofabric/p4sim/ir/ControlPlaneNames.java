package org.metrofabric.p4sim.ir;

import java.util.List;
import org.metrofabric.p4sim.frontend.P4CompileException;

/**
 * The fully qualified names p4c gives control-plane objects. A {@code @name("x")} is relative to the
 * enclosing control ({@code C.x}) unless it starts with a dot ({@code @name(".x")} is {@code x}); without
 * {@code @name} the declared name is used, qualified the same way. Top-level objects are not qualified.
 */
public final class ControlPlaneNames {
    private ControlPlaneNames() {
    }

    public static String of(TableDecl table) {
        return qualified(table.controlName(), table.name(), table.annotations());
    }

    public static String of(ActionDecl action) {
        return qualified(action.controlName(), action.name(), action.annotations());
    }

    public static String of(ExternInstance instance) {
        return qualified(instance.controlName(), instance.name(), instance.annotations());
    }

    /** A struct type, top-level like every type (a digest of struct data is named after it). */
    public static String of(P4Type.Struct type) {
        return qualified(null, type.name(), type.annotations());
    }

    /** Action parameters and header fields: {@code @name} as written, else the declared name. */
    public static String of(Variable parameter) {
        return Annotation.find(parameter.annotations(), "name").map(Annotation::stringValue)
                .orElse(parameter.name());
    }

    public static String qualified(String enclosing, String declaredName, List<Annotation> annotations) {
        String name = Annotation.find(annotations, "name").map(Annotation::stringValue).orElse(null);
        if (name != null && name.startsWith(".")) {
            return name.substring(1);
        }
        String local = name != null ? name : declaredName;
        return enclosing == null ? local : enclosing + "." + local;
    }

    /**
     * A match field's name: its {@code @name}, else the key expression as written ({@code hdr.ipv4.dstAddr},
     * {@code hdr.vlan[0].vid}, {@code meta.f[7:0]}, {@code hdr.ipv4.$valid$} for {@code isValid()}).
     */
    public static String of(TableDecl.KeyElement key) {
        return Annotation.find(key.annotations(), "name").map(Annotation::stringValue)
                .orElseGet(() -> expressionText(key.expression()));
    }

    private static String expressionText(Expr e) {
        if (e instanceof Expr.VarRef v) {
            return v.variable().name();
        } else if (e instanceof Expr.Member m) {
            return expressionText(m.base()) + "." + m.field();
        } else if (e instanceof Expr.StackElement s && s.index() instanceof Expr.Constant c) {
            return expressionText(s.stack()) + "[" + c.value() + "]";
        } else if (e instanceof Expr.Slice s) {
            return expressionText(s.base()) + "[" + s.high() + ":" + s.low() + "]";
        } else if (e instanceof Expr.IsValid v) {
            return expressionText(v.header()) + ".$valid$";
        }
        throw new P4CompileException(e.location(),
                "this key expression needs a @name annotation to name its match field in the P4Info");
    }
}
