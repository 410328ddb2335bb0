package org.metrofabric.p4sim.ir;

import java.util.List;

/** A control: parameters, locals (variables, actions, tables, extern instances) and apply body. */
public record ControlDecl(String name, List<Variable> parameters, List<Stmt.VarDecl> locals,
                         List<ActionDecl> actions, List<TableDecl> tables, List<ExternInstance> instances,
                         Stmt.Block apply, List<Annotation> annotations, SourceLocation location) {

    public TableDecl table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst().orElse(null);
    }

    public ActionDecl action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst().orElse(null);
    }
}
