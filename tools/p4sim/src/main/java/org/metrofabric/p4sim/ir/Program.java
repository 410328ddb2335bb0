package org.metrofabric.p4sim.ir;

import java.util.List;
import java.util.Map;

/**
 * A compiled P4 program: everything declared, in declaration order, with names resolved and
 * types checked. Produced by {@code org.metrofabric.p4sim.typecheck.Compiler#compile(java.nio.file.Path)}.
 */
public record Program(String sourceFile, List<P4Type.Struct> structTypes, List<P4Type.Enum> enums,
                      Map<String, P4Type> typedefs, List<String> errors, List<String> matchKinds,
                      List<ExternDecl> externs, List<ActionDecl> topLevelActions, List<ParserDecl> parsers,
                      List<ControlDecl> controls, List<ExternInstance> topLevelInstances,
                      Map<String, Expr> constants, PackageInstance main) {

    public ParserDecl parser(String name) {
        return parsers.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public ControlDecl control(String name) {
        return controls.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Header, union and struct types by name, or null. */
    public P4Type.Struct structType(String name) {
        return structTypes.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Number v1model reports in parser_error for {@code errorName}: its index in the error list. */
    public int errorNumber(String errorName) {
        return errors.indexOf(errorName);
    }
}
