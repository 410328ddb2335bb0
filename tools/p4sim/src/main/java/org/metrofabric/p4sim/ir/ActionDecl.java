package org.metrofabric.p4sim.ir;

import java.util.List;

/**
 * An action. {@code controlName} is the declaring control, null for top-level actions such as
 * NoAction. Directionless parameters are the control-plane data, in declaration order.
 */
public final class ActionDecl {
    private final String name;
    private final String controlName;
    private final List<Variable> parameters;
    private Stmt.Block body;
    private final List<Annotation> annotations;
    private final SourceLocation location;

    public ActionDecl(String name, String controlName, List<Variable> parameters,
                      List<Annotation> annotations, SourceLocation location) {
        this.name = name;
        this.controlName = controlName;
        this.parameters = List.copyOf(parameters);
        this.annotations = List.copyOf(annotations);
        this.location = location;
    }

    public String name() {
        return name;
    }

    public String controlName() {
        return controlName;
    }

    public List<Variable> parameters() {
        return parameters;
    }

    public Stmt.Block body() {
        return body;
    }

    /** Set once by the compiler after the body is checked (the action is visible in its own scope first). */
    public void setBody(Stmt.Block body) {
        if (this.body != null) {
            throw new IllegalStateException("body of action " + name + " already set");
        }
        this.body = body;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public SourceLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return controlName == null ? name : controlName + "." + name;
    }
}
