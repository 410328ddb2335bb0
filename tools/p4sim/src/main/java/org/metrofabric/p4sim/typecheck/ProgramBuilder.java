package org.metrofabric.p4sim.typecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.frontend.P4Parser;
import org.metrofabric.p4sim.frontend.PreprocessedSource;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternDecl;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.PackageInstance;
import org.metrofabric.p4sim.ir.ParserDecl;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.SourceLocation;
import org.metrofabric.p4sim.ir.Stmt;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;

/**
 * Turns the parse tree into the typed IR, declaration by declaration (P4 declares before use):
 * resolves types and names, checks declarations, tables and statements; expressions are
 * delegated to {@link ExpressionTyper}.
 */
final class ProgramBuilder {
    private final String sourceName;
    final PreprocessedSource source;
    final Map<String, P4Type> types = new HashMap<>();
    final Map<String, ExternDecl> externTypes = new HashMap<>();
    final Map<String, List<ExternDecl.Method>> externFunctions = new HashMap<>();
    final Map<String, ExternDecl> externFunctionDecls = new HashMap<>();
    private final Set<String> blockTypes = new HashSet<>();
    final List<String> errors = new ArrayList<>();
    final List<String> matchKinds = new ArrayList<>();
    private final List<P4Type.Struct> structTypes = new ArrayList<>();
    private final List<P4Type.Enum> enums = new ArrayList<>();
    private final Map<String, P4Type> typedefs = new LinkedHashMap<>();
    private final List<ExternDecl> externs = new ArrayList<>();
    private final List<ActionDecl> topLevelActions = new ArrayList<>();
    private final List<ParserDecl> parsers = new ArrayList<>();
    private final List<ControlDecl> controls = new ArrayList<>();
    private final List<ExternInstance> topLevelInstances = new ArrayList<>();
    private final Map<String, Expr> constants = new LinkedHashMap<>();
    private PackageInstance main;
    final Scope global = new Scope(null);
    /** Type parameters in scope while declaring a generic extern or function. */
    Set<String> typeVariables = Set.of();
    private final ExpressionTyper typer;

    ProgramBuilder(String sourceName, PreprocessedSource source) {
        this.sourceName = sourceName;
        this.source = source;
        this.typer = new ExpressionTyper(this);
    }

    Program build(P4Parser.ProgramContext tree) {
        for (P4Parser.DeclarationContext d : tree.declaration()) {
            declaration(d);
        }
        if (main == null) {
            throw new P4CompileException(loc(tree.stop), "program has no package instantiation (e.g. V1Switch(...) main;)");
        }
        return new Program(sourceName, List.copyOf(structTypes), List.copyOf(enums), Map.copyOf(typedefs),
                List.copyOf(errors), List.copyOf(matchKinds), List.copyOf(externs), List.copyOf(topLevelActions),
                List.copyOf(parsers), List.copyOf(controls), List.copyOf(topLevelInstances),
                java.util.Collections.unmodifiableMap(constants), main);
    }

    // ------------------------------------------------------------------ locations, annotations

    SourceLocation loc(ParserRuleContext ctx) {
        return loc(ctx.getStart());
    }

    SourceLocation loc(Token t) {
        return source.locate(t.getLine(), t.getCharPositionInLine());
    }

    P4CompileException error(ParserRuleContext ctx, String message) {
        return new P4CompileException(loc(ctx), message);
    }

    List<Annotation> annotations(P4Parser.AnnotationsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<Annotation> out = new ArrayList<>();
        for (P4Parser.AnnotationContext a : ctx.annotation()) {
            String body = "";
            P4Parser.AnnotationBodyContext b = a.annotationBody();
            if (b != null && b.getStart() != null && b.getStop() != null
                    && b.getStop().getTokenIndex() >= b.getStart().getTokenIndex()) {
                body = b.getStart().getInputStream().getText(
                        Interval.of(b.getStart().getStartIndex(), b.getStop().getStopIndex()));
            }
            out.add(new Annotation(a.name().getText(), body, loc(a)));
        }
        return out;
    }

    private void declareGlobal(String name, Object what, ParserRuleContext ctx) {
        Object previous = global.declare(name, what);
        if (previous != null && !(previous instanceof ExternDecl && what instanceof ExternDecl)) {
            throw error(ctx, "'" + name + "' is already declared");
        }
    }

    private void declareType(String name, P4Type type, ParserRuleContext ctx) {
        if (types.containsKey(name) || externTypes.containsKey(name) || blockTypes.contains(name)) {
            throw error(ctx, "type '" + name + "' is already declared");
        }
        types.put(name, type);
    }

    // ------------------------------------------------------------------ types

    P4Type resolveType(P4Parser.TypeRefContext ctx) {
        if (ctx.baseType() != null) {
            return baseType(ctx.baseType());
        }
        if (ctx.typeName() != null) {
            return namedType(ctx.typeName().getText(), List.of(), ctx);
        }
        if (ctx.specializedType() != null) {
            return specialized(ctx.specializedType());
        }
        if (ctx.headerStackType() != null) {
            P4Parser.HeaderStackTypeContext s = ctx.headerStackType();
            P4Type element = s.typeName() != null ? namedType(s.typeName().getText(), List.of(), s)
                    : specialized(s.specializedType());
            if (!(element instanceof P4Type.Struct st) || !st.isHeader()) {
                throw error(s, "header stack element must be a header type, not " + element.describe());
            }
            int size = constantInt(s.expression(), "header stack size");
            if (size <= 0) {
                throw error(s.expression(), "header stack size must be positive, got " + size);
            }
            return new P4Type.Stack(st, size);
        }
        List<P4Type> elements = new ArrayList<>();
        for (P4Parser.TypeArgumentContext a : ctx.tupleType().typeArgumentList().typeArgument()) {
            elements.add(typeArgument(a));
        }
        return new P4Type.Tuple(elements);
    }

    P4Type typeArgument(P4Parser.TypeArgumentContext a) {
        if (a.typeRef() == null) {
            throw error(a, "'_' type arguments are not supported");
        }
        return resolveType(a.typeRef());
    }

    private P4Type specialized(P4Parser.SpecializedTypeContext s) {
        List<P4Type> args = new ArrayList<>();
        for (P4Parser.TypeArgumentContext a : s.typeArgumentList().typeArgument()) {
            args.add(typeArgument(a));
        }
        return namedType(s.typeName().getText(), args, s);
    }

    private P4Type namedType(String name, List<P4Type> args, ParserRuleContext ctx) {
        if (typeVariables.contains(name)) {
            return new P4Type.TypeVar(name);
        }
        ExternDecl extern = externTypes.get(name);
        if (extern != null) {
            if (args.size() > extern.typeParameters().size()) {
                throw error(ctx, "extern " + name + " takes " + extern.typeParameters().size()
                        + " type arguments, got " + args.size());
            }
            return new P4Type.Extern(extern, List.copyOf(args));
        }
        P4Type t = types.get(name);
        if (t == null) {
            throw error(ctx, "unknown type '" + name + "'");
        }
        if (!args.isEmpty()) {
            throw error(ctx, "type '" + name + "' is not generic");
        }
        return t;
    }

    private P4Type baseType(P4Parser.BaseTypeContext b) {
        String first = b.getStart().getText();
        if (b.getChildCount() == 1) {
            return switch (first) {
                case "bool" -> new P4Type.Bool();
                case "error" -> new P4Type.Error();
                case "string" -> new P4Type.Str();
                case "int" -> new P4Type.InfInt();
                default -> new P4Type.Bits(1, false);
            };
        }
        int width = b.INTEGER() != null ? literalInt(b.INTEGER().getSymbol()) : constantInt(b.expression(), "width");
        if (first.equals("varbit")) {
            if (width <= 0) {
                throw error(b, "varbit maximum width must be positive");
            }
            return new P4Type.Varbit(width);
        }
        boolean signed = first.equals("int");
        if (width <= 0) {
            throw error(b, "width of " + first + " must be positive, got " + width);
        }
        return new P4Type.Bits(width, signed);
    }

    private int literalInt(Token t) {
        Expr e = typer.integerLiteral(t);
        return ((Expr.Constant) e).value().intValueExact();
    }

    /** Evaluates a constant integer expression (widths, sizes). */
    int constantInt(P4Parser.ExpressionContext ctx, String what) {
        Expr e = typer.expression(ctx, global);
        if (e instanceof Expr.Constant c) {
            BigInteger v = ConstantFolder.numeric(c.value(), c.type());
            if (v.bitLength() > 31) {
                throw error(ctx, what + " " + v + " is out of range");
            }
            return v.intValue();
        }
        throw error(ctx, what + " must be a compile-time constant");
    }

    // ------------------------------------------------------------------ top-level declarations

    private void declaration(P4Parser.DeclarationContext d) {
        if (d.constantDeclaration() != null) {
            Expr.Constant c = constant(d.constantDeclaration(), global);
            constants.put(d.constantDeclaration().name().getText(), c);
        } else if (d.externDeclaration() != null) {
            externDeclaration(d.externDeclaration());
        } else if (d.actionDeclaration() != null) {
            topLevelActions.add(action(d.actionDeclaration(), null, global));
        } else if (d.functionDeclaration() != null) {
            throw error(d, "function declarations are not supported by p4sim");
        } else if (d.parserDeclaration() != null) {
            parsers.add(parser(d.parserDeclaration()));
        } else if (d.controlDeclaration() != null) {
            controls.add(control(d.controlDeclaration()));
        } else if (d.typeDeclaration() != null) {
            typeDeclaration(d.typeDeclaration());
        } else if (d.instantiation() != null) {
            topLevelInstantiation(d.instantiation());
        } else if (d.errorDeclaration() != null) {
            for (P4Parser.NameContext n : d.errorDeclaration().name()) {
                if (errors.contains(n.getText())) {
                    throw error(n, "error." + n.getText() + " is already declared");
                }
                errors.add(n.getText());
            }
        } else if (d.matchKindDeclaration() != null) {
            for (P4Parser.NameContext n : d.matchKindDeclaration().name()) {
                if (matchKinds.contains(n.getText())) {
                    throw error(n, "match_kind " + n.getText() + " is already declared");
                }
                matchKinds.add(n.getText());
            }
        }
    }

    Expr.Constant constant(P4Parser.ConstantDeclarationContext c, Scope scope) {
        P4Type type = resolveType(c.typeRef());
        Expr value = typer.coerce(typer.expression(c.expression(), scope), type, c.expression());
        Expr.Constant folded;
        if (value instanceof Expr.Constant k) {
            folded = k;
        } else if (value instanceof Expr.BoolConstant b) {
            folded = new Expr.Constant(b.value() ? BigInteger.ONE : BigInteger.ZERO, new P4Type.Bool(), b.location());
        } else {
            throw error(c.expression(), "initializer of constant '" + c.name().getText() + "' is not a compile-time constant");
        }
        Object previous = scope.declare(c.name().getText(), folded);
        if (previous != null) {
            throw error(c.name(), "'" + c.name().getText() + "' is already declared");
        }
        return folded;
    }

    private void typeDeclaration(P4Parser.TypeDeclarationContext t) {
        if (t.headerTypeDeclaration() != null) {
            var h = t.headerTypeDeclaration();
            structType(P4Type.Struct.Kind.HEADER, h.name(), h.structField(), h.annotations(), h);
        } else if (t.headerUnionDeclaration() != null) {
            var h = t.headerUnionDeclaration();
            structType(P4Type.Struct.Kind.HEADER_UNION, h.name(), h.structField(), h.annotations(), h);
        } else if (t.structTypeDeclaration() != null) {
            var h = t.structTypeDeclaration();
            structType(P4Type.Struct.Kind.STRUCT, h.name(), h.structField(), h.annotations(), h);
        } else if (t.enumDeclaration() != null) {
            enumDeclaration(t.enumDeclaration());
        } else if (t.typedefDeclaration() != null) {
            var td = t.typedefDeclaration();
            P4Type type = resolveType(td.typeRef());
            declareType(td.name().getText(), type, td.name());
            typedefs.put(td.name().getText(), type);
        } else if (t.parserTypeDeclaration() != null) {
            blockTypes.add(t.parserTypeDeclaration().name().getText());
        } else if (t.controlTypeDeclaration() != null) {
            blockTypes.add(t.controlTypeDeclaration().name().getText());
        } else if (t.packageTypeDeclaration() != null) {
            var p = t.packageTypeDeclaration();
            blockTypes.add(p.name().getText());
            List<String> params = new ArrayList<>();
            for (P4Parser.ParameterContext pc : p.parameterList().parameter()) {
                params.add(pc.name().getText());
            }
            global.declare("package " + p.name().getText(), params);
        }
    }

    private void structType(P4Type.Struct.Kind kind, P4Parser.NameContext name, List<P4Parser.StructFieldContext> fieldCtxs,
                            P4Parser.AnnotationsContext annotations, ParserRuleContext ctx) {
        List<P4Type.Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (P4Parser.StructFieldContext f : fieldCtxs) {
            P4Type type = resolveType(f.typeRef());
            String fieldName = f.name().getText();
            if (!seen.add(fieldName)) {
                throw error(f.name(), "duplicate field '" + fieldName + "' in " + name.getText());
            }
            if (kind == P4Type.Struct.Kind.HEADER && !(type instanceof P4Type.Bits || type instanceof P4Type.Varbit
                    || type instanceof P4Type.Bool)) {
                throw error(f.typeRef(), "header field '" + fieldName + "' must be bit<W>, int<W>, varbit<W> or bool, not "
                        + type.describe());
            }
            if (kind == P4Type.Struct.Kind.HEADER_UNION && !(type instanceof P4Type.Struct s && s.isHeader())) {
                throw error(f.typeRef(), "header_union field '" + fieldName + "' must be a header");
            }
            fields.add(new P4Type.Field(fieldName, type, annotations(f.annotations()), loc(f)));
        }
        if (kind == P4Type.Struct.Kind.HEADER
                && fields.stream().filter(f -> f.type() instanceof P4Type.Varbit).count() > 1) {
            throw error(ctx, "header " + name.getText() + " has more than one varbit field");
        }
        P4Type.Struct s = new P4Type.Struct(kind, name.getText(), List.copyOf(fields), annotations(annotations), loc(ctx));
        declareType(name.getText(), s, name);
        structTypes.add(s);
    }

    private void enumDeclaration(P4Parser.EnumDeclarationContext e) {
        List<P4Parser.NameContext> names = e.name();
        String enumName = names.get(0).getText();
        List<String> members = new ArrayList<>();
        Map<String, BigInteger> values = new LinkedHashMap<>();
        P4Type.Bits underlying = null;
        if (e.typeRef() != null) {
            P4Type t = resolveType(e.typeRef());
            if (!(t instanceof P4Type.Bits b)) {
                throw error(e.typeRef(), "serializable enum must be over bit<W> or int<W>, not " + t.describe());
            }
            underlying = b;
            for (P4Parser.SpecifiedIdentifierContext s : e.specifiedIdentifier()) {
                Expr v = typer.coerce(typer.expression(s.expression(), global), b, s.expression());
                if (!(v instanceof Expr.Constant c)) {
                    throw error(s.expression(), "enum value must be a constant");
                }
                members.add(s.name().getText());
                values.put(s.name().getText(), c.value());
            }
        } else {
            for (int i = 1; i < names.size(); i++) {
                members.add(names.get(i).getText());
            }
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw error(e, "enum " + enumName + " has duplicate members");
        }
        P4Type.Enum type = new P4Type.Enum(enumName, List.copyOf(members), underlying, Map.copyOf(values),
                annotations(e.annotations()), loc(e));
        declareType(enumName, type, names.get(0));
        enums.add(type);
    }

    private void externDeclaration(P4Parser.ExternDeclarationContext e) {
        List<Annotation> annotations = annotations(e.annotations());
        if (e.functionPrototype() != null) {
            ExternDecl.Method m = prototype(e.functionPrototype(), annotations, Set.of());
            String name = m.name();
            externFunctions.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
            ExternDecl decl = new ExternDecl(name, m.typeParameters(), List.of(),
                    List.copyOf(externFunctions.get(name)), true, annotations, loc(e));
            if (!externFunctionDecls.containsKey(name)) {
                externs.add(decl);
            } else {
                externs.set(externs.indexOf(externFunctionDecls.get(name)), decl);
            }
            externFunctionDecls.put(name, decl);
            declareGlobal(name, decl, e);
            global.redeclare(name, decl);
            return;
        }
        String name = e.name().getText();
        List<String> typeParams = typeParameters(e.typeParameters());
        Set<String> saved = typeVariables;
        typeVariables = new HashSet<>(typeParams);
        // Declared first so that methods may mention the extern's own type.
        ExternDecl placeholder = new ExternDecl(name, typeParams, List.of(), List.of(), false, annotations, loc(e));
        if (externTypes.containsKey(name) || types.containsKey(name)) {
            throw error(e.name(), "type '" + name + "' is already declared");
        }
        externTypes.put(name, placeholder);
        List<ExternDecl.Method> constructors = new ArrayList<>();
        List<ExternDecl.Method> methods = new ArrayList<>();
        for (P4Parser.MethodPrototypeContext m : e.methodPrototype()) {
            List<Annotation> ma = annotations(m.annotations());
            if (m.functionPrototype() != null) {
                methods.add(prototype(m.functionPrototype(), ma, typeVariables));
            } else {
                if (!m.name().getText().equals(name)) {
                    throw error(m.name(), "method '" + m.name().getText() + "' of extern " + name + " needs a return type");
                }
                constructors.add(new ExternDecl.Method(name, new P4Type.Void(), List.of(), parameters(m.parameterList(), true), ma));
            }
        }
        typeVariables = saved;
        ExternDecl decl = new ExternDecl(name, typeParams, List.copyOf(constructors), List.copyOf(methods), false,
                annotations, loc(e));
        externTypes.put(name, decl);
        externs.add(decl);
    }

    private ExternDecl.Method prototype(P4Parser.FunctionPrototypeContext f, List<Annotation> annotations, Set<String> outer) {
        List<String> typeParams = typeParameters(f.typeParameters());
        Set<String> saved = typeVariables;
        Set<String> vars = new HashSet<>(outer);
        vars.addAll(typeParams);
        typeVariables = vars;
        P4Type ret = f.typeOrVoid().typeRef() == null ? new P4Type.Void() : resolveType(f.typeOrVoid().typeRef());
        List<Variable> params = parameters(f.parameterList(), true);
        typeVariables = saved;
        return new ExternDecl.Method(f.name().getText(), ret, typeParams, params, annotations);
    }

    private static List<String> typeParameters(P4Parser.TypeParametersContext t) {
        if (t == null) {
            return List.of();
        }
        return t.name().stream().map(ParserRuleContext::getText).toList();
    }

    List<Variable> parameters(P4Parser.ParameterListContext list, boolean isParameter) {
        List<Variable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (P4Parser.ParameterContext p : list.parameter()) {
            Direction dir = p.direction() == null ? Direction.NONE
                    : Direction.valueOf(p.direction().getText().toUpperCase());
            String name = p.name().getText();
            if (!seen.add(name)) {
                throw error(p.name(), "duplicate parameter '" + name + "'");
            }
            out.add(new Variable(name, resolveType(p.typeRef()), dir, isParameter, annotations(p.annotations()), loc(p)));
        }
        return out;
    }

    private void topLevelInstantiation(P4Parser.InstantiationContext i) {
        String typeName = i.typeRef().getText();
        @SuppressWarnings("unchecked")
        List<String> packageParams = (List<String>) global.lookup("package " + typeName);
        if (packageParams != null) {
            List<Object> blocks = new ArrayList<>();
            List<P4Parser.ArgumentContext> args = i.argumentList().argument();
            if (args.size() != packageParams.size()) {
                throw error(i, "package " + typeName + " takes " + packageParams.size() + " arguments, got " + args.size());
            }
            for (P4Parser.ArgumentContext a : args) {
                blocks.add(blockArgument(a));
            }
            if (main != null) {
                throw error(i, "a second package instantiation ('" + i.name().getText() + "'); only one is supported");
            }
            main = new PackageInstance(typeName, i.name().getText(), packageParams, List.copyOf(blocks),
                    annotations(i.annotations()), loc(i));
            return;
        }
        ExternInstance inst = instance(i, null, global);
        topLevelInstances.add(inst);
    }

    private Object blockArgument(P4Parser.ArgumentContext a) {
        if (a.expression() instanceof P4Parser.CallContext call && call.expression() instanceof P4Parser.NameExpressionContext n
                && call.argumentList().argument().isEmpty()) {
            Object block = global.lookup(n.getText());
            if (block instanceof ParserDecl || block instanceof ControlDecl) {
                return block;
            }
            throw error(a, "'" + n.getText() + "' is not a parser or control");
        }
        throw error(a, "package argument must instantiate a parser or control, e.g. MyIngress()");
    }

    ExternInstance instance(P4Parser.InstantiationContext i, String owner, Scope scope) {
        P4Type type = resolveType(i.typeRef());
        if (!(type instanceof P4Type.Extern ext)) {
            throw error(i.typeRef(), "cannot instantiate " + type.describe() + " (only extern objects can be instantiated here)");
        }
        List<P4Parser.ArgumentContext> argCtxs = i.argumentList().argument();
        ExternDecl.Method ctor = ext.decl().constructors().stream()
                .filter(c -> c.parameters().size() == argCtxs.size()).findFirst()
                .orElseThrow(() -> error(i, "extern " + ext.decl().name() + " has no constructor taking "
                        + argCtxs.size() + " arguments"));
        List<Expr> args = new ArrayList<>();
        for (int k = 0; k < argCtxs.size(); k++) {
            P4Parser.ArgumentContext a = argCtxs.get(k);
            if (a.expression() == null) {
                throw error(a, "constructor arguments must be expressions");
            }
            P4Type want = ctor.parameters().get(k).type();
            Expr e = typer.expression(a.expression(), scope);
            args.add(want instanceof P4Type.TypeVar ? e : typer.coerce(e, want, a.expression()));
        }
        ExternInstance inst = new ExternInstance(i.name().getText(), ext, List.copyOf(args), owner,
                annotations(i.annotations()), loc(i));
        if (scope.declare(inst.name(), inst) != null) {
            throw error(i.name(), "'" + inst.name() + "' is already declared");
        }
        return inst;
    }

    // ------------------------------------------------------------------ actions

    ActionDecl action(P4Parser.ActionDeclarationContext a, String controlName, Scope scope) {
        List<Variable> params = parameters(a.parameterList(), true);
        boolean sawDirectionless = false;
        for (Variable v : params) {
            if (v.direction() == Direction.NONE) {
                sawDirectionless = true;
            } else if (sawDirectionless) {
                throw new P4CompileException(v.location(), "parameter '" + v.name()
                        + "' with a direction follows a directionless parameter");
            }
        }
        ActionDecl decl = new ActionDecl(a.name().getText(), controlName, params, annotations(a.annotations()), loc(a));
        if (scope.declare(decl.name(), decl) != null) {
            throw error(a.name(), "'" + decl.name() + "' is already declared");
        }
        Scope body = scope.child();
        for (Variable v : params) {
            body.declare(v.name(), v);
        }
        decl.setBody(block(a.blockStatement(), body, BodyKind.ACTION));
        return decl;
    }

    // ------------------------------------------------------------------ parsers

    private ParserDecl parser(P4Parser.ParserDeclarationContext p) {
        if (p.typeParameters() != null || p.parameterList().size() > 1) {
            throw error(p, "generic or constructor-parameterised parsers are not supported");
        }
        String name = p.name().getText();
        List<Variable> params = parameters(p.parameterList(0), true);
        Scope scope = global.child();
        for (Variable v : params) {
            scope.declare(v.name(), v);
        }
        List<Stmt.VarDecl> locals = new ArrayList<>();
        List<ExternInstance> instances = new ArrayList<>();
        for (P4Parser.ParserLocalElementContext l : p.parserLocalElement()) {
            if (l.constantDeclaration() != null) {
                constant(l.constantDeclaration(), scope);
            } else if (l.instantiation() != null) {
                instances.add(instance(l.instantiation(), name, scope));
            } else {
                locals.add(variableDeclaration(l.variableDeclaration(), scope));
            }
        }
        List<ParserDecl.State> states = new ArrayList<>();
        Set<String> stateNames = new HashSet<>();
        for (P4Parser.ParserStateContext s : p.parserState()) {
            String stateName = s.name().getText();
            if (stateName.equals("accept") || stateName.equals("reject")) {
                throw error(s.name(), "state '" + stateName + "' is predefined and cannot be declared");
            }
            if (!stateNames.add(stateName)) {
                throw error(s.name(), "state '" + stateName + "' is already declared");
            }
        }
        if (!stateNames.contains("start")) {
            throw error(p.name(), "parser " + name + " has no 'start' state");
        }
        for (P4Parser.ParserStateContext s : p.parserState()) {
            states.add(parserState(s, scope, stateNames));
        }
        ParserDecl decl = new ParserDecl(name, params, List.copyOf(locals), List.copyOf(instances), List.copyOf(states),
                annotations(p.annotations()), loc(p));
        declareGlobal(name, decl, p.name());
        return decl;
    }

    private ParserDecl.State parserState(P4Parser.ParserStateContext s, Scope parserScope, Set<String> stateNames) {
        Scope scope = parserScope.child();
        List<Stmt> statements = new ArrayList<>();
        for (P4Parser.ParserStatementContext st : s.parserStatement()) {
            statements.add(parserStatement(st, scope));
        }
        ParserDecl.Transition transition;
        P4Parser.TransitionStatementContext t = s.transitionStatement();
        if (t == null) {
            transition = new ParserDecl.Transition.Goto("reject", loc(s));
        } else if (t.stateExpression().name() != null) {
            transition = new ParserDecl.Transition.Goto(stateRef(t.stateExpression().name(), stateNames), loc(t));
        } else {
            P4Parser.SelectExpressionContext sel = t.stateExpression().selectExpression();
            List<Expr> exprs = new ArrayList<>();
            for (P4Parser.ExpressionContext e : sel.expressionList().expression()) {
                Expr x = typer.expression(e, scope);
                if (!(x.type() instanceof P4Type.Bits || x.type() instanceof P4Type.Bool
                        || x.type() instanceof P4Type.Enum || x.type() instanceof P4Type.Error)) {
                    throw error(e, "select expression must be bit<W>, int<W>, bool, enum or error, not " + x.type().describe());
                }
                exprs.add(x);
            }
            List<ParserDecl.Transition.Case> cases = new ArrayList<>();
            for (P4Parser.SelectCaseContext c : sel.selectCase()) {
                List<Keyset> keysets = keysets(c.keysetExpression(), exprs, scope);
                cases.add(new ParserDecl.Transition.Case(keysets, stateRef(c.name(), stateNames), loc(c)));
            }
            transition = new ParserDecl.Transition.Select(List.copyOf(exprs), List.copyOf(cases), loc(sel));
        }
        return new ParserDecl.State(s.name().getText(), List.copyOf(statements), transition,
                annotations(s.annotations()), loc(s));
    }

    private String stateRef(P4Parser.NameContext n, Set<String> stateNames) {
        String target = n.getText();
        if (!target.equals("accept") && !target.equals("reject") && !stateNames.contains(target)) {
            throw error(n, "unknown parser state '" + target + "'");
        }
        return target;
    }

    /** Keysets of a select case or a table entry, one per key, each folded to constants. */
    List<Keyset> keysets(P4Parser.KeysetExpressionContext k, List<? extends Object> keyTypesOrExprs, Scope scope) {
        List<P4Parser.SimpleKeysetExpressionContext> simple = k.simpleKeysetExpression();
        List<P4Type> keyTypes = new ArrayList<>();
        for (Object o : keyTypesOrExprs) {
            keyTypes.add(o instanceof Expr e ? e.type() : (P4Type) o);
        }
        if (simple.size() == 1 && keyTypes.size() > 1 && simple.get(0) instanceof P4Parser.DefaultKeysetContext) {
            List<Keyset> all = new ArrayList<>();
            for (int i = 0; i < keyTypes.size(); i++) {
                all.add(new Keyset.DontCare());
            }
            return all;
        }
        if (simple.size() != keyTypes.size()) {
            throw error(k, "keyset has " + simple.size() + " components but there are " + keyTypes.size() + " keys");
        }
        List<Keyset> out = new ArrayList<>();
        for (int i = 0; i < simple.size(); i++) {
            out.add(keyset(simple.get(i), keyTypes.get(i), scope));
        }
        return out;
    }

    private Keyset keyset(P4Parser.SimpleKeysetExpressionContext s, P4Type keyType, Scope scope) {
        if (s instanceof P4Parser.DefaultKeysetContext || s instanceof P4Parser.DontCareKeysetContext) {
            return new Keyset.DontCare();
        }
        if (s instanceof P4Parser.MaskKeysetContext m) {
            return new Keyset.Mask(keyValue(m.expression(0), keyType, scope), keyValue(m.expression(1), keyType, scope));
        }
        if (s instanceof P4Parser.RangeKeysetContext r) {
            return new Keyset.Range(keyValue(r.expression(0), keyType, scope), keyValue(r.expression(1), keyType, scope));
        }
        return new Keyset.Exact(keyValue(((P4Parser.ValueKeysetContext) s).expression(), keyType, scope));
    }

    private BigInteger keyValue(P4Parser.ExpressionContext e, P4Type keyType, Scope scope) {
        Expr x = typer.coerce(typer.expression(e, scope), keyType, e);
        return typer.constantBits(x, e);
    }

    private Stmt parserStatement(P4Parser.ParserStatementContext st, Scope scope) {
        if (st.assignmentOrMethodCallStatement() != null) {
            return assignmentOrCall(st.assignmentOrMethodCallStatement(), scope, BodyKind.PARSER);
        }
        if (st.parserBlockStatement() != null) {
            Scope inner = scope.child();
            List<Stmt> list = new ArrayList<>();
            for (P4Parser.ParserStatementContext s : st.parserBlockStatement().parserStatement()) {
                list.add(parserStatement(s, inner));
            }
            return new Stmt.Block(List.copyOf(list), loc(st));
        }
        if (st.constantDeclaration() != null) {
            constant(st.constantDeclaration(), scope);
            return new Stmt.Block(List.of(), loc(st));
        }
        if (st.variableDeclaration() != null) {
            return variableDeclaration(st.variableDeclaration(), scope);
        }
        if (st.conditionalStatement() != null) {
            return statement(st.conditionalStatement(), scope, BodyKind.PARSER);
        }
        return new Stmt.Block(List.of(), loc(st));
    }

    // ------------------------------------------------------------------ controls

    private ControlDecl control(P4Parser.ControlDeclarationContext c) {
        if (c.typeParameters() != null || c.parameterList().size() > 1) {
            throw error(c, "generic or constructor-parameterised controls are not supported");
        }
        String name = c.name().getText();
        List<Variable> params = parameters(c.parameterList(0), true);
        Scope scope = global.child();
        for (Variable v : params) {
            scope.declare(v.name(), v);
        }
        List<Stmt.VarDecl> locals = new ArrayList<>();
        List<ActionDecl> actions = new ArrayList<>();
        List<TableDecl> tables = new ArrayList<>();
        List<ExternInstance> instances = new ArrayList<>();
        for (P4Parser.ControlLocalDeclarationContext l : c.controlLocalDeclaration()) {
            if (l.constantDeclaration() != null) {
                constant(l.constantDeclaration(), scope);
            } else if (l.actionDeclaration() != null) {
                actions.add(action(l.actionDeclaration(), name, scope));
            } else if (l.tableDeclaration() != null) {
                TableDecl table = new TableBuilder(this, typer).table(l.tableDeclaration(), name, scope);
                if (scope.declare(table.name(), table) != null) {
                    throw error(l.tableDeclaration().name(), "'" + table.name() + "' is already declared");
                }
                tables.add(table);
            } else if (l.instantiation() != null) {
                instances.add(instance(l.instantiation(), name, scope));
            } else {
                locals.add(variableDeclaration(l.variableDeclaration(), scope));
            }
        }
        Stmt.Block apply = block(c.blockStatement(), scope.child(), BodyKind.CONTROL);
        ControlDecl decl = new ControlDecl(name, params, List.copyOf(locals), List.copyOf(actions), List.copyOf(tables),
                List.copyOf(instances), apply, annotations(c.annotations()), loc(c));
        declareGlobal(name, decl, c.name());
        return decl;
    }

    // ------------------------------------------------------------------ statements

    /** Where a statement appears: some statements are only legal in some bodies. */
    enum BodyKind { PARSER, CONTROL, ACTION }

    Stmt.Block block(P4Parser.BlockStatementContext b, Scope scope, BodyKind kind) {
        List<Stmt> list = new ArrayList<>();
        for (P4Parser.StatementContext s : b.statement()) {
            list.add(statement(s, scope, kind));
        }
        return new Stmt.Block(List.copyOf(list), loc(b));
    }

    private Stmt statement(ParserRuleContext s, Scope scope, BodyKind kind) {
        if (s instanceof P4Parser.StatementContext st) {
            if (st.assignmentOrMethodCallStatement() != null) {
                return assignmentOrCall(st.assignmentOrMethodCallStatement(), scope, kind);
            }
            if (st.conditionalStatement() != null) {
                return statement(st.conditionalStatement(), scope, kind);
            }
            if (st.blockStatement() != null) {
                return block(st.blockStatement(), scope.child(), kind);
            }
            if (st.exitStatement() != null) {
                return new Stmt.Exit(loc(st));
            }
            if (st.returnStatement() != null) {
                if (st.returnStatement().expression() != null) {
                    throw error(st, "return with a value is only allowed in functions");
                }
                return new Stmt.Return(loc(st));
            }
            if (st.switchStatement() != null) {
                return switchStatement(st.switchStatement(), scope, kind);
            }
            if (st.variableDeclaration() != null) {
                return variableDeclaration(st.variableDeclaration(), scope);
            }
            if (st.constantDeclaration() != null) {
                constant(st.constantDeclaration(), scope);
            }
            return new Stmt.Block(List.of(), loc(st));
        }
        P4Parser.ConditionalStatementContext c = (P4Parser.ConditionalStatementContext) s;
        Expr cond = typer.expression(c.expression(), scope);
        if (!(cond.type() instanceof P4Type.Bool)) {
            throw error(c.expression(), "condition must be bool, not " + cond.type().describe());
        }
        Stmt then = statement(c.statement(0), scope.child(), kind);
        Stmt otherwise = c.statement().size() > 1 ? statement(c.statement(1), scope.child(), kind) : null;
        return new Stmt.If(cond, then, otherwise, loc(c));
    }

    private Stmt switchStatement(P4Parser.SwitchStatementContext s, Scope scope, BodyKind kind) {
        if (kind != BodyKind.CONTROL) {
            throw error(s, "switch statements are only supported in control apply blocks");
        }
        P4Parser.ExpressionContext subject = s.expression();
        if (!(subject instanceof P4Parser.MemberContext m) || !m.name().getText().equals("action_run")) {
            throw error(subject, "switch needs 'table.apply().action_run'");
        }
        Expr applied = typer.expression(m.expression(), scope);
        if (!(applied instanceof Expr.TableApply apply)) {
            throw error(subject, "switch needs 'table.apply().action_run'");
        }
        List<Stmt.Switch.Case> cases = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (P4Parser.SwitchCaseContext c : s.switchCase()) {
            ActionDecl action = null;
            if (c.switchLabel().expression() != null) {
                String label = c.switchLabel().expression().getText();
                action = apply.table().actions().stream().map(TableDecl.ActionRef::action)
                        .filter(a -> a.name().equals(label)).findFirst()
                        .orElseThrow(() -> error(c.switchLabel(), "'" + label + "' is not an action of table "
                                + apply.table().name()));
            }
            if (!seen.add(action == null ? "default" : action)) {
                throw error(c.switchLabel(), "duplicate switch label '" + c.switchLabel().getText() + "'");
            }
            Stmt.Block body = c.blockStatement() == null ? null : block(c.blockStatement(), scope.child(), kind);
            cases.add(new Stmt.Switch.Case(action, body, loc(c)));
        }
        return new Stmt.Switch(apply, List.copyOf(cases), loc(s));
    }

    Stmt.VarDecl variableDeclaration(P4Parser.VariableDeclarationContext v, Scope scope) {
        P4Type type = resolveType(v.typeRef());
        if (type instanceof P4Type.Extern || type instanceof P4Type.InfInt) {
            throw error(v.typeRef(), "variable '" + v.name().getText() + "' cannot have type " + type.describe());
        }
        Expr init = v.expression() == null ? null
                : typer.coerce(typer.expression(v.expression(), scope), type, v.expression());
        Variable var = new Variable(v.name().getText(), type, Direction.INOUT, false, annotations(v.annotations()), loc(v));
        if (scope.declare(var.name(), var) != null) {
            throw error(v.name(), "'" + var.name() + "' is already declared in this scope");
        }
        return new Stmt.VarDecl(var, init, loc(v));
    }

    private Stmt assignmentOrCall(P4Parser.AssignmentOrMethodCallStatementContext s, Scope scope, BodyKind kind) {
        if (s instanceof P4Parser.AssignmentStatementContext a) {
            Expr target = typer.expression(a.expression(0), scope);
            typer.requireWritable(target, a.expression(0));
            Expr value = typer.coerce(typer.expression(a.expression(1), scope), target.type(), a.expression(1));
            return new Stmt.Assign(target, value, loc(a));
        }
        P4Parser.CallStatementContext c = (P4Parser.CallStatementContext) s;
        Expr call = typer.expression(c.expression(), scope);
        if (!(call instanceof Expr.ExternCall || call instanceof Expr.PacketCall || call instanceof Expr.HeaderOp
                || call instanceof Expr.TableApply || call instanceof Expr.ActionInvocation)) {
            throw error(c, "expression statement must be a method or function call");
        }
        if (call instanceof Expr.TableApply && kind != BodyKind.CONTROL) {
            throw error(c, "tables can only be applied in a control's apply block");
        }
        if (call instanceof Expr.PacketCall pc && kind != BodyKind.PARSER && !pc.method().equals("emit")) {
            throw error(c, "packet_in." + pc.method() + " is only available in parsers");
        }
        return new Stmt.Call(call, loc(c));
    }
}
